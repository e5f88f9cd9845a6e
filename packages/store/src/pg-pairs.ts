import type { Db } from './db.js';
import { toTsquery } from './query/compile.js';
import type { QueryNode } from './query/parse.js';
import { stemText } from './stem.js';

// PostgreSQL phrases by word pairs. A phrase (`"White House"`) matched with `<->` needs the
// positions of its words, which the GIN index does not hold: every document with both words
// was read back, its TOASTed body vector fetched and searched (about 30 µs a document, 7,762
// candidates at 45,000 documents: 0.9 s). Each adjacent pair of stems in the title and in the
// body is also a lexeme of `documents.fts` (`'white hous'`, a space joining the stems, which
// never holds one), so a two-word phrase is one lexeme the index answers alone, and a longer
// one is narrowed to the documents holding all its pairs before their positions are checked.
// Pairs are taken within the title and within the body, as SQLite's FTS5 matches a phrase
// within a column.

/**
 * Pairs are taken from the first words of each part only: PostgreSQL keeps word positions up to
 * 16,383 (later words share the last position, so `<->` found nothing there either).
 */
const MAX_POSITION = 16_383;

/** A word this long in a pair would make a lexeme over PostgreSQL's 2,046 bytes. */
const MAX_WORD = 255;

/** Appends the adjacent pairs of a space-separated stem string (`stemText(…).stems`) to `out`, repeats and all. */
function addPairs(stems: string, out: string[]): void {
  const words = stems.split(' ', MAX_POSITION);
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (a && b && a.length <= MAX_WORD && b.length <= MAX_WORD) out.push(`${a} ${b}`);
  }
}

/**
 * The pairs of a document's title and body stems, one a line: the parameter of {@link PAIRS}.
 * A pair may come more than once (the tsvector keeps each lexeme once). One string rather than
 * a text array: pg escaped and quoted the ≈ 720 elements of an article's array one by one
 * (≈ 0.25 ms a document, against 0.04 for the join), and the server parsed them back.
 */
export function documentPairs(title: string, body: string): string {
  const out: string[] = [];
  addPairs(title, out);
  addPairs(body, out);
  return out.join('\n');
}

/**
 * The SQL of the pairs' part of `documents.fts` from one parameter ({@link documentPairs}: a
 * stem holds no line break); appended to `TITLE_AND_BODY` with `||`.
 */
export const PAIRS = 'array_to_tsvector(string_to_array(?::text, chr(10)))';

/**
 * A query as a tsquery literal (cast with `::tsquery`) that matches on `documents.fts`: terms
 * and prefixes as they are, a phrase as its pairs (with the positional check too when it has
 * more than two words). Stems are letters and digits only, so they need no escaping.
 */
export const toPgMatch = (node: QueryNode): string =>
  toTsquery(node, (stems) => {
    const pairs = stems.slice(1).map((s, i) => `'${stems[i]} ${s}'`);
    if (stems.length === 2) return pairs[0]!;
    return `(${pairs.join(' & ')} & (${stems.map((s) => `'${s}'`).join(' <-> ')}))`;
  });

/**
 * Adds the pairs to the body vector of every stored document (the migration that introduces
 * them), stemming each title and text again, a page of 500 documents to a statement. The GIN
 * index is dropped meanwhile and built again at the end: adding ~900 new keys a document to it
 * row by row took most of the time (12 ms a document at 100,000 documents).
 */
export async function backfillPairs(db: Db): Promise<void> {
  if (db.dialect !== 'postgres') return;
  await db.exec('DROP INDEX documents_fts');
  let after = 0;
  for (;;) {
    const docs = await db.all<{ pk: number; title: string | null; text: string }>(
      'SELECT pk, title, text FROM documents WHERE pk > ? ORDER BY pk LIMIT 500',
      [after],
    );
    if (docs.length === 0) break;
    await db.run(
      `UPDATE documents d SET fts = d.fts || array_to_tsvector(string_to_array(v.pairs, chr(10)))
       FROM (SELECT * FROM unnest(?::bigint[], ?::text[]) AS u(pk, pairs)) AS v WHERE d.pk = v.pk`,
      [
        docs.map((d) => Number(d.pk)),
        // unnest of a 2-D array would flatten it: each document's pairs go as one string.
        docs.map((d) => documentPairs(stemText(d.title ?? '').stems, stemText(d.text).stems)),
      ],
    );
    after = Number(docs[docs.length - 1]!.pk);
  }
  await db.exec('CREATE INDEX documents_fts ON documents USING GIN (fts)');
}
