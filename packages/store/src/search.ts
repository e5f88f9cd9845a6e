import { NewsprismError, NO_OUTLET, OptionError } from '@newsprism/core/schema';
import type { Db } from './db.js';
import { countFacets } from './facet-codes.js';
import { filterSql, type SearchFilters, type SqlWhere } from './filters.js';
import { FTS_PLANS, pgTextSelection } from './pg-fts.js';
import { toFts5 } from './query/compile.js';
import { expandNames, type NameExpansion } from './query/names.js';
import { parseQuery, type QueryNode } from './query/parse.js';
import { highlighter, type Snippet, snippetMaker } from './snippets.js';
import { type Ranked, topK, topKCounters, topKShape } from './sqlite/topk.js';

/** A search: an optional full-text query, filters, order and page. */
export interface SearchRequest extends SearchFilters {
  /** Query text (see `parseQuery`); without one, every document the filters keep. */
  query?: string;
  /** `relevance` (the default with a query) or `date` (newest first; the default without). */
  sort?: 'relevance' | 'date';
  /** Hits per page (default 20, at most 1,000). */
  limit?: number;
  offset?: number;
  /** The `next` cursor of the previous page (keyset paging: stable while documents are added). */
  cursor?: string;
  /** Also count hits by outlet, language, genre, month, frame, technique, entity and source type. */
  facets?: boolean;
  /**
   * Search every name of a gazetteer entity the query names (`Bakhmut` also finds Artyomovsk,
   * Бахмут, Артёмовск; see `expandNames`). Default off: the query is literal. Ignored without a
   * query.
   */
  allNames?: boolean;
}

/** One search hit. */
export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  lang: string | null;
  /** Relevance (higher is better; comparable within one backend only); 0 without a query. */
  score: number;
  snippets: Snippet[];
  /**
   * Where the query matched the title: half-open UTF-16 offsets into `title`, marked as a
   * snippet's (a phrase as one). Absent when the title holds no match (or without a query).
   */
  titleHighlights?: { start: number; end: number }[];
}

/** Counts of matching documents by value, per facet, largest first. */
export type Facets = Record<string, { value: string; count: number }[]>;

/** A page of hits. */
export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets?: Facets;
  /** Pass as `cursor` for the next page; absent on the last page. */
  next?: string;
  /** With `allNames`: the names the query's words were expanded to (empty when none was a name). */
  expansions?: NameExpansion[];
}

/** The documents a query and filters select, as SQL over `documents d`, with a score column. */
export interface Selection {
  from: string;
  where: SqlWhere;
  score: string;
  query?: QueryNode;
  /**
   * On SQLite, a query without filters as SQL over the FTS table alone (`rowid` is the
   * document's pk): ranking and counting then never touch the wide `documents` rows.
   */
  fts?: { from: string; where: SqlWhere; score: string };
  /**
   * On SQLite, a query with filters on `documents` columns (or sorted by date) as SQL that reads
   * those columns from the narrow covering index `documents_filter` (migration 6), not from
   * the wide row (text, layers) of every match.
   */
  narrow?: { from: string; where: SqlWhere; score: string };
  /** On SQLite, a text query with filters. */
  filtered?: boolean;
  /** On SQLite, the query as an FTS5 MATCH expression. */
  match?: string;
  /** With `allNames`, the names the query was expanded to. */
  expansions?: NameExpansion[];
}

/** Whether the filters use only the query tables, never a column of `documents`. */
function onQueryTables(f: SearchFilters): boolean {
  const none = (v?: string[]) => !v || v.length === 0;
  return (
    none(f.outlet) &&
    none(f.lang) &&
    none(f.genre) &&
    f.from === undefined &&
    f.to === undefined &&
    f.minClaimScore === undefined
  );
}

/** Builds the FROM / WHERE of a search on either dialect (throws `E_BAD_QUERY`, `E_BAD_FILTER`). */
export function selection(db: Db, req: SearchRequest): Selection {
  const f = filterSql(req);
  const q = req.query?.trim();
  if (!q) return { from: 'documents d', where: f, score: '0.0' };
  const parsed = parseQuery(q, { typed: !!req.allNames });
  const named = req.allNames ? expandNames(parsed) : undefined;
  const node = named?.node ?? parsed;
  const expansions = named ? { expansions: named.expansions } : {};
  if (db.dialect === 'sqlite') {
    const match = toFts5(node);
    // bm25 is lower for better matches; titles weigh double.
    const score = '-bm25(doc_fts, 2.0, 1.0)';
    const where = { sql: `doc_fts MATCH ? AND ${f.sql}`, params: [match, ...f.params] };
    return {
      from: 'doc_fts JOIN documents d ON d.pk = doc_fts.rowid',
      where,
      score,
      query: node,
      filtered: f.params.length > 0,
      match,
      ...expansions,
      narrow: {
        from: 'doc_fts JOIN documents d INDEXED BY documents_filter ON d.pk = doc_fts.rowid',
        where,
        score,
      },
      // Filters on the query tables alone (frame, technique, entity, source type) are tested
      // against the FTS rowid too: the wide `documents` rows are not read for every match.
      ...(onQueryTables(req)
        ? {
            fts: {
              from: 'doc_fts',
              where: {
                sql: `doc_fts MATCH ? AND ${f.sql.replaceAll('d.pk', 'doc_fts.rowid')}`,
                params: [match, ...f.params],
              },
              score,
            },
          }
        : {}),
    };
  }
  return { from: 'documents d', ...pgTextSelection(node, f), query: node, ...expansions };
}

/** A cursor: the last hit's sort key and key, and the largest key when paging began. */
type Cursor = [key: string | number, pk: number, highWater?: number];

function decodeCursor(cursor: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      (v.length === 2 || (v.length === 3 && Number.isInteger(v[2]))) &&
      (typeof v[0] === 'string' || typeof v[0] === 'number') &&
      Number.isInteger(v[1])
    )
      return v as Cursor;
  } catch {}
  throw new NewsprismError(
    'E_BAD_CURSOR',
    'the cursor is not one this store gave out; start again without --cursor',
  );
}

/**
 * Runs a search: one page of hits with snippets, the total, and facets when asked.
 *
 * Cursor paging is stable while documents are added: a cursor carries the largest document key
 * when paging began, and later pages keep to the documents that were there then (so no hit
 * comes twice and paging ends however fast documents arrive). By relevance, the page boundary is
 * the last hit's score as it is now, not as it was: on SQLite, bm25 depends on the corpus'
 * statistics, which every ingest shifts for all documents alike.
 */
export async function search(db: Db, req: SearchRequest): Promise<SearchResult> {
  const limit = req.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new OptionError('E_BAD_FILTER', 'limit', `takes a whole number from 1 to 1000 (got ${limit})`);
  const offset = req.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new OptionError('E_BAD_FILTER', 'offset', `takes a whole number from 0 (got ${offset})`);
  const sel = selection(db, req);
  if (db.dialect === 'postgres' && sel.query)
    return db.transaction(async () => {
      await db.exec(FTS_PLANS);
      return page(db, req, sel, limit, offset);
    });
  return page(db, req, sel, limit, offset);
}

async function page(
  db: Db,
  req: SearchRequest,
  sel: Selection,
  limit: number,
  offset: number,
): Promise<SearchResult> {
  const byDate = req.sort === 'date' || !sel.query;
  // First the page's keys and sort keys only (from the FTS table alone when it can), then the
  // page's rows: the wide document rows are read for the page, not for every match.
  const ranked = sel.fts && !byDate ? sel.fts : undefined;
  const key = ranked ? 'doc_fts.rowid' : 'd.pk';
  const narrow = sel.narrow ?? sel;
  const from = ranked ?? narrow;
  const cursor = req.cursor ? decodeCursor(req.cursor) : undefined;
  const highWater = cursor?.[2];
  // Keys bound as integers: SQLite's FTS5 ignores a rowid constraint bound as a float (what a
  // JavaScript number binds as), and answered every match.
  const where =
    highWater === undefined ? from.where.sql : `${from.where.sql} AND ${key} <= CAST(? AS INTEGER)`;
  const params: unknown[] =
    highWater === undefined ? [...from.where.params] : [...from.where.params, highWater];
  // The first page notes the largest key in the same statement (one snapshot on either backend).
  const top = cursor ? '' : ', (SELECT max(pk) FROM documents) AS hw';
  // On SQLite a page by date is scored after it is cut (bm25 for its hits, not every match).
  const lateScore = byDate && db.dialect === 'sqlite' && sel.match !== undefined;
  // PostgreSQL: OFFSET 0 keeps the score computed where the rows are read, so the window and the
  // sort above hold (pk, day, score) rather than each match's 1 kB rank vector, which spilled
  // them to disk (5.8 MB for `war` at 100,000 documents).
  const fence = db.dialect === 'postgres' ? ' OFFSET 0' : '';
  const inner = ranked
    ? `SELECT doc_fts.rowid AS pk, '' AS sortkey, ${ranked.score} AS score${top} FROM ${ranked.from} WHERE ${where}`
    : `SELECT d.pk, COALESCE(d.day, '') AS sortkey, ${lateScore ? '0.0' : narrow.score} AS score${top} FROM ${narrow.from} WHERE ${where}${fence}`;
  let page = '';
  let after: { score: number; pk: number } | undefined;
  if (cursor) {
    const pk = cursor[1];
    let k = cursor[0];
    if (!byDate) {
      const [now] = await db.all<{ score: number }>(
        // (`+`: FTS5 given the key seeks it in every term's list, 14 ms at 100,000 documents for
        // a common word; tested on each match instead, 1 ms.)
        `SELECT ${from.score} AS score FROM ${from.from} WHERE ${from.where.sql} AND +${key} = CAST(? AS INTEGER)`,
        [...from.where.params, pk],
      );
      if (now) k = Number(now.score);
      // (A cursor's document since deleted keeps the score it had.)
      after = { score: Number(k), pk };
    }
    // Newest first or best first; ties broken by the stored order.
    page = byDate
      ? 'WHERE t.sortkey < ? OR (t.sortkey = ? AND t.pk < ?)'
      : 'WHERE t.score < ? OR (t.score = ? AND t.pk > ?)';
    params.push(k, k, pk);
  }
  const order = byDate ? 't.sortkey DESC, t.pk DESC' : 't.score DESC, t.pk ASC';
  const counted = sel.fts ?? narrow;
  const countAll = async () =>
    (
      await db.all<{ n: number }>(
        `SELECT count(*) AS n FROM ${counted.from} WHERE ${counted.where.sql}`,
        counted.where.params,
      )
    )[0]!.n;
  // On SQLite, a relevance page of a query with many matches comes from the top-k of
  // sqlite/topk.ts when it can prove its answer: only the matches that can enter the page are
  // scored, the rest bounded by the heavy postings. Same hits, scores and order.
  let keys: { pk: number; sortkey: string; score: number; hw?: number; n?: number }[] | undefined;
  let total: number | undefined;
  let matches: number | undefined;
  // (The matches are counted for a query the top-k may take only: a first page filtered on
  // documents columns counts its own, an unfiltered query's count comes after.)
  if (
    db.dialect === 'sqlite' &&
    sel.match &&
    !byDate &&
    // Filters on documents columns made it dearer at 100,000 documents (docs/benchmarks.md).
    (!sel.filtered || sel.fts !== undefined || topKCounters.anyQuery) &&
    topKShape(sel.query!)
  ) {
    matches = (
      await db.all<{ n: number }>('SELECT count(*) AS n FROM doc_fts WHERE doc_fts MATCH ?', [sel.match])
    )[0]!.n;
    if (matches >= topKCounters.minMatches) {
      const hw =
        highWater ?? Number((await db.all<{ hw: number }>('SELECT max(pk) AS hw FROM documents'))[0]!.hw);
      const best = await topK(db, sel.query!, from as Ranked, {
        k: (cursor ? 0 : offset) + limit + 1,
        highWater: hw,
        matches,
        ...(after ? { after } : {}),
      });
      if (best) {
        keys = best.slice(cursor ? 0 : offset).map((b) => ({ pk: b.pk, sortkey: '', score: b.score, hw }));
        total = sel.filtered ? await countAll() : matches;
      }
    }
  }
  // On SQLite, a first page of a filtered text search counts its matches in the same pass
  // (the filters are tested once a match, not again by a count): a plain text query's count from
  // the FTS table alone is cheaper than holding every match for the window.
  // On PostgreSQL every text query does so: the matches are all read for ranking anyway, and a
  // second bitmap scan of the GIN index and the heap was a quarter of a common word's search.
  const oneCount =
    !cursor && (db.dialect === 'sqlite' ? !!sel.filtered : db.dialect === 'postgres' && !!sel.query);
  if (!keys) {
    keys = await db.all<{ pk: number; sortkey: string; score: number; hw?: number; n?: number }>(
      `SELECT *${oneCount ? ', count(*) OVER () AS n' : ''} FROM (${inner}) t ${page} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, limit + 1, req.cursor ? 0 : offset],
    );
    total =
      oneCount && keys[0] ? keys[0].n! : !sel.filtered && matches !== undefined ? matches : await countAll();
  }
  // One key more than the page is read, to know whether a next page exists: a page that is
  // exactly full gives no cursor to an empty page.
  const more = keys.length > limit;
  if (more) keys = keys.slice(0, limit);
  if (lateScore && keys.length > 0) {
    const scores = new Map(
      (
        await db.all<{ pk: number; score: number }>(
          `SELECT doc_fts.rowid AS pk, ${narrow.score} AS score FROM doc_fts WHERE doc_fts MATCH ? AND +doc_fts.rowid IN (SELECT value FROM json_each(?))`,
          [sel.match, JSON.stringify(keys.map((k) => Number(k.pk)))],
        )
      ).map((r) => [Number(r.pk), Number(r.score)]),
    );
    for (const k of keys) k.score = scores.get(Number(k.pk)) ?? 0;
  }
  const rows = await pageRows(db, keys, !!sel.query);
  const snippets = sel.query ? hitSnippets(rows, snippetMaker(sel.query)) : rows.map(() => []);
  const inTitle = sel.query && rows.some((r) => r.title) ? highlighter(sel.query) : undefined;
  const hits = rows.map((r, i): SearchHit => {
    const hit: SearchHit = {
      id: r.id,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      lang: r.lang,
      score: Math.round(Number(r.score) * 1e6) / 1e6,
      snippets: snippets[i]!,
    };
    const marks = inTitle && r.title ? inTitle(r.title) : [];
    if (marks.length > 0) hit.titleHighlights = marks;
    return hit;
  });
  const last = keys[keys.length - 1];
  const result: SearchResult = { total: Number(total), hits };
  if (sel.expansions) result.expansions = sel.expansions;
  if (last && more)
    result.next = Buffer.from(
      JSON.stringify([
        byDate ? last.sortkey : Number(last.score),
        Number(last.pk),
        highWater ?? Number(last.hw),
      ]),
    ).toString('base64url');
  if (req.facets) result.facets = await facets(db, sel, Number(total));
  return result;
}

/**
 * The bytes of a hit's UTF-8 text decoded first for its snippets (SQLite): the rest is decoded
 * only for the hits whose snippets do not fit in them. Turning UTF-8 into a JavaScript string
 * costs about 4 ns a byte: the 20 hits of a page of long Russian articles (28 kB of text each)
 * took 2.7 ms to read as strings against 0.4 ms as bytes.
 */
export const snippetHead = { bytes: 4096 };

/**
 * Each row's snippets, from as much of its text as they need: on SQLite the text comes as its
 * UTF-8 bytes, and its head (cut at a character's first byte) is decoded first.
 */
function hitSnippets(
  rows: readonly PageRow[],
  snip: (text: string, whole: boolean) => Snippet[] | undefined,
): Snippet[][] {
  return rows.map((r) => {
    const t = r.text ?? '';
    if (typeof t === 'string') return snip(t, true)!;
    const bytes = Buffer.from(t.buffer, t.byteOffset, t.byteLength);
    let cut = snippetHead.bytes;
    if (bytes.length <= cut) return snip(bytes.toString('utf8'), true)!;
    // Back to the first byte of a character (continuation bytes are 10xxxxxx).
    while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--;
    const head = bytes.toString('utf8', 0, cut);
    return snip(head, false) ?? snip(head + bytes.toString('utf8', cut), true)!;
  });
}

/** A listed row of a page (with the text when snippets are wanted: its UTF-8 bytes on SQLite). */
interface PageRow {
  pk: number;
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  lang: string | null;
  text?: string | Uint8Array;
}

/** The listed rows of a page's keys, in the keys' order (with the text for snippets). */
async function pageRows(
  db: Db,
  keys: readonly { pk: number; score: number }[],
  withText: boolean,
): Promise<(PageRow & { score: number })[]> {
  if (keys.length === 0) return [];
  const text = db.dialect === 'sqlite' ? ', CAST(text AS BLOB) AS text' : ', text';
  const got = await db.all<PageRow>(
    `SELECT pk, id, title, outlet, published, lang${withText ? text : ''} FROM documents WHERE pk IN (${keys.map(() => '?').join(', ')})`,
    keys.map((k) => k.pk),
  );
  const byPk = new Map(got.map((g) => [Number(g.pk), g]));
  // A document deleted between the two statements (another connection) is left out.
  return keys.flatMap((k) => {
    const g = byPk.get(Number(k.pk));
    return g ? [{ ...g, score: k.score }] : [];
  });
}

/**
 * Counts the selected documents by each facet's values (the 50 largest each), from the coded
 * facet values of the hits (see facet-codes.ts).
 */
async function facets(db: Db, sel: Selection, total: number): Promise<Facets> {
  // On SQLite the hits' codes come back as one blob (every document's codes are whole 32-bit
  // integers, so the concatenation decodes the same): one value instead of a Buffer per hit,
  // 14 → 4 ms CPU for 5,100 hits at 100,000 documents.
  const codes = db.dialect === 'sqlite' ? "CAST(group_concat(f.codes, '') AS BLOB) AS codes" : 'f.codes';
  const rows = await db.all<{ codes: Uint8Array | null }>(
    sel.fts
      ? `SELECT ${codes} FROM ${sel.fts.from} JOIN doc_facets f ON f.pk = doc_fts.rowid WHERE ${sel.fts.where.sql}`
      : `SELECT ${codes} FROM ${(sel.narrow ?? sel).from} JOIN doc_facets f ON f.pk = d.pk WHERE ${sel.where.sql}`,
    (sel.fts ?? sel).where.params,
  );
  const out = await countFacets(
    db,
    rows.flatMap((r) => (r.codes ? [{ codes: r.codes }] : [])),
  );
  // A document has at most one outlet, so those without one are the hits the outlet values do
  // not count: their bucket, `(outlet not known)`, is also an outlet filter (filters.ts).
  const unknown = total - (out.outlet ?? []).reduce((n, v) => n + v.count, 0);
  if (unknown > 0) out.outlet = [...(out.outlet ?? []), { value: NO_OUTLET, count: unknown }];
  for (const list of Object.values(out)) {
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    list.splice(50);
  }
  return out;
}
