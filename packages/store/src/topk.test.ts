import type { NewsDocument } from '@newsprism/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stemmedTermCounts, TITLE_WEIGHT, termCounts } from './fts-terms.js';
import type { SearchRequest, SearchResult } from './search.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { backfillHeavy, ftsStats, heavyOf, topKCounters } from './sqlite/topk.js';
import { stemText } from './stem.js';
import { openStore, type Store } from './store.js';
import { sqliteBackend, type TestDb } from './testing/backends.js';
import { analysedArticles } from './testing/fixtures.js';

// The top-k of sqlite/topk.ts must give what ranking every match gives: the same hits, scores,
// order (ties by key), totals and cursors. A generated corpus with many exact ties (every text
// twice), varied lengths and term frequencies, common and rare words; every page compared.

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = Array.from({ length: 300 }, (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${i}`);

function text(r: () => number): { title: string; body: string } {
  const words: string[] = [];
  const len = 20 + Math.floor(r() * r() * 400);
  for (let i = 0; i < len; i++) words.push(FILLER[Math.floor(r() * FILLER.length)]!);
  const put = (w: string, n: number) => {
    for (let i = 0; i < n; i++) words.splice(Math.floor(r() * words.length), 0, w);
  };
  // "alpha" in most texts, often many times; "beta" in half; "gamma delta" as a phrase in some;
  // "omega" in a few; "alphabet" shares alpha's prefix.
  if (r() < 0.8) put('alpha', Math.floor(r() * r() * 14));
  if (r() < 0.5) put('beta', 1 + Math.floor(r() * 6));
  if (r() < 0.3) put('gamma delta', 1 + Math.floor(r() * 4));
  if (r() < 0.2) put('delta', 1 + Math.floor(r() * 3));
  if (r() < 0.04) put('omega', 1 + Math.floor(r() * 3));
  if (r() < 0.1) put('alphabet', 1 + Math.floor(r() * 3));
  const title = [FILLER[Math.floor(r() * 300)]!, r() < 0.3 ? 'alpha' : 'report', r() < 0.2 ? 'beta' : 'news'];
  return { title: title.join(' '), body: words.join(' ') };
}

const OUTLETS = ['BBC', 'RT', 'TASS', 'AP'];

async function corpus(n: number): Promise<NewsDocument[]> {
  const base = await analysedArticles();
  const r = rng(7);
  const texts = Array.from({ length: n / 2 }, () => text(r));
  return Array.from({ length: n }, (_, i) => {
    const b = base[i % base.length]!;
    // Every text twice (far apart in key order): exact ties in score.
    const t = texts[i % texts.length]!;
    return {
      ...b,
      id: `g${i}`,
      text: `${t.title}\n\n${t.body}`,
      meta: {
        ...b.meta,
        title: t.title,
        outlet: OUTLETS[i % OUTLETS.length]!,
        published: `2023-0${1 + (i % 9)}-1${i % 10}`,
      },
    };
  });
}

const QUERIES: SearchRequest[] = [
  { query: 'alpha' },
  { query: 'beta' },
  { query: 'alpha beta' },
  { query: 'alpha OR omega' },
  { query: 'alpha OR beta' },
  { query: 'alpha NOT beta' },
  { query: 'beta OR (alpha NOT delta)' },
  { query: '"gamma delta"' },
  { query: '"gamma delta" OR alpha' },
  { query: 'delta' },
  { query: 'omega' },
  { query: 'alph*' },
  { query: 'alpha NOT alphab*' },
  { query: 'alpha', outlet: ['RT'] },
  { query: 'alpha', from: '2023-03', to: '2023-05' },
  { query: 'beta', entity: ['Kyiv'] },
  { query: 'alpha OR beta', technique: ['Loaded_Language'] },
];

describe('exact top-k against the full ranking (SQLite)', () => {
  let db: TestDb;
  let store: Store;
  const saved = { ...topKCounters };
  beforeAll(async () => {
    db = await sqliteBackend.create();
    store = await openStore(db.url);
    await store.ingest(await corpus(1200));
    // Tried on every query of this small corpus; a phrase is rare under 60 documents.
    topKCounters.minMatches = 0;
    topKCounters.rare = 60;
    topKCounters.anyQuery = true;
  }, 180_000);
  afterAll(async () => {
    Object.assign(topKCounters, saved);
    await store?.close();
    await db?.drop();
  });

  const both = async (req: SearchRequest): Promise<[SearchResult, SearchResult, boolean]> => {
    topKCounters.enabled = false;
    const full = await store.search(req);
    topKCounters.enabled = true;
    const used = topKCounters.used;
    const top = await store.search(req);
    return [full, top, topKCounters.used > used];
  };

  it('gives the full ranking’s first pages, with ties at the page boundaries', async () => {
    let used = 0;
    for (const q of QUERIES)
      for (const [limit, offset] of [
        [1, 0],
        [7, 0],
        [20, 0],
        [20, 13],
        [100, 0],
      ] as const) {
        const [full, top, u] = await both({ ...q, limit, offset });
        expect(top, JSON.stringify({ ...q, limit, offset })).toEqual(full);
        if (u) used++;
      }
    // The top-k answered most of them (deep pages and a few others went to the full ranking).
    expect(used).toBeGreaterThan(QUERIES.length * 3);
  }, 120_000);

  it('gives the full ranking’s pages all the way through by cursor', async () => {
    for (const q of QUERIES) {
      const pages: SearchResult[][] = [[], []];
      for (const [side, enabled] of [
        [0, false],
        [1, true],
      ] as const) {
        topKCounters.enabled = enabled;
        let cursor: string | undefined;
        do {
          const page = await store.search({ ...q, limit: 83, ...(cursor ? { cursor } : {}) });
          pages[side]!.push(page);
          cursor = page.next;
        } while (cursor);
      }
      topKCounters.enabled = true;
      expect(pages[1], JSON.stringify(q)).toEqual(pages[0]);
      const ids = pages[0]!.flatMap((p) => p.hits.map((h) => h.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  }, 180_000);

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
      for (const q of QUERIES.slice(0, 6)) {
        const [full, top] = await both({ ...q, limit: 25 });
        expect(top).toEqual(full);
      }
    } finally {
      raw.close();
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
    expect(heavyOf(c, 8)).toEqual([['beta', 4]]);
    expect(heavyOf(c, 4)).toEqual([]);
    expect(heavyOf(c, 1000).map((r) => r[0])).toEqual(['alpha', 'report', 'beta']);
  });

  it('split as FTS5’s unicode61 tokenizer does when a stem holds a non-letter', () => {
    // "i̇" (i with a combining dot, what "İ".toLowerCase() gives) is two tokens to unicode61.
    const c = termCounts('', 'i\u0307stanbul i\u0307stanbul x ');
    expect([...c.counts.keys()].sort()).toEqual(['i', 'stanbul', 'x']);
    expect(c.len).toBe(5);
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
