import { describe, expect, it } from 'vitest';
import { bandCrossFit, type CutOutcome, cutCalMetrics } from './genre-cut-calibration.js';

// Outcomes at the same score (0.7, as a map fitted on whole articles shows it): whole articles
// right 7 times in 10, articles cut after 25 words right 2 times in 10.
const outcomes: CutOutcome[] = [];
for (let i = 0; i < 200; i++)
  for (const [layout, right] of [
    ['original', i % 10 < 7],
    ['w25', i % 10 < 2],
  ] as const)
    outcomes.push({
      lang: 'en',
      genre: 'opinion',
      p: 0.3 + (i % 7) / 10,
      y: right,
      layout,
      fold: Math.floor(i / 40),
      shown: 0.7,
    });

describe('the shown genre score on cut articles', () => {
  it('a map per length band, cross-fitted by fold, brings each band to its own share right', () => {
    const banded = bandCrossFit(outcomes);
    expect(banded).toHaveLength(outcomes.length);
    for (const [layout, share] of [
      ['original', 0.7],
      ['w25', 0.2],
    ] as const)
      for (const x of banded.filter((o) => o.layout === layout))
        expect(Math.abs(x.shown - share)).toBeLessThan(0.05);
  });

  it('measures the ECE per language and layout: over-confident on cut articles, not on whole ones', () => {
    const m = cutCalMetrics('k', [outcomes]);
    expect(m.k_en_original_ece).toBeCloseTo(0, 6);
    expect(m.k_en_w25_ece).toBeCloseTo(0.5, 6);
    expect(m.k_all_w25_mean_shown).toBeCloseTo(0.7, 6);
    expect(m.k_all_w25_share_right).toBeCloseTo(0.2, 6);
    expect(m.k_en_w25_p).toBe(0);
    const after = cutCalMetrics('k', [bandCrossFit(outcomes)]);
    expect(after.k_en_w25_ece).toBeLessThan(0.05);
  });
});
