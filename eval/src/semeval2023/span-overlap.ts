/** A half-open span. */
export interface Range {
  start: number;
  end: number;
}

/** Merges overlapping or touching spans into disjoint ones, in order. */
export function mergeRanges(spans: readonly Range[]): Range[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Running sums of {@link spanOverlapScores}, to add documents up before dividing. */
export interface OverlapSums {
  precision: number;
  recall: number;
  predicted: number;
  gold: number;
}

/**
 * Adds one document to the partial-overlap span scores of SemEval-2020 Task 11 (span
 * identification): precision sums |s∩t|/|s| over predicted spans s and gold spans t, recall
 * sums |s∩t|/|t|; both spans sets are merged first (the task is technique-agnostic).
 */
export function addOverlap(sums: OverlapSums, predicted: readonly Range[], gold: readonly Range[]): void {
  const p = mergeRanges(predicted);
  const g = mergeRanges(gold);
  for (const s of p)
    for (const t of g) {
      const o = overlap(s, t);
      if (o === 0) continue;
      sums.precision += o / (s.end - s.start);
      sums.recall += o / (t.end - t.start);
    }
  sums.predicted += p.length;
  sums.gold += g.length;
}

/** Precision, recall and F1 from the sums. */
export function overlapScores(s: OverlapSums): { precision: number; recall: number; f1: number } {
  const precision = s.predicted ? s.precision / s.predicted : 0;
  const recall = s.gold ? s.recall / s.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
