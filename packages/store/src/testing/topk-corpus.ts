import type { NewsDocument } from '@newsprism/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SearchRequest, SearchResult } from '../search.js';
import { topKCounters } from '../sqlite/topk.js';
import { openStore, type Store } from '../store.js';
import { sqliteBackend, type TestDb } from './backends.js';

// A generated corpus for the top-k of sqlite/topk.ts, which must give what ranking every match
// gives: many exact ties (every text twice), varied lengths and term frequencies, common and rare
// words. Used at two sizes: topk.test.ts (1,200 analysed documents) and topk-small.test.ts.

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

/** `n` generated documents, the layers (for the filters) taken in turn from `base`. */
export function topKCorpus(n: number, base: readonly NewsDocument[]): NewsDocument[] {
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

/** Searches of every shape the top-k handles (filters on the query tables and on documents). */
export const TOPK_QUERIES: SearchRequest[] = [
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

/** A search ranked in full, then by the top-k, and whether the top-k answered it. */
export async function bothRankings(
  store: Store,
  req: SearchRequest,
): Promise<[SearchResult, SearchResult, boolean]> {
  topKCounters.enabled = false;
  const full = await store.search(req);
  topKCounters.enabled = true;
  const used = topKCounters.used;
  const top = await store.search(req);
  return [full, top, topKCounters.used > used];
}

/**
 * Checks the first pages (`[limit, offset]`) of every search of {@link TOPK_QUERIES}: the top-k
 * gives the full ranking's. Resolves to how many of them the top-k answered.
 */
async function expectSameFirstPages(
  store: Store,
  pages: readonly (readonly [number, number])[],
): Promise<number> {
  let used = 0;
  for (const q of TOPK_QUERIES)
    for (const [limit, offset] of pages) {
      const [full, top, u] = await bothRankings(store, { ...q, limit, offset });
      expect(top, JSON.stringify({ ...q, limit, offset })).toEqual(full);
      if (u) used++;
    }
  return used;
}

/** Checks every page by cursor of every search of {@link TOPK_QUERIES}: the same both ways, each hit once. */
async function expectSameCursorPages(store: Store, limit: number): Promise<void> {
  for (const q of TOPK_QUERIES) {
    const [full, top] = await cursorPages(store, q, limit);
    expect(top, JSON.stringify(q)).toEqual(full);
    const ids = full!.flatMap((p) => p.hits.map((h) => h.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(full![0]!.total);
  }
}

/** Every page of each search by cursor ranked in full and by the top-k: `[full, top]`. */
async function cursorPages(store: Store, req: SearchRequest, limit: number): Promise<SearchResult[][]> {
  const pages: SearchResult[][] = [[], []];
  for (const [side, enabled] of [
    [0, false],
    [1, true],
  ] as const) {
    topKCounters.enabled = enabled;
    let cursor: string | undefined;
    do {
      const page = await store.search({ ...req, limit, ...(cursor ? { cursor } : {}) });
      pages[side]!.push(page);
      cursor = page.next;
    } while (cursor);
  }
  topKCounters.enabled = true;
  return pages;
}

/**
 * A SQLite store of `docs` for the suite (with its database file), the top-k tried on every
 * query and a phrase rare under `rare` documents; read it through the getter.
 */
export function useTopKStore(
  docs: () => Promise<NewsDocument[]> | NewsDocument[],
  rare: number,
): () => { store: Store; db: TestDb } {
  let db: TestDb;
  let store: Store;
  const saved = { ...topKCounters };
  beforeAll(async () => {
    db = await sqliteBackend.create();
    store = await openStore(db.url);
    await store.ingest(await docs());
    topKCounters.minMatches = 0;
    topKCounters.rare = rare;
    topKCounters.anyQuery = true;
  }, 180_000);
  afterAll(async () => {
    Object.assign(topKCounters, saved);
    await store?.close();
    await db?.drop();
  });
  return () => ({ store, db });
}

/**
 * The two comparisons of a top-k suite over {@link TOPK_QUERIES}: the first pages
 * (`[limit, offset]`, most answered by the top-k) and every page by cursor (`cursorLimit` a page).
 */
export function itGivesTheFullRanking(
  get: () => { store: Store },
  pages: readonly (readonly [number, number])[],
  cursorLimit: number,
): void {
  it('gives the full ranking’s first pages, with ties at the page boundaries', async () => {
    // The top-k answered most of them (deep pages and a few others went to the full ranking).
    expect(await expectSameFirstPages(get().store, pages)).toBeGreaterThan(TOPK_QUERIES.length * 3);
  }, 120_000);

  it('gives the full ranking’s pages all the way through by cursor', async () => {
    await expectSameCursorPages(get().store, cursorLimit);
  }, 180_000);
}
