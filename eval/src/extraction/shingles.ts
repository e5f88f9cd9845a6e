/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark,
 * `evaluate.py`): texts are split into `\w+` tokens (Python's Unicode `\w`: letters, digits,
 * other numerics and `_`; case kept, as in the original), 4-token shingles are counted, and
 * each page gets true-positive / false-positive / false-negative counts over the shingle
 * multisets. Precision is averaged over pages with a non-empty prediction, recall over pages
 * with a non-empty truth, and F1 is the harmonic mean of those two averages. So a page with an
 * empty prediction lowers recall only.
 */

const WORD = /[\p{L}\p{N}_]+/gu;

/** Counts of 4-token shingles (fewer tokens → one shingle of all of them; none → empty). */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/** Per-page shingle counts. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** True/false positives and false negatives of a predicted body against the true one. */
export function pageCounts(truth: string, pred: string): PageCounts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [k, tc] of t) fn += Math.max(0, tc - (p.get(k) ?? 0));
  return { tp, fp, fn };
}

/** Precision, recall and F1 over pages, averaged per page as the benchmark does. */
export function benchmarkScores(pages: readonly PageCounts[]): {
  f1: number;
  precision: number;
  recall: number;
} {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map((c) => c.tp / (c.tp + c.fp)));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map((c) => c.tp / (c.tp + c.fn)));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}
