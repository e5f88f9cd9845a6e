import { describe, expect, it } from 'vitest';
import { keepSpread, logCountRatios } from './fit.js';

describe('keepSpread', () => {
  it.each([
    // feature 7 in blocks 0 and 1, feature 9 in block 0 only, feature 3 in all three
    { minBlocks: 1, kept: [[7, 9, 3], [7, 3], [3]] },
    { minBlocks: 2, kept: [[7, 3], [7, 3], [3]] },
    { minBlocks: 3, kept: [[3], [3], [3]] },
    { minBlocks: 4, kept: [[], [], []] },
  ])('keeps the features of at least $minBlocks blocks, with their values', ({ minBlocks, kept }) => {
    const vectors = [
      { idx: [7, 9, 3], val: [0.1, 0.2, 0.3] },
      { idx: [7, 3], val: [0.4, 0.5] },
      { idx: [3], val: [0.6] },
    ];
    const value = new Map([
      ['0:7', 0.1],
      ['0:9', 0.2],
      ['0:3', 0.3],
      ['1:7', 0.4],
      ['1:3', 0.5],
      ['2:3', 0.6],
    ]);
    keepSpread(vectors, [0, 1, 2], minBlocks);
    expect(vectors.map((v) => v.idx)).toEqual(kept);
    vectors.forEach((v, i) => {
      expect(v.val).toEqual(v.idx.map((j) => value.get(`${i}:${j}`)));
    });
  });
});

describe('logCountRatios', () => {
  it('gives a feature of one class a ratio of its sign and one both classes share about 0', () => {
    const rows = [
      { id: 'a', text: '', positive: true },
      { id: 'b', text: '', positive: true },
      { id: 'c', text: '', positive: false },
      { id: 'd', text: '', positive: false },
    ];
    // 1: positives only; 2: negatives only; 3: every row (the second row lists it twice).
    const vectors = [
      { idx: [1, 3], val: [1, 1] },
      { idx: [1, 3, 3], val: [1, 1, 1] },
      { idx: [2, 3], val: [1, 1] },
      { idx: [2, 3], val: [1, 1] },
    ];
    const r = logCountRatios(vectors, rows, 1);
    // Each class counts 4 feature presences (a repeat counts once), 3 features seen: totals 7 and 7.
    expect(r.get(1)).toBeCloseTo(Math.log(3 / 7) - Math.log(1 / 7));
    expect(r.get(2)).toBeCloseTo(-r.get(1)!);
    expect(r.get(3)).toBeCloseTo(0);
    // A weighted row counts by its weight.
    const weighted = logCountRatios(vectors, [{ ...rows[0]!, weight: 0.5 }, ...rows.slice(1)], 1);
    expect(weighted.get(1)!).toBeLessThan(r.get(1)!);
  });
});
