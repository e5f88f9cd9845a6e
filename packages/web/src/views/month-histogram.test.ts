import { describe, expect, it } from 'vitest';
import { monthEnd } from './month-histogram.js';

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
