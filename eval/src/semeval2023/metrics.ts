/** Precision, recall and F1 of one label or of a micro average. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Result of {@link multiLabelF1}. */
export interface MultiLabelScores {
  micro: Prf;
  /** Mean F1 over every label of the scheme (a label never seen nor predicted scores 0). */
  macroF1: number;
  perLabel: Map<string, Prf>;
}

/**
 * Micro- and macro-F1 over (item, label) pairs, as the SemEval-2023 Task 3 scorers compute them
 * for subtasks 2 and 3 (macro over all labels of the scheme, so missing labels count as 0).
 */
export function multiLabelF1(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
  labels: readonly string[],
): MultiLabelScores {
  const c = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  gold.forEach((g, i) => {
    const p = new Set(pred[i] ?? []);
    const gs = new Set(g);
    for (const l of gs) {
      const x = c.get(l);
      if (x) p.has(l) ? x.tp++ : x.fn++;
    }
    for (const l of p) if (!gs.has(l)) c.get(l) && c.get(l)!.fp++;
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perLabel = new Map<string, Prf>();
  for (const [l, x] of c) {
    tp += x.tp;
    fp += x.fp;
    fn += x.fn;
    perLabel.set(l, prf(x.tp, x.fp, x.fn));
  }
  const macroF1 = labels.length ? [...perLabel.values()].reduce((s, x) => s + x.f1, 0) / labels.length : 0;
  return { micro: prf(tp, fp, fn), macroF1, perLabel };
}

/** A per-label table for a report: label, support, precision, recall, F1. */
export function perLabelTable(s: MultiLabelScores): (string | number)[][] {
  const rows: (string | number)[][] = [['label', 'gold', 'pred', 'P', 'R', 'F1']];
  for (const [l, x] of s.perLabel) rows.push([l, x.tp + x.fn, x.tp + x.fp, x.precision, x.recall, x.f1]);
  return rows;
}

/**
 * The majority baseline of a multi-label task: the `k` most frequent labels of `gold`, with `k`
 * chosen to give the highest micro-F1 when every item is labelled with them (on the items
 * counted — fit it on training items, score it on held-out ones). With few labels per item one
 * label is best; where two labels each cover a large share of the items (Russian Loaded_Language
 * and Doubt), labelling every item with both beats either alone.
 *
 * @example majorityLabels([['A'], ['A', 'B'], ['B'], ['A']]) // ['A', 'B']
 */
export function majorityLabels(gold: readonly (readonly string[])[], maxK = 5): string[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const g of gold)
    for (const l of new Set(g)) {
      counts.set(l, (counts.get(l) ?? 0) + 1);
      total++;
    }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let best: string[] = [];
  let bestF1 = -1;
  let tp = 0;
  for (let k = 1; k <= Math.min(maxK, ranked.length); k++) {
    tp += ranked[k - 1]![1];
    // Every item labelled with the k labels: k·n predictions, `total` gold pairs.
    const f1 = (2 * tp) / (k * gold.length + total);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = ranked.slice(0, k).map(([l]) => l);
    }
  }
  return best;
}

/** Pairs of (positive, negative) items ranked right (ties count half), and the pairs compared. */
export interface PairCount {
  right: number;
  pairs: number;
}

/**
 * Adds to `into` the pairs of one group's items (a score and whether the item is positive):
 * every positive against every negative of the same group, a tie counting half.
 */
export function addGroupPairs(into: PairCount, items: readonly { p: number; y: boolean }[]): void {
  for (const a of items) {
    if (!a.y) continue;
    for (const b of items) {
      if (b.y) continue;
      into.pairs++;
      into.right += a.p > b.p ? 1 : a.p === b.p ? 0.5 : 0;
    }
  }
}

/**
 * The area under the ROC curve of scores against outcomes (the share of positive–negative pairs
 * the score orders right, ties half); NaN without a positive or a negative.
 */
export function rocAuc(items: readonly { p: number; y: boolean }[]): number {
  const sorted = [...items].sort((a, b) => a.p - b.p);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.p === sorted[i]!.p) j++;
    // Ranks i+1 … j share their mean.
    const rank = (i + 1 + j) / 2;
    for (let m = i; m < j; m++)
      if (sorted[m]!.y) {
        pos++;
        rankSum += rank;
      }
    i = j;
  }
  const neg = sorted.length - pos;
  if (!pos || !neg) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
