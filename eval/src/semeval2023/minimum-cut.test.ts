import { describe, expect, it } from 'vitest';
import { cutScores, minimumCut } from './minimum-cut.js';

const at = (cut: number, mean: number, sd = 0) => ({ cut, mean, sd });

describe('minimumCut', () => {
  it('is the smallest cut from which every longer cut beats the baseline by more than its sd', () => {
    // 25 beats it, 50 does not: the run of wins starts at 100.
    expect(minimumCut([at(25, 0.6), at(50, 0.45), at(100, 0.6), at(200, 0.7)], 0.5)).toBe(100);
  });

  it('does not count a win within the sd', () => {
    expect(minimumCut([at(50, 0.52, 0.03), at(100, 0.56, 0.03)], 0.5)).toBe(100);
    expect(minimumCut([at(50, 0.54, 0.03), at(100, 0.56, 0.03)], 0.5)).toBe(50);
  });

  it('reads the cuts in any order and is -1 when the longest cut fails', () => {
    expect(minimumCut([at(200, 0.7), at(10, 0.6)], 0.5)).toBe(10);
    expect(minimumCut([at(100, 0.6), at(300, 0.49)], 0.5)).toBe(-1);
    expect(minimumCut([], 0.5)).toBe(-1);
  });
});

describe('cutScores', () => {
  it('reads each cut’s mean and sd from the metrics, sd 0 when there is none', () => {
    const metrics = { k_25_f1: 0.4, k_25_f1_sd: 0.02, k_50_f1: 0.5 };
    expect(cutScores([25, 50], metrics, (n) => `k_${n}_f1`)).toEqual([
      { cut: 25, mean: 0.4, sd: 0.02 },
      { cut: 50, mean: 0.5, sd: 0 },
    ]);
  });
});
