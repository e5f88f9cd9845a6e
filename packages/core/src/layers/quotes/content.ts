import type { Span } from '../../schema.js';
import { clauseEnd, subordinateEnd, unmatchedCloseFrom, wordyCount } from './content-scan.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround, markBefore, markEndingFrom, markStartingAt, tokenStartingAt } from './search.js';
import { CLOSERS, isTerminal, isWordy, type NpRange, OPENERS, type Tok } from './tok.js';

/**
 * Content spans of candidate attributions: what a cue reports, before or after it, bounded by
 * the sentence, quotation marks and clause marks.
 */

/** The tokens from `j` up to the next comma or sentence end (at most `max`), as a source phrase. */
export function phraseTo(toks: readonly Tok[], j: number, b: number, max = 12): NpRange | null {
  let e = j;
  while (e < b && e - j < max && toks[e]!.w !== ',' && !isTerminal(toks[e]!) && !OPENERS.has(toks[e]!.w)) e++;
  return e > j && (e >= b || toks[e]!.w === ',' || isTerminal(toks[e]!)) ? { s: j, e } : null;
}

/** Content end of a sentence: the final full stop is left out unless a closing quote follows it. */
function sentenceContentEnd(toks: readonly Tok[], a: number, b: number): number {
  let k = b - 1;
  while (k > a && isTerminal(toks[k]!)) k--;
  return toks[k]!.end;
}

/** The quotation that ends exactly at `end` or one past it (a closing mark), if any. */
function quoteEndingAt(quotes: readonly QuoteMarkSpan[], end: number): QuoteMarkSpan | undefined {
  const q = quotes[markEndingFrom(quotes, end)];
  return q && (q.end === end || q.end === end + 1) ? q : undefined;
}

/**
 * Content before a cue clause that starts at token `c` (the comma, dash or closing mark before the
 * source): the quotation that closes there, or the sentence from its start.
 */
export function contentBefore(
  toks: readonly Tok[],
  a: number,
  c: number,
  quotes: readonly QuoteMarkSpan[],
): Span | null {
  let k = c;
  while (k >= a && (toks[k]!.w === ',' || toks[k]!.w === '—' || toks[k]!.w === '–')) k--;
  if (k < a) return null;
  const t = toks[k]!;
  const startTok = toks[a]!;
  if (CLOSERS.has(t.w)) {
    const q = quoteEndingAt(quotes, t.end);
    if (q && (q.start <= startTok.start || q.end - q.start >= 0.6 * (t.end - startTok.start)))
      return { start: q.start, end: q.end };
  }
  let q: QuoteMarkSpan | undefined;
  for (let m = markEndingFrom(quotes, t.end); m < quotes.length && quotes[m]!.end <= t.end + 1; m++)
    if (quotes[m]!.start < startTok.start) {
      q = quotes[m];
      break;
    }
  const start = q ? q.start : startTok.start;
  return t.end > start ? { start, end: t.end } : null;
}

/** Whether offset `i` lies strictly inside one of the quotations. */
export const insideQuote = (quotes: readonly QuoteMarkSpan[], i: number): boolean =>
  markAround(quotes, i) !== undefined;

/** The first character of a span, as a token surface would show an opening mark. */
export const text0 = (toks: readonly Tok[], s: Span): string => tokenStartingAt(toks, s.start)?.w ?? '';

/** The number of words and numbers of `s`, counting tokens from index `from`. */
export function wordsIn(toks: readonly Tok[], s: Span, from: number): number {
  return wordyCount(toks, from, s.end);
}

/**
 * Content after a cue: from token `p` to the sentence end, or to the end of a quotation opened
 * there; `minWords` words at least (an answer to a question may be one: `said no`).
 */
export function contentAfter(
  toks: readonly Tok[],
  p: number,
  a: number,
  b: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
  minWords = 2,
): Span | null {
  if (p >= b) return null;
  let words = 0;
  for (let k = p; k < b && words < minWords; k++) if (isWordy(toks[k]!)) words++;
  if (words < minWords && !OPENERS.has(toks[p]!.w)) return null;
  const start = toks[p]!.start;
  let end = sentenceContentEnd(toks, a, b);
  // `(On Monday he said he would …)`: a parenthesis closed after the cue ends the content.
  const k = unmatchedCloseFrom(toks, p);
  if (k < b && toks[k]!.end <= end) {
    let e = k - 1;
    while (e > p && isTerminal(toks[e]!)) e--;
    end = toks[e]!.end;
  }
  // A quotation opened inside the content runs to its closing mark, even past the sentence.
  // Quotations are disjoint: only the last one opened before `end` can run past it.
  const last = quotes[markBefore(quotes, end)];
  const q =
    markStartingAt(quotes, start) ?? (last && last.start > start && last.end > end ? last : undefined);
  if (q && q.end > end) end = q.end;
  else end = subordinateEnd(toks, p, a, b, clauseEnd(toks, p, b, end, quotes, lex), quotes, lex);
  return end > start ? { start, end } : null;
}
