import {
  calibrated,
  fitHistogram,
  fitIsotonic,
  fitPlatt,
  type Outcome,
  prng,
  reliability,
} from '@newsprism/core/train';

/**
 * How a score is mapped to a probability: `none` (raw), `platt`, `isotonic` or `histogram`
 * (equal-size bins made monotone, {@link fitHistogram}).
 */
export type CalibrationMethod = 'none' | 'platt' | 'isotonic' | 'histogram';

/** The mapping `method` fits on `outcomes` (`bins`: the histogram's number of bins). */
export function fitMethod(
  method: CalibrationMethod,
  outcomes: readonly Outcome[],
  bins = 10,
): (p: number) => number {
  if (method === 'isotonic' || method === 'histogram') {
    const steps = method === 'isotonic' ? fitIsotonic(outcomes) : fitHistogram(outcomes, bins);
    const c = { a: [0], b: [0], steps: [steps] };
    return (p) => calibrated(c, 0, p);
  }
  if (method === 'platt') {
    const f = fitPlatt(outcomes);
    return (p) => calibrated({ a: [f.a], b: [f.b] }, 0, p);
  }
  return (p) => p;
}

/** Mean and sample standard deviation. */
export function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, sd };
}

/**
 * The calibration error of `method` estimated by cross-fitting: for each fold, the mapping is
 * fitted on the out-of-fold outcomes of the other folds and scored on the fold's own (ECE per
 * fold, mean ± sd), and on all outcomes together, each mapped by the fit that did not see it
 * (`pooled`, with its noise `floor`).
 */
export function crossFittedEce(
  outcomes: readonly Outcome[],
  foldOf: readonly number[],
  folds: number,
  method: CalibrationMethod,
  bins = 10,
): {
  mean: number;
  sd: number;
  pooled: number;
  per: number[];
  floor: number;
  foldFloor: number;
  brier: number;
  mapped: Outcome[];
} {
  const per: number[] = [];
  const mapped: Outcome[] = [];
  let foldFloor = 0;
  for (let f = 0; f < folds; f++) {
    const map = fitMethod(
      method,
      outcomes.filter((_, i) => foldOf[i] !== f),
      bins,
    );
    const own = outcomes.filter((_, i) => foldOf[i] === f).map((o) => ({ p: map(o.p), y: o.y }));
    if (own.length === 0) continue;
    per.push(reliability(own).ece);
    foldFloor += eceFloor(own, 50);
    mapped.push(...own);
  }
  return {
    ...meanSd(per),
    pooled: reliability(mapped).ece,
    per,
    floor: eceFloor(mapped),
    // What a perfectly calibrated score of the same values would show per fold, on average.
    foldFloor: foldFloor / Math.max(1, per.length),
    brier: brier(mapped),
    mapped,
  };
}

/**
 * The Brier score (mean squared error of the probability): a proper score, so a map cannot
 * lower it by giving every sentence the same value the way it can lower the ECE.
 */
export function brier(outcomes: readonly Outcome[]): number {
  let sum = 0;
  for (const o of outcomes) sum += (o.p - (o.y ? 1 : 0)) ** 2;
  return sum / Math.max(1, outcomes.length);
}

/**
 * The mean ECE of a perfectly calibrated score with these values: outcomes drawn as right with
 * probability equal to the score, `runs` times (seeded). ECE over few outcomes is biased
 * upwards by sampling alone; a measured ECE near this floor is as good as the data can show.
 */
export function eceFloor(outcomes: readonly Outcome[], runs = 200, seed = 1): number {
  const r = prng(seed);
  let sum = 0;
  for (let k = 0; k < runs; k++) sum += reliability(outcomes.map((o) => ({ p: o.p, y: r() < o.p }))).ece;
  return sum / runs;
}

/** A reliability table (10 bins) as report rows: score range, count, mean score, share right. */
export function reliabilityRows(outcomes: readonly Outcome[], unit = 'outcomes'): (string | number)[][] {
  return [
    ['score', unit, 'mean score', 'share right'],
    ...reliability(outcomes)
      .table.filter((b) => b.count)
      .map((b) => [
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
        b.count,
        b.meanScore.toFixed(3),
        b.accuracy.toFixed(3),
      ]),
  ];
}
