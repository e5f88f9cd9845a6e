import { firstStartingAt } from '../../text/span-search.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import type { Tok } from './tok.js';

/**
 * Binary searches over the token view and the quotation marks, both sorted by offset (tokens
 * never overlap; `findQuoteMarks` keeps at most one quotation open, so marks are disjoint and
 * sorted by start and by end). They replace scans from the start of the document per sentence
 * or per candidate, which made the layer quadratic in document length.
 */

/** The index of the first token that starts at or after `pos` (`toks.length` when none does). */
export const tokenFrom = (toks: readonly Tok[], pos: number): number => firstStartingAt(toks, pos);

/** The token that starts exactly at `pos`, if any. */
export function tokenStartingAt(toks: readonly Tok[], pos: number): Tok | undefined {
  const t = toks[tokenFrom(toks, pos)];
  return t?.start === pos ? t : undefined;
}

/** The index of the last mark that starts before `pos`, or -1. */
export const markBefore = (marks: readonly QuoteMarkSpan[], pos: number): number =>
  firstStartingAt(marks, pos) - 1;

/** The quotation that opens exactly at `pos`, if any. */
export function markStartingAt(marks: readonly QuoteMarkSpan[], pos: number): QuoteMarkSpan | undefined {
  const q = marks[markBefore(marks, pos) + 1];
  return q?.start === pos ? q : undefined;
}

/** The index of the first mark that ends at or after `pos` (`marks.length` when none does). */
export function markEndingFrom(marks: readonly QuoteMarkSpan[], pos: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid]!.end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quotation that holds offset `i` strictly inside it (the one that starts last before `i`). */
export function markAround(marks: readonly QuoteMarkSpan[], i: number): QuoteMarkSpan | undefined {
  const q = marks[markBefore(marks, i)];
  return q && i < q.end ? q : undefined;
}
