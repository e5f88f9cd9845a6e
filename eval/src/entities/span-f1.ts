import type { GoldSpan } from './polnear-ner.js';

/** Counts for one type. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 from counts (0 when undefined). */
export function prf(c: Prf): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Exact-span typed matching, CoNLL style: a prediction counts only when start, end and type
 * all agree with a gold span. Adds the counts of one document to `by` (per type and `ALL`).
 */
export function addSpanCounts(
  by: Map<string, Prf>,
  gold: readonly GoldSpan[],
  pred: readonly GoldSpan[],
): void {
  const get = (t: string): Prf => {
    let c = by.get(t);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      by.set(t, c);
    }
    return c;
  };
  const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.type}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  for (const s of pred) {
    const hit = g.has(key(s));
    get(s.type)[hit ? 'tp' : 'fp']++;
    get('ALL')[hit ? 'tp' : 'fp']++;
  }
  for (const s of gold)
    if (!p.has(key(s))) {
      get(s.type).fn++;
      get('ALL').fn++;
    }
}

/** A per-type table: header, one row per type, then ALL (micro). */
export function spanTable(by: Map<string, Prf>): (string | number)[][] {
  const rows: (string | number)[][] = [['type', 'precision', 'recall', 'f1', 'gold', 'predicted']];
  for (const t of ['PER', 'ORG', 'LOC', 'MISC', 'ALL']) {
    const c = by.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const s = prf(c);
    rows.push([t, s.precision, s.recall, s.f1, c.tp + c.fn, c.tp + c.fp]);
  }
  return rows;
}
