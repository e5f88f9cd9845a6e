import type { Candidate } from '../candidate.js';
import type { QuoteMarkSpan } from '../quote-marks.js';
import { markBefore } from '../search.js';

/**
 * Content that runs on into a later cue clause of the same sentence (`…, he added`,
 * `…, according to X`) stops where that clause starts; a closing mark right after the cut
 * stays with its quotation.
 */
export function cutAtLaterClauses(out: readonly Candidate[], quotes: readonly QuoteMarkSpan[]): void {
  // Every cut inside a content moves its end to that cut, so only the earliest one counts: the
  // clause starts are sorted once and each content looks up the first one inside it (a long
  // document is read in n log n, not n²).
  const starts = out
    .filter((d) => d.clauseStart !== undefined)
    .sort((a, b) => a.clauseStart! - b.clauseStart!);
  for (const c of out) {
    if (!c.contentAfter) continue;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.clauseStart! <= c.content.start) lo = mid + 1;
      else hi = mid;
    }
    while (lo < starts.length && starts[lo] === c) lo++;
    const d = starts[lo];
    if (!d || d.clauseStart! >= c.content.end) continue;
    const cut = d.clauseStart!;
    c.content.end = cut;
    // `said that it “will not survive,” according to AFP`: the closing mark stays with its quotation.
    // Quotations are disjoint: only the last one opened before the cut can run past it.
    const last = quotes[markBefore(quotes, c.content.end)];
    const q =
      last && last.start >= c.content.start && last.end > c.content.end && last.end <= cut + 1
        ? last
        : undefined;
    if (q) c.content.end = q.end;
  }
}
