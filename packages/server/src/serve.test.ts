// `newsprism serve` as startServer runs it (serve.ts): the refusal to listen openly without a
// token, then one real server on a socket — its address, its limits, a port already taken, and
// closing. The point here is the socket; app-shell.test.ts checks the app in-process.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, type ServeOptions, startServer } from './serve.js';

let dir: string;
let server: RunningServer;
const TOKEN = 'serve-token';
const options = (o: Partial<ServeOptions> = {}): ServeOptions => ({
  host: '127.0.0.1',
  port: 0,
  db: join(dir, 'serve.db'),
  token: TOKEN,
  jobs: 1,
  layers: ['quotes'],
  timeBudgetMs: 60_000,
  maxBodyBytes: 100,
  version: '7.7.7',
  ...o,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'np-serve-'));
  server = await startServer(options());
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it.each(['0.0.0.0', '::', '192.168.1.2'])(
    'refuses to listen on %s without a token, before opening anything',
    async (host) => {
      const db = join(dir, `open-${host.replaceAll(/\W/g, '')}.db`);
      await expect(startServer(options({ host, token: undefined, db }))).rejects.toMatchObject({
        code: 'E_INSECURE_BIND',
        message: `refusing to listen on ${host} without a token: set NEWSPRISM_TOKEN, or bind to 127.0.0.1`,
      });
      expect(existsSync(db)).toBe(false);
    },
  );

  it('listens on the port it was given (0: any free one) and says where', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toBe('http://127.0.0.1:0/');
    const res = await fetch(`${server.url}api/health`);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: '7.7.7',
      store: { backend: 'sqlite', reachable: true, documents: 0 },
      analysis: { layers: expect.arrayContaining(['quotes', 'sentences']) },
    });
  });

  it('analyses in its pool and keeps to the body limit it was given', async () => {
    const post = (body: string) =>
      fetch(`${server.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    const ok = await post('Title\nShe said: "We stay."');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { quotes: unknown[] }).quotes).toHaveLength(1);
    const big = await post('x'.repeat(101));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { detail: string }).detail).toBe(
      'the body is over 100 bytes; split it into several requests',
    );
  });

  it('refuses a port in use with E_PORT_IN_USE', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer(options({ port, db: join(dir, 'second.db') }))).rejects.toMatchObject({
      code: 'E_PORT_IN_USE',
      message: `port ${port} is in use; choose another with --port`,
    });
  });

  it('stops listening when closed', async () => {
    const other = await startServer(options({ db: join(dir, 'third.db') }));
    expect((await fetch(`${other.url}api/health`)).status).toBe(200);
    await other.close();
    await expect(fetch(`${other.url}api/health`)).rejects.toThrow();
  });
});
