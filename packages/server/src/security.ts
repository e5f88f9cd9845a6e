import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

const SECURITY_HEADERS: [string, string][] = [
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  ],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
];

/**
 * The security headers of every response: a content security policy with no inline script (the
 * UI's styles may be inline: the plotting library writes SVG style attributes), no MIME sniffing,
 * no framing, no referrer, isolated browsing context.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  // Set before the response exists: Hono puts them on whatever response the context makes
  // (every route, error and not-found answer here is made by it), without copying a finished
  // response's headers afterwards.
  for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
  await next();
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
