import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built web UI from `root` (index.html at `/`, hashed assets under `/assets/`,
 * cached for a year). Paths are resolved inside `root` only: `..`, encoded separators and
 * absolute paths answer 404.
 */
// biome-ignore lint/suspicious/noExplicitAny: any app, whatever its env and schema types
export function serveWeb(app: Hono<any, any, any>, root: string): void {
  const base = resolve(root);
  const index = join(base, 'index.html');
  app.get('/', (c) => {
    if (!existsSync(index)) return c.text('The web UI is not built: run `npm run build`.', 404);
    return c.body(readFileSync(index), 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  });
  app.get('/assets/*', (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.notFound();
    }
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return c.notFound();
    return c.body(readFileSync(file), 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
}
