import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

const SERVER = process.env.NEWSPRISM_TEST_PG ?? 'postgres://root@127.0.0.1:5432';
const schema = `cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const db = `${SERVER}/test?schema=${schema}`;

async function sql(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: `${SERVER}/test` });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const up = await sql('SELECT 1').then(
  () => true,
  () => false,
);

describe.skipIf(!up)('ingest --queue and worker (PostgreSQL)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFileSync(
      join(dir, 'feed.jsonl'),
      [
        {
          id: 'p1',
          title: 'Kyiv hit by drones',
          text: 'Drones struck Kyiv overnight, the city administration said.',
          outlet: 'AP',
        },
        {
          id: 'p2',
          title: 'Киев под ударом',
          text: 'Ночью Киев атаковали беспилотники, сообщили городские власти.',
          outlet: 'ТАСС',
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
  });
  afterAll(async () => {
    if (up) await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('queues inputs, then a worker analyses and stores them', async () => {
    const q = await runCli(['ingest', join(dir, 'feed.jsonl'), '--queue', '--db', db]);
    expect(q.stderr).toMatch(/queued 2, unchanged 0, failed 0/);
    const stats = JSON.parse((await runCli(['stats', '--db', db, '-f', 'json'])).stdout);
    expect(stats.queue).toMatchObject({ queued: 2, done: 0 });
    const w = await runCli(['worker', '--db', db, '--exit-when-empty']);
    expect(w.stderr).toMatch(/worker done: 2 analysed, 0 failed/);
    const r = JSON.parse((await runCli(['search', 'Киева', '--db', db, '-f', 'json'])).stdout);
    expect(r.hits.map((h: { id: string }) => h.id)).toEqual(['p2']);
    const again = await runCli(['ingest', join(dir, 'feed.jsonl'), '--queue', '--db', db]);
    expect(again.stderr).toMatch(/queued 0, unchanged 2, failed 0/);
  }, 120_000);

  it('ingests with worker threads as without', async () => {
    const r = await runCli(['ingest', join(dir, 'feed.jsonl'), '-j', '2', '--db', `${db}_j`]);
    expect(r.stderr).toMatch(/added 2, unchanged 0, replaced 0, failed 0/);
    const show = JSON.parse((await runCli(['show', 'p1', '--db', `${db}_j`])).stdout);
    expect(show.producers.quotes).toMatchObject({ name: 'quotes' });
    await sql(`DROP SCHEMA IF EXISTS ${schema}_j CASCADE`);
  }, 120_000);
});
