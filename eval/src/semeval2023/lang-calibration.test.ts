import { calibratedIn, prng, reliability } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { fitLanguageCalibration, type LangOutcome } from './train-articles.js';

/**
 * (article, label) outcomes for `articles` articles of each language, 3 labels, folds by
 * article: English scores are right as often as they say, Russian ones are over-confident
 * (true odds a fifth of the score's), as one fit per label over all languages leaves them.
 */
function outcomes(articles: number, seed: number): LangOutcome[] {
  const r = prng(seed);
  const out: LangOutcome[] = [];
  for (const lang of ['en', 'ru'])
    for (let i = 0; i < articles; i++)
      for (let label = 0; label < 3; label++) {
        const p = 0.05 + 0.9 * r();
        const odds = (p / (1 - p)) * (lang === 'ru' ? 0.2 : 1);
        out.push({ p, y: r() < odds / (1 + odds), label, lang, fold: i % 5 });
      }
  return out;
}

describe('fitLanguageCalibration', () => {
  const train = outcomes(400, 1);
  const test = outcomes(400, 2);
  const ece = (c: Parameters<typeof calibratedIn>[0], lang: string) =>
    reliability(
      test.filter((o) => o.lang === lang).map((o) => ({ p: calibratedIn(c, lang, o.label, o.p), y: o.y })),
    ).ece;

  it('keeps a map for the language the per-label fit leaves miscalibrated, and it lowers its error', () => {
    const { calibration, rows, heldOut } = fitLanguageCalibration(train, 3, 5);
    const ru = rows.find((r) => r.lang === 'ru')!;
    expect(ru.kept).toBeDefined();
    expect(ru[ru.kept!]).toBeLessThan(ru.without - 0.03);
    expect(Object.keys(calibration.langs ?? {})).toContain('ru');
    const without = { ...calibration, langs: undefined };
    expect(ece(without, 'ru')).toBeGreaterThan(0.08);
    expect(ece(calibration, 'ru')).toBeLessThan(0.04);
    expect(ece(calibration, 'ru')).toBeLessThan(ece(without, 'ru') - 0.05);
    expect(heldOut).toHaveLength(5);
    // Every fold chooses the same map on the others: the nested figure is the chosen one's, and
    // Russian's miss left alone is far beyond what 1,200 perfectly calibrated outcomes show.
    expect(ru.nested).toBeCloseTo(ru[ru.kept!], 10);
    expect(ru.pooled.ece).toBeLessThan(0.04);
    expect(ru.nestedPooled.ece).toBeCloseTo(ru.pooled.ece, 10);
    expect(ru.pooled.p).toBeGreaterThan(0.01);
  });

  it('leaves the nested figure of a language without a map at its per-label ECE', () => {
    const { rows } = fitLanguageCalibration(train, 3, 5, Number.POSITIVE_INFINITY);
    const ru = rows.find((r) => r.lang === 'ru')!;
    expect(ru.nested).toBeCloseTo(ru.without, 10);
    expect(ru.pooled.ece).toBeGreaterThan(0.08);
    expect(ru.pooled.p).toBeLessThan(0.01);
  });

  it('keeps no map where the margin asks more than any map gives', () => {
    const { calibration, rows } = fitLanguageCalibration(train, 3, 5, Number.POSITIVE_INFINITY);
    expect(calibration.langs).toBeUndefined();
    expect(rows.every((r) => r.kept === undefined)).toBe(true);
    expect(rows.map((r) => r.lang)).toEqual(['en', 'ru']);
  });
});
