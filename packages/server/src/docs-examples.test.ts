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
/** Ends each example's output in the shell's stdout, before its exit status. */
const SEP = '\u001e';

/** The outputs and exit statuses of the examples, from the shell's stdout. */
function split(stdout: string): { out: string; status: number }[] {
  const runs: { out: string; status: number }[] = [];
  let rest = stdout;
  for (let at = rest.indexOf(`\n${SEP}`); at >= 0; at = rest.indexOf(`\n${SEP}`)) {
    const end = rest.indexOf('\n', at + 2);
    runs.push({ out: rest.slice(0, at), status: Number(rest.slice(at + 2, end)) });
    rest = rest.slice(end + 1);
  }
  return runs;
}
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
      const cmds = examples(DOC);
      // One shell runs them all, in order, each in its own `set -euo pipefail` subshell followed
      // by its exit status: every process this test thread starts copies its page tables (over a
      // gigabyte with the models loaded), tens of milliseconds a spawn, where bash forks cheaply.
      // Asynchronously: the server answers on this process's event loop.
      const script = cmds.map((cmd) => `(set -euo pipefail; ${cmd})\nprintf '\\n${SEP}%d\\n' $?`).join('\n');
      const { stdout } = await promisify(execFile)('bash', ['-c', script], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 16 << 20,
      });
      const runs = split(stdout);
      expect(runs.length).toBe(cmds.length);
      for (const [i, cmd] of cmds.entries()) {
        const { out, status } = runs[i]!;
        expect(status, cmd).toBe(0);
        expect(out.trim(), cmd).not.toBe('');
        expect(out, cmd).not.toMatch(/"code":\s*"E_/);
        if (out.trimStart().startsWith('{'))
          expect(() => JSON.parse(out.trim().split('\n')[0]!), cmd).not.toThrow();
      }
    },
    120_000,
  );
});
