import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchRequest } from './search.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { backfillHeavy, ftsStats, topKCounters } from './sqlite/topk.js';
import type { Store } from './store.js';
import type { TestDb } from './testing/backends.js';
import { analysedArticles } from './testing/fixtures.js';
import {
  bothRankings,
  itGivesTheFullRanking,
  TOPK_QUERIES,
  topKCorpus,
  useTopKStore,
} from './testing/topk-corpus.js';

// The top-k of sqlite/topk.ts must give what ranking every match gives: the same hits, scores,
// order (ties by key), totals and cursors, on the generated corpus of testing/topk-corpus.ts at
// 1,200 analysed documents (topk-small.test.ts: a smaller one); every page compared.

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

  it('keeps the heavy postings with the documents: replaced, deleted, backfilled alike', async () => {
    const raw = new Database(db.url, { readonly: true });
    const rowsOf = () =>
      raw.prepare('SELECT term, pk, f, len FROM fts_heavy ORDER BY term, pk').all() as {
        term: string;
        pk: number;
      }[];
    try {
      const [doc] = (await corpus(2)).slice(1);
      // A changed text replaces g1: its old key's rows go, the new key gets the new text's.
      const pk1 = (raw.prepare("SELECT pk FROM documents WHERE id = 'g1'").get() as { pk: number }).pk;
      expect(rowsOf().some((r) => r.pk === pk1)).toBe(true);
      await store.ingest([{ ...doc!, text: 'alpha alpha alpha alpha alpha alpha beta' }]);
      const pk1b = (raw.prepare("SELECT pk FROM documents WHERE id = 'g1'").get() as { pk: number }).pk;
      expect(rowsOf().filter((r) => r.pk === pk1)).toEqual([]);
      const terms = rowsOf()
        .filter((r) => r.pk === pk1b)
        .map((r) => r.term);
      expect(terms).toContain('alpha');
      const words = new Set([...doc!.meta.title!.split(' '), 'alpha', 'beta']);
      expect(terms.filter((t) => !words.has(t))).toEqual([]);
      await store.delete('g2');
      const after = rowsOf();
      // Filled again from the stored titles and texts (at the same reference length), the rows
      // are the same.
      const w = openSqlite(db.url);
      await w.transaction(async () => {
        await w.run('DELETE FROM fts_heavy');
        await w.run('DELETE FROM fts_heavy_docs');
        await backfillHeavy(w);
      });
      await w.close();
      expect(after.length).toBeGreaterThan(1000);
      expect(rowsOf()).toEqual(after);
      // A store without a reference length gets the index's average length.
      const w2 = openSqlite(db.url);
      await w2.transaction(async () => {
        await w2.run("DELETE FROM newsprism_meta WHERE key = 'fts_heavy_ref'");
        await w2.run('DELETE FROM fts_heavy');
        await w2.run('DELETE FROM fts_heavy_docs');
        await backfillHeavy(w2);
      });
      const ref = Number(
        (
          raw.prepare("SELECT value FROM newsprism_meta WHERE key = 'fts_heavy_ref'").get() as {
            value: string;
          }
        ).value,
      );
      expect(Math.abs(ref - (await ftsStats(w2))!.avgdl)).toBeLessThan(1);
      await w2.close();
      // Pages stay identical with the backfilled rows.
      for (const q of TOPK_QUERIES.slice(0, 6)) {
        const [full, top] = await both({ ...q, limit: 25 });
        expect(top).toEqual(full);
      }
    } finally {
      raw.close();
    }
  });
});
