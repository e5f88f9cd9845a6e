import { statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations.js';
import { rawSql } from './testing/backends.js';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

// `Store.stats()` (stats.ts) on an empty store and on the five hand-made documents of
// testing/small-corpus.ts: every figure worked out by hand, the size read back independently.

const NO_QUEUE = { queued: 0, running: 0, done: 0, dead: 0, donePerMinute: 0 };

/** What the store's files or tables take, measured around the store. */
async function sizeOf(backend: 'sqlite' | 'postgres', url: string): Promise<number> {
  if (backend === 'sqlite') {
    const wal = statSync(`${url}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    return statSync(url).size + wal;
  }
  const tables = [
    'documents',
    'doc_entities',
    'doc_naming',
    'doc_terms',
    'doc_sources',
    'doc_techniques',
    'doc_frames',
    'jobs',
  ];
  let sum = 0;
  for (const t of tables) {
    const [r] = (await rawSql(url, `SELECT pg_total_relation_size('${t}') AS b`)) as { b: string }[];
    sum += Number(r!.b);
  }
  return sum;
}

eachBackend('store stats', (backend) => {
  const { store, db } = useStore(backend);

  it('counts nothing in an empty store, and says what and where it is', async () => {
    const s = await store.stats();
    expect(s).toEqual({
      backend: backend.name,
      location: db.url,
      schemaVersion: SCHEMA_VERSION,
      documents: 0,
      words: 0,
      outlets: 0,
      withOutlet: 0,
      languages: {},
      firstDay: null,
      lastDay: null,
      dated: 0,
      bytes: await sizeOf(backend.name, db.url),
      queue: NO_QUEUE,
    });
    expect(s.bytes).toBeGreaterThan(0);
  });

  it('counts documents, words, outlets, languages (most first) and days, and the size', async () => {
    // The five: Alpha (2), Beta (2), no outlet (1); en 4, ru 1. Two more: one of its own outlet
    // and no language, dated before all others; one more in Russian, undated.
    const extra = [
      handDoc('u1', 'Unlabelled words here.', { outlet: 'Gamma', published: '2022-12-31T23:00:00Z' }),
      handDoc('r2', 'Ещё два слова.', { outlet: 'Beta', lang: 'ru' }),
    ];
    await store.ingest([...SMALL_CORPUS, ...extra]);
    try {
      const s = await store.stats();
      expect(s).toMatchObject({
        documents: 7,
        // 12 + 9 + 10 + 7 + 3, and 3 + 3.
        words: 47,
        outlets: 3,
        // n1 has no outlet; n1 and r2 no date.
        withOutlet: 6,
        firstDay: '2022-12-31',
        lastDay: '2023-02-10',
        dated: 5,
        queue: NO_QUEUE,
      });
      expect(Object.entries(s.languages)).toEqual([
        ['en', 4],
        ['ru', 2],
        ['und', 1],
      ]);
      expect(s.bytes).toBe(await sizeOf(backend.name, db.url));
    } finally {
      for (const d of [...SMALL_CORPUS, ...extra]) await store.delete(d.id);
    }
  });
});
