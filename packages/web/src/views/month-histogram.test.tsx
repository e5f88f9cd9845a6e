import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { MonthHistogram, monthEnd, undatedCount } from './month-histogram.js';

useJsdom();
const root = useRoot();

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

  it('counts none when the months listed are cut at 50, as the CLI: the months left out are not undated', () => {
    const months = Array.from({ length: 50 }, (_, i) => ({
      value: `20${10 + Math.floor(i / 12)}-0${(i % 9) + 1}`,
      count: 1,
    }));
    expect(undatedCount(months, 60)).toBe(0);
    expect(undatedCount(months.slice(1), 60)).toBe(11);
  });
});

describe('MonthHistogram', () => {
  it('names the documents without a date as the CLI and the report do: (date not known)', () => {
    act(() => render(<MonthHistogram facet={[]} params={new URLSearchParams()} total={3} />, root()));
    expect(root().textContent).toBe('(date not known): 3 documents, not in the chart.');
    act(() => render(<MonthHistogram facet={[]} params={new URLSearchParams()} total={1} />, root()));
    expect(root().textContent).toBe('(date not known): 1 document, not in the chart.');
  });
});
