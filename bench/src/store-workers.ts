import { spawn } from 'node:child_process';
import type { NewsDocument } from '@newsprism/core';
import { openStore } from '@newsprism/store';
import pg from 'pg';

const CLI = new URL('../../packages/cli/bin/newsprism.js', import.meta.url).pathname;

function worker(url: string): Promise<number | null> {
  const p = spawn(process.execPath, [CLI, 'worker', '--db', url, '--exit-when-empty', '--batch', '2'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve) => p.on('exit', resolve));
}

/**
 * Documents per second through the PostgreSQL queue with `k` `newsprism worker` processes:
 * `n` documents queued, the workers started together; the rate is measured between the first
 * and the last job done (each worker's start-up, model loading included, is left out).
 */
export async function benchWorkers(
  url: string,
  base: readonly NewsDocument[],
  n: number,
  k: number,
): Promise<number> {
  const store = await openStore(url);
  const inputs = base
    .slice(0, n)
    .map((d, i) => ({ id: `w${k}-${i}`, text: d.text, meta: { lang: d.meta.lang } }));
  await store.enqueue(inputs);
  await store.close();
  await Promise.all(Array.from({ length: k }, () => worker(url)));
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(
    `SELECT count(*)::int AS n, (max(updated_at) - min(updated_at))::float8 AS ms FROM jobs WHERE id LIKE $1 AND state = 'done'`,
    [`w${k}-%`],
  );
  await c.end();
  const { n: done, ms } = r.rows[0] as { n: number; ms: number };
  return Math.round(((done - 1) / ms) * 1000 * 10) / 10;
}
