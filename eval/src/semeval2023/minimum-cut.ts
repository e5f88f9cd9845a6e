/** A model's score on articles cut after `cut` words: mean and sd over fold assignments. */
export interface CutScore {
  cut: number;
  mean: number;
  sd: number;
}

/**
 * The minimum length a document-level layer is given at (its `minWords`), by a stated rule: the
 * smallest cut whose mean beats the baseline by more than its sd, at that cut and at every longer
 * one — below it the model is not reliably better than the constant answer. -1 when even the
 * longest cut fails (the layer would need a longer minimum than was measured).
 *
 * @example minimumCut([{cut: 50, mean: 0.5, sd: 0.02}, {cut: 100, mean: 0.6, sd: 0.01}], 0.49) // 100
 */
export function minimumCut(scores: readonly CutScore[], baseline: number): number {
  const sorted = [...scores].sort((a, b) => a.cut - b.cut);
  let min = -1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const s = sorted[i]!;
    if (s.mean - baseline <= s.sd) break;
    min = s.cut;
  }
  return min;
}

/**
 * The scores of `cuts` from a trainer's metrics: the mean at `key(cut)` and its sd at
 * `${key(cut)}_sd` (0 when absent: one fold assignment).
 */
export function cutScores(
  cuts: readonly number[],
  metrics: Readonly<Record<string, number>>,
  key: (cut: number) => string,
): CutScore[] {
  return cuts.map((cut) => ({ cut, mean: metrics[key(cut)] ?? 0, sd: metrics[`${key(cut)}_sd`] ?? 0 }));
}
