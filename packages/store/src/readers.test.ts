import type { NewsDocument } from '@newsprism/core';
import { OptionError } from '@newsprism/core/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchRequest } from './search.js';
import { openStore, type Store } from './store.js';
import { sqliteBackend, type TestDb } from './testing/backends.js';
import { manyArticles } from './testing/fixtures.js';

// Searches in reader threads and the search cache (`openStore(…, { readers, searchCache })`,
// SQLite only): the same results as the store's own connection, and nothing stale after a write.
const REQUESTS: SearchRequest[] = [
  { query: 'sanctions' },
  { query: 'Kiev OR Kyiv', facets: true },
  { query: 'Украины', limit: 3 },
  { query: 'sanctions', outlet: ['BBC', 'RT'], facets: true },
  { query: 'sanctions', sort: 'date', from: '2022' },
  { query: 'sanctions', technique: ['Loaded_Language'] },
  { outlet: ['BBC'], limit: 5, offset: 2 },
  {},
];

describe('search readers and cache (SQLite)', () => {
  let db: TestDb;
  let plain: Store;
  let served: Store;
  let docs: NewsDocument[];
  beforeAll(async () => {
    db = await sqliteBackend.create();
    plain = await openStore(db.url);
    docs = (await manyArticles(40)).map((d, i) => ({
      ...d,
      meta: { ...d.meta, outlet: ['BBC', 'RT', 'TASS'][i % 3], published: `2022-0${1 + (i % 9)}-1${i % 10}` },
    }));
    await plain.ingest(docs.slice(0, 30));
    served = await openStore(db.url, { readers: 2, searchCache: 50 });
  }, 180_000);
  afterAll(async () => {
    await served?.close();
    await plain?.close();
    await db?.drop();
  });

  it('gives the same pages as the store’s own connection, every cursor page included', async () => {
    for (const req of REQUESTS) {
      const want = await plain.search(req);
      expect(await served.search(req)).toEqual(want);
      // Twice: the second answer comes from the cache.
      expect(await served.search(req)).toEqual(want);
      let cursor = want.next;
      while (cursor) {
        const page = await plain.search({ ...req, cursor });
        expect(await served.search({ ...req, cursor })).toEqual(page);
        cursor = page.next;
      }
    }
  });

  it('gives the JSON text of the store’s own result, made in the reader or kept by the cache', async () => {
    for (const req of REQUESTS) {
      const want = JSON.stringify(await plain.search(req));
      expect(await plain.searchJson(req)).toBe(want);
      expect(await served.searchJson(req)).toBe(want);
      expect(await served.searchJson(req)).toBe(want);
    }
  });

  it('answers searches at once across readers', async () => {
    const want = await Promise.all(REQUESTS.map((r) => plain.search({ ...r, limit: 2 })));
    expect(await Promise.all(REQUESTS.map((r) => served.search({ ...r, limit: 2 })))).toEqual(want);
  });

  it('passes a bad query’s error and code back from the reader', async () => {
    await expect(served.search({ query: '"unclosed' })).rejects.toMatchObject({ code: 'E_BAD_QUERY' });
    await expect(served.search({ query: 'x', limit: 0 })).rejects.toMatchObject({ code: 'E_BAD_FILTER' });
  });

  it('passes an option error back as one, so the API can name its parameter (`from`, not `--from`)', async () => {
    const err = await served.search({ query: 'x', from: '2023-13' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OptionError);
    expect((err as OptionError).forApi()).toBe(
      '"from" takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "2023-13": no such month)',
    );
  });

  it('drops kept results on every write: its own ingest and delete, another connection’s ingest', async () => {
    const req = { query: 'sanctions', limit: 100 };
    const before = await served.search(req);
    expect(await served.search(req)).toEqual(before);
    // A write through this store.
    await served.ingest(docs.slice(30, 35));
    const afterOwn = await served.search(req);
    expect(afterOwn).toEqual(await plain.search(req));
    expect(afterOwn.total).toBeGreaterThan(before.total);
    // A write through another connection (as another process's ingest would).
    await plain.ingest(docs.slice(35));
    const afterOther = await served.search(req);
    expect(afterOther).toEqual(await plain.search(req));
    expect(afterOther.total).toBeGreaterThan(afterOwn.total);
    // A delete.
    expect(await served.delete(afterOther.hits[0]!.id)).toBe(true);
    const afterDelete = await served.search(req);
    expect(afterDelete.total).toBe(afterOther.total - 1);
    expect(afterDelete).toEqual(await plain.search(req));
  });
});
