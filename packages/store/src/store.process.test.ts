import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewsDocument } from '@newsprism/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from './store.js';
import { useTestDb } from './testing/backends.js';
import { startChild } from './testing/child.js';
import { eachBackend } from './testing/contract.js';
import { manyArticles } from './testing/fixtures.js';

// The document files the children read, removed when the file's tests end.
const written: string[] = [];
afterAll(() => {
  for (const f of written.splice(0)) rmSync(f, { force: true });
});

async function writeDocs(docs: NewsDocument[]): Promise<string> {
  const file = join(tmpdir(), `newsprism-docs-${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n'));
  written.push(file);
  return file;
}

/** Checks that the store holds exactly `docs`, each whole, with its derived rows and index. */
async function expectExactly(store: Store, docs: NewsDocument[], url: string): Promise<void> {
  const stats = await store.stats();
  expect(stats.documents).toBe(docs.length);
  const seen: string[] = [];
  for await (const d of store.documents()) seen.push(d.id);
  expect(seen.sort()).toEqual(docs.map((d) => d.id).sort());
  for (const d of [docs[0]!, docs[docs.length - 1]!]) expect(await store.get(d.id)).toEqual(d);
  const withWord = docs.filter((d) => /\bsanctions?\b/i.test(`${d.meta.title} ${d.text}`)).length;
  expect((await store.search({ query: 'sanctions', limit: 1 })).total).toBe(withWord);
  const byOutlet = await store.report({ by: 'none' });
  expect(byOutlet[0]!.documents).toBe(docs.length);
  if (!url.startsWith('postgres')) {
    const raw = new Database(url);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5's own check of the index against its rows throws SQLITE_CORRUPT_VTAB on a mismatch.
    expect(() =>
      raw.prepare("INSERT INTO doc_fts (doc_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    const orphans = raw
      .prepare('SELECT count(*) AS n FROM doc_frames WHERE doc NOT IN (SELECT pk FROM documents)')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    raw.close();
  }
}

eachBackend('store across processes', (backend) => {
  const testDb = useTestDb(backend, { before: beforeAll, after: afterAll });

  it('finishes an ingest killed at random points, with no loss and no duplicates', async () => {
    const docs = await manyArticles(120, 'k-');
    const file = await writeDocs(docs);
    for (let round = 0; round < 3; round++) {
      const child = await startChild('ingest-child.ts', [testDb().url, file, '7']);
      await child.waitFor(/committed/).catch(() => {});
      // Somewhere between batches or inside one.
      await new Promise((r) => setTimeout(r, Math.random() * 150));
      child.proc.kill('SIGKILL');
      await child.exited;
    }
    const last = await startChild('ingest-child.ts', [testDb().url, file, '7']);
    expect(await last.exited).toBe(0);
    const store = await openStore(testDb().url);
    try {
      await expectExactly(store, docs, testDb().url);
    } finally {
      await store.close();
    }
  }, 300_000);

  it('lets readers in this process read whole batches while another process ingests', async () => {
    const docs = await manyArticles(150, 'c-');
    const file = await writeDocs(docs);
    const store = await openStore(testDb().url);
    const before = (await store.stats()).documents;
    const child = await startChild('ingest-child.ts', [testDb().url, file, '10']);
    let done = false;
    void child.exited.then(() => {
      done = true;
    });
    const counts: number[] = [];
    try {
      while (!done) {
        counts.push((await store.stats()).documents - before);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(await child.exited).toBe(0);
      // Each batch of 10 is all visible or not at all, and counts never go back.
      for (const c of counts) expect(c % 10).toBe(0);
      for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
      expect((await store.stats()).documents - before).toBe(150);
    } finally {
      await store.close();
    }
  }, 300_000);
});

eachBackend(
  'job queue',
  (backend) => {
    const testDb = useTestDb(backend, { before: beforeAll, after: afterAll });

    it('analyses every queued document exactly once when one of two workers is killed mid-job', async () => {
      const docs = await manyArticles(16, 'q-');
      const store = await openStore(testDb().url);
      try {
        expect(
          (await store.enqueue(docs.map((d) => ({ id: d.id, text: d.text, meta: d.meta })))).queued,
        ).toBe(16);
        // Queuing the same ids again while they wait adds nothing.
        expect(
          await store.enqueue(docs.slice(0, 3).map((d) => ({ id: d.id, text: d.text, meta: d.meta }))),
        ).toEqual({ queued: 0, updated: 0, already: 3 });
        const a = await startChild('worker-child.ts', [testDb().url, 'wa', '1500', '150']);
        const b = await startChild('worker-child.ts', [testDb().url, 'wb', '1500', '150']);
        await a.waitFor(/(start .*\n[\s\S]*){3}/);
        a.proc.kill('SIGKILL');
        await a.exited;
        const killedJob = a.out().trim().split('\n').pop()!;
        expect(killedJob).toMatch(/^start q-/);
        expect(await b.exited).toBe(0);
        const q = (await store.stats()).queue;
        expect(q).toMatchObject({ queued: 0, running: 0, done: 16, dead: 0 });
        const ids: string[] = [];
        for await (const d of store.documents()) ids.push(d.id);
        expect(ids.sort()).toEqual(docs.map((d) => d.id).sort());
        // The job worker a was on was taken over by b once its lease ran out.
        expect(b.out()).toContain(`done ${killedJob.slice(6)}`);
      } finally {
        await store.close();
      }
    }, 300_000);

    it('dead-letters a document that keeps failing and goes on', async () => {
      const store = await openStore(testDb().url);
      try {
        const { runWorker } = await import('./worker.js');
        await store.enqueue([
          { id: 'poison', text: 'This one fails.' },
          { id: 'fine-1', text: 'This one is fine.' },
        ]);
        const summary = await runWorker(store, {
          name: 'w-test',
          exitWhenEmpty: true,
          maxAttempts: 2,
          pollMs: 10,
          analyze: (input) => {
            if (input.id === 'poison') throw new Error('analyzer crashed');
            return {
              schema: 'newsprism/1',
              id: input.id,
              text: input.text,
              meta: {},
              producers: {},
              diagnostics: [],
            };
          },
        });
        expect(summary).toEqual({ done: 1, unchanged: 0, failed: 2 });
        expect((await store.stats()).queue).toMatchObject({ dead: 1, queued: 0, running: 0 });
        expect(await store.get('fine-1')).toBeDefined();
        expect(await store.get('poison')).toBeUndefined();
      } finally {
        await store.close();
      }
    }, 60_000);

    it('analyses a job with the options it was queued with, and leaves a document stored with the same text unanalysed unless the job replaces it (issue 14)', async () => {
      const store = await openStore(testDb().url);
      try {
        const { runWorker } = await import('./worker.js');
        const doc = (id: string, text: string, outlet: string): NewsDocument => ({
          schema: 'newsprism/2',
          id,
          text,
          meta: { outlet },
          producers: {},
          diagnostics: [],
        });
        await store.ingest([doc('kept', 'Kept text.', 'Stored'), doc('redo', 'Redo text.', 'Stored')]);
        const options = { genre: { prior: 'news-wire' } };
        await store.enqueue(
          [
            { id: 'kept', text: 'Kept text.' },
            { id: 'new', text: 'New text.' },
          ],
          { options },
        );
        await store.enqueue([{ id: 'redo', text: 'Redo text.' }], { replace: true });
        const analysed: [string, unknown][] = [];
        const refreshed: [string, unknown][] = [];
        const jobs: unknown[] = [];
        const summary = await runWorker(store, {
          name: 'w-opts',
          exitWhenEmpty: true,
          pollMs: 10,
          analyze: (input, o) => {
            analysed.push([input.id, o]);
            return doc(input.id, input.text, 'Worker');
          },
          // A job replacing a stored document with the same text: made from the stored document.
          refresh: (stored, o) => {
            refreshed.push([stored.id, o]);
            return { ...stored, meta: { outlet: `${stored.meta.outlet} refreshed` } };
          },
          onJob: (j) => jobs.push(j),
        });
        expect(summary).toEqual({ done: 2, unchanged: 1, failed: 0 });
        expect(analysed).toEqual([['new', options]]);
        expect(refreshed).toEqual([['redo', undefined]]);
        expect(jobs).toContainEqual({ id: 'kept', ok: true, unchanged: true, options });
        expect((await store.get('kept'))!.meta.outlet).toBe('Stored');
        expect((await store.get('redo'))!.meta.outlet).toBe('Stored refreshed');
        expect((await store.stats()).queue).toMatchObject({ queued: 0, running: 0 });
      } finally {
        await store.close();
      }
    }, 60_000);
  },
  true,
);
