import { describe, expect, it } from 'vitest';
import {
  calibrated,
  calibratedIn,
  calibrationFor,
  fitCalibration,
  fitHistogram,
  fitIsotonic,
  fitPlatt,
  isMonotone,
  lengthBand,
  type Outcome,
  reliability,
} from './calibration.js';
import { prng } from './train.js';

/** Outcomes whose true probability is `truth(p)` for scores spread over 0.3..1. */
function sample(n: number, truth: (p: number) => number, seed = 1): Outcome[] {
  const r = prng(seed);
  const out: Outcome[] = [];
  for (let i = 0; i < n; i++) {
    const p = 0.3 + 0.7 * r();
    out.push({ p, y: r() < truth(p) });
  }
  return out;
}

describe('calibration', () => {
  it('computes the expected calibration error from its reliability table', () => {
    const outcomes: Outcome[] = [
      { p: 0.05, y: false },
      { p: 0.05, y: false },
      { p: 0.95, y: true },
      { p: 0.95, y: false },
    ];
    const { ece, table } = reliability(outcomes, 10);
    // Bin 0: score 0.05, right 0 → gap 0.05; bin 9: score 0.95, right 0.5 → gap 0.45.
    expect(ece).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.45, 10);
    expect(table[0]).toMatchObject({ count: 2, accuracy: 0 });
    expect(table[9]).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(table[0]!.meanScore).toBeCloseTo(0.05, 10);
    expect(reliability([{ p: 1, y: true }]).table[9]!.count).toBe(1);
  });

  it("applies a language's map after the label's, and only for that language", () => {
    const c = { a: [1, 2], b: [0, 0], langs: { ru: { a: 1, b: -Math.log(3) } } };
    // Label 0 is the identity; Russian then divides the odds by 3: 0.5 → 0.25.
    expect(calibratedIn(c, 'ru', 0, 0.5)).toBeCloseTo(0.25, 6);
    expect(calibratedIn(c, 'en', 0, 0.5)).toBeCloseTo(0.5, 6);
    // Label 1 doubles the logit first: odds 9 → 0.9, then Russian → odds 3 → 0.75.
    expect(calibratedIn(c, 'en', 1, 0.75)).toBeCloseTo(0.9, 6);
    expect(calibratedIn(c, 'ru', 1, 0.75)).toBeCloseTo(0.75, 6);
    expect(calibratedIn(undefined, 'ru', 0, 0.42)).toBe(0.42);
  });

  it('fits Platt scaling that removes an over-confidence', () => {
    // The model's odds are e² times too high: badly over-confident.
    const truth = (p: number) => 1 / (1 + Math.exp(2 - Math.log(p / (1 - p))));
    const train = sample(4000, truth);
    const test = sample(4000, truth, 2);
    const before = reliability(test).ece;
    const c = fitCalibration([train]);
    const after = reliability(test.map((o) => ({ p: calibrated(c, 0, o.p), y: o.y }))).ece;
    expect(before).toBeGreaterThan(0.25);
    expect(after).toBeLessThan(0.03);
  });

  it('leaves a calibrated score about as it was, and scores unchanged without a calibration', () => {
    const { a, b } = fitPlatt(sample(6000, (p) => p, 3));
    expect(a).toBeGreaterThan(0.8);
    expect(a).toBeLessThan(1.25);
    expect(Math.abs(b)).toBeLessThan(0.2);
    expect(calibrated(undefined, 0, 0.42)).toBe(0.42);
  });

  it('never lets a higher raw score mean a lower calibrated one', () => {
    const falling = sample(3000, (p) => 1.2 - p, 5);
    const { a, b } = fitPlatt(falling);
    expect(a).toBe(0);
    const share = falling.filter((o) => o.y).length / falling.length;
    expect(1 / (1 + Math.exp(-b))).toBeCloseTo(share, 2);
  });

  it('gives a label with few outcomes the fit of all labels together', () => {
    const many = sample(2000, (p) => p / 2);
    const few = sample(10, () => 1, 4);
    const c = fitCalibration([many, few], 40);
    const pooled = fitPlatt([...many, ...few]);
    expect(c.a[1]).toBeCloseTo(pooled.a, 3);
    expect(c.b[1]).toBeCloseTo(pooled.b, 3);
    expect(c.a[0]).not.toBeCloseTo(pooled.a, 3);
  });

  it('fits only the offset when the slope is given', () => {
    // True odds: the raw odds squared, shifted by −1 (a = 2, b = −1).
    const truth = (p: number) => 1 / (1 + Math.exp(-(2 * Math.log(p / (1 - p)) - 1)));
    const outcomes = sample(8000, truth, 6);
    const free = fitPlatt(outcomes);
    const held = fitPlatt(outcomes, 2);
    expect(held.a).toBe(2);
    expect(held.b).toBeCloseTo(free.b, 1);
    expect(held.b).toBeLessThan(-0.7);
    // A slope of 0: the offset alone gives the share right.
    const flat = fitPlatt(outcomes, 0);
    const share = outcomes.filter((o) => o.y).length / outcomes.length;
    expect(1 / (1 + Math.exp(-flat.b))).toBeCloseTo(share, 2);
  });

  it('fits an isotonic step function and reads it in place of Platt', () => {
    const steps = fitIsotonic([
      { p: 0.1, y: false },
      { p: 0.2, y: true },
      { p: 0.3, y: false },
      { p: 0.9, y: true },
    ]);
    // 0.2 (right) and 0.3 (wrong) break the order: pooled into one block, 1 right of 2.
    expect(steps).toEqual({ x: [0.1, 0.2, 0.9], y: [0.25, 0.5, 0.75] });
    const c = { a: [5, 1], b: [5, 0], steps: [steps, null] };
    expect(calibrated(c, 0, 0.05)).toBe(0.25);
    expect(calibrated(c, 0, 0.2)).toBe(0.5);
    expect(calibrated(c, 0, 0.5)).toBe(0.5);
    expect(calibrated(c, 0, 0.95)).toBe(0.75);
    // A label without steps keeps its Platt scaling.
    expect(calibrated(c, 1, 0.3)).toBeCloseTo(0.3, 10);
  });

  it('an isotonic fit removes a miscalibration of any shape', () => {
    const truth = (p: number) => (p < 0.6 ? 0.2 : 0.9);
    const train = sample(4000, truth, 7);
    const test = sample(4000, truth, 8);
    const c = { a: [0], b: [0], steps: [fitIsotonic(train)] };
    const after = reliability(test.map((o) => ({ p: calibrated(c, 0, o.p), y: o.y }))).ece;
    expect(reliability(test).ece).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(0.03);
  });

  it('bins equal shares of the outcomes, pooling bins whose share right falls', () => {
    // 12 outcomes, 4 bins of 3: shares 0/3, 2/3, 1/3, 3/3 → the middle two pooled (3/6).
    const ys = [0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1];
    const steps = fitHistogram(
      ys.map((y, i) => ({ p: (i + 1) / 13, y: y === 1 })),
      4,
    );
    expect(steps.x).toEqual([0.0769, 0.3077, 0.7692]);
    expect(steps.y).toEqual([0.125, 0.5, 0.875]);
  });

  it('keeps equal scores in one bin', () => {
    const outcomes = [0.1, 0.1, 0.1, 0.1, 0.9, 0.9].map((p, i) => ({ p, y: i >= 3 }));
    const steps = fitHistogram(outcomes, 3);
    expect(steps.x).toEqual([0.1, 0.9]);
    expect(steps.y).toEqual([Math.round((1.5 / 5) * 1e4) / 1e4, Math.round((2.5 / 3) * 1e4) / 1e4]);
  });

  it('a histogram fit removes a miscalibration on new outcomes', () => {
    const truth = (p: number) => 0.1 + 0.5 * p;
    const train = sample(4000, truth, 9);
    const test = sample(4000, truth, 10);
    const c = { a: [0], b: [0], steps: [fitHistogram(train, 10)] };
    const after = reliability(test.map((o) => ({ p: calibrated(c, 0, o.p), y: o.y }))).ece;
    expect(reliability(test).ece).toBeGreaterThan(0.15);
    expect(after).toBeLessThan(0.03);
  });

  it('picks the length band of a text: the largest minWords at or below it, the first below all, none from upTo', () => {
    const bands = [{ minWords: 150 }, { minWords: 300 }, { minWords: 500 }];
    expect(lengthBand(bands, 700, 100)).toBe(bands[0]);
    expect(lengthBand(bands, 700, 150)).toBe(bands[0]);
    expect(lengthBand(bands, 700, 299)).toBe(bands[0]);
    expect(lengthBand(bands, 700, 300)).toBe(bands[1]);
    expect(lengthBand(bands, 700, 699)).toBe(bands[2]);
    expect(lengthBand(bands, 700, 700)).toBeUndefined();
    expect(lengthBand([], 700, 200)).toBeUndefined();
    expect(lengthBand(undefined, undefined, 200)).toBeUndefined();
  });

  it('maps a short text by its band’s maps, a long one by the whole-article maps', () => {
    const c = {
      a: [1, 1],
      b: [0, 0],
      langs: { ru: { a: 1, b: 0.5 } },
      bands: [{ minWords: 150, a: [0.5, 1], b: [-1, 0], langs: { ru: { a: 1, b: -0.5 } } }],
      upTo: 400,
    };
    // Whole articles: the identity on label 0, then ru's offset.
    expect(calibratedIn(calibrationFor(c, 400), 'en', 0, 0.7)).toBeCloseTo(0.7, 6);
    expect(calibrationFor(c, Number.POSITIVE_INFINITY)).toBe(c);
    // A 200-word text: σ(0.5 · logit(0.7) − 1) = 0.2886…, and ru's band offset on top of it.
    const short = calibrationFor(c, 200);
    expect(calibratedIn(short, 'en', 0, 0.7)).toBeCloseTo(
      1 / (1 + Math.exp(-(0.5 * Math.log(0.7 / 0.3) - 1))),
      6,
    );
    expect(calibratedIn(short, 'ru', 0, 0.7)).toBeLessThan(calibratedIn(short, 'en', 0, 0.7));
    expect(calibratedIn(calibrationFor(c, 10), 'en', 1, 0.7)).toBeCloseTo(0.7, 6);
    expect(calibrationFor(undefined, 10)).toBeUndefined();
  });

  it('a calibration with a falling band map is not monotone', () => {
    const c = { a: [1], b: [0], bands: [{ minWords: 150, a: [1], b: [0] }], upTo: 300 };
    expect(isMonotone(c)).toBe(true);
    expect(isMonotone({ ...c, bands: [{ minWords: 150, a: [-0.2], b: [0] }] })).toBe(false);
  });
});
