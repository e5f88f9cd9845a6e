import { describe, expect, it } from 'vitest';
import { keepSpread } from './fit.js';

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
