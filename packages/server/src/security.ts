import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

/**
 * The security headers of every response: a content security policy with no inline script (the
 * UI's styles may be inline: the plotting library writes SVG style attributes), no MIME sniffing,
 * no framing, no referrer, isolated browsing context.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set(
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  );
  h.set('x-content-type-options', 'nosniff');
  h.set('x-frame-options', 'DENY');
  h.set('referrer-policy', 'no-referrer');
  h.set('cross-origin-opener-policy', 'same-origin');
  h.set('cross-origin-resource-policy', 'same-origin');
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Guards a write endpoint: `Authorization: Bearer <token>` must carry the server's token. With
 * no token configured, writes are refused (`E_WRITE_DISABLED`): safe by default.
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token)
      return problem(c, 'E_WRITE_DISABLED', 'writes are disabled: start the server with NEWSPRISM_TOKEN set');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!m || !same(m[1]!, token)) {
      c.header('www-authenticate', 'Bearer realm="newsprism"');
      return problem(
        c,
        'E_UNAUTHORIZED',
        'send "Authorization: Bearer <token>" with the token of NEWSPRISM_TOKEN',
      );
    }
    await next();
  };
}

/** Whether a host name or address is on this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
