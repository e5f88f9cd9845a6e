import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@newsprism/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, shellArgs, tempDir } from '../testing/run-cli.js';

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
    expect(w.stderr).toMatch(/worker done: 2 analysed, 0 unchanged, 0 failed/);
    const r = JSON.parse((await runCli(['search', 'Киева', '--db', db, '-f', 'json'])).stdout);
    expect(r.hits.map((h: { id: string }) => h.id)).toEqual(['p2']);
    const again = await runCli(['ingest', join(dir, 'feed.jsonl'), '--queue', '--db', db]);
    expect(again.stderr).toMatch(/queued 0, unchanged 2, failed 0/);
  }, 120_000);

  it("worker --set: queued documents get the worker's options, recorded with them (issue 14)", async () => {
    const optDb = `${db}_o`;
    try {
      expect((await runCli(['ingest', join(dir, 'feed.jsonl'), '--queue', '--db', optDb])).code).toBe(0);
      const w = await runCli([
        'worker',
        '--db',
        optDb,
        '--exit-when-empty',
        '--set',
        'genre.prior=news-wire',
      ]);
      expect(w.stderr).toMatch(/worker done: 2 analysed, 0 unchanged, 0 failed/);
      const doc = JSON.parse((await runCli(['show', 'p1', '--db', optDb])).stdout);
      expect(doc.producers.genre.options.prior).toBe('news-wire');
      const stale = await runCli(['reanalyze', '--db', optDb, '--dry-run']);
      expect(stale.stderr).toMatch(/would reanalyse 2 of 2 documents/);
    } finally {
      await sql(`DROP SCHEMA IF EXISTS ${schema}_o CASCADE`);
    }
  }, 120_000);

  it("ingest --queue --set: the jobs carry the options, laid over the worker's; unchanged documents stored with others are named, and re-queued on request (issue 14)", async () => {
    const jobDb = `${db}_q`;
    const feed = join(dir, 'feed.jsonl');
    try {
      const q = await runCli(['ingest', feed, '--queue', '--db', jobDb, '--set', 'genre.prior=news-wire']);
      expect(q.stderr).toMatch(/queued 2, unchanged 0, failed 0/);
      // The worker's own options under the job's: both recorded.
      const w = await runCli(['worker', '--db', jobDb, '--exit-when-empty', '--set', 'genre.minWords=3']);
      expect(w.stderr).toMatch(/worker done: 2 analysed, 0 unchanged, 0 failed/);
      const doc = JSON.parse((await runCli(['show', 'p1', '--db', jobDb])).stdout);
      expect(doc.producers.genre.options).toMatchObject({ prior: 'news-wire', minWords: 3 });
      // Queued without options, then stored directly with others before a worker takes them:
      // left unchanged, not analysed, and named.
      await sql(`DROP SCHEMA IF EXISTS ${schema}_q CASCADE`);
      expect((await runCli(['ingest', feed, '--queue', '--db', jobDb])).stderr).toMatch(/queued 2/);
      const direct = await runCli([
        'ingest',
        feed,
        '-j',
        '0',
        '--db',
        jobDb,
        '--set',
        'genre.prior=newspaper',
      ]);
      expect(direct.stderr).toMatch(/added 2, unchanged 0/);
      const kept = await runCli(['worker', '--db', jobDb, '--exit-when-empty', '--time-budget', '0']);
      expect(kept.stderr).toMatch(/worker done: 0 analysed, 2 unchanged, 0 failed/);
      expect(kept.stderr).toContain(
        "2 unchanged documents were analysed with other options than their jobs' (this worker's, with the options each was queued with) and keep them, not analysed again: `newsprism ingest … --set … --reanalyze other-options`",
      );
      // ingest --queue --set compares the stored documents with the options the jobs would carry.
      const wire = ['--set', 'genre.prior=news-wire'];
      const again = await runCli(['ingest', feed, '--queue', '--db', jobDb, ...wire]);
      expect(again.stderr).toMatch(/queued 0, unchanged 2, failed 0/);
      const command = /`newsprism (ingest [^`]*)` analyses only them again \(through the queue\)/.exec(
        again.stderr,
      )?.[1];
      expect(command).toBe(
        `ingest ${feed} --queue --db '${jobDb}' --set genre.prior=news-wire --reanalyze other-options`,
      );
      expect((await runCli(shellArgs(command!))).stderr).toMatch(
        /queued 0, unchanged 0, re-queued 2, failed 0/,
      );
      const redo = await runCli(['worker', '--db', jobDb, '--exit-when-empty', '--time-budget', '0']);
      expect(redo.stderr).toMatch(/worker done: 2 analysed, 0 unchanged, 0 failed/);
      const p2 = JSON.parse((await runCli(['show', 'p2', '--db', jobDb])).stdout);
      expect(p2.producers.genre.options.prior).toBe('news-wire');
      expect((await runCli(shellArgs(command!))).stderr).toMatch(
        /queued 0, unchanged 2, re-queued 0, failed 0/,
      );
    } finally {
      await sql(`DROP SCHEMA IF EXISTS ${schema}_q CASCADE`);
    }
  }, 240_000);

  it("ingest --queue --set compares only the options it names (not the worker's own), updates a waiting job, and a worker with fewer layers keeps the others (issue 14)", async () => {
    const jobDb = `${db}_w`;
    const feed = join(dir, 'feed.jsonl');
    const wire = ['--set', 'genre.prior=news-wire'];
    const queue = (...more: string[]) => runCli(['ingest', feed, '--queue', '--db', jobDb, ...more]);
    try {
      expect((await queue(...wire)).stderr).toMatch(/queued 2/);
      const w = await runCli([
        'worker',
        '--db',
        jobDb,
        '--exit-when-empty',
        '--time-budget',
        '0',
        '--set',
        'genre.minWords=3',
      ]);
      expect(w.stderr).toMatch(/worker done: 2 analysed, 0 unchanged, 0 failed/);
      // The same again: what the jobs carried is what is stored; the worker's minWords is no difference.
      const again = await queue(...wire);
      expect(again.stderr).toMatch(/queued 0, unchanged 2, failed 0/);
      expect(again.stderr).not.toContain('other options');
      const other = await queue('--set', 'genre.prior=newspaper');
      expect(other.stderr).toMatch(/2 unchanged documents were analysed with other options/);
      // A waiting job queued again with options: it takes them, once; then it is already queued.
      await sql(`DROP SCHEMA IF EXISTS ${schema}_w CASCADE`);
      expect((await queue()).stderr).toMatch(/queued 2, unchanged 0, failed 0/);
      expect((await queue(...wire)).stderr).toMatch(/queued 2, unchanged 0, failed 0/);
      expect((await queue(...wire)).stderr).toMatch(/queued 0, unchanged 0, already queued 2, failed 0/);
      expect(
        (await runCli(['worker', '--db', jobDb, '--exit-when-empty', '--time-budget', '0'])).stderr,
      ).toMatch(/worker done: 2 analysed/);
      const before = JSON.parse((await runCli(['show', 'p1', '--db', jobDb])).stdout);
      expect(before.producers.genre.options.prior).toBe('news-wire');
      const held = Object.keys(before.producers);
      expect(held).toEqual(expect.arrayContaining(['techniques', 'frames', 'entities', 'quotes']));
      // Re-queued with other options and taken by a worker making genre alone: the others are kept.
      const requeue = await queue('--set', 'genre.prior=newspaper', '--reanalyze', 'other-options');
      expect(requeue.stderr).toMatch(/queued 0, unchanged 0, re-queued 2, failed 0/);
      const narrow = await runCli(['worker', '--db', jobDb, '--exit-when-empty', '--layers', 'genre']);
      expect(narrow.stderr).toMatch(/worker done: 2 analysed, 0 unchanged, 0 failed/);
      const after = JSON.parse((await runCli(['show', 'p1', '--db', jobDb])).stdout);
      expect(Object.keys(after.producers)).toEqual(held);
      expect(after.producers.genre.options.prior).toBe('newspaper');
      for (const l of ['techniques', 'frames', 'entities', 'quotes']) expect(after[l]).toEqual(before[l]);
      // A job carrying an option naming a file (queued by other means than ingest, which refuses
      // it): dead-lettered, and the remedy is the worker's --set.
      const store = await openStore(jobDb);
      try {
        await store.enqueue([{ id: 'f1', text: 'A file option.' }], {
          options: { quotes: { learned: 'off' } },
        });
      } finally {
        await store.close();
      }
      const file = await runCli(['worker', '--db', jobDb, '--exit-when-empty', '--time-budget', '0']);
      expect(file.stderr).toMatch(
        /job f1 failed: E_OPTION_NOT_ALLOWED option "learned" of analyzer "quotes" names a file and cannot come with a queued job \(a worker may run on another machine\); give it to the workers \(worker --set quotes\.learned=…\)\n/,
      );
    } finally {
      await sql(`DROP SCHEMA IF EXISTS ${schema}_w CASCADE`);
    }
  }, 240_000);

  it('worker --time-budget: a document over it is dead-lettered with E_TIME_BUDGET, the others stored', async () => {
    const budgetDb = `${db}_b`;
    // ~5 MB of prose: its sentences and tokens take over a second of CPU, the notes milliseconds.
    const line = (i: number) =>
      Array.from({ length: 60 }, (_, k) => `On day ${i * 60 + k} the mayor said "works ${k} go on". `).join(
        '',
      );
    const big = `Big story\n${Array.from({ length: 1200 }, (_, i) => line(i)).join('\n')}\n`;
    const d = tempDir();
    writeFileSync(
      join(d, 'a.txt'),
      'Bridge reopens\nThe mayor said the bridge in Lviv would reopen on Monday.\n',
    );
    writeFileSync(join(d, 'b-big.txt'), big);
    writeFileSync(join(d, 'c.txt'), 'Port works\nThe port of Odesa is working again, officials said.\n');
    const q = await runCli(['ingest', d, '--queue', '--db', budgetDb]);
    expect(q.stderr).toMatch(/queued 3, unchanged 0, failed 0/);
    const argv = ['worker', '--db', budgetDb, '--exit-when-empty', '--layers', 'sentences,tokens'];
    expect((await runCli([...argv, '--time-budget', 'soon'])).stderr).toMatch(
      /^newsprism: E_USAGE --time-budget/,
    );
    const w = await runCli([...argv, '--time-budget', '0.3', '--batch', '3']);
    expect(w.stderr).toMatch(/job b-big failed: E_TIME_BUDGET analysis used more than the 0\.3 s/);
    expect(w.stderr).toMatch(/worker done: 2 analysed, 0 unchanged, 1 failed/);
    const stats = JSON.parse((await runCli(['stats', '--db', budgetDb, '-f', 'json'])).stdout);
    // Dead at its first failure (another try would overrun again); nothing else lost.
    expect(stats.queue).toMatchObject({ queued: 0, running: 0, done: 2, dead: 1 });
    expect(stats.documents).toBe(2);
    await sql(`DROP SCHEMA IF EXISTS ${schema}_b CASCADE`);
  }, 180_000);

  it('worker --max-text: a job queued under a higher limit is dead-lettered with E_TEXT_TOO_LARGE', async () => {
    const limitDb = `${db}_m`;
    const d = tempDir();
    writeFileSync(join(d, 'a.txt'), 'Bridge reopens\nThe mayor said the bridge in Lviv would reopen.\n');
    writeFileSync(
      join(d, 'b-long.txt'),
      `Long story\n${'The council met again on Tuesday and talked about the port. '.repeat(10)}\n`,
    );
    const q = await runCli(['ingest', d, '--queue', '--max-text', '0', '--db', limitDb]);
    expect(q.stderr).toMatch(/queued 2, unchanged 0, failed 0/);
    const argv = ['worker', '--db', limitDb, '--exit-when-empty', '--layers', 'sentences'];
    expect((await runCli([...argv, '--max-text', 'big'])).stderr).toMatch(/^newsprism: E_USAGE --max-text/);
    const w = await runCli([...argv, '--max-text', '300']);
    expect(w.stderr).toMatch(
      /job b-long failed: E_TEXT_TOO_LARGE b-long has (at least )?\d+ bytes of text, over the 300 bytes limit/,
    );
    expect(w.stderr).toMatch(/worker done: 1 analysed, 0 unchanged, 1 failed/);
    const stats = JSON.parse((await runCli(['stats', '--db', limitDb, '-f', 'json'])).stdout);
    // Dead at its first failure: another worker with the same limit would refuse it again.
    expect(stats.queue).toMatchObject({ queued: 0, running: 0, done: 1, dead: 1 });
    expect(stats.documents).toBe(1);
    await sql(`DROP SCHEMA IF EXISTS ${schema}_m CASCADE`);
  }, 120_000);

  it('ingests with worker threads as without', async () => {
    const r = await runCli(['ingest', join(dir, 'feed.jsonl'), '-j', '2', '--db', `${db}_j`]);
    expect(r.stderr).toMatch(/added 2, unchanged 0, replaced 0, failed 0/);
    const show = JSON.parse((await runCli(['show', 'p1', '--db', `${db}_j`])).stdout);
    expect(show.producers.quotes).toMatchObject({ name: 'quotes' });
    await sql(`DROP SCHEMA IF EXISTS ${schema}_j CASCADE`);
  }, 120_000);
});
