// `newsprism serve` as startServer runs it (serve.ts): the refusal to listen openly without a
// token, then one real server on a socket — its address, its pool and limits, a port already
// taken, closing. The point here is the socket; app-shell.test.ts checks the app in-process.
// Servers start inside the tests, not in a hook: a mutation run counts a test whose hook fails
// as not run, so a mutant that stops the server from starting would go unnoticed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeOptions, startServer } from './serve.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'np-serve-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (o: Partial<ServeOptions> = {}): ServeOptions => ({
  host: '127.0.0.1',
  port: 0,
  db: join(dir, 'serve.db'),
  jobs: 1,
  layers: ['quotes'],
  timeBudgetMs: 60_000,
  maxBodyBytes: 100,
  version: '7.7.7',
  ...o,
});

describe('startServer', () => {
  it.each(['0.0.0.0', '::', '192.168.1.2'])(
    'refuses to listen on %s without a token, before opening anything',
    async (host) => {
      const db = join(dir, `open-${host.replaceAll(/\W/g, '')}.db`);
      await expect(startServer(options({ host, db }))).rejects.toMatchObject({
        code: 'E_INSECURE_BIND',
        message: `refusing to listen on ${host} without a token: set NEWSPRISM_TOKEN, or bind to 127.0.0.1`,
      });
      expect(existsSync(db)).toBe(false);
    },
  );

  it('refuses layers it does not know, before listening', async () => {
    await expect(startServer(options({ layers: ['nope'], db: join(dir, 'nope.db') }))).rejects.toMatchObject({
      code: 'E_UNKNOWN_LAYER',
    });
  });

  it('listens on loopback without a token: says where, analyses in its pool, keeps its limits, holds its port', async () => {
    const server = await startServer(options());
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(server.url).not.toBe('http://127.0.0.1:0/');
      expect(await (await fetch(`${server.url}api/health`)).json()).toEqual({
        status: 'ok',
        version: '7.7.7',
        store: { backend: 'sqlite', reachable: true, documents: 0 },
        analysis: { layers: ['language', 'paragraphs', 'sentences', 'tokens', 'quotes'], options: {} },
      });
      const post = (body: string) =>
        fetch(`${server.url}api/analyze`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body,
        });
      const ok = await post('Title\nShe said: "We stay."');
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { quotes: unknown[] }).quotes).toHaveLength(1);
      const big = await post('x'.repeat(101));
      expect([big.status, ((await big.json()) as { detail: string }).detail]).toEqual([
        413,
        'the body is over 100 bytes; split it into several requests',
      ]);
      // No token: reads and analysis only.
      const write = await fetch(`${server.url}api/documents/x`, { method: 'DELETE' });
      expect(((await write.json()) as { code: string }).code).toBe('E_WRITE_DISABLED');

      const port = Number(new URL(server.url).port);
      // The second server's pool starts (before listening) with no model to load: the port is the point.
      const second = options({ port, db: join(dir, 'second.db'), layers: ['paragraphs'] });
      await expect(startServer(second)).rejects.toMatchObject({
        code: 'E_PORT_IN_USE',
        message: `port ${port} is in use; choose another with --port`,
      });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}api/health`)).rejects.toThrow();
  });

  it('passes on other errors of listening as they are', async () => {
    // 192.0.2.1 (TEST-NET-1) is on no machine's interfaces.
    // Its pool starts before it listens: `paragraphs` loads no model.
    const far = options({ host: '192.0.2.1', token: 't', db: join(dir, 'far.db'), layers: ['paragraphs'] });
    const err = await startServer(far).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'EADDRNOTAVAIL' });
  });
});
