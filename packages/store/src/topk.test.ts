import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchRequest } from './search.js';
import { topKCounters } from './sqlite/topk.js';
import type { Store } from './store.js';
import type { TestDb } from './testing/backends.js';
import { analysedArticles } from './testing/fixtures.js';
import { bothRankings, itGivesTheFullRanking, topKCorpus, useTopKStore } from './testing/topk-corpus.js';

// The top-k of sqlite/topk.ts must give what ranking every match gives: the same hits, scores,
// order (ties by key), totals and cursors, on the generated corpus of testing/topk-corpus.ts at
// 1,200 analysed documents (topk-small.test.ts: a smaller one, and the heavy postings' upkeep);
// every page compared.

const corpus = async (n: number) => topKCorpus(n, await analysedArticles());

describe('exact top-k against the full ranking (SQLite)', () => {
  // Tried on every query of this small corpus; a phrase is rare under 60 documents.
  const get = useTopKStore(() => corpus(1200), 60);
  let store: Store;
  let db: TestDb;
  beforeAll(() => {
    ({ store, db } = get());
  });

  const both = (req: SearchRequest) => bothRankings(store, req);

  itGivesTheFullRanking(
    get,
    [
      [1, 0],
      [7, 0],
      [20, 0],
      [20, 13],
      [100, 0],
    ],
    83,
  );

  it('is taken for a common word (and, when asked, a prefix), and falls back when it cannot prove the page', async () => {
    expect((await both({ query: 'alpha' }))[2]).toBe(true);
    expect((await both({ query: 'alph*' }))[2]).toBe(true);
    // By default only one-phrase queries (a NOT beside them allowed).
    topKCounters.anyQuery = false;
    expect((await both({ query: 'alph*' }))[2]).toBe(false);
    expect((await both({ query: 'alpha OR beta' }))[2]).toBe(false);
    expect((await both({ query: 'alpha NOT beta' }))[2]).toBe(true);
    expect((await both({ query: 'alpha', outlet: ['RT'] }))[2]).toBe(false);
    topKCounters.anyQuery = true;
    // Deep pages of a common word: the page's scores fall to what unlisted documents reach.
    const before = topKCounters.fallback;
    const [full, top, used] = await both({ query: 'alpha', offset: 600, limit: 20 });
    expect(used).toBe(false);
    expect(top).toEqual(full);
    expect(topKCounters.fallback).toBeGreaterThan(before);
  });

  it('falls back when a heavy row overstates a document (a one-word page estimated from its head)', async () => {
    const w = new Database(db.url);
    const overstated = () =>
      (
        w.prepare("SELECT pk, f FROM fts_heavy WHERE term = 'alpha' ORDER BY f DESC").all() as {
          pk: number;
          f: number;
        }[]
      ).slice(20, 120);
    const rows = overstated();
    const set = w.prepare("UPDATE fts_heavy SET f = ? WHERE term = 'alpha' AND pk = ?");
    try {
      // Documents outside the page listed with ten times their count: their estimates lead the head.
      w.transaction(() => {
        for (const r of rows) set.run(r.f * 10, r.pk);
      })();
      const before = topKCounters.fallback;
      for (const req of [{ query: 'alpha' }, { query: 'alpha', limit: 7, offset: 3 }]) {
        const [full, top] = await both(req);
        expect(top, JSON.stringify(req)).toEqual(full);
      }
      expect(topKCounters.fallback).toBeGreaterThan(before);
    } finally {
      w.transaction(() => {
        for (const r of rows) set.run(r.f, r.pk);
      })();
      w.close();
    }
  });
});
