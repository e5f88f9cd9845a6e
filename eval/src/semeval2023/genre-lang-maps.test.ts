import { describe, expect, it } from 'vitest';
import { chooseLangMaps } from './train-genre.js';

/** `n` outcomes at score `p` of which `right` are right. */
function at(p: number, n: number, right: number) {
  return Array.from({ length: n }, (_, i) => ({ p, y: i < right }));
}

describe('chooseLangMaps', () => {
  it("picks each language's map of the lowest cross-fitted error, the offset on ties or without figures", () => {
    const mapped = {
      // German: the pooled fit is right (0.8 → 80 %), its own offset is off by 0.15.
      de: { offset: at(0.65, 10, 8), own: at(0.7, 10, 8), pooled: at(0.8, 10, 8) },
      // French: its own full fit is best.
      fr: { offset: at(0.9, 10, 6), own: at(0.6, 10, 6), pooled: at(0.95, 10, 6) },
      // English: all equal, the offset stays.
      en: { offset: at(0.5, 10, 5), own: at(0.5, 10, 5), pooled: at(0.5, 10, 5) },
    };
    expect(chooseLangMaps(mapped, ['de', 'fr', 'en', 'pl'])).toEqual({
      de: 'pooled',
      fr: 'own',
      en: 'offset',
      pl: 'offset',
    });
  });
});
