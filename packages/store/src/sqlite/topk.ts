import type { Db } from '../db.js';
import type { SqlWhere } from '../filters.js';
import { type HeavyTerms, heavyTerms, termCounts } from '../fts-terms.js';
import { META_TABLE } from '../meta-table.js';
import { toFts5 } from '../query/compile.js';
import type { QueryNode } from '../query/parse.js';
import { indexedBody, stemText } from '../stem.js';

// An exact top-k for relevance searches on SQLite that does not score every match.
//
// FTS5's bm25 (fts5_aux.c) scores a document as the sum over the query's phrases of
//   IDF · f·(k1 + 1) / (f + k1·(1 − b + b·D/avgdl)),   k1 = 1.2, b = 0.75,
// where f is the phrase's instances in the document weighted by column (the store ranks with
// `bm25(doc_fts, 2.0, 1.0)`: title 2, body 1), D the document's tokens, avgdl the index's
// tokens over its rows, IDF = ln((N − n + 0.5)/(n + 0.5)) (at least 1e-6) with n the documents
// holding the phrase. With x = f/(1 − b + b·D/avgdl) a phrase adds IDF · g(x),
// g(x) = (k1 + 1)·x/(x + k1), increasing in x.
//
// Computing that for every match costs about 0.8 µs a match on a loaded 2-core machine
// (5,000–10,000 matches for common words at 100,000 documents). Migration 9 keeps, for each document, its "heavy" postings: the terms
// with f ≥ HEAVY_LEVEL·(1 − b + b·D/ref), `ref` a fixed reference length kept in the meta
// table (about a tenth of a document's distinct terms). A posting that is not listed has
// x < HEAVY_LEVEL·max(1, avgdl/ref) whatever avgdl has become since, so a document listed for
// none of a query's common phrases scores at most U0 = Σ IDF·g(that). The search scores exactly
// (with FTS5's own bm25, in one statement) the listed documents whose bound can reach the k-th
// best score, plus every match of the query's rare phrases, and keeps the answer only when the
// k-th best score is above U0 and above every unscored candidate's bound: then no other
// document can enter the page or tie with its last hit, and the page is the full ranking's,
// scores and order (score, then key) included. Otherwise it says so and the caller ranks every
// match as before.
//
// Steps: each common term's best postings by x (a head) are scored; from that k-th score θ0 the
// x a document must reach for each phrase follows, the postings down to it are read, and the
// candidates whose bound reaches θ0 are scored. Filters apply to the postings read and to the
// scoring (after the candidates' keys). By default (`topKCounters.anyQuery`) only one-phrase
// queries, unfiltered or filtered on the query tables, are tried: the others measured dearer.

const K1 = 1.2;
const B = 0.75;
/** A posting is listed when its x at the reference length is at least this. */
export const HEAVY_LEVEL = 4;
/** The meta-table key of the reference length. */
const REF_KEY = 'fts_heavy_ref';
/** The smallest reference length (a first batch of short documents must not make it tiny). */
const MIN_REF = 100;
/** Slack for the difference between FTS5's arithmetic and this file's. */
const SLACK = 1e-9;

const g = (x: number) => ((K1 + 1) * x) / (x + K1);

/**
 * How often the top-k answered a search and how often it handed back to the full ranking, and
 * its work: the documents it handed to FTS5's bm25 (`scored`) and the heavy postings it read
 * (`postings`); `enabled: false` ranks every match (tests and benches compare the two); below `minMatches`
 * matches ranking them all is about as cheap, and the top-k is not tried; a phrase matching at
 * most `rare` documents has its matches scored rather than bounded.
 */
export const topKCounters = {
  used: 0,
  fallback: 0,
  scored: 0,
  postings: 0,
  enabled: true,
  minMatches: 2000,
  rare: 500,
  /**
   * Also queries of several phrases, prefixes and searches filtered on `documents` columns.
   * Exact as well (topk.test.ts), but at 100,000 documents their bounds leave thousands of
   * candidates, or the narrow index is joined for every posting read, and they cost more than
   * the full ranking (docs/benchmarks.md, session 4): by default only one-phrase queries,
   * unfiltered or filtered on the query tables (frame, technique, entity, source type).
   */
  anyQuery: false,
};

/**
 * The least weighted count of a heavy posting in a document of `len` tokens at reference length
 * `ref`: above NEVER_HEAVY (fts-terms.ts) when len > 0, so a prepared document need not keep the
 * terms counted once.
 */
export function heavyMin(len: number, ref: number): number {
  return HEAVY_LEVEL * (1 - B + (B * len) / ref);
}

/** The heavy postings `[term, f]` of a document's terms at reference length `ref`. */
export function heavyOf(c: HeavyTerms, ref: number): [string, number][] {
  const min = heavyMin(c.len, ref);
  const out: [string, number][] = [];
  for (let i = 0; i < c.terms.length; i++) if (c.counts[i]! >= min) out.push([c.terms[i]!, c.counts[i]!]);
  return out;
}

const refs = new WeakMap<Db, number>();

/** The reference length of the heavy postings, or undefined before the first document. */
export async function heavyRef(db: Db): Promise<number | undefined> {
  const known = refs.get(db);
  if (known !== undefined) return known;
  const [row] = await db.all<{ value: string }>(`SELECT value FROM ${META_TABLE} WHERE key = ?`, [REF_KEY]);
  if (!row) return undefined;
  const ref = Number(row.value);
  refs.set(db, ref);
  return ref;
}

/** Sets the reference length once, from the average length of the first documents stored. */
export async function initHeavyRef(db: Db, averageLength: number): Promise<number> {
  refs.delete(db);
  const have = await heavyRef(db);
  if (have !== undefined) return have;
  const ref = Math.max(MIN_REF, Math.round(averageLength));
  await db.run(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?)`, [REF_KEY, String(ref)]);
  refs.set(db, ref);
  return ref;
}

/** Lists a stored document's heavy postings (inside the ingest's transaction). */
export async function writeHeavy(db: Db, pk: number, c: HeavyTerms, ref: number): Promise<void> {
  await writeHeavyMany(db, new Map([[pk, c]]), ref);
}

/**
 * Lists the heavy postings of several stored documents (by key: an ingest batch), in two
 * statements: the postings in key order (term, then document), so that consecutive rows land
 * on the same pages of the table. Two statements a document cost ≈ 0.3 ms a document in the
 * ingest bench, against 0.05 ms alone (docs/benchmarks.md, session 6).
 */
export async function writeHeavyMany(
  db: Db,
  docs: ReadonlyMap<number, HeavyTerms>,
  ref: number,
): Promise<void> {
  const rows: [string, number, number, number][] = [];
  const lists: [number, string][] = [];
  for (const [pk, c] of docs) {
    const heavy = heavyOf(c, ref);
    if (heavy.length === 0) continue;
    for (const [term, f] of heavy) rows.push([term, pk, f, c.len]);
    lists.push([pk, JSON.stringify(heavy.map((r) => r[0]))]);
  }
  if (rows.length === 0) return;
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  // OR REPLACE: a key reused after a delete that left rows behind gets this document's rows;
  // a left-over row can only make a bound larger (see `bound` below), never wrong.
  await db.run(
    'INSERT OR REPLACE INTO fts_heavy (term, pk, f, len) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)',
    [JSON.stringify(rows)],
  );
  await db.run(
    'INSERT OR REPLACE INTO fts_heavy_docs (pk, terms) SELECT value ->> 0, value ->> 1 FROM json_each(?)',
    [JSON.stringify(lists)],
  );
}

/** Removes a document's heavy postings. */
export async function deleteHeavy(db: Db, pk: number): Promise<void> {
  const [row] = await db.all<{ terms: string }>('SELECT terms FROM fts_heavy_docs WHERE pk = ?', [pk]);
  if (!row) return;
  await db.run('DELETE FROM fts_heavy WHERE pk = ? AND term IN (SELECT value FROM json_each(?))', [
    pk,
    row.terms,
  ]);
  await db.run('DELETE FROM fts_heavy_docs WHERE pk = ?', [pk]);
}

/**
 * Lists the heavy postings of every stored document (migration 9), from the stored title and
 * text stemmed as an ingest does, with the index's average length as the reference. A text
 * stored several times (syndicated copies) is stemmed once: its counts are kept by title and
 * text hash.
 */
export async function backfillHeavy(db: Db): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  const stats = await ftsStats(db);
  if (!stats || stats.rows === 0) return;
  const ref = await initHeavyRef(db, stats.avgdl);
  const seen = new Map<string, HeavyTerms>();
  let after = 0;
  for (;;) {
    const docs = await db.all<{ pk: number; title: string | null; text_hash: string }>(
      'SELECT pk, title, text_hash FROM documents WHERE pk > ? ORDER BY pk LIMIT 500',
      [after],
    );
    if (docs.length === 0) break;
    for (const d of docs) {
      const key = `${d.text_hash}\u0000${d.title ?? ''}`;
      let c = seen.get(key);
      if (!c) {
        const [{ text }] = (await db.all<{ text: string }>('SELECT text FROM documents WHERE pk = ?', [
          d.pk,
        ])) as [{ text: string }];
        c = heavyTerms(termCounts(stemText(d.title ?? '').stems, indexedBody(stemText(text).stems)));
        if (seen.size >= 20_000) seen.clear();
        seen.set(key, c);
      }
      await writeHeavy(db, Number(d.pk), c, ref);
    }
    after = Number(docs[docs.length - 1]!.pk);
  }
}

/** FTS5's row count and average length, from its averages record (`%_data`, id 1). */
export async function ftsStats(db: Db): Promise<{ rows: number; avgdl: number } | undefined> {
  const [r] = await db.all<{ block: Uint8Array }>('SELECT block FROM doc_fts_data WHERE id = 1');
  if (!r?.block) return undefined;
  // SQLite varints: big-endian groups of 7 bits, the high bit saying another byte follows.
  const v: number[] = [];
  for (let i = 0; i < r.block.length; ) {
    let n = 0;
    let c: number;
    let bytes = 0;
    do {
      c = r.block[i++]!;
      n = n * 128 + (c & 0x7f);
    } while (c & 0x80 && ++bytes < 8);
    v.push(n);
  }
  const [rows, ...cols] = v;
  if (!rows) return { rows: 0, avgdl: 0 };
  return { rows, avgdl: cols.reduce((a, b) => a + b, 0) / rows };
}

/** A phrase of the query as bm25 sees it. */
interface Phrase {
  node: QueryNode;
  stems: string[];
  prefix: boolean;
  /** Under a NOT that every match satisfies: no instances in any match, adds nothing. */
  zero: boolean;
}

function phrases(node: QueryNode): Phrase[] {
  const out: Phrase[] = [];
  const walk = (n: QueryNode, andPath: boolean, negated: boolean): void => {
    if (n.kind === 'term') out.push({ node: n, stems: [n.stem], prefix: false, zero: negated });
    else if (n.kind === 'prefix') out.push({ node: n, stems: [n.stem], prefix: true, zero: negated });
    else if (n.kind === 'phrase') out.push({ node: n, stems: n.stems, prefix: false, zero: negated });
    else if (n.kind === 'and') for (const c of n.children) walk(c, andPath, negated);
    else if (n.kind === 'or') for (const c of n.children) walk(c, false, negated);
    // A NOT reached through ANDs only excludes its phrases from every match; anywhere else a
    // match may hold them, and they are bounded like the others.
    else walk(n.child, andPath, negated || andPath);
  };
  walk(node, true, false);
  return out;
}

/**
 * Whether the top-k is tried for a query of this shape (by default one phrase, not a prefix,
 * besides what a NOT excludes): the caller need not count the matches of a query it never takes.
 */
export function topKShape(query: QueryNode): boolean {
  if (!topKCounters.enabled) return false;
  if (topKCounters.anyQuery) return true;
  const positive = phrases(query).filter((p) => !p.zero);
  return positive.length === 1 && !positive[0]!.prefix;
}

/** The statement a page is ranked with: FROM and WHERE as the full ranking's, and its score. */
export interface Ranked {
  from: string;
  where: SqlWhere;
  score: string;
}

/** What a top-k needs beside the statement. */
export interface TopKRequest {
  /** Hits wanted from the top (offset + limit). */
  k: number;
  /** Only documents after this (score, key) in the order (a cursor page). */
  after?: { score: number; pk: number };
  /** Only documents with a key up to this. */
  highWater?: number;
  /** The query's matches, when counted already (a one-phrase query's IDF needs no count then). */
  matches?: number;
}

/**
 * The best `k` matches of `query` (score descending, then key ascending) exactly as ranking
 * every match gives them, or undefined when the heavy postings cannot prove it (then rank all).
 */
export async function topK(
  db: Db,
  query: QueryNode,
  ranked: Ranked,
  req: TopKRequest,
): Promise<{ pk: number; score: number }[] | undefined> {
  if (!topKShape(query)) return undefined;
  const ref = await heavyRef(db);
  const stats = await ftsStats(db);
  const ps = phrases(query);
  if (ref === undefined || !stats || stats.rows === 0) {
    topKCounters.fallback++;
    return undefined;
  }
  const { rows: N, avgdl } = stats;
  const xBar = HEAVY_LEVEL * Math.max(1, avgdl / ref);
  const norm = (len: number) => 1 - B + (B * len) / avgdl;

  // Each phrase's IDF (its documents counted as FTS5 counts them) and how it is bounded:
  // - `rare`: documents scored, not bounded (every match of a rare phrase; for a prefix, every
  //   document holding one of its rare forms);
  // - `terms`, combined by `min` (a phrase's f is at most its rarest word's) or `sum` (a
  //   prefix's f is its forms' together): the common words, bounded by their heavy postings.
  interface Bounded {
    idf: number;
    rare: Set<number>;
    terms: string[];
    combine: 'min' | 'sum';
  }
  const bounded: Bounded[] = [];
  const matching = async (expr: string) =>
    new Set(
      (await db.all<{ pk: number }>('SELECT rowid AS pk FROM doc_fts WHERE doc_fts MATCH ?', [expr])).map(
        (r) => Number(r.pk),
      ),
    );
  for (const p of ps) {
    if (p.zero) continue;
    const expr = toFts5(p.node);
    const n =
      ps.length === 1 && req.matches !== undefined
        ? req.matches
        : (await db.all<{ n: number }>('SELECT count(*) AS n FROM doc_fts WHERE doc_fts MATCH ?', [expr]))[0]!
            .n;
    let w = Math.log((N - n + 0.5) / (n + 0.5));
    if (w <= 0) w = 1e-6;
    if (n <= topKCounters.rare) {
      bounded.push({ idf: w, rare: await matching(expr), terms: [], combine: 'min' });
    } else if (!p.prefix) {
      bounded.push({ idf: w, rare: new Set(), terms: p.stems, combine: 'min' });
    } else {
      // A prefix's forms are the index's terms that start with it (FTS5 compares bytes: no
      // UTF-8 sequence after the prefix sorts above U+10FFFF).
      await db.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.doc_fts_terms USING fts5vocab(main, 'doc_fts', 'row')",
      );
      const forms = await db.all<{ term: string; doc: number }>(
        'SELECT term, doc FROM temp.doc_fts_terms WHERE term >= ? AND term < ?',
        [p.stems[0], `${p.stems[0]}\u{10FFFF}`],
      );
      const few = forms.filter((f) => f.doc <= topKCounters.rare).map((f) => `"${f.term}"`);
      bounded.push({
        idf: w,
        rare: few.length ? await matching(`(${few.join(' OR ')})`) : new Set(),
        terms: forms.filter((f) => f.doc > topKCounters.rare).map((f) => f.term),
        combine: 'sum',
      });
    }
  }

  const { k } = req;
  const best: { pk: number; score: number }[] = [];
  const scored = new Set<number>();
  const after = req.after;
  const hw = req.highWater;
  // The candidates' keys are tested right after the MATCH, before the filters: a filter's probes
  // run for the candidates, not for every match.
  const MATCH = 'doc_fts MATCH ? AND ';
  if (!ranked.where.sql.startsWith(MATCH)) {
    topKCounters.fallback++;
    return undefined;
  }
  const sql = `SELECT doc_fts.rowid AS pk, ${ranked.score} AS score FROM ${ranked.from} WHERE ${MATCH}+doc_fts.rowid IN (SELECT value FROM json_each(?))${hw === undefined ? '' : ' AND +doc_fts.rowid <= ?'} AND ${ranked.where.sql.slice(MATCH.length)}`;
  const score = async (pks: number[]) => {
    if (pks.length === 0) return;
    topKCounters.scored += pks.length;
    for (const pk of pks) scored.add(pk);
    const got = await db.all<{ pk: number; score: number }>(sql, [
      ranked.where.params[0],
      JSON.stringify(pks),
      ...(hw === undefined ? [] : [hw]),
      ...ranked.where.params.slice(1),
    ]);
    for (const r of got) {
      const s = Number(r.score);
      const pk = Number(r.pk);
      if (after && !(s < after.score || (s === after.score && pk > after.pk))) continue;
      best.push({ pk, score: s });
    }
    best.sort((a, b) => b.score - a.score || a.pk - b.pk);
    best.splice(k);
  };
  const theta = () => (best.length < k ? Number.NEGATIVE_INFINITY : best[k - 1]!.score);

  // A term's heavy postings as (key, x), best x first: its `head` best, or all with x ≥ `min`.
  // Filters apply to the postings read too (a document they drop cannot be on the page): over
  // the FTS table they test `doc_fts.rowid`, over the narrow index `d`.
  const filters = ranked.where.sql.slice(MATCH.length);
  const heavyFrom =
    ranked.from === 'doc_fts'
      ? { from: 'fts_heavy h', where: filters.replaceAll('doc_fts.rowid', 'h.pk') }
      : { from: 'fts_heavy h JOIN documents d INDEXED BY documents_filter ON d.pk = h.pk', where: filters };
  const filterParams = ranked.where.params.slice(1);
  const read = async (term: string, o: { head?: number; min?: number }) => {
    const rows = await db.all<{ pk: number; f: number; len: number }>(
      o.head !== undefined
        ? `SELECT h.pk, h.f, h.len FROM ${heavyFrom.from} WHERE h.term = ? AND ${heavyFrom.where} ORDER BY h.f / (? + ? * h.len) DESC LIMIT ?`
        : `SELECT h.pk, h.f, h.len FROM ${heavyFrom.from} WHERE h.term = ? AND h.f >= ? + ? * h.len AND ${heavyFrom.where}`,
      o.head !== undefined
        ? [term, ...filterParams, 1 - B, B / avgdl, o.head]
        : [term, o.min! * (1 - B), (o.min! * B) / avgdl, ...filterParams],
    );
    topKCounters.postings += rows.length;
    return rows.map((r) => ({ pk: Number(r.pk), x: r.f / norm(r.len) }));
  };
  // Step 1: each common term's head (its best postings by x); the candidates they give and the
  // rare phrases' matches are scored: the k-th best score θ0 (or none yet).
  // (Filters may keep few of them: the heads double, three times at most, until k are kept.)
  // A query of one word (a first page) is not scored here: its head's listed f and length give
  // each document's bm25 as FTS5 computes it, up to rounding (and a left-over row, see
  // writeHeavy); θ0 is then the k-th of those, a little lowered, and the page holds only if
  // the k-th score FTS5 gives in step 3 reaches it.
  const one = bounded.length === 1 && !bounded[0]!.rare.size && bounded[0]!.terms.length === 1;
  const estimated = one && ps.length === 1 && ps[0]!.node.kind === 'term' && !after;
  let head = Math.max(64, 4 * k);
  const heads = new Map<string, { pk: number; x: number }[]>();
  const firstCands = new Set<number>();
  let guessed = Number.NEGATIVE_INFINITY;
  for (let round = 0; ; round++) {
    heads.clear();
    for (const b of bounded)
      for (const t of b.terms) if (!heads.has(t)) heads.set(t, await read(t, { head }));
    const short = [...heads.values()].some((h) => h.length === head);
    if (estimated) {
      const guess = heads
        .get(bounded[0]!.terms[0]!)!
        .filter((r) => hw === undefined || r.pk <= hw)
        .map((r) => bounded[0]!.idf * g(r.x))
        .sort((a, b) => b - a);
      if (guess.length >= k) guessed = guess[k - 1]! * (1 - 1e-9);
      if (guess.length >= k || !short || round === 3) break;
    } else {
      // Each document once, though several heads or a head and a rare phrase list it.
      const fresh: number[] = [];
      const add = (pk: number) => {
        if (firstCands.has(pk)) return;
        firstCands.add(pk);
        fresh.push(pk);
      };
      for (const b of bounded) {
        for (const pk of b.rare) add(pk);
        for (const t of b.terms) for (const r of heads.get(t)!) add(r.pk);
      }
      await score(fresh);
      if (best.length >= k || !short || round === 3) break;
    }
    head *= 2;
  }
  const theta0 = estimated ? guessed : theta();

  // The most a phrase can add to any document (its best x is its terms' first heads).
  const most = bounded.map((b) => {
    if (b.rare.size) return b.idf * (K1 + 1);
    const tops = b.terms.map((t) => Math.max(xBar, (heads.get(t)![0]?.x ?? 0) * (1 + SLACK)));
    return b.idf * g(b.combine === 'min' ? Math.min(...tops) : tops.reduce((a, c) => a + c, 0));
  });
  const mostAll = most.reduce((a, c) => a + c, 0);

  // Step 2: a document scoring θ0 or more has, for some phrase i, x_i at least X_i, where
  // IDF_i·g(X_i) = θ0 − (what the other phrases add at most); each term's postings down to that x
  // are read (a prefix's forms to X_i over their number), the rest bounded by it (`cut`).
  const cut: number[] = [];
  const xs: Map<number, number>[] = [];
  const cands = new Set<number>();
  for (const [i, b] of bounded.entries()) {
    for (const pk of b.rare) cands.add(pk);
    if (!b.terms.length) {
      cut.push(0);
      xs.push(new Map());
      continue;
    }
    const need = (theta0 - (mostAll - most[i]!)) / b.idf;
    // g⁻¹, a little lower so that float rounding cannot let a document through unread.
    const X =
      need <= 0
        ? 0
        : need >= K1 + 1
          ? Number.POSITIVE_INFINITY
          : ((K1 * need) / (K1 + 1 - need)) * (1 - 1e-5);
    const per = b.combine === 'sum' ? X / b.terms.length : X;
    let phraseCut = 0;
    let xOf: Map<number, number> | undefined;
    for (const term of b.terms) {
      const h = heads.get(term)!;
      // No posting is above the head's first (then none is read, the cut is that x).
      const termCut = Math.max(xBar, Math.min(per, (h[0]?.x ?? 0) * (1 + SLACK)));
      // The head holds every posting down to its last x, and all of them when it is short.
      const last = h.length === head ? h[h.length - 1]!.x : 0;
      const rows = last <= termCut ? h.filter((r) => r.x >= termCut) : await read(term, { min: termCut });
      const next = new Map<number, number>();
      if (b.combine === 'min') {
        phraseCut = Math.max(phraseCut, termCut * (1 + SLACK));
        for (const r of rows) {
          const had = xOf ? xOf.get(r.pk) : r.x;
          if (had !== undefined) next.set(r.pk, Math.min(had, r.x));
        }
      } else {
        // Summed: every form's cut, plus what the forms read for a document add above theirs.
        phraseCut += termCut * (1 + SLACK);
        for (const [pk, extra] of xOf ?? []) next.set(pk, extra);
        for (const r of rows) next.set(r.pk, (next.get(r.pk) ?? 0) + Math.max(0, r.x - termCut));
      }
      xOf = next;
    }
    if (b.combine === 'sum') for (const [pk, extra] of xOf!) xOf!.set(pk, phraseCut + extra);
    cut.push(phraseCut);
    xs.push(xOf!);
    for (const pk of xOf!.keys()) cands.add(pk);
  }
  // A document that is no candidate: in no rare set, each phrase under its cut.
  let u0 = 0;
  for (const [i, b] of bounded.entries()) if (b.terms.length) u0 += b.idf * g(cut[i]!);
  u0 *= 1 + SLACK;
  const more: number[] = [];
  for (const pk of cands) {
    if (scored.has(pk)) continue;
    let ub = 0;
    for (const [i, b] of bounded.entries()) {
      if (b.rare.has(pk)) ub += b.idf * (K1 + 1);
      // A read x under the cut may be a left-over row: the cut bounds the document either way.
      else if (b.terms.length) ub += b.idf * g(Math.max(xs[i]!.get(pk) ?? 0, cut[i]!));
    }
    if (ub * (1 + SLACK) >= theta0) more.push(pk);
  }
  // Step 3: the candidates that can still reach θ0; then no document left out reaches the k-th
  // score if it is above U0.
  await score(more);
  if (best.length >= k && theta() > u0 && theta() >= theta0) {
    topKCounters.used++;
    return best;
  }
  topKCounters.fallback++;
  return undefined;
}
