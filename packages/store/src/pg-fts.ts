import type { Db } from './db.js';
import type { SqlWhere } from './filters.js';
import { toPgMatch } from './pg-pairs.js';
import { toTsquery } from './query/compile.js';
import type { QueryNode } from './query/parse.js';
import { LEAD_WORDS, stemText } from './stem.js';

// PostgreSQL's full text: `documents.fts` holds the stemmed title (weight A) and body, with a
// GIN index, and decides what matches; `documents.rank_fts` holds the title and the first
// `LEAD_WORDS` words of the body only, and ranks. The body's vector is TOASTed
// (compressed, out of line): ranking every match with it read and decompressed every match's
// vector, the time of a search growing with the number of matches (20.9 ms for 670 matches at
// 5,000 documents). The rank vector is kept in the row (STORAGE MAIN), so ranking reads only
// the heap rows that the index scan visits anyway.

/**
 * The SQL of a vector from two parameters, the title's stems (weight A) and the body's: the
 * whole body for `fts`, its lead for `rank_fts`.
 */
export const TITLE_AND_BODY = "setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?)";

const WORD = /[\p{L}\p{N}]+/gu;

/** Where the {@link LEAD_WORDS}th word of `text` ends, or -1 when it has fewer words. */
function leadEnd(text: string): number {
  WORD.lastIndex = 0;
  for (let i = 0; i < LEAD_WORDS; i++) {
    const m = WORD.exec(text);
    if (!m) return -1;
    if (i === LEAD_WORDS - 1) return m.index + m[0].length;
  }
  return -1;
}

/** The stems of the first {@link LEAD_WORDS} words of `text`, without stemming the rest. */
export function leadStems(text: string): string {
  const end = leadEnd(text);
  return stemText(end < 0 ? text : text.slice(0, end)).stems;
}

// The backfill reads this much of each text: a hundred words are far shorter.
const LEAD_CHARS = 20_000;

/**
 * Fills `rank_fts` for every stored document (the migration that adds it), a page of 500
 * documents to a statement.
 */
export async function backfillRankVectors(db: Db): Promise<void> {
  if (db.dialect !== 'postgres') return;
  let after = 0;
  for (;;) {
    const docs = await db.all<{ pk: number; title: string | null; lead: string }>(
      // The lead is cut in SQL: the whole text is not sent for its first hundred words.
      `SELECT pk, title, left(text, ${LEAD_CHARS}) AS lead FROM documents WHERE pk > ? ORDER BY pk LIMIT 500`,
      [after],
    );
    if (docs.length === 0) break;
    for (const d of docs) {
      // Fewer than a hundred words in the part read, or the last one cut: read the whole text.
      const end = d.lead.length === LEAD_CHARS ? leadEnd(d.lead) : 0;
      if (end === -1 || end === LEAD_CHARS) {
        const [row] = await db.all<{ text: string }>('SELECT text FROM documents WHERE pk = ?', [d.pk]);
        d.lead = row!.text;
      }
    }
    await db.run(
      `UPDATE documents d SET rank_fts = setweight(to_tsvector('simple', v.title), 'A') || to_tsvector('simple', v.lead)
       FROM unnest(?::bigint[], ?::text[], ?::text[]) AS v(pk, title, lead) WHERE d.pk = v.pk`,
      [
        docs.map((d) => Number(d.pk)),
        docs.map((d) => stemText(d.title ?? '').stems),
        docs.map((d) => leadStems(d.lead)),
      ],
    );
    after = Number(docs[docs.length - 1]!.pk);
  }
  await db.exec('ALTER TABLE documents ALTER COLUMN rank_fts SET NOT NULL');
}

/**
 * A text query on PostgreSQL: matched on the full vector through its GIN index, ranked on the
 * inline rank vector (so documents matching in the title and lead come first, title matches
 * weighing most; matches further down rank 0 and follow in stored order).
 */
export function pgTextSelection(node: QueryNode, filters: SqlWhere): { where: SqlWhere; score: string } {
  // Ranked on what the query asks for: ts_rank scores `gas & !deal` 0 for every hit, while
  // FTS5's bm25 (SQLite) ranks such a query by its `gas`.
  const tsq = toTsquery(positivePart(node) ?? node);
  return {
    where: {
      // Matched with phrases as word pairs (pg-pairs.ts); ranked on positions as before.
      sql: `d.fts @@ ?::tsquery AND ${filters.sql}`,
      params: [toPgMatch(node), ...filters.params],
    },
    score: `ts_rank(d.rank_fts, to_tsquery('simple', '${tsq.replaceAll("'", "''")}'))::float8`,
  };
}

/** The query without its `NOT` branches (what ranks a match); undefined when nothing is left. */
export function positivePart(node: QueryNode): QueryNode | undefined {
  switch (node.kind) {
    case 'not':
      return undefined;
    case 'and':
    case 'or': {
      const children = node.children.map(positivePart).filter((c): c is QueryNode => c !== undefined);
      if (children.length === 0) return undefined;
      return children.length === 1 ? children[0] : { kind: node.kind, children };
    }
    default:
      return node;
  }
}

/**
 * PostgreSQL's planner does not count the cost of reading a document's TOASTed tsvector, so it
 * scans the table and matches row by row (100 ms for 5,000 documents) rather than using the GIN
 * index (1 ms). A full-text search runs with sequential scans off, so its matches come from the
 * GIN index. Plain index scans stay on: with them off too, the first page's `max(pk)` read the
 * whole table through a bitmap (308 ms at 100,000 documents, against 0.15 ms backward on the
 * key), and a filter's semi-join could not probe the query table's index.
 */
export const FTS_PLANS = 'SET LOCAL enable_seqscan = off';
