import { describe, expect, it } from 'vitest';
import { aboveMedian, correlation, goldDensity } from './density.js';

describe('article density', () => {
  it('gives gold techniques per line for the articles of one language', () => {
    const lines = [[{ gold: ['A', 'B'] }, { gold: [] }], [{ gold: ['A'] }], [{ gold: ['A', 'B', 'C'] }]];
    const d = goldDensity([{ lang: 'ru' }, { lang: 'en' }, { lang: 'ru' }], (ai) => lines[ai]!, 'ru');
    expect([...d]).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('keeps the keys above the median (the dense half; ties at the median go to the sparse half)', () => {
    const v = new Map([
      [0, 0.5],
      [1, 2],
      [2, 1],
      [3, 1],
      [4, 3],
    ]);
    expect([...aboveMedian(v)].sort()).toEqual([1, 4]);
    expect(aboveMedian(new Map()).size).toBe(0);
  });

  it("correlates the common keys' values (Pearson), 0 without spread", () => {
    const a = new Map([
      [0, 1],
      [1, 2],
      [2, 3],
      [9, 100],
    ]);
    expect(
      correlation(
        a,
        new Map([
          [0, 2],
          [1, 4],
          [2, 6],
        ]),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      correlation(
        a,
        new Map([
          [0, 3],
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBeCloseTo(-1, 12);
    expect(
      correlation(
        a,
        new Map([
          [0, 5],
          [1, 5],
          [2, 5],
        ]),
      ),
    ).toBe(0);
  });
});
