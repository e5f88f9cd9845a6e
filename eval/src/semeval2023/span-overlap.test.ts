import { describe, expect, it } from 'vitest';
import { addOverlap, mergeRanges, overlapScores } from './span-overlap.js';

describe('span overlap scores', () => {
  it('merges overlapping spans', () => {
    expect(
      mergeRanges([
        { start: 5, end: 9 },
        { start: 0, end: 3 },
        { start: 8, end: 12 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 12 },
    ]);
  });

  it.each([
    // predicted, gold, precision, recall
    [[{ start: 0, end: 10 }], [{ start: 0, end: 10 }], 1, 1],
    [[{ start: 0, end: 10 }], [{ start: 5, end: 10 }], 0.5, 1],
    [[{ start: 0, end: 4 }], [{ start: 0, end: 8 }], 1, 0.5],
    [[{ start: 0, end: 4 }], [{ start: 6, end: 8 }], 0, 0],
  ])('partial overlap %#', (p, g, precision, recall) => {
    const sums = { precision: 0, recall: 0, predicted: 0, gold: 0 };
    addOverlap(sums, p, g);
    const s = overlapScores(sums);
    expect(s.precision).toBeCloseTo(precision);
    expect(s.recall).toBeCloseTo(recall);
  });
});
