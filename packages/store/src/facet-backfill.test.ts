import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from './db.js';
import { backfillFacets } from './facet-backfill.js';
import { openStore, type Store } from './store.js';
import { openTestDb, type TestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

// backfillFacets (the migration that added doc_facets) codes every stored document as ingest
// does: with its codes removed, the backfill writes back the same bytes, page after page, and
// the facet counts are those of the store before. The five hand-made documents, then 501 more,
// each with an entity and a technique (so the last document of each page of 500 has rows in
// the query tables), then one with nothing.

const FILLER = Array.from({ length: 501 }, (_, i) =>
  handDoc(
    `f${i}`,
    `Note ${i} on Kyiv.`,
    { outlet: i % 2 ? 'Alpha' : 'Delta', published: '2023-03-01', lang: 'en' },
    {
      entities: [
        { id: `e${i % 7}`, type: 'person', name: `Person ${i % 7}`, mentions: [{ start: 0, end: 4 }] },
      ],
      techniques: { spans: [{ technique: i % 3 ? 'Doubt' : 'Repetition', start: 0, end: 4, score: 0.5 }] },
      frames: [{ frame: 'Legality', score: 0.7, selected: i % 5 === 0 }],
      sources: { ownVoiceShare: 1, attributedShare: 0, anonymousShare: 0, sources: [] },
    },
  ),
);
const DOCS = [...SMALL_CORPUS, ...FILLER, handDoc('last', 'Nothing at all.', {})];

const codesOf = async (db: Db) =>
  (await db.all<{ pk: number; codes: Uint8Array }>('SELECT pk, codes FROM doc_facets ORDER BY pk')).map(
    (r) => [Number(r.pk), Buffer.from(r.codes).toString('hex')],
  );

eachBackend('facet codes backfilled', (backend) => {
  let testDb: TestDb;
  let store: Store;
  beforeAll(async () => {
    testDb = await backend.create();
    store = await openStore(testDb.url);
    await store.ingest(DOCS);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await testDb?.drop();
  });

  it('writes back the codes ingest wrote, for every document', async () => {
    const db = await openTestDb(testDb.url);
    try {
      const before = await codesOf(db);
      expect(before).toHaveLength(DOCS.length);
      const facets = (await store.search({ facets: true })).facets;
      await db.run('DELETE FROM doc_facets');
      expect(await codesOf(db)).toEqual([]);
      await backfillFacets(db);
      expect(await codesOf(db)).toEqual(before);
      expect((await store.search({ facets: true })).facets).toEqual(facets);
    } finally {
      await db.close();
    }
  });
});
