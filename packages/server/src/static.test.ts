// The web UI's files (static.ts): index.html at `/`, hashed assets under `/assets/` with their
// media types and a year's caching, and nothing outside the root, however the path is spelled.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb } from './static.js';

let dir: string;
let app: Hono;
beforeAll(() => {
  // `web` is the root; `web2` beside it shares its name as a prefix and must stay out of reach.
  dir = mkdtempSync(join(tmpdir(), 'np-static-'));
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets', 'fonts'), { recursive: true });
  mkdirSync(join(dir, 'web2', 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>UI</p>');
  for (const name of [
    'a.js',
    'a.css',
    'a.svg',
    'a.png',
    'a.json',
    'a.ico',
    'fonts/a.woff2',
    'a.map',
    'LICENSE',
  ])
    writeFileSync(join(root, 'assets', name), `content of ${name}`);
  writeFileSync(join(dir, 'web2', 'assets', 'secret.js'), 'secret');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  app = new Hono();
  serveWeb(app, root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the web UI’s files', () => {
  it('serves index.html at /, not cached', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('<!doctype html><p>UI</p>');
  });

  it('says how to build the UI when index.html is missing', async () => {
    const empty = new Hono();
    serveWeb(empty, join(dir, 'web2'));
    const res = await empty.request('/');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('The web UI is not built: run `npm run build`.');
  });

  it.each([
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.json', 'application/json'],
    ['a.ico', 'image/x-icon'],
    ['fonts/a.woff2', 'font/woff2'],
    ['a.map', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('serves assets/%s as %s, cached for a year', async (name, type) => {
    const res = await app.request(`/assets/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(`content of ${name}`);
  });

  it.each([
    ['/assets/missing.js', 'a missing file'],
    ['/assets/fonts', 'a directory'],
    ['/assets/', 'the directory itself'],
    ['/assets/..%2f..%2fsecret.txt', 'an encoded way out'],
    ['/assets/..%2f..%2fweb2%2fassets%2fsecret.js', 'a sibling whose name starts like the root'],
    ['/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'encoded dots'],
    ['/assets/%E0%A4%A', 'a broken percent-encoding'],
    ['/assets/a.js%00.png', 'a NUL byte'],
  ])('answers 404 to %s (%s)', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });
});
