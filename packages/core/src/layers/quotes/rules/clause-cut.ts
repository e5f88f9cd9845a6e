import type { Candidate } from '../candidate.js';
import type { QuoteMarkSpan } from '../quote-marks.js';
import { markBefore } from '../search.js';

/**
 * Content that runs on into a later cue clause of the same sentence (`…, he added`,
 * `…, according to X`) stops where that clause starts; a closing mark right after the cut
 * stays with its quotation.
 */
export function cutAtLaterClauses(out: readonly Candidate[], quotes: readonly QuoteMarkSpan[]): void {
  for (const c of out) {
    if (!c.contentAfter) continue;
    for (const d of out) {
      if (d === c || d.clauseStart === undefined) continue;
      const cut = d.clauseStart;
      if (cut > c.content.start && cut < c.content.end) {
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
  }
}
