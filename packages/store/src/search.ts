import { NewsprismError } from '@newsprism/core';
import type { Db } from './db.js';
import { filterSql, type SearchFilters, type SqlWhere } from './filters.js';
import { toFts5, toTsquery } from './query/compile.js';
import { parseQuery, type QueryNode } from './query/parse.js';
import { makeSnippets, type Snippet } from './snippets.js';

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
}

/** The documents a query and filters select, as SQL over `documents d`, with a score column. */
export interface Selection {
  from: string;
  where: SqlWhere;
  score: string;
  query?: QueryNode;
}

/** Builds the FROM / WHERE of a search on either dialect (throws `E_BAD_QUERY`, `E_BAD_FILTER`). */
export function selection(db: Db, req: SearchRequest): Selection {
  const f = filterSql(req);
  const q = req.query?.trim();
  if (!q) return { from: 'documents d', where: f, score: '0.0' };
  const node = parseQuery(q);
  if (db.dialect === 'sqlite') {
    return {
      from: 'doc_fts JOIN documents d ON d.pk = doc_fts.rowid',
      where: { sql: `doc_fts MATCH ? AND ${f.sql}`, params: [toFts5(node), ...f.params] },
      // bm25 is lower for better matches; titles weigh double.
      score: '-bm25(doc_fts, 2.0, 1.0)',
      query: node,
    };
  }
  const tsq = toTsquery(node);
  return {
    from: 'documents d',
    where: { sql: `d.fts @@ to_tsquery('simple', ?) AND ${f.sql}`, params: [tsq, ...f.params] },
    score: `ts_rank(d.fts, to_tsquery('simple', '${tsq.replaceAll("'", "''")}'))::float8`,
    query: node,
  };
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
    throw new NewsprismError('E_BAD_FILTER', `--limit takes a whole number from 1 to 1000 (got ${limit})`);
  const offset = req.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new NewsprismError('E_BAD_FILTER', `--offset takes a whole number from 0 (got ${offset})`);
  const sel = selection(db, req);
  const byDate = req.sort === 'date' || !sel.query;
  const cursor = req.cursor ? decodeCursor(req.cursor) : undefined;
  const highWater = cursor?.[2];
  const where = highWater === undefined ? sel.where.sql : `${sel.where.sql} AND d.pk <= ?`;
  const params: unknown[] =
    highWater === undefined ? [...sel.where.params] : [...sel.where.params, highWater];
  // The first page notes the largest key in the same statement (one snapshot on either backend).
  const top = cursor ? '' : ', (SELECT max(pk) FROM documents) AS hw';
  const inner = `SELECT d.pk, d.id, d.title, d.outlet, d.published, d.lang, COALESCE(d.day, '') AS sortkey, ${sel.score} AS score${top} FROM ${sel.from} WHERE ${where}`;
  let page = '';
  if (cursor) {
    const pk = cursor[1];
    let k = cursor[0];
    if (!byDate) {
      const [now] = await db.all<{ score: number }>(
        `SELECT ${sel.score} AS score FROM ${sel.from} WHERE ${sel.where.sql} AND d.pk = ?`,
        [...sel.where.params, pk],
      );
      if (now) k = Number(now.score);
    }
    // Newest first or best first; ties broken by the stored order.
    page = byDate
      ? 'WHERE t.sortkey < ? OR (t.sortkey = ? AND t.pk < ?)'
      : 'WHERE t.score < ? OR (t.score = ? AND t.pk > ?)';
    params.push(k, k, pk);
  }
  const order = byDate ? 't.sortkey DESC, t.pk DESC' : 't.score DESC, t.pk ASC';
  const rows = await db.all<{
    pk: number;
    id: string;
    title: string | null;
    outlet: string | null;
    published: string | null;
    lang: string | null;
    sortkey: string;
    score: number;
    hw?: number;
  }>(`SELECT * FROM (${inner}) t ${page} ORDER BY ${order} LIMIT ? OFFSET ?`, [
    ...params,
    limit,
    req.cursor ? 0 : offset,
  ]);
  const [{ n: total }] = await db.all<{ n: number }>(
    `SELECT count(*) AS n FROM ${sel.from} WHERE ${sel.where.sql}`,
    sel.where.params,
  );
  const texts = new Map<number, string>();
  if (sel.query && rows.length > 0) {
    const got = await db.all<{ pk: number; text: string }>(
      `SELECT pk, text FROM documents WHERE pk IN (${rows.map(() => '?').join(', ')})`,
      rows.map((r) => r.pk),
    );
    for (const g of got) texts.set(Number(g.pk), g.text);
  }
  const hits = rows.map((r) => ({
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    lang: r.lang,
    score: Math.round(Number(r.score) * 1e6) / 1e6,
    snippets: sel.query ? makeSnippets(texts.get(Number(r.pk)) ?? '', sel.query) : [],
  }));
  const last = rows[rows.length - 1];
  const result: SearchResult = { total: Number(total), hits };
  if (last && rows.length === limit)
    result.next = Buffer.from(
      JSON.stringify([
        byDate ? last.sortkey : Number(last.score),
        Number(last.pk),
        highWater ?? Number(last.hw),
      ]),
    ).toString('base64url');
  if (req.facets) result.facets = await facets(db, sel);
  return result;
}

const FACETS: [string, string][] = [
  [
    'outlet',
    'SELECT d.outlet AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.outlet',
  ],
  [
    'lang',
    'SELECT d.lang AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.lang',
  ],
  [
    'genre',
    'SELECT d.genre AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.genre',
  ],
  [
    'month',
    'SELECT d.month AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.month',
  ],
  [
    'frame',
    'SELECT x.frame AS value, count(*) AS n FROM hits JOIN doc_frames x ON x.doc = hits.pk WHERE x.selected = 1 GROUP BY x.frame',
  ],
  [
    'technique',
    'SELECT x.technique AS value, count(*) AS n FROM hits JOIN doc_techniques x ON x.doc = hits.pk GROUP BY x.technique',
  ],
  [
    // Entities by canonical name, the 50 most frequent (a corpus names thousands).
    'entity',
    'SELECT x.name AS value, count(DISTINCT x.doc) AS n FROM hits JOIN doc_entities x ON x.doc = hits.pk GROUP BY x.name ORDER BY n DESC, x.name LIMIT 50',
  ],
  [
    'sourceType',
    'SELECT x.type AS value, count(DISTINCT x.doc) AS n FROM hits JOIN doc_sources x ON x.doc = hits.pk GROUP BY x.type',
  ],
];

/** Counts the selected documents by each facet's values (top 50 each), in one statement. */
async function facets(db: Db, sel: Selection): Promise<Facets> {
  const union = FACETS.map(
    ([name, sql]) => `SELECT '${name}' AS facet, value, n FROM (${sql}) f${name}`,
  ).join(' UNION ALL ');
  const rows = await db.all<{ facet: string; value: string | null; n: number }>(
    `WITH hits AS (SELECT d.pk FROM ${sel.from} WHERE ${sel.where.sql}) ${union}`,
    sel.where.params,
  );
  const out: Facets = {};
  for (const [name] of FACETS) out[name] = [];
  for (const r of rows) if (r.value !== null) out[r.facet]!.push({ value: r.value, count: Number(r.n) });
  for (const list of Object.values(out)) {
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    list.splice(50);
  }
  return out;
}
