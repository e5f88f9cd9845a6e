import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from './queue.js';
import { openStore, type Store } from './store.js';
import { rawSql, sqliteBackend, type TestDb } from './testing/backends.js';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc } from './testing/small-corpus.js';

// The job queue (PostgreSQL only) in one process, job by job: what is queued, who takes what,
// leases, completion, retries and dead letters, and the counts the store's stats show.

const input = (id: string) => ({ id, text: `Text of ${id}.`, meta: { outlet: 'Alpha' } });

eachBackend(
  'job queue',
  (backend) => {
    const { store, db } = useStore(backend);
    const queue = async () => (await store.stats()).queue;

    it('queues each id once while it waits or runs, and hands jobs out in order, once each', async () => {
      expect((await store.enqueue([input('j1'), input('j2'), input('j3')])).queued).toBe(3);
      expect((await store.enqueue([input('j1'), input('j4')])).queued).toBe(1);
      expect(await queue()).toEqual({ queued: 4, running: 0, done: 0, dead: 0, donePerMinute: 0 });
      const a = await store.claim('w1', 2, 60_000);
      expect(a.map((j) => [j.id, j.attempts])).toEqual([
        ['j1', 1],
        ['j2', 1],
      ]);
      expect(a[0]!.input).toEqual(input('j1'));
      expect(typeof a[0]!.pk).toBe('number');
      const b = await store.claim('w2', 5, 60_000);
      expect(b.map((j) => j.id)).toEqual(['j3', 'j4']);
      expect(await store.claim('w3', 5, 60_000)).toEqual([]);
      expect((await store.enqueue([input('j2')])).queued).toBe(0);
      expect(await queue()).toMatchObject({ queued: 0, running: 4 });
      // Done: stored, and the id may be queued again.
      await store.complete('w1', a[0]!, handDoc('j1', 'Text of j1.', { outlet: 'Alpha' }));
      expect((await store.get('j1'))!.text).toBe('Text of j1.');
      expect(await queue()).toEqual({ queued: 0, running: 3, done: 1, dead: 0, donePerMinute: 1 });
      expect((await store.enqueue([input('j1')])).queued).toBe(1);
      const [again] = await store.claim('w1', 5, 60_000);
      expect([again!.id, again!.attempts]).toEqual(['j1', 1]);
      await store.complete('w1', again!, handDoc('j1', 'Text of j1.', { outlet: 'Alpha' }));
      // Finished by another worker than the one holding it: refused, nothing stored.
      await expect(store.complete('w2', a[1]!, handDoc('j2', 'Text of j2.', {}))).rejects.toMatchObject({
        code: 'E_LEASE_LOST',
      });
      expect(await store.get('j2')).toBeUndefined();
      await expect(store.complete('w1', a[0]!, handDoc('j1', 'Again.', {}))).rejects.toMatchObject({
        code: 'E_LEASE_LOST',
      });
    });

    it('hands out the options and the replace flag a job was queued with (issue 14)', async () => {
      const options = { genre: { prior: 'news-wire' } };
      expect((await store.enqueue([input('o1')], { options })).queued).toBe(1);
      expect((await store.enqueue([input('o2')], { options: {}, replace: true })).queued).toBe(1);
      expect((await store.enqueue([input('o3')])).queued).toBe(1);
      const jobs = await store.claim('wo', 3, 60_000);
      expect(jobs.map((j) => [j.id, j.options, j.replace])).toEqual([
        ['o1', options, false],
        ['o2', undefined, true],
        ['o3', undefined, false],
      ]);
      // A replacing job replaces a stored document with the same text; an other leaves it.
      const [o1, o2] = jobs as [Job, Job];
      await store.complete('wo', o1, handDoc('o1', 'Text of o1.', { outlet: 'Alpha' }));
      await store.ingest([handDoc('o2', 'Text of o2.', { outlet: 'Alpha' })]);
      await store.complete('wo', o2, handDoc('o2', 'Text of o2.', { outlet: 'Beta' }));
      expect((await store.get('o2'))!.meta.outlet).toBe('Beta');
      expect((await store.enqueue([input('o1')])).queued).toBe(1);
      const [again] = await store.claim('wo', 1, 60_000);
      await store.complete('wo', again!, handDoc('o1', 'Text of o1.', { outlet: 'Gamma' }));
      expect((await store.get('o1'))!.meta.outlet).toBe('Alpha');
      // Without a document: the job is done, the store left as it is.
      expect((await store.enqueue([input('o1')])).queued).toBe(1);
      const [bare] = await store.claim('wo', 1, 60_000);
      await store.complete('wo', bare!);
      expect(await store.claim('wo', 5, 60_000)).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ id: 'o1' })]),
      );
      expect((await store.get('o1'))!.meta.outlet).toBe('Alpha');
      await store.complete('wo', jobs[2]!, handDoc('o3', 'Text of o3.', {}));
    });

    it("gives a waiting job of an id queued again that call's options and flag, and counts what it left (issue 14)", async () => {
      const options = { genre: { prior: 'news-wire' } };
      const before = await queue();
      expect(await store.enqueue([input('u1'), input('u2')])).toEqual({ queued: 2, updated: 0, already: 0 });
      // Waiting without options: this call's options and flag are the job's now.
      expect(await store.enqueue([input('u1')], { options })).toEqual({ queued: 0, updated: 1, already: 0 });
      expect(await store.enqueue([input('u1')], { options })).toEqual({ queued: 0, updated: 0, already: 1 });
      expect(await store.enqueue([input('u2')], { replace: true })).toEqual({
        queued: 0,
        updated: 1,
        already: 0,
      });
      expect(await queue()).toMatchObject({ queued: before.queued + 2, running: before.running });
      const jobs = await store.claim('wu', 2, 60_000);
      expect(jobs.map((j) => [j.id, j.options, j.replace])).toEqual([
        ['u1', options, false],
        ['u2', undefined, true],
      ]);
      // Being worked on: left to finish, counted as already queued.
      expect(await store.enqueue([input('u1')])).toEqual({ queued: 0, updated: 0, already: 1 });
      for (const j of jobs) await store.complete('wu', j);
    });

    it("keeps jobs with options or the replace flag from a worker of schema 14 (its claim query), not from this one's (issue 14)", async () => {
      const before = await queue();
      await store.enqueue([input('s1')], { options: { genre: { prior: 'news-wire' } } });
      await store.enqueue([input('s2')], { replace: true });
      await store.enqueue([input('s3')]);
      // The claim of a worker started before migration 15, word for word (but for the values).
      const old = (await rawSql(
        db.url,
        `UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = 'old', lease_until = ${Date.now() + 60_000}, updated_at = 0
         WHERE pk IN (SELECT pk FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < 0)
                      ORDER BY pk LIMIT 5 FOR UPDATE SKIP LOCKED)
         RETURNING pk, id, input, attempts`,
      )) as { id: string }[];
      expect(old.map((r) => r.id)).toEqual(['s3']);
      expect(await queue()).toMatchObject({ queued: before.queued + 2, running: before.running + 1 });
      // This worker's: the other two; a lease run out hands them back to it alone.
      const jobs = await store.claim('wn', 5, -1000);
      expect(jobs.map((j) => j.id)).toEqual(['s1', 's2']);
      expect(await queue()).toMatchObject({ queued: before.queued, running: before.running + 3 });
      const again = await store.claim('wn', 5, 60_000);
      expect(again.map((j) => [j.id, j.attempts])).toEqual([
        ['s1', 2],
        ['s2', 2],
      ]);
      // Failed: back to a state the old worker does not take.
      await store.fail('wn', again[0]!, 'boom', 3);
      expect(
        (await rawSql(db.url, "SELECT state FROM jobs WHERE id = 's1' AND state <> 'done'")) as unknown[],
      ).toEqual([{ state: 'queued-options' }]);
      const [s1] = await store.claim('wn', 1, 60_000);
      await store.complete('wn', s1!);
      await store.complete('wn', again[1]!);
      await rawSql(db.url, "UPDATE jobs SET state = 'done' WHERE worker = 'old'");
    });

    it('takes back jobs whose lease ran out, counting attempts', async () => {
      // A job taken with a lease already over.
      await store.enqueue([input('k1')]);
      const [j] = await store.claim('w4', 1, -1000);
      expect([j!.id, j!.attempts]).toEqual(['k1', 1]);
      const [again] = await store.claim('w5', 1, 60_000);
      expect([again!.pk, again!.attempts]).toEqual([j!.pk, 2]);
      // The worker that lost it cannot finish it.
      await expect(store.complete('w4', j!, handDoc('k1', 'Late.', {}))).rejects.toMatchObject({
        code: 'E_LEASE_LOST',
      });
      await store.complete('w5', again!, handDoc('k1', 'Text of k1.', {}));
      expect((await store.get('k1'))!.text).toBe('Text of k1.');
    });

    it('puts failed jobs back until their attempts run out, then dead-letters them', async () => {
      const before = await queue();
      expect((await store.enqueue([{ id: 'poison', text: 'Fails.' }])).queued).toBe(1);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const [job] = await store.claim('w6', 1, 60_000);
        expect([job!.id, job!.attempts]).toEqual(['poison', attempt]);
        await store.fail('w6', job!, `boom ${attempt} ${'x'.repeat(3000)}`, 3);
        expect((await queue()).dead - before.dead).toBe(attempt === 3 ? 1 : 0);
      }
      expect(await store.claim('w6', 1, 60_000)).toEqual([]);
      // A failure reported by a worker that no longer holds the job changes nothing.
      expect((await store.enqueue([{ id: 'other', text: 'Other.' }])).queued).toBe(1);
      const [job] = await store.claim('w7', 1, 60_000);
      await store.fail('w8', job!, 'not mine', 1);
      expect(await queue()).toMatchObject({ running: before.running + 1, dead: before.dead + 1 });
      // The error kept is the last one, cut at 2,000 characters.
      const [row] = (await rawSql(db.url, "SELECT last_error FROM jobs WHERE id = 'poison'")) as {
        last_error: string;
      }[];
      expect(row!.last_error).toBe(`boom 3 ${'x'.repeat(1993)}`);
    });

    it('starts the count of attempts again for a waiting job queued again with other options (issue 14)', async () => {
      expect((await store.enqueue([{ id: 'retry', text: 'Fails once.' }])).queued).toBe(1);
      const [job] = await store.claim('w9', 1, 60_000);
      await store.fail('w9', job!, 'boom', 2);
      const row = async () =>
        (
          (await rawSql(db.url, "SELECT attempts, last_error FROM jobs WHERE id = 'retry'")) as {
            attempts: number;
            last_error: string | null;
          }[]
        )[0]!;
      expect(await row()).toEqual({ attempts: 1, last_error: 'boom' });
      const options = { genre: { prior: 'news-wire' } };
      expect(await store.enqueue([{ id: 'retry', text: 'Fails once.' }], { options })).toMatchObject({
        updated: 1,
      });
      expect(await row()).toEqual({ attempts: 0, last_error: null });
      // Two more attempts, as many as a new job gets (the first one's counted no more).
      const [again] = await store.claim('w9', 1, 60_000);
      expect([again!.attempts, again!.options]).toEqual([1, options]);
      await store.fail('w9', again!, 'boom again', 2);
      const [last] = await store.claim('w9', 1, 60_000);
      expect(last!.attempts).toBe(2);
      await store.complete('w9', last!);
    });
  },
  true,
);

describe('job queue on SQLite', () => {
  let db: TestDb;
  let store: Store;
  beforeAll(async () => {
    db = await sqliteBackend.create();
    store = await openStore(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('is refused, and counts nothing', async () => {
    await expect(store.enqueue([input('x')])).rejects.toMatchObject({ code: 'E_QUEUE_NEEDS_POSTGRES' });
    await expect(store.claim('w', 1, 1000)).rejects.toMatchObject({ code: 'E_QUEUE_NEEDS_POSTGRES' });
    expect((await store.stats()).queue).toEqual({
      queued: 0,
      running: 0,
      done: 0,
      dead: 0,
      donePerMinute: 0,
    });
  });
});
