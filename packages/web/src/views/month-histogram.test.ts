import { describe, expect, it } from 'vitest';
import { monthEnd, undatedCount } from './month-histogram.js';

describe('monthEnd', () => {
  it.each([
    ['2023-01', '2023-01-31'],
    ['2023-02', '2023-02-28'],
    ['2024-02', '2024-02-29'],
    ['2000-02', '2000-02-29'],
    ['1900-02', '1900-02-28'],
    ['2023-04', '2023-04-30'],
    ['2023-12', '2023-12-31'],
  ])('%s ends on %s', (month, end) => {
    expect(monthEnd(month)).toBe(end);
  });
});

describe('undatedCount', () => {
  it('counts the hits in no month: a corpus of plain-text files mostly has no dates', () => {
    // 202 hits, 17 of them dated (in two months): 185 are in no bar.
    const facet = [
      { value: '2023-05', count: 12 },
      { value: '2023-06', count: 5 },
    ];
    expect(undatedCount(facet, 202)).toBe(185);
    expect(undatedCount(facet, 17)).toBe(0);
    expect(undatedCount([], 3)).toBe(3);
    // Never below zero, whatever the facet says.
    expect(undatedCount(facet, 10)).toBe(0);
  });
});
