/** Precision, recall and F1 of one class. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Scores of the positive class (`positive = true`) or of the negative one (`positive = false`). */
export function classScores(
  pred: readonly boolean[],
  gold: readonly boolean[],
  positive = true,
): ClassScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const p = pred[i] === positive;
    const g = gold[i] === positive;
    if (p && g) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

/** Macro-F1 over the two classes. */
export function macroF1(pred: readonly boolean[], gold: readonly boolean[]): number {
  return (classScores(pred, gold, true).f1 + classScores(pred, gold, false).f1) / 2;
}

/**
 * Macro-F1 as it would be if both classes were equally frequent: each positive example counts
 * `negatives / positives` times. A threshold tuned on it does not lean on the training set's
 * class balance, which held-out sets do not share.
 */
export function balancedMacroF1(pred: readonly boolean[], gold: readonly boolean[]): number {
  const pos = gold.filter(Boolean).length;
  const w = pos && pos < gold.length ? (gold.length - pos) / pos : 1;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i]) {
      if (pred[i]) tp += w;
      else fn += w;
    } else if (pred[i]) fp++;
    else tn++;
  }
  const f = (a: number, b: number, c: number) => (a ? (2 * a) / (2 * a + b + c) : 0);
  return (f(tp, fp, fn) + f(tn, fn, fp)) / 2;
}

/**
 * The threshold on `probs` that maximises `metric` on held-out predictions. Candidates are the
 * midpoints between neighbouring distinct probabilities; ties go to the one nearest 0.5, the
 * least surprising choice when the data cannot tell.
 */
export function bestThreshold(
  probs: readonly number[],
  gold: readonly boolean[],
  metric: (pred: boolean[], gold: readonly boolean[]) => number,
): { threshold: number; score: number } {
  const sorted = [...new Set(probs)].sort((a, b) => a - b);
  let best = { threshold: 0.5, score: -1 };
  for (let i = 0; i + 1 < sorted.length; i++) {
    const t = (sorted[i]! + sorted[i + 1]!) / 2;
    const s = metric(
      probs.map((p) => p >= t),
      gold,
    );
    if (
      s > best.score + 1e-12 ||
      (Math.abs(s - best.score) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best.threshold - 0.5))
    )
      best = { threshold: t, score: s };
  }
  return best;
}

/** The table rows of a binary report: one row per class with P, R, F1 and support. */
export function scoreTable(
  pred: readonly boolean[],
  gold: readonly boolean[],
  names: [string, string],
): (string | number)[][] {
  const rows: (string | number)[][] = [['class', 'precision', 'recall', 'f1', 'support']];
  for (const [name, positive] of [
    [names[0], true],
    [names[1], false],
  ] as const) {
    const s = classScores(pred, gold, positive);
    rows.push([name, s.precision, s.recall, s.f1, s.support]);
  }
  return rows;
}
