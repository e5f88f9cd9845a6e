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
  return perfectEces(outcomes, runs, seed).reduce((a, b) => a + b, 0) / runs;
}

/** The ECEs of `runs` perfectly calibrated draws of these scores (seeded), in draw order. */
function perfectEces<T extends Outcome>(
  outcomes: readonly T[],
  runs: number,
  seed: number,
  measure: (os: readonly T[]) => number = eceOf,
): number[] {
  const r = prng(seed);
  const eces: number[] = [];
  for (let k = 0; k < runs; k++) eces.push(measure(outcomes.map((o) => ({ ...o, y: r() < o.p }))));
  return eces;
}

const eceOf = (os: readonly Outcome[]): number => reliability(os).ece;

/**
 * The ECE within each group (10 bins per group), averaged with the groups' sizes as weights: a
 * score that is over-confident in one group and under-confident in another at the same values
 * (an article called reporting against one called opinion) can have a small ECE over all
 * outcomes, never a small grouped one.
 */
export function groupedEce(outcomes: readonly (Outcome & { group: string })[]): number {
  const by = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const list = by.get(o.group) ?? [];
    by.set(o.group, list);
    list.push(o);
  }
  let sum = 0;
  for (const os of by.values()) sum += os.length * reliability(os).ece;
  return sum / Math.max(1, outcomes.length);
}

/** What a sample of outcomes can tell about its ECE: see {@link eceNoise}. */
export interface EceNoise {
  /** The ECE measured on the outcomes. */
  ece: number;
  /** The mean ECE of a perfectly calibrated score of the same values (as {@link eceFloor}). */
  floor: number;
  /** The 95th percentile of that ECE: a measured ECE below it does not show miscalibration. */
  q95: number;
  /**
   * The share of perfectly calibrated draws whose ECE is at least the measured one (a p-value:
   * small means the score is miscalibrated beyond what the sample size explains).
   */
  p: number;
  /** The share of perfectly calibrated draws whose ECE meets `target`: how often a perfect score would pass. */
  pass: number;
}

/**
 * Whether a sample is large enough to judge an ECE against `target`: the measured ECE beside
 * the ECE of a perfectly calibrated score with the same values (outcomes drawn right with
 * probability equal to the score, `runs` times, seeded) — its mean, 95th percentile, the
 * p-value of the measured ECE and how often the perfect score meets `target`. On 60–100
 * articles a perfect score often misses 0.05: then a measured ECE above the target says nothing
 * about the map unless its p-value is small. (A bootstrap interval of the ECE is not given:
 * resampling duplicates outcomes, which biases the ECE upwards, most near 0.) `measure` is the
 * ECE measured (default over all outcomes; {@link groupedEce} for one within groups).
 */
export function eceNoise<T extends Outcome>(
  outcomes: readonly T[],
  target = 0.05,
  runs = 1000,
  seed = 1,
  measure: (os: readonly T[]) => number = eceOf,
): EceNoise {
  const ece = measure(outcomes);
  const perfect = perfectEces(outcomes, runs, seed, measure);
  const q = (xs: number[], f: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.floor(f * s.length))]! : 0;
  };
  return {
    ece,
    floor: perfect.reduce((a, b) => a + b, 0) / Math.max(1, runs),
    q95: q(perfect, 0.95),
    p: perfect.filter((x) => x >= ece - 1e-12).length / Math.max(1, runs),
    pass: perfect.filter((x) => x <= target).length / Math.max(1, runs),
  };
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
