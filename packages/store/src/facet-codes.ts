import { CommitCache } from './commit-cache.js';
import type { Db } from './db.js';

/**
 * Facet counts from one compact row per document: `doc_facets.codes` lists the ids (in
 * `facet_values`) of every facet value the document has — its outlet, language, genre, month,
 * the frames it sets, its techniques, entity names and source types — as little-endian 32-bit
 * integers. Counting the hits' values is then one read of small rows and a loop in JavaScript,
 * the same on both backends, instead of joining the hits to four query tables.
 */

/** The facets a search counts, in the order results list them. */
export const FACET_NAMES = ['outlet', 'lang', 'genre', 'month', 'frame', 'technique', 'entity', 'sourceType'];

/** The values of a document that facets count (each counted once per document). */
export interface FacetSource {
  outlet: string | null;
  lang: string | null;
  genre: string | null;
  month: string | null;
  frames: readonly string[];
  techniques: readonly string[];
  /** Entity canonical names. */
  entities: readonly string[];
  sourceTypes: readonly string[];
}

const SEP = '\u0000';

function pairs(s: FacetSource): string[] {
  const out = new Set<string>();
  const one = (facet: string, v: string | null) => {
    if (v !== null) out.add(`${facet}${SEP}${v}`);
  };
  one('outlet', s.outlet);
  one('lang', s.lang);
  one('genre', s.genre);
  one('month', s.month);
  for (const v of s.frames) one('frame', v);
  for (const v of s.techniques) one('technique', v);
  for (const v of s.entities) one('entity', v);
  for (const v of s.sourceTypes) one('sourceType', v);
  return [...out];
}

/** The most value ids {@link encodeFacets} keeps for a database before it starts again. */
const KNOWN_LIMIT = 100_000;
// Committed ids never change their value (nothing deletes a facet value), so an ingest keeps
// the ids it has seen committed: most of a batch's values (outlets, months, languages, frames,
// techniques, frequent entities) are then coded without a look-up.
const known = new CommitCache<string, number>(KNOWN_LIMIT);

/**
 * The `codes` of each document, creating the ids of values not seen before (in the caller's
 * transaction: an id is only ever used by the transaction that created it or after its commit,
 * and is kept for later batches only once that transaction has committed).
 */
export async function encodeFacets(db: Db, docs: readonly FacetSource[]): Promise<Buffer[]> {
  const cache = known.of(db);
  const perDoc = docs.map(pairs);
  // The ids known already, taken before any await (a concurrent commit may empty the cache).
  const hits = new Map<string, number>();
  const wanted = new Set<string>();
  for (const list of perDoc)
    for (const k of list) {
      const id = cache.get(k);
      if (id !== undefined) hits.set(k, id);
      else wanted.add(k);
    }
  // The values not known are inserted first (most are new: the entities of a corpus are a long
  // tail), and only those that were there already are looked up.
  const ids = new Map<string, number>();
  const fresh = [...wanted].sort();
  const CHUNK = 200;
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const part = fresh.slice(i, i + CHUNK);
    const rows = await db.all<{ id: number; facet: string; value: string }>(
      `INSERT INTO facet_values (facet, value) VALUES ${part.map(() => '(?, ?)').join(', ')} ON CONFLICT (facet, value) DO NOTHING RETURNING id, facet, value`,
      part.flatMap((k) => k.split(SEP)),
    );
    for (const r of rows) ids.set(`${r.facet}${SEP}${r.value}`, Number(r.id));
  }
  const there = fresh.filter((k) => !ids.has(k));
  if (there.length > 0) for (const [k, id] of await lookup(db, new Set(there))) ids.set(k, id);
  const codes = perDoc.map((list) => {
    const c = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) c[i] = hits.get(list[i]!) ?? ids.get(list[i]!)!;
    c.sort();
    const buf = Buffer.alloc(c.length * 4);
    for (let i = 0; i < c.length; i++) buf.writeInt32LE(c[i]!, i * 4);
    return buf;
  });
  known.afterCommit(db, ids);
  return codes;
}

async function lookup(db: Db, keys: Set<string>): Promise<Map<string, number>> {
  const byFacet = new Map<string, string[]>();
  for (const k of keys) {
    const [facet, value] = k.split(SEP) as [string, string];
    const list = byFacet.get(facet) ?? [];
    list.push(value);
    byFacet.set(facet, list);
  }
  const out = new Map<string, number>();
  const CHUNK = 500;
  for (const [facet, values] of byFacet)
    for (let i = 0; i < values.length; i += CHUNK) {
      const part = values.slice(i, i + CHUNK);
      const rows = await db.all<{ id: number; value: string }>(
        `SELECT id, value FROM facet_values WHERE facet = ? AND value IN (${part.map(() => '?').join(', ')})`,
        [facet, ...part],
      );
      for (const r of rows) out.set(`${facet}${SEP}${r.value}`, Number(r.id));
    }
  return out;
}

// Committed ids never change their value, so a connection keeps what it has read.
const dictionaries = new WeakMap<Db, Map<number, [string, string]>>();

/** Counts facet values over the `codes` of the selected documents: every value, largest first. */
export async function countFacets(
  db: Db,
  rows: readonly { codes: Uint8Array }[],
): Promise<Record<string, { value: string; count: number }[]>> {
  let counts = new Int32Array(1024);
  let max = -1;
  for (const r of rows) {
    const b = r.codes;
    for (let i = 0; i + 3 < b.length; i += 4) {
      const id = b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
      if (id >= counts.length) {
        const grown = new Int32Array(Math.max(counts.length * 2, id + 1));
        grown.set(counts);
        counts = grown;
      }
      counts[id]!++;
      if (id > max) max = id;
    }
  }
  let dict = dictionaries.get(db);
  if (!dict) {
    dict = new Map();
    dictionaries.set(db, dict);
  }
  const unknown: number[] = [];
  for (let id = 0; id <= max; id++) if (counts[id]! > 0 && !dict.has(id)) unknown.push(id);
  const CHUNK = 500;
  for (let i = 0; i < unknown.length; i += CHUNK) {
    const part = unknown.slice(i, i + CHUNK);
    const got = await db.all<{ id: number; facet: string; value: string }>(
      `SELECT id, facet, value FROM facet_values WHERE id IN (${part.map(() => '?').join(', ')})`,
      part,
    );
    for (const g of got) dict.set(Number(g.id), [g.facet, g.value]);
  }
  const out: Record<string, { value: string; count: number }[]> = {};
  for (const name of FACET_NAMES) out[name] = [];
  for (let id = 0; id <= max; id++) {
    if (counts[id]! === 0) continue;
    const fv = dict.get(id);
    if (fv) out[fv[0]]?.push({ value: fv[1], count: counts[id]! });
  }
  return out;
}
