import type { GoldTerm } from './gold.js';

/** A predicted occurrence, flattened from `naming.terms`. */
export interface PredTerm extends GoldTerm {
  form: string;
}

/** Tallies of one evaluation. */
export interface NamingCounts {
  predicted: number;
  gold: number;
  /** Predictions overlapping a gold occurrence with the same concept and pole. */
  correct: number;
  /** Of the correct ones, those with the gold voice. */
  voiceCorrect: number;
  byConcept: Map<string, { predicted: number; gold: number; correct: number }>;
  /** Unmatched or mislabelled predictions and gold occurrences, for error analysis. */
  errors: { side: 'fp' | 'fn' | 'voice'; pred?: PredTerm; gold?: GoldTerm }[];
}

/** Empty tallies. */
export const emptyNamingCounts = (): NamingCounts => ({
  predicted: 0,
  gold: 0,
  correct: 0,
  voiceCorrect: 0,
  byConcept: new Map(),
  errors: [],
});

const overlap = (a: GoldTerm, b: GoldTerm) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/**
 * Scores one article: predictions and gold occurrences are paired one-to-one by overlapping
 * spans (largest overlap first); a pair is correct when concept and pole agree.
 */
export function scoreArticle(pred: readonly PredTerm[], gold: readonly GoldTerm[], acc: NamingCounts): void {
  const row = (c: string) => {
    let r = acc.byConcept.get(c);
    if (!r) {
      r = { predicted: 0, gold: 0, correct: 0 };
      acc.byConcept.set(c, r);
    }
    return r;
  };
  const pairs: [number, number, number][] = [];
  pred.forEach((p, i) => {
    gold.forEach((g, j) => {
      const o = overlap(p, g);
      if (o > 0) pairs.push([o, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  // One-to-one, largest overlap first: prediction index → gold index.
  const pairOf = new Map<number, number>();
  const takenG = new Set<number>();
  for (const [, i, j] of pairs)
    if (!pairOf.has(i) && !takenG.has(j)) {
      pairOf.set(i, j);
      takenG.add(j);
    }
  const matched = [...pairOf];
  acc.predicted += pred.length;
  acc.gold += gold.length;
  for (const p of pred) row(p.concept).predicted++;
  for (const g of gold) row(g.concept).gold++;
  const good = new Set<number>();
  for (const [i, j] of matched) {
    const p = pred[i]!;
    const g = gold[j]!;
    if (p.concept !== g.concept || p.pole !== g.pole) continue;
    good.add(i);
    acc.correct++;
    row(g.concept).correct++;
    if (p.voice === g.voice) acc.voiceCorrect++;
    else acc.errors.push({ side: 'voice', pred: p, gold: g });
  }
  const goodG = new Set(matched.filter(([i]) => good.has(i)).map(([, j]) => j));
  pred.forEach((p, i) => {
    if (!good.has(i)) acc.errors.push({ side: 'fp', pred: p });
  });
  gold.forEach((g, j) => {
    if (!goodG.has(j)) acc.errors.push({ side: 'fn', gold: g });
  });
}
