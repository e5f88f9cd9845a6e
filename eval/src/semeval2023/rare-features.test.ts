import { describe, expect, it } from 'vitest';
import { withoutRareFeatures } from './rare-features.js';

describe('withoutRareFeatures', () => {
  it('drops the buckets seen in fewer than minDf groups and keeps the other values as they are', () => {
    const samples = [
      { x: { idx: [1, 2], val: [0.5, 0.25] }, y: [0], group: 'a' },
      { x: { idx: [1, 3], val: [0.5, 0.5] }, y: [], group: 'a' },
      { x: { idx: [1, 2], val: [0.7, 0.1] }, y: [], group: 'b' },
    ];
    const out = withoutRareFeatures(samples, 2);
    // Bucket 1 is in both articles, 2 in both, 3 only in `a` (twice, but one article).
    expect(out.map((s) => s.x)).toEqual([
      { idx: [1, 2], val: [0.5, 0.25] },
      { idx: [1], val: [0.5] },
      { idx: [1, 2], val: [0.7, 0.1] },
    ]);
    expect(withoutRareFeatures(samples, 1)).toBe(samples);
  });
});
