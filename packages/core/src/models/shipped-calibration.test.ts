import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GenreCalibration } from '../layers/genre/genre-features.js';
import { type Calibration, isMonotone, type PlattByLanguage } from './calibration.js';
import { modelUrl } from './dir.js';

interface ModelFile {
  labels?: string[];
  meta: {
    calibration?: Calibration;
    genreCalibration?: GenreCalibration;
    paragraphCalibration?: PlattByLanguage;
  };
}

const read = (rel: string): ModelFile => JSON.parse(readFileSync(modelUrl(rel), 'utf8')) as ModelFile;

/**
 * Every shipped model whose layer presents a `score` as a probability (issue 18, point 5): the
 * file, and how many labels its calibration must cover. The claims layer's claim score (raw
 * probability plus a kind prior) is a ranking score and is not listed; its model's own
 * probability (`checkworthiness`) is.
 */
const CALIBRATED: [file: string, labels: number | 'all'][] = [
  ['claims/checkworthy.en.json', 1],
  ['claims/checkworthy-deps.en.json', 1],
  ['subjectivity/subjectivity.en.json', 1],
  ['frames/model.json', 'all'],
  ['techniques/model.json', 'all'],
  ['techniques/model.en.json', 'all'],
];

describe('the calibration maps of the shipped models', () => {
  it.each(CALIBRATED)(
    '%s has one for every label it scores, and keeps the order of scores',
    (file, labels) => {
      const m = read(file);
      const c = m.meta.calibration;
      expect(c, `${file}: meta.calibration is missing — refit with its train command`).toBeDefined();
      const n = labels === 'all' ? m.labels!.length : labels;
      expect(c!.a).toHaveLength(n);
      expect(c!.b).toHaveLength(n);
      if (c!.steps) expect(c!.steps).toHaveLength(n);
      expect(isMonotone(c!)).toBe(true);
    },
  );

  it('genre has a rising Platt fit for the style decision, in every language and genre it names', () => {
    const g = read('genre/model.json').meta.genreCalibration;
    expect(g?.style, 'genre: meta.genreCalibration.style is missing').toBeDefined();
    const fits = [
      g!.style!,
      ...Object.values(g!.styleLangs ?? {}),
      ...Object.values(g!.styleGenres ?? {}),
      ...Object.values(g!.styleLangGenres ?? {}).flatMap((m) => Object.values(m)),
      ...(g!.techniques ? [g!.techniques] : []),
      // Each length band's maps, too (a short text's score).
      ...(g!.bands ?? []).flatMap((b) => [
        b.style,
        ...Object.values(b.styleGenres),
        ...Object.values(b.styleLangGenres).flatMap((m) => Object.values(m)),
      ]),
    ];
    expect(fits.every((f) => f.a > 0)).toBe(true);
    expect(isMonotone({ a: fits.map((f) => f.a), b: fits.map((f) => f.b) })).toBe(true);
  });
});

describe('the paragraph maps of the techniques models', () => {
  // A map is optional (a model trained before session 9 has none); one that is there must rise.
  it.each(['techniques/model.json', 'techniques/model.en.json'])('%s: every language’s map rises', (file) => {
    const m = read(file).meta.paragraphCalibration;
    if (!m) return;
    const fits = [m, ...Object.values(m.langs ?? {})];
    expect(isMonotone({ a: fits.map((f) => f.a), b: fits.map((f) => f.b) })).toBe(true);
    expect(fits.every((f) => f.a > 0)).toBe(true);
  });
});

describe('isMonotone', () => {
  it.each([
    ['a rising Platt fit', { a: [1, 0], b: [-1, 2] }, true],
    ['a falling Platt fit', { a: [1, -0.1], b: [0, 0] }, false],
    ['rising steps', { a: [0], b: [0], steps: [{ x: [0, 0.3, 0.6], y: [0.1, 0.1, 0.8] }] }, true],
    ['a step that falls', { a: [0], b: [0], steps: [{ x: [0, 0.3, 0.6], y: [0.1, 0.5, 0.4] }] }, false],
    ['starts out of order', { a: [0], b: [0], steps: [{ x: [0, 0.6, 0.3], y: [0.1, 0.2, 0.3] }] }, false],
    ['a value above 1', { a: [0], b: [0], steps: [{ x: [0, 0.5], y: [0.5, 1.2] }] }, false],
    ['starts and values of different lengths', { a: [0], b: [0], steps: [{ x: [0, 0.5], y: [0.5] }] }, false],
    ['a non-finite offset', { a: [1], b: [Number.NaN] }, false],
    ['a rising language map', { a: [1], b: [0], langs: { ru: { a: 0.8, b: -0.3 } } }, true],
    ['a falling language map', { a: [1], b: [0], langs: { ru: { a: -0.2, b: 0 } } }, false],
  ] as [string, Calibration, boolean][])('%s', (_, c, ok) => {
    expect(isMonotone(c)).toBe(ok);
  });
});
