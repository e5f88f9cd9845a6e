import { prng, reliability } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { groupedEce } from '../checkthat/kfold-calibration.js';
import {
  applyGenreMaps,
  crossFitGenreMaps,
  fitGenreMaps,
  type GenreCalItem,
  genreCalMetrics,
  genreReliabilityRows,
} from './genre-calibration.js';

/**
 * Held-out decisions whose score says the same for every genre while the chosen genre decides
 * how often they are right: opinion right with probability `p` + 0.25, reporting `p` − 0.25
 * (the pattern of the genre model's out-of-fold scores), French reporting `p` − 0.05.
 */
function items(n: number, seed = 1): (GenreCalItem & { fold: number })[] {
  const r = prng(seed);
  const langs = ['en', 'fr', 'de'];
  return Array.from({ length: n }, (_, i) => {
    const p = 0.5 + 0.25 * r();
    const lang = langs[i % 3]!;
    const genre = r() < 0.6 ? 'opinion' : 'reporting';
    const shift = genre === 'opinion' ? 0.2 : lang === 'fr' ? -0.05 : -0.25;
    return { lang, genre, p, y: r() < p + shift, fold: i % 5 };
  });
}

describe('fitGenreMaps', () => {
  it('raises the score of the genre that is right more often than it says, lowers the other', () => {
    const m = fitGenreMaps(items(1500));
    const x = { lang: 'en', p: 0.6 };
    expect(applyGenreMaps(m, { ...x, genre: 'opinion' })).toBeGreaterThan(0.75);
    expect(applyGenreMaps(m, { ...x, genre: 'reporting' })).toBeLessThan(0.45);
    // One slope for every map, and it rises.
    const fits = [m.style, ...Object.values(m.styleGenres), ...Object.values(m.styleLangGenres.en!)];
    expect(new Set(fits.map((f) => f.a)).size).toBe(1);
    expect(m.style.a).toBeGreaterThan(0);
  });

  it("gives a language with enough articles its own genre map, and one without the genre's", () => {
    const m = fitGenreMaps(items(1500));
    const fr = applyGenreMaps(m, { lang: 'fr', genre: 'reporting', p: 0.6 });
    const en = applyGenreMaps(m, { lang: 'en', genre: 'reporting', p: 0.6 });
    expect(fr).toBeGreaterThan(en + 0.1);
    expect(applyGenreMaps(m, { lang: 'pl', genre: 'reporting', p: 0.6 })).toBeCloseTo(
      1 / (1 + Math.exp(-(m.styleGenres.reporting!.a * Math.log(0.6 / 0.4) + m.styleGenres.reporting!.b))),
      10,
    );
    // A genre no item was called: the pooled fit.
    expect(applyGenreMaps(m, { lang: 'en', genre: 'satire', p: 0.6 })).toBeCloseTo(
      1 / (1 + Math.exp(-(m.style.a * Math.log(0.6 / 0.4) + m.style.b))),
      10,
    );
  });

  it('turns a falling fit flat: higher scores are never mapped lower', () => {
    // Right less often the higher the score: the unconstrained slope would be negative.
    const r = prng(7);
    const falling = Array.from({ length: 800 }, (_, i) => {
      const p = 0.4 + 0.55 * r();
      return { lang: i % 2 ? 'en' : 'fr', genre: 'opinion', p, y: r() < 1.3 - p };
    });
    const m = fitGenreMaps(falling);
    expect(m.style.a).toBe(0);
    const lo = applyGenreMaps(m, { lang: 'en', genre: 'opinion', p: 0.45 });
    const hi = applyGenreMaps(m, { lang: 'en', genre: 'opinion', p: 0.9 });
    expect(hi).toBeCloseTo(lo, 10);
    // The flat map is the share of right outcomes.
    const share = falling.filter((x) => x.lang === 'en' && x.y).length / 400;
    expect(Math.abs(lo - share)).toBeLessThan(0.05);
  });

  it('a strong pull gives every language the map of the genre', () => {
    const m = fitGenreMaps(items(1500), 1e9);
    expect(m.styleLangGenres.fr!.reporting!.b).toBeCloseTo(m.styleGenres.reporting!.b, 3);
  });
});

describe('crossFitGenreMaps', () => {
  it('maps every item by a fit that did not see its fold, and is calibrated within each genre', () => {
    const all = items(1500, 2);
    const out = crossFitGenreMaps(all);
    expect(out).toHaveLength(all.length);
    expect(out.map((x) => x.fold)).toEqual(all.map((x) => x.fold));
    const raw = all.map((x) => ({ p: x.p, y: x.y, group: x.genre }));
    expect(groupedEce(raw)).toBeGreaterThan(0.15);
    expect(groupedEce(out)).toBeLessThan(0.04);
    expect(reliability(out).ece).toBeLessThan(0.04);
    const metrics: Record<string, number> = {};
    genreCalMetrics('cv_all_genre', out, metrics);
    expect(metrics.cv_all_genre_gece).toBeCloseTo(groupedEce(out), 10);
    expect(metrics.cv_all_genre_gece_p).toBeGreaterThan(0.01);
    expect(metrics.cv_all_genre_brier).toBeLessThan(0.25);
  });

  it('prints a reliability table per chosen genre', () => {
    const rows = genreReliabilityRows([
      { p: 0.85, y: true, group: 'opinion' },
      { p: 0.45, y: false, group: 'reporting' },
      { p: 0.42, y: true, group: 'reporting' },
    ]);
    expect(rows).toEqual([
      ['genre chosen', 'score', 'articles', 'mean score', 'share right'],
      ['opinion', '0.8–0.9', 1, '0.850', '1.000'],
      ['reporting', '0.4–0.5', 2, '0.435', '0.500'],
    ]);
  });
});
