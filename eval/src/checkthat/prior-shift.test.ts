import { describe, expect, it } from 'vitest';
import { emPrior, plugInThreshold } from './prior-shift.js';

// Posteriors at a training prior of 0.5 of a batch drawn at another prior: two kinds of
// sentence, whose likelihood ratios give posteriors 0.8 and 0.2 at the training balance.
function batch(positiveShare: number, n = 1000): number[] {
  // P(x=hi | pos) = 0.8, P(x=hi | neg) = 0.2: the share of `hi` sentences at the batch's prior.
  const hi = Math.round(n * (0.8 * positiveShare + 0.2 * (1 - positiveShare)));
  return [...Array<number>(hi).fill(0.8), ...Array<number>(n - hi).fill(0.2)];
}

describe('emPrior', () => {
  it('recovers the batch prior from posteriors calibrated at the training prior', () => {
    expect(emPrior(batch(0.3), 0.5).prior).toBeCloseTo(0.3, 2);
    expect(emPrior(batch(0.7), 0.5).prior).toBeCloseTo(0.7, 2);
    expect(emPrior(batch(0.5), 0.5).prior).toBeCloseTo(0.5, 3);
  });

  it('moves the posteriors by the ratio of the prior odds', () => {
    const { prior, posteriors } = emPrior(batch(0.3), 0.5);
    const odds = (p: number) => p / (1 - p);
    expect(odds(posteriors[0]!) / odds(0.8)).toBeCloseTo(odds(prior), 6);
    expect(posteriors[0]).toBeLessThan(0.8);
  });

  it('keeps a small batch near the training prior with pseudo-sentences', () => {
    const few = batch(0.1, 10);
    const plain = emPrior(few, 0.5).prior;
    const held = emPrior(few, 0.5, 10).prior;
    expect(held).toBeGreaterThan(plain);
    expect(held).toBeLessThan(0.5);
  });
});

describe('plugInThreshold', () => {
  it('cuts between the two kinds when the posteriors separate them', () => {
    const t = plugInThreshold([0.9, 0.9, 0.85, 0.1, 0.15, 0.05]);
    expect(t).toBeGreaterThan(0.15);
    expect(t).toBeLessThan(0.85);
  });

  it('calls fewer positive when the batch holds fewer likely positives', () => {
    const ps = [0.95, 0.6, 0.55, 0.45, 0.4, 0.35, 0.3, 0.1, 0.05, 0.05];
    const t = plugInThreshold(ps);
    expect(ps.filter((p) => p >= t).length).toBeGreaterThan(0);
    expect(plugInThreshold(ps.map((p) => p / 3))).toBeLessThan(t);
  });

  it('returns a threshold above every posterior when none should be positive', () => {
    expect(plugInThreshold([])).toBe(1);
  });
});
