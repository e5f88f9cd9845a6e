import { describe, expect, it } from 'vitest';
import { prng } from '../../models/train.js';
import { fitContext, withContext } from './context.js';

const row = (...p: number[]) => Float64Array.from(p);

describe('withContext', () => {
  it('returns the probabilities unchanged without a second stage or with identity weights', () => {
    const probs = [row(0.2, 0.9), row(0.6, 0.1)];
    expect(withContext(probs, undefined)).toBe(probs);
    const same = withContext(probs, [
      [1, 0, 0, 0],
      [1, 0, 0, 0],
    ]);
    same.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(probs[i]![0]!, 6);
      expect(p[1]).toBeCloseTo(probs[i]![1]!, 6);
    });
  });

  it('uses the neighbours in article order: a sentence next to a sure one rises', () => {
    const probs = [row(0.1), row(0.95), row(0.1), row(0.1)];
    const out = withContext(probs, [[1, 1, 0, 0]]);
    expect(out[0]![0]).toBeGreaterThan(0.5);
    expect(out[2]![0]).toBeGreaterThan(0.5);
    // Two sentences away from the sure one: its neighbours are both unsure.
    expect(out[3]![0]).toBeLessThan(0.1);
    // The input is not modified.
    expect(probs[0]![0]).toBe(0.1);
  });
});

describe('fitContext', () => {
  it('learns that a label follows the neighbours when the gold does', () => {
    // Label 0: a sentence is positive when the sentence before it scores high (its own score
    // is noise). Label 1: too few positives, kept as it is.
    const rand = prng(7);
    const articles: Float64Array[][] = [];
    const gold: number[][][] = [];
    for (let a = 0; a < 60; a++) {
      const probs: Float64Array[] = [];
      const g: number[][] = [];
      for (let i = 0; i < 12; i++) probs.push(row(rand() < 0.3 ? 0.9 : 0.1, 0.2));
      probs.forEach((_, i) => {
        g.push(i > 0 && probs[i - 1]![0]! > 0.5 && rand() < 0.8 ? [0] : []);
      });
      articles.push(probs);
      gold.push(g);
    }
    const ctx = fitContext(articles, gold, 2);
    expect(ctx[1]).toEqual([1, 0, 0, 0]);
    expect(ctx[0]![1]!).toBeGreaterThan(0.3);
    // The rescored probabilities separate the gold better than the first stage's.
    const gap = (probs: Float64Array[][]) => {
      const sums = [0, 0, 0, 0];
      probs.forEach((ps, a) => {
        ps.forEach((p, i) => {
          const y = gold[a]![i]!.length ? 0 : 2;
          sums[y]! += p[0]!;
          sums[y + 1]!++;
        });
      });
      return sums[0]! / sums[1]! - sums[2]! / sums[3]!;
    };
    expect(gap(articles.map((ps) => withContext(ps, ctx)))).toBeGreaterThan(gap(articles) + 0.2);
  });
});
