import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { type GenreStyleSettings, genreVector, styleNorms, styleScores } from './genre-features.js';
import { STYLE_MEASURES, type StyleMeasure } from './style.js';

const style = (saidSent: number): Record<StyleMeasure, number> =>
  Object.fromEntries(STYLE_MEASURES.map((m) => [m, m === 'saidSent' ? saidSent : 1])) as Record<
    StyleMeasure,
    number
  >;

describe('style norms and scores', () => {
  const rows = [
    { lang: 'en', style: style(0.1) },
    { lang: 'en', style: style(0.3) },
    { lang: 'fr', style: style(0.5) },
    { lang: 'fr', style: style(0.9) },
  ];
  const settings: GenreStyleSettings = { version: 1, measures: ['saidSent'], norms: styleNorms(rows) };

  it('keeps a mean and a standard deviation per language', () => {
    expect(settings.norms.en!.saidSent![0]).toBeCloseTo(0.2);
    expect(settings.norms.en!.saidSent![1]).toBeCloseTo(0.1);
    expect(settings.norms.fr!.saidSent![0]).toBeCloseTo(0.7);
  });

  it.each([
    [0.3, 'en', 1],
    [0.3, 'fr', -2],
    [5, 'en', 3], // clipped
    [-5, 'en', -3],
  ])('saidSent %f in %s scores %f', (x, lang, z) => {
    expect(styleScores(style(x), lang, settings).saidSent).toBeCloseTo(z);
  });

  it('gives a constant measure a standard deviation of 1, not a division by zero', () => {
    expect(styleNorms(rows, ['words']).en!.words).toEqual([1, 1]);
  });
});

describe('genreVector', () => {
  it('has a bias, the language and one value per measure', () => {
    const v = genreVector({ saidSent: 1.5, iOut: -0.5 }, 'en', 12, true);
    expect(v.names).toEqual(['bias', 'lang:en', 'g:saidSent', 'g:iOut']);
    expect(v.val).toEqual([1, 1, 1.5, -0.5]);
  });

  it('gives every shipped feature its own bucket at 12 bits', () => {
    const names = ['bias', ...['en', 'ru', 'fr', 'de', 'it', 'pl'].map((l) => `lang:${l}`)];
    for (const m of STYLE_MEASURES) names.push(`g:${m}`);
    const buckets = new Set(names.map((n) => hashString(n) & 0xfff));
    expect(buckets.size).toBe(names.length);
  });
});
