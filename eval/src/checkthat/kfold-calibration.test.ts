import { type Outcome, prng, reliability } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { brier, crossFittedEce, eceFloor, eceNoise, groupedEce } from './kfold-calibration.js';

/** Outcomes right with probability `truth(p)` for scores spread over 0..1. */
function sample(n: number, truth: (p: number) => number, seed = 1): Outcome[] {
  const r = prng(seed);
  return Array.from({ length: n }, () => {
    const p = r();
    return { p, y: r() < truth(p) };
  });
}

describe('k-fold calibration', () => {
  it('cross-fitting removes an over-confidence, and the raw score keeps it', () => {
    const truth = (p: number) => 0.25 + p / 2;
    const outcomes = sample(6000, truth, 2);
    const foldOf = outcomes.map((_, i) => i % 5);
    const raw = crossFittedEce(outcomes, foldOf, 5, 'none');
    const platt = crossFittedEce(outcomes, foldOf, 5, 'platt');
    const iso = crossFittedEce(outcomes, foldOf, 5, 'isotonic');
    expect(raw.pooled).toBeGreaterThan(0.1);
    expect(platt.pooled).toBeLessThan(0.03);
    expect(iso.pooled).toBeLessThan(0.03);
    expect(platt.per).toHaveLength(5);
    expect(platt.mean).toBeGreaterThan(platt.pooled - 0.02);
  });

  it('the noise floor falls with the number of outcomes and matches a calibrated score', () => {
    const small = sample(100, (p) => p, 3);
    const large = sample(5000, (p) => p, 4);
    expect(eceFloor(small)).toBeGreaterThan(eceFloor(large) * 3);
    // A calibrated score's measured ECE is about its floor.
    expect(Math.abs(reliability(large).ece - eceFloor(large))).toBeLessThan(0.015);
  });

  it('a histogram map is cross-fitted too, and the Brier score rewards resolution', () => {
    const truth = (p: number) => 0.25 + p / 2;
    const outcomes = sample(6000, truth, 5);
    const foldOf = outcomes.map((_, i) => i % 5);
    const hist = crossFittedEce(outcomes, foldOf, 5, 'histogram', 10);
    const one = crossFittedEce(outcomes, foldOf, 5, 'histogram', 1);
    expect(hist.pooled).toBeLessThan(0.03);
    // One bin: every score becomes the base rate — calibrated, but it tells no outcome apart.
    expect(one.pooled).toBeLessThan(0.03);
    expect(one.brier).toBeGreaterThan(hist.brier + 0.005);
    expect(hist.foldFloor).toBeGreaterThan(hist.floor);
    expect(
      brier([
        { p: 1, y: true },
        { p: 0.5, y: false },
      ]),
    ).toBeCloseTo(0.125, 10);
  });

  it('the noise test tells a miscalibrated score from a small sample', () => {
    // 80 outcomes of a calibrated score: a measured ECE above 0.05 is common and not significant.
    const small = eceNoise(sample(80, (p) => p, 6));
    expect(small.floor).toBeGreaterThan(0.05);
    expect(small.pass).toBeLessThan(0.5);
    expect(small.p).toBeGreaterThan(0.05);
    expect(small.q95).toBeGreaterThan(small.floor);
    // 2000 outcomes of an over-confident score: far beyond the noise.
    const off = eceNoise(
      sample(2000, (p) => 0.25 + p / 2, 7),
      0.05,
      200,
    );
    expect(off.p).toBe(0);
    expect(off.ece).toBeGreaterThan(off.q95 * 2);
    // The same number of calibrated outcomes passes 0.05 almost always.
    expect(
      eceNoise(
        sample(2000, (p) => p, 8),
        0.05,
        200,
      ).pass,
    ).toBeGreaterThan(0.9);
  });

  it('the grouped ECE finds two groups miscalibrated in opposite directions at the same scores', () => {
    // Group a: scored 0.6, right 90 %; group b: scored 0.6, right 30 %. Over all: 60 % right.
    const at = (group: string, right: number) =>
      Array.from({ length: 100 }, (_, i) => ({ p: 0.6, y: i < right, group }));
    const both = [...at('a', 90), ...at('b', 30)];
    expect(reliability(both).ece).toBeCloseTo(0, 10);
    expect(groupedEce(both)).toBeCloseTo(0.3, 10);
    // Weighted by group size: 100 outcomes off by 0.3, 300 right on.
    expect(groupedEce([...at('a', 90), ...at('c', 60), ...at('c', 60), ...at('c', 60)])).toBeCloseTo(
      0.075,
      10,
    );
    // As the noise test's measure: far beyond what a perfect score of these values shows.
    const noise = eceNoise(both, 0.05, 200, 1, groupedEce);
    expect(noise.ece).toBeCloseTo(0.3, 10);
    expect(noise.p).toBe(0);
    expect(noise.floor).toBeLessThan(0.1);
  });
});
