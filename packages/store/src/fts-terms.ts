import { indexedBody, ODD, type StemmedText } from './stem.js';

// What SQLite's full-text index (FTS5, unicode61 tokenizer) makes of a document's stems: the
// heavy postings of sqlite/topk.ts are computed from these counts and must match the index's.

/** The title's weight in the store's ranking, `bm25(doc_fts, 2.0, 1.0)`. */
export const TITLE_WEIGHT = 2;

/** FTS5's unicode61 tokenizer keeps letters, numbers and private-use characters. */
const SEPARATORS = /[^\p{L}\p{N}\p{Co}]+/u;

/** A document's weighted term frequencies and token count, as FTS5 indexes its two columns. */
export interface TermCounts {
  len: number;
  counts: Map<string, number>;
}

/**
 * The terms of a document that can be heavy postings (sqlite/topk.ts) whatever the reference
 * length, with their weighted counts, in the order of its {@link TermCounts}: what a prepared
 * document keeps of its counts. A posting is heavy when f ≥ HEAVY_LEVEL·(1 − b + b·D/ref), more
 * than HEAVY_LEVEL·(1 − b) = {@link NEVER_HEAVY} for any document of D > 0 tokens, so a term
 * counted once (most of a document's) never is: 150 of ≈ 400 terms a document are kept, in two
 * arrays rather than a map (a prepared document waits for its batch's transaction: the less it
 * holds, the less each garbage collection copies).
 */
export interface HeavyTerms {
  /** The document's tokens (D). */
  len: number;
  terms: string[];
  counts: number[];
}

/** A weighted count at or below this is never a heavy posting (see {@link HeavyTerms}). */
export const NEVER_HEAVY = 1;

/** The {@link HeavyTerms} of a document's term counts. */
export function heavyTerms(c: TermCounts): HeavyTerms {
  const terms: string[] = [];
  const counts: number[] = [];
  for (const [t, f] of c.counts)
    if (f > NEVER_HEAVY) {
      terms.push(t);
      counts.push(f);
    }
  return { len: c.len, terms, counts };
}

/** The term counts of a document's stemmed title and (indexed) body, as FTS5 indexes them. */
export function termCounts(title: string, body: string): TermCounts {
  const counts = new Map<string, number>();
  let len = 0;
  const add = (text: string, w: number) => {
    // The stems are words of letters and digits joined by spaces: split at spaces unless a
    // stem holds something else (a combining mark that lower-casing made, say). Stems are
    // lower-cased already: a text that lower-casing leaves alone has no token it would change,
    // and is not lower-cased token by token.
    const fold = text !== text.toLowerCase();
    for (const tok of ODD.test(text) ? text.split(SEPARATORS) : text.split(' ')) {
      if (tok === '') continue;
      len++;
      const t = fold ? tok.toLowerCase() : tok;
      counts.set(t, (counts.get(t) ?? 0) + w);
    }
  };
  add(title, TITLE_WEIGHT);
  add(body, 1);
  return { len, counts };
}

/**
 * {@link termCounts} from counts taken while stemming (`stemText`'s `counts`, the title's with
 * weight {@link TITLE_WEIGHT}): those are the index's own when each stem is one token that
 * lower-casing leaves alone (`plain`) and the body is indexed whole; otherwise the joined
 * strings are split again.
 */
export function stemmedTermCounts(
  title: StemmedText,
  body: StemmedText,
  counts: Map<string, number>,
): TermCounts {
  const ok = title.plain && body.plain && indexedBody(body.stems) === body.stems;
  return ok ? { len: title.words + body.words, counts } : termCounts(title.stems, indexedBody(body.stems));
}
