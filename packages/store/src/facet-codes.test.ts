import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from './db.js';
import { encodeFacets, type FacetSource } from './facet-codes.js';
import { openTestDb } from './testing/backends.js';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc } from './testing/small-corpus.js';

// Facet values past the first 255 and 1,024 ids: codes are 32-bit little-endian integers, so
// only then do their upper bytes (and the counters' growth) matter.

const entities = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => {
    const name = `E${String(from + i).padStart(4, '0')}`;
    return { id: name.toLowerCase(), type: 'organization', name, mentions: [{ start: 0, end: 4 }] };
  });

const DOCS = [
  // 1,100 entities: with the outlet, language and month, over 1,100 facet values.
  handDoc(
    'many',
    'Many names\n\nA list of many names.',
    { title: 'Many names', outlet: 'Alpha', published: '2023-01-01', lang: 'en' },
    {
      entities: entities(0, 1100),
    },
  ),
  // The last hundred of them again.
  handDoc(
    'few',
    'Fewer names\n\nA shorter list.',
    { title: 'Fewer names', outlet: 'Beta', published: '2023-02-01', lang: 'en' },
    {
      entities: entities(1000, 1100),
    },
  ),
];

const names = (from: number, to: number, count: number) =>
  entities(from, to).map((e) => ({ value: e.name, count }));

eachBackend('facet codes past the first 1,024 values', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(DOCS));

  it('counts every value of every document, the largest 50 first', async () => {
    const r = await store.search({ facets: true });
    expect(r.facets!.entity).toEqual(names(1000, 1050, 2));
    expect(r.facets!.outlet).toEqual([
      { value: 'Alpha', count: 1 },
      { value: 'Beta', count: 1 },
    ]);
    expect(r.facets!.month).toEqual([
      { value: '2023-01', count: 1 },
      { value: '2023-02', count: 1 },
    ]);
    expect(r.facets!.lang).toEqual([{ value: 'en', count: 2 }]);
  });

  it('counts over the hits only', async () => {
    const many = await store.search({ query: 'many', facets: true });
    expect(many.facets!.entity).toEqual(names(0, 50, 1));
    expect(many.facets!.outlet).toEqual([{ value: 'Alpha', count: 1 }]);
    const few = await store.search({ query: 'shorter', facets: true });
    expect(few.facets!.entity).toEqual(names(1000, 1050, 1));
    expect(few.facets!.outlet).toEqual([{ value: 'Beta', count: 1 }]);
  });
});

const source = (outlet: string, entities: string[]): FacetSource => ({
  outlet,
  lang: 'en',
  genre: null,
  month: null,
  frames: [],
  techniques: [],
  entities,
  sourceTypes: [],
});

/** The (facet, value) pairs a document's codes stand for, as stored in facet_values. */
async function decoded(db: Db, codes: Buffer): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < codes.length; i += 4) {
    const [row] = await db.all<{ facet: string; value: string }>(
      'SELECT facet, value FROM facet_values WHERE id = ?',
      [codes.readInt32LE(i)],
    );
    out.push(`${row!.facet}=${row!.value}`);
  }
  return out.sort();
}

eachBackend('facet value ids kept between batches', (backend) => {
  const { db: testDb } = useStore(backend, async () => {});
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(testDb.url);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('runs afterCommit after the commit, never after a rollback, at once outside a transaction', async () => {
    const calls: string[] = [];
    await db.transaction(async () => {
      db.afterCommit(() => calls.push('outer'));
      await db.transaction(async () => {
        db.afterCommit(() => calls.push('nested'));
      });
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual(['outer', 'nested']);
    await expect(
      db.transaction(async () => {
        db.afterCommit(() => calls.push('rolled back'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    db.afterCommit(() => calls.push('outside'));
    expect(calls).toEqual(['outer', 'nested', 'outside']);
  });

  it('does not keep the ids of a rolled-back batch: their values are coded by their new ids', async () => {
    // Ids made in a transaction that rolls back are given to other values afterwards (SQLite
    // reuses the row ids); kept, they would code the later documents with the wrong values.
    await expect(
      db.transaction(async () => {
        await encodeFacets(db, [source('Gone', ['Lost entity'])]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [first] = await db.transaction(() => encodeFacets(db, [source('Kept', ['Other entity'])]));
    expect(await decoded(db, first!)).toEqual(['entity=Other entity', 'lang=en', 'outlet=Kept']);
    const [again] = await db.transaction(() =>
      encodeFacets(db, [source('Gone', ['Lost entity', 'Other entity'])]),
    );
    expect(await decoded(db, again!)).toEqual([
      'entity=Lost entity',
      'entity=Other entity',
      'lang=en',
      'outlet=Gone',
    ]);
  });

  it('codes a value another connection stored after this one kept its ids', async () => {
    const [known] = await db.transaction(() => encodeFacets(db, [source('Kept', ['Other entity'])]));
    expect(await decoded(db, known!)).toEqual(['entity=Other entity', 'lang=en', 'outlet=Kept']);
    const other = await openTestDb(testDb.url);
    try {
      await other.transaction(() => encodeFacets(other, [source('Elsewhere', ['Other entity'])]));
    } finally {
      await other.close();
    }
    const [both] = await db.transaction(() => encodeFacets(db, [source('Elsewhere', ['Other entity'])]));
    expect(await decoded(db, both!)).toEqual(['entity=Other entity', 'lang=en', 'outlet=Elsewhere']);
  });
});
