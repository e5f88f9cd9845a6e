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
