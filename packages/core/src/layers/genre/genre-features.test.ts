import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { LinearModel } from '../../models/linear.js';
import {
  adjustedChosen,
  bandFor,
  calibrateChosen,
  documentTechniqueShare,
  type GenreCalibration,
  type GenreStyleSettings,
  type GenreTechniqueSettings,
  genreVector,
  scoreGenreTechniques,
  sentenceTechniqueShare,
  styleCalibration,
  styleNorms,
  styleScores,
  techniqueScore,
  techniqueShare,
} from './genre-features.js';
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

describe('scoreGenreTechniques', () => {
  const labels = ['reporting', 'opinion', 'satire'];
  const en = { mean: 0.5, sd: 0.25, weight: 4, cut: 1, slope: 2 };
  const cuts: GenreTechniqueSettings = { version: 1, langs: { en } };
  const model = new LinearModel(
    'multiclass',
    labels,
    4,
    new Float32Array(16 * 3),
    new Float32Array(3),
    new Float32Array(3),
    { genreTechniques: cuts },
  );
  // The style model's probabilities: even odds of reporting and opinion.
  const even = [0.45, 0.45, 0.1];

  it('scores the share against its norm, less the style odds of reporting', () => {
    expect(techniqueScore(0.75, even, labels, en)).toBeCloseTo(4);
    expect(techniqueScore(0.5, [0.6, 0.2, 0.2], labels, en)).toBeCloseTo(-Math.log(3));
    expect(techniqueScore(5, even, labels, en)).toBeCloseTo(12); // z clipped at 3
  });

  it('calls an article with few technique paragraphs reporting, one with many opinion', () => {
    const few = scoreGenreTechniques(techniqueShare(2, 10), 'en', model, even)!;
    expect(labels[few.best]).toBe('reporting');
    expect(few.p[0]).toBeCloseTo(1 / (1 + Math.exp(-2 * (1 - 4 * -1.2))));
    expect(few.reason).toBe('paragraphs with persuasion techniques: 20%, below usual');
    // Settings of version 2 were fitted on the share of sentences, and say so.
    const v2 = new LinearModel(
      'multiclass',
      labels,
      4,
      new Float32Array(16 * 3),
      new Float32Array(3),
      new Float32Array(3),
      {
        genreTechniques: { ...cuts, version: 2 },
      },
    );
    expect(scoreGenreTechniques(0.2, 'en', v2, even)!.reason).toBe(
      'sentences with persuasion techniques: 20%, below usual',
    );
    const many = scoreGenreTechniques(techniqueShare(6, 10), 'en', model, even)!;
    expect(labels[many.best]).toBe('opinion');
    expect(many.p[1]).toBeGreaterThan(0.5);
    expect(many.p[2]).toBe(0);
  });

  it('lets strong style odds of reporting outweigh an ordinary share', () => {
    // share 0.6: v = 4 × 0.4 − ln(0.9 / 0.05) ≈ −1.29 ≤ cut 1.
    expect(scoreGenreTechniques(0.6, 'en', model, [0.9, 0.05, 0.05])!.best).toBe(0);
    expect(scoreGenreTechniques(0.6, 'en', model, even)!.best).toBe(1);
  });

  it('leaves languages without settings, and models without them, to the style model', () => {
    expect(scoreGenreTechniques(0.1, 'fr', model, even)).toBeUndefined();
    const plain = new LinearModel(
      'multiclass',
      labels,
      4,
      new Float32Array(48),
      new Float32Array(3),
      new Float32Array(3),
    );
    expect(scoreGenreTechniques(0.1, 'en', plain, even)).toBeUndefined();
  });

  it('counts a document without paragraphs as no share, not a division by zero', () => {
    expect(techniqueShare(0, 0)).toBe(0);
  });
});

describe('calibrateChosen', () => {
  it('calibrates the chosen genre and shares the rest in the old proportions', () => {
    const p = Float64Array.from([0.6, 0.3, 0.1]);
    const q = calibrateChosen(p, 0, { a: 0, b: Math.log(0.8 / 0.2) });
    expect(q[0]).toBeCloseTo(0.8);
    expect(q[1]).toBeCloseTo(0.15);
    expect(q[2]).toBeCloseTo(0.05);
  });

  it('keeps a genre at 0 at 0, and the probabilities as they are without parameters', () => {
    const p = Float64Array.from([0.2, 0.8, 0]);
    const q = calibrateChosen(p, 1, { a: 2, b: 0 });
    expect(q[1]).toBeCloseTo(1 / (1 + Math.exp(-2 * Math.log(4))));
    expect(q[0]! + q[1]!).toBeCloseTo(1);
    expect(q[2]).toBe(0);
    expect(calibrateChosen(p, 1, undefined)).toBe(p);
  });
});

describe('styleCalibration (version 2)', () => {
  const model = new LinearModel(
    'multiclass',
    ['reporting', 'opinion', 'satire'],
    4,
    new Float32Array(16 * 3),
    new Float32Array(3),
    Float32Array.from([0, 0, 0]),
  );
  model.meta.langThresholds = { ru: [Math.log(4), 0, -20] };

  it('reads the chosen genre on the language offsets: p · e^offset renormalised', () => {
    const p = [0.2, 0.6, 0.2];
    // Reporting chosen through its offset: 0.2 · 4 against 0.6 and 0.2 · e^-20.
    expect(adjustedChosen(p, model.thresholdsFor('ru'), 0)).toBeCloseTo(0.8 / 1.4, 6);
    expect(adjustedChosen(p, [0, 0, 0], 1)).toBeCloseTo(0.6, 10);
  });

  it("takes the language's own fit, else the pooled one; version 1 reads the raw probability", () => {
    const p = [0.2, 0.6, 0.2];
    const cal = {
      version: 2 as const,
      style: { a: 1, b: 0 },
      styleLangs: { ru: { a: 1, b: 0.5 } },
    };
    const ru = styleCalibration(cal, 'ru', model, p, 0);
    expect(ru.c).toEqual({ a: 1, b: 0.5 });
    expect(ru.x).toBeCloseTo(0.8 / 1.4, 6);
    expect(styleCalibration(cal, 'de', model, p, 1).c).toEqual({ a: 1, b: 0 });
    const v1 = styleCalibration({ version: 1, style: { a: 2, b: 0 } }, 'ru', model, p, 0);
    expect(v1).toEqual({ c: { a: 2, b: 0 }, x: 0.2 });
  });

  it('version 3: the fit of the language and chosen genre, else of the genre, else the pooled one', () => {
    const p = [0.2, 0.6, 0.2];
    const cal = {
      version: 3 as const,
      style: { a: 1, b: 0 },
      styleLangs: { ru: { a: 9, b: 9 } },
      styleGenres: { reporting: { a: 0.8, b: -1 }, opinion: { a: 0.8, b: 1 } },
      styleLangGenres: { ru: { reporting: { a: 0.8, b: -2 } } },
    };
    const ru = styleCalibration(cal, 'ru', model, p, 0);
    expect(ru.c).toEqual({ a: 0.8, b: -2 });
    expect(ru.x).toBeCloseTo(0.8 / 1.4, 6);
    expect(styleCalibration(cal, 'ru', model, p, 1).c).toEqual({ a: 0.8, b: 1 });
    expect(styleCalibration(cal, 'de', model, p, 0).c).toEqual({ a: 0.8, b: -1 });
    expect(styleCalibration(cal, 'de', model, p, 2).c).toEqual({ a: 1, b: 0 });
  });

  // Length bands: a short text's score is mapped by the fit on cut articles of its length.
  const fit = (b: number) => ({ a: 0.5, b });
  const banded: GenreCalibration = {
    version: 3,
    style: fit(0),
    styleGenres: { opinion: fit(1) },
    styleLangGenres: { en: { opinion: fit(2) } },
    bands: [
      { minWords: 10, style: fit(-10), styleGenres: { opinion: fit(-11) }, styleLangGenres: {} },
      {
        minWords: 50,
        style: fit(-50),
        styleGenres: { opinion: fit(-51) },
        styleLangGenres: { en: { opinion: fit(-52) } },
      },
    ],
    upTo: 200,
  };
  it.each([
    // words, language, chosen genre (index), the fit taken
    [0, 'en', 1, -11], // below every band: the first band
    [10, 'en', 1, -11],
    [49, 'en', 1, -11],
    [50, 'en', 1, -52], // the band's language and genre
    [50, 'de', 1, -51], // the band's genre
    [199, 'de', 0, -50], // the band's pooled fit
    [200, 'en', 1, 2], // from upTo: the whole-article maps
    [5000, 'de', 1, 1],
    [Number.POSITIVE_INFINITY, 'de', 0, 0], // no count given: a whole article
  ])('version 3 with bands: %d words in %s, genre %d → b %d', (words, lang, best, b) => {
    expect(styleCalibration(banded, lang, model, [0.2, 0.6, 0.2], best, words).c).toEqual(fit(b));
  });

  it('version 3 without bands or upTo maps every length by the whole-article fits', () => {
    const { bands: _, upTo: __, ...plain } = banded;
    expect(bandFor(plain, 5)).toBe(plain);
    expect(bandFor({ ...plain, bands: banded.bands! }, 5)).toBe(banded.bands![0]);
    expect(bandFor({ ...plain, bands: [], upTo: 200 }, 5).styleGenres).toBe(plain.styleGenres);
  });
});

describe('the share of sentences with a technique', () => {
  // Two paragraphs: [0, 30) with sentences [0, 10) [11, 30); [32, 60) with [32, 45) [46, 60).
  const sentences = [
    { start: 0, end: 10 },
    { start: 11, end: 30 },
    { start: 32, end: 45 },
    { start: 46, end: 60 },
  ];
  const doc = (spans: { start: number; end: number }[], paragraphs = 2) => ({
    paragraphs: Array.from({ length: paragraphs }, () => ({})),
    sentences,
    techniques: { paragraphs: spans.length ? [{}] : [], spans },
  });

  it('counts each sentence a span overlaps once, whatever the paragraphs', () => {
    expect(sentenceTechniqueShare(doc([{ start: 11, end: 30 }]))).toBe(0.25);
    // Two techniques on one sentence, and a span across two sentences.
    expect(
      sentenceTechniqueShare(
        doc([
          { start: 11, end: 30 },
          { start: 11, end: 30 },
          { start: 40, end: 50 },
        ]),
      ),
    ).toBe(0.75);
    // The same findings with the text cut into one line: the same share; the paragraph share moves.
    expect(sentenceTechniqueShare(doc([{ start: 11, end: 30 }], 1))).toBe(0.25);
    expect(documentTechniqueShare(doc([{ start: 11, end: 30 }], 1), 1)).toBe(1);
    expect(documentTechniqueShare(doc([{ start: 11, end: 30 }], 2), 1)).toBe(0.5);
    expect(documentTechniqueShare(doc([{ start: 11, end: 30 }], 1), 2)).toBe(0.25);
  });

  it('is 0 without findings and touches no sentence a span only abuts', () => {
    expect(sentenceTechniqueShare(doc([]))).toBe(0);
    expect(sentenceTechniqueShare(doc([{ start: 30, end: 32 }]))).toBe(0);
  });
});
