import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { heavyTerms, NEVER_HEAVY, stemmedTermCounts, TITLE_WEIGHT, termCounts } from './fts-terms.js';
import type { SearchRequest } from './search.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { backfillHeavy, ftsStats, HEAVY_LEVEL, heavyMin, heavyOf, topKCounters } from './sqlite/topk.js';
import { indexedBody, stemText } from './stem.js';
import { openStore, type Store } from './store.js';
import { sqliteBackend, type TestDb } from './testing/backends.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';
import {
  bothRankings,
  itGivesTheFullRanking,
  TOPK_QUERIES,
  topKCorpus,
  useTopKStore,
} from './testing/topk-corpus.js';

// The top-k of sqlite/topk.ts against the full ranking on 400 generated documents with the
// hand-made layers of testing/small-corpus.ts (no pipeline: cheap enough to run per mutant);
// topk.test.ts does the same at 1,200 analysed documents.

const N = 400;
const docs = topKCorpus(N, SMALL_CORPUS);
/** The counters as the module sets them, before any suite changes them. */
const DEFAULTS = { ...topKCounters };

describe('exact top-k against the full ranking, small corpus (SQLite)', () => {
  // Tried on every query; a phrase is rare under 24 documents (`omega`, a few forms of `alph*`).
  const get = useTopKStore(() => docs, 24);
  let store: Store;
  let db: TestDb;
  beforeAll(() => {
    ({ store, db } = get());
  });

  const both = (req: SearchRequest) => bothRankings(store, req);

  /** A search by the top-k: whether it answered, and the documents scored and postings read. */
  const work = async (req: SearchRequest) => {
    const [scored, postings, fallback] = [topKCounters.scored, topKCounters.postings, topKCounters.fallback];
    const [full, top, used] = await both(req);
    expect(top, JSON.stringify(req)).toEqual(full);
    return {
      used,
      fellBack: topKCounters.fallback > fallback,
      scored: topKCounters.scored - scored,
      postings: topKCounters.postings - postings,
      total: full.total,
    };
  };
  /** Every match of a search in the full ranking's order. */
  const ranking = async (req: SearchRequest) => {
    topKCounters.enabled = false;
    try {
      return (await store.search({ ...req, limit: 1000, offset: 0 })).hits;
    } finally {
      topKCounters.enabled = true;
    }
  };
  /** A read of the database file as it is now. */
  const raw = <T>(read: (r: Database.Database) => T): T => {
    const r = new Database(db.url, { readonly: true });
    try {
      return read(r);
    } finally {
      r.close();
    }
  };
  /** How many heavy postings a term has. */
  const heavyCount = (term: string) =>
    raw(
      (r) => (r.prepare('SELECT count(*) AS n FROM fts_heavy WHERE term = ?').get(term) as { n: number }).n,
    );
  /** Each match's score unrounded (hits carry 6 decimals; a word in most documents scores ~1e-6). */
  const exactScores = (word: string) =>
    new Map(
      raw(
        (r) =>
          r
            .prepare(
              'SELECT d.id, -bm25(doc_fts, 2.0, 1.0) AS s FROM doc_fts JOIN documents d ON d.pk = doc_fts.rowid WHERE doc_fts MATCH ?',
            )
            .all(`"${word}"`) as { id: string; s: number }[],
      ).map((x) => [x.id, x.s]),
    );

  it('answers the first pages of the shapes it serves by default, and does no work for the others', async () => {
    topKCounters.anyQuery = false;
    try {
      for (const req of [
        { query: 'alpha' },
        { query: 'beta' },
        { query: 'delta' },
        { query: '"gamma delta"' },
        { query: 'alpha NOT beta' },
        { query: 'alpha NOT alphab*' },
        { query: 'beta', entity: ['Kyiv'] },
      ])
        for (const limit of [1, 7, 20]) {
          const w = await work({ ...req, limit });
          expect([w.used, w.fellBack], JSON.stringify({ ...req, limit })).toEqual([true, false]);
        }
      // Never tried: nothing read, nothing scored, no fallback counted.
      for (const req of [
        { query: 'alpha OR beta' },
        { query: 'alpha beta' },
        { query: 'alph*' },
        { query: 'alpha', outlet: ['RT'] },
      ])
        expect(await work(req), JSON.stringify(req)).toMatchObject({
          used: false,
          fellBack: false,
          scored: 0,
          postings: 0,
        });
    } finally {
      topKCounters.anyQuery = true;
    }
  });

  it('scores only the page and its ties for one word, reading one head of postings', async () => {
    for (const req of [
      { query: 'alpha' },
      { query: 'beta' },
      { query: 'delta' },
      { query: 'beta', entity: ['Kyiv'] },
      { query: 'alpha', from: '2023-03', to: '2023-05' },
    ]) {
      const exact = exactScores(req.query);
      const all = (await ranking(req)).map((h) => exact.get(h.id)!);
      for (const k of [1, 7, 20, 33]) {
        const w = await work({ ...req, limit: k });
        const at = JSON.stringify({ ...req, k });
        expect(w.used, at).toBe(true);
        // The documents scoring the score of the hit after the page (read to know whether a next
        // page exists) or more, ties included: no other need be scored.
        const last = all[k]!;
        const reach = all.filter((s) => s >= last * (1 - 1e-9)).length;
        expect(reach, at).toBeLessThan(all.length / 2);
        expect(w.scored, at).toBeGreaterThanOrEqual(k);
        expect(w.scored, at).toBeLessThanOrEqual(reach);
        expect(w.postings, at).toBeLessThanOrEqual(Math.max(64, 4 * (k + 1)));
        expect(w.postings, at).toBeGreaterThanOrEqual(k);
      }
    }
  });

  it('scores no more than the common terms’ heads and the rare phrases’ matches for other shapes', async () => {
    const omega = (await ranking({ query: 'omega' })).length;
    const head = (term: string) => Math.min(64, heavyCount(term));
    for (const [req, bound] of [
      [{ query: 'alpha beta' }, head('alpha') + head('beta')],
      [{ query: 'alpha OR beta' }, head('alpha') + head('beta')],
      [{ query: 'alpha OR omega' }, head('alpha') + omega],
      [{ query: '"gamma delta"' }, head('gamma') + head('delta')],
      [{ query: '"gamma delta" OR alpha' }, head('gamma') + head('delta') + head('alpha')],
      [{ query: 'alpha NOT beta' }, head('alpha')],
      [{ query: 'alph*' }, head('alpha') + head('alphabet')],
      [{ query: 'alpha OR beta', technique: ['Loaded_Language'] }, head('alpha') + head('beta')],
    ] as [SearchRequest, number][])
      for (const limit of [1, 7]) {
        const w = await work({ ...req, limit });
        const at = JSON.stringify({ ...req, limit });
        expect(w.used, at).toBe(true);
        expect(w.scored, at).toBeGreaterThanOrEqual(limit);
        expect(w.scored, at).toBeLessThanOrEqual(bound);
        expect(w.scored, at).toBeLessThan(w.total);
      }
    // A prefix with a common and a rare form: the common form's head, the rare form's matches.
    const alphabet = (await ranking({ query: 'alphabet' })).length;
    topKCounters.rare = alphabet;
    try {
      const w = await work({ query: 'alph*', limit: 1 });
      expect(w.used).toBe(true);
      // Every document holding the rare form is scored, also those outside alpha's head.
      const outside = raw(
        (r) =>
          (
            r
              .prepare(
                "SELECT count(*) AS n FROM doc_fts WHERE doc_fts MATCH 'alphabet' AND rowid NOT IN (SELECT pk FROM fts_heavy WHERE term = 'alpha')",
              )
              .get() as { n: number }
          ).n,
      );
      expect(outside).toBeGreaterThan(0);
      expect(w.scored).toBeGreaterThanOrEqual(head('alpha') + outside);
      expect(w.scored).toBeLessThanOrEqual(head('alpha') + alphabet);
      expect(w.postings).toBeLessThanOrEqual(head('alpha'));
    } finally {
      topKCounters.rare = 24;
    }
    // A rare phrase alone, and a prefix whose only form is rare: its matches, each once.
    for (const query of ['omega', 'omeg*'])
      expect(await work({ query, limit: 1 }), query).toMatchObject({
        used: true,
        scored: omega,
        postings: 0,
      });
  });

  it('reads only the postings the filters keep, and pages by cursor with the same work', async () => {
    const plain = await work({ query: 'alpha', limit: 7 });
    const dated = await work({ query: 'alpha', from: '2023-03', to: '2023-05', limit: 7 });
    const rt = await work({ query: 'alpha', outlet: ['RT'], limit: 7 });
    expect(plain.postings).toBe(64);
    expect(dated.postings).toBeLessThan(plain.postings);
    expect(rt.postings).toBeLessThan(plain.postings);
    expect(dated.used && rt.used).toBe(true);
    // A second page by cursor is answered too, scoring no more than the heads again.
    topKCounters.enabled = false;
    const first = await store.search({ query: 'alpha beta', limit: 5 });
    topKCounters.enabled = true;
    const w = await work({ query: 'alpha beta', limit: 5, cursor: first.next! });
    expect(w.used).toBe(true);
    expect(w.scored).toBeLessThanOrEqual(
      Math.min(64, heavyCount('alpha')) + Math.min(64, heavyCount('beta')),
    );
  });

  itGivesTheFullRanking(
    get,
    [
      [1, 0],
      [2, 0],
      [7, 0],
      [20, 13],
      [60, 0],
    ],
    29,
  );

  it('is taken for one common word by default, and falls back when it cannot prove the page', async () => {
    topKCounters.anyQuery = false;
    try {
      expect((await both({ query: 'alpha' }))[2]).toBe(true);
      expect((await both({ query: 'alpha', limit: 1 }))[2]).toBe(true);
      expect((await both({ query: 'beta', technique: ['Doubt'] }))[2]).toBe(true);
      expect((await both({ query: 'alpha NOT beta' }))[2]).toBe(true);
      expect((await both({ query: 'alph*' }))[2]).toBe(false);
      expect((await both({ query: 'alpha OR beta' }))[2]).toBe(false);
      expect((await both({ query: 'alpha', outlet: ['RT'] }))[2]).toBe(false);
    } finally {
      topKCounters.anyQuery = true;
    }
    expect((await both({ query: 'alph*' }))[2]).toBe(true);
    const before = topKCounters.fallback;
    const [full, top, used] = await both({ query: 'alpha', offset: 200, limit: 20 });
    expect(used).toBe(false);
    expect(top).toEqual(full);
    expect(topKCounters.fallback).toBeGreaterThan(before);
    // Below `minMatches` matches, not tried.
    topKCounters.minMatches = N;
    try {
      expect((await both({ query: 'alpha' }))[2]).toBe(false);
    } finally {
      topKCounters.minMatches = 0;
    }
  });

  it('reads the index’s row count and average length, and keeps the first batch’s as the reference', async () => {
    const lens = docs.map((d) => termCounts(stemText(d.meta.title!).stems, stemText(d.text).stems).len);
    const mean = lens.reduce((a, b) => a + b, 0) / N;
    const w = openSqlite(db.url);
    try {
      const stats = await ftsStats(w);
      expect(stats!.rows).toBe(N);
      expect(stats!.avgdl).toBeCloseTo(mean, 6);
    } finally {
      await w.close();
    }
    const raw = new Database(db.url, { readonly: true });
    try {
      const { value } = raw.prepare("SELECT value FROM newsprism_meta WHERE key = 'fts_heavy_ref'").get() as {
        value: string;
      };
      expect(Number(value)).toBe(Math.max(100, Math.round(mean)));
      // Each document's listed terms are exactly its heavy ones at that reference.
      const listed = raw.prepare('SELECT term, f, len FROM fts_heavy WHERE pk = 1 ORDER BY term').all();
      const c = termCounts(stemText(docs[0]!.meta.title!).stems, stemText(docs[0]!.text).stems);
      expect(listed).toEqual(
        heavyOf(heavyTerms(c), Number(value))
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([term, f]) => ({ term, f, len: c.len })),
      );
      expect(listed.length).toBeGreaterThan(0);
    } finally {
      raw.close();
    }
    expect(HEAVY_LEVEL).toBe(4);
  });

  it('keeps the heavy postings with the documents: replaced, deleted, backfilled alike', async () => {
    const raw = new Database(db.url, { readonly: true });
    const rowsOf = () =>
      raw.prepare('SELECT term, pk, f, len FROM fts_heavy ORDER BY term, pk').all() as {
        term: string;
        pk: number;
      }[];
    try {
      const [doc] = topKCorpus(2, SMALL_CORPUS).slice(1);
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
      // A copy of g3's text under another title: its own rows (the title's words count twice),
      // and a document with no heavy posting lists none.
      await store.ingest([
        { ...docs[3]!, id: 'g3-retitled', meta: { ...docs[3]!.meta, title: 'omega retitled omega' } },
        {
          ...docs[5]!,
          id: 'flat',
          text: Array.from({ length: 300 }, (_, i) => `flat${i}`).join(' '),
          meta: { ...docs[5]!.meta, title: 'plain' },
        },
      ]);
      const pkOf = (id: string) =>
        (raw.prepare('SELECT pk FROM documents WHERE id = ?').get(id) as { pk: number }).pk;
      const listed = (pk: number) =>
        raw.prepare('SELECT count(*) AS n FROM fts_heavy_docs WHERE pk = ?').get(pk) as { n: number };
      expect(rowsOf().filter((r) => r.pk === pkOf('flat'))).toEqual([]);
      expect(listed(pkOf('flat')).n).toBe(0);
      expect(rowsOf().filter((r) => r.pk === pkOf('g3-retitled') && r.term === 'omega').length).toBe(1);
      // One id twice in a batch, another document between (the postings of a batch are written
      // at its end): only the last text's rows, under its key; none under the first's.
      const twice = (text: string) => ({
        ...docs[4]!,
        id: 'twice',
        text,
        meta: { ...docs[4]!.meta, title: 'twice' },
      });
      await store.ingest([
        twice('wombat '.repeat(12)),
        { ...docs[6]!, id: 'between' },
        twice('quokka '.repeat(12)),
      ]);
      const keys = new Set(
        (raw.prepare('SELECT pk FROM documents').all() as { pk: number }[]).map((r) => r.pk),
      );
      expect(rowsOf().filter((r) => !keys.has(r.pk))).toEqual([]);
      expect(
        rowsOf()
          .filter((r) => r.pk === pkOf('twice'))
          .map((r) => r.term),
      ).toContain('quokka');
      expect(rowsOf().some((r) => r.term === 'wombat')).toBe(false);
      await store.delete('g2');
      const after = rowsOf();
      // Every document with heavy postings lists their terms, and only those documents.
      const lists = raw.prepare('SELECT pk, terms FROM fts_heavy_docs ORDER BY pk').all() as {
        pk: number;
        terms: string;
      }[];
      const byPk = new Map<number, string[]>();
      for (const r of after) byPk.set(r.pk, [...(byPk.get(r.pk) ?? []), r.term]);
      expect(lists.map((l) => [l.pk, JSON.parse(l.terms).sort()])).toEqual(
        [...byPk].sort((a, b) => a[0] - b[0]).map(([pk, t]) => [pk, t.sort()]),
      );
      // Filled again from the stored titles and texts (at the same reference length), the rows
      // are the same.
      const w = openSqlite(db.url);
      await w.transaction(async () => {
        await w.run('DELETE FROM fts_heavy');
        await w.run('DELETE FROM fts_heavy_docs');
        await backfillHeavy(w);
      });
      await w.close();
      expect(after.length).toBeGreaterThan(N);
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
      expect(ref).toBe(Math.max(100, Math.round((await ftsStats(w2))!.avgdl)));
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

describe('top-k defaults and an empty index', () => {
  it('tries one-phrase queries from 2,000 matches, a phrase rare up to 500 documents', () => {
    expect(DEFAULTS).toMatchObject({ enabled: true, anyQuery: false, minMatches: 2000, rare: 500 });
  });

  it('falls back on a store with no documents', async () => {
    const db = await sqliteBackend.create();
    const store = await openStore(db.url);
    const saved = { ...topKCounters };
    try {
      Object.assign(topKCounters, { minMatches: 0, enabled: true });
      const w = openSqlite(db.url);
      try {
        expect(await ftsStats(w)).toEqual({ rows: 0, avgdl: 0 });
      } finally {
        await w.close();
      }
      const fallback = topKCounters.fallback;
      expect(await store.search({ query: 'alpha' })).toMatchObject({ total: 0, hits: [] });
      expect(topKCounters.fallback).toBe(fallback + 1);
    } finally {
      Object.assign(topKCounters, saved);
      await store.close();
      await db.drop();
    }
  });
});

describe('heavy postings', () => {
  it('count title words twice and list a term at HEAVY_LEVEL times its share of the reference length', () => {
    const c = termCounts('alpha report ', 'alpha beta beta beta beta gamma ');
    expect(c.len).toBe(8);
    expect(c.counts.get('alpha')).toBe(3);
    expect(c.counts.get('beta')).toBe(4);
    // At reference length 8 a term needs f ≥ 4; at 4 (a document twice as long) f ≥ 7.
    const h = heavyTerms(c);
    expect(heavyOf(h, 8)).toEqual([['beta', 4]]);
    expect(heavyOf(h, 4)).toEqual([]);
    expect(heavyOf(h, 1000).map((r) => r[0])).toEqual(['alpha', 'report', 'beta']);
  });

  it('keeps of a document’s counts only the terms that can be heavy at some reference length', () => {
    const c = termCounts('alpha report ', 'alpha beta beta beta beta gamma delta ');
    // gamma and delta, counted once, are left out; the others keep their order and counts.
    expect(heavyTerms(c)).toEqual({ len: 9, terms: ['alpha', 'report', 'beta'], counts: [3, 2, 4] });
    // Counted once is never enough: the least count of a heavy posting is above NEVER_HEAVY for
    // any document with a token, however short it is or long the reference length.
    for (const len of [1, 2, 10, 1000, 400_000])
      for (const ref of [1, 100, 864, 10_000, 1e6, 1e9])
        expect(heavyMin(len, ref)).toBeGreaterThan(NEVER_HEAVY);
    // So the listed postings are the same from the kept terms as from all counts.
    const all = (ref: number) => [...c.counts].filter(([, f]) => f >= heavyMin(c.len, ref));
    for (const ref of [1, 2, 4, 8, 9, 20, 1000]) expect(heavyOf(heavyTerms(c), ref)).toEqual(all(ref));
  });

  it('split as FTS5’s unicode61 tokenizer does when a stem holds a non-letter', () => {
    // "i̇" (i with a combining dot, what "İ".toLowerCase() gives) is two tokens to unicode61.
    const c = termCounts('', 'i\u0307stanbul i\u0307stanbul x ');
    expect([...c.counts.keys()].sort()).toEqual(['i', 'stanbul', 'x']);
    expect(c.len).toBe(5);
  });

  it('counted while stemming as the index holds a body cut at its limit', () => {
    // 50,000 words of 4–12 characters: more stemmed body than the index keeps (400,000 characters).
    const body = Array.from({ length: 50_000 }, (_, i) => `q${i}z${i}`).join(' ');
    const counts = new Map<string, number>();
    const t = stemText('Long report', counts, TITLE_WEIGHT);
    const b = stemText(body, counts);
    const counted = stemmedTermCounts(t, b, counts);
    const split = termCounts(t.stems, indexedBody(b.stems));
    expect(counted.len).toBe(split.len);
    expect(counted.len).toBeLessThan(t.words + b.words);
    expect(counted.counts.size).toBe(split.counts.size);
  });

  it.each([
    ['Sanctions on Kyiv', 'Sanctions hit «Украину» again, and again: 2023, 2024.'],
    ['', 'Plain words only words'],
    ['İstanbul talks', 'İstanbul and İzmir, ΟΔΟΣ ΑΘΗΝΑΣ, Ǆungla'],
    ['Title', 'body with a combining e\u0301 and ﬁne ligatures'],
  ])('counted while stemming as when split again (%j)', (title, body) => {
    const counts = new Map<string, number>();
    const t = stemText(title, counts, TITLE_WEIGHT);
    const b = stemText(body, counts);
    const split = termCounts(t.stems, b.stems);
    const counted = stemmedTermCounts(t, b, counts);
    expect(counted.len).toBe(split.len);
    expect(new Map([...counted.counts].sort())).toEqual(new Map([...split.counts].sort()));
  });
});
