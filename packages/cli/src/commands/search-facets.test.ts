import { describe, expect, it } from 'vitest';
import { facetLines } from './search.js';

const v = (value: string, count: number) => ({ value, count });

describe('search --facets as text', () => {
  it('ends the month line with the undated hits, so that the months add up to the hits', () => {
    const facets = { lang: [v('en', 6)], month: [v('2016-08', 1), v('2023-05', 1)], frame: [] };
    expect(facetLines(facets, 6)).toEqual(['lang: en 6', 'month: 2016-08 1, 2023-05 1, undated 4']);
  });

  it('lists undated hits alone when none has a date, and nothing more when all have one', () => {
    expect(facetLines({ month: [] }, 3)).toEqual(['month: undated 3']);
    expect(facetLines({ month: [v('2023-05', 3)] }, 3)).toEqual(['month: 2023-05 3']);
  });

  it('adds no undated count when the months listed are cut at 50 (the rest are not undated)', () => {
    const months = Array.from({ length: 50 }, (_, i) =>
      v(`20${String(10 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`, 1),
    );
    expect(facetLines({ month: months }, 60)[0]!.endsWith('undated 10')).toBe(false);
  });
});
