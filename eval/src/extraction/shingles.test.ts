import { describe, expect, it } from 'vitest';
import { benchmarkScores, pageCounts, shingles } from './shingles.js';

describe('extraction benchmark metric', () => {
  it('shingles 4 \\w+ tokens, keeping case and Unicode letters, dropping punctuation', () => {
    expect([...shingles('Ёлка, ёлка: stand_up 42 times! Really.').keys()]).toEqual([
      'Ёлка ёлка stand_up 42',
      'ёлка stand_up 42 times',
      'stand_up 42 times Really',
    ]);
    expect([...shingles('two words').entries()]).toEqual([['two words', 1]]);
    expect(shingles('  ').size).toBe(0);
  });

  it.each([
    ['identical', 'a b c d e f', 'a b c d e f', { tp: 3, fp: 0, fn: 0 }],
    ['extra text', 'a b c d e', 'a b c d e x y', { tp: 2, fp: 2, fn: 0 }],
    ['missing text', 'a b c d e f', 'a b c d', { tp: 1, fp: 0, fn: 2 }],
    ['empty prediction', 'a b c d', '', { tp: 0, fp: 0, fn: 1 }],
    ['repeated shingles count as a multiset', 'a b c d', 'a b c d a b c d', { tp: 1, fp: 4, fn: 0 }],
  ])('counts %s', (_name, truth, pred, expected) => {
    expect(pageCounts(truth, pred)).toEqual(expected);
  });

  it('averages precision over non-empty predictions and recall over all pages', () => {
    const s = benchmarkScores([
      { tp: 1, fp: 1, fn: 0 },
      { tp: 0, fp: 0, fn: 5 },
    ]);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.f1).toBeCloseTo(0.5);
  });
});
