import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { postgresAvailable, postgresBackend, sqliteBackend, type TestDb } from '@newsprism/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './serve.js';

// docs/api.md's curl examples, run as written against a live server over a real socket, on a
// temporary store of each backend (PostgreSQL when the machine's server answers; CI starts it).
const DOC = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');

/** The shell commands of the `sh` blocks after "## Endpoints", continuation lines joined. */
function examples(md: string): string[] {
  const part = md.slice(md.indexOf('## Endpoints'));
  const blocks = [...part.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) =>
    b
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((l) => l.trim().startsWith('curl')),
  );
}

const TOKEN = 'docs-token';
const hasPostgres = await postgresAvailable();

describe.each([
  { backend: sqliteBackend, skip: false },
  { backend: postgresBackend, skip: !hasPostgres && process.env.CI !== 'true' },
])('docs/api.md examples on $backend.name', ({ backend, skip }) => {
  let db: TestDb;
  let server: RunningServer;
  beforeAll(async () => {
    if (skip) return;
    db = await backend.create();
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      db: db.url,
      token: TOKEN,
      jobs: 1,
      // As `newsprism serve` runs by default: searches in reader threads, results cached until a
      // write (the examples ingest, then search).
      searchThreads: 2,
      searchCache: 100,
      timeBudgetMs: 60_000,
      version: 'docs',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it.skipIf(skip)('has an example for every endpoint', () => {
    const cmds = examples(DOC).join('\n');
    for (const path of [
      '/api/analyze',
      '/api/documents',
      '/api/search',
      '/api/report',
      '/api/outlets',
      '/api/export',
      '/api/reuse',
      '/api/reuse/outlets',
      '/api/stories',
      '/api/health',
    ])
      expect(cmds).toContain(path);
  });

  it.skipIf(skip)(
    'runs every example without an error answer',
    async () => {
      const env = { ...process.env, NP: server.url.replace(/\/$/, ''), NEWSPRISM_TOKEN: TOKEN };
      for (const cmd of examples(DOC)) {
        // Asynchronously: the server answers on this process's event loop.
        const { stdout: out } = await promisify(execFile)('bash', ['-c', `set -euo pipefail; ${cmd}`], {
          env,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(out.trim(), cmd).not.toBe('');
        expect(out, cmd).not.toMatch(/"code":\s*"E_/);
        if (out.trimStart().startsWith('{'))
          expect(() => JSON.parse(out.trim().split('\n')[0]!), cmd).not.toThrow();
      }
    },
    120_000,
  );
});
