import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { OPINION_COLUMN as COLUMN } from '../../testing/articles.js';
import { GENRES } from '../frames/labels.js';
import { GENRE_MIN_WORDS } from './genre.js';

// A short French opinion column written for this test (58 words): under French's minimum.
const CHRONIQUE = [
  'Pourquoi je ne crois plus au conseil municipal',
  '',
  'J’habite cette ville depuis trente ans, et je n’ai jamais vu une chose aussi honteuse.',
  '',
  'Nous méritons mieux. Pourquoi devrions-nous payer plus pour moins ? Franchement, ce projet est une honte, et je pense que tout le monde le sait.',
  '',
  'Nos élus peuvent sûrement faire mieux que ce budget si négligent !',
].join('\n');

// These tests decide every text, whatever its language's minimum.
const ANY = { genre: { minWords: 0 } };

describe('genre analyzer', () => {
  it('abstains on a text shorter than minWords, with a diagnostic naming the minimum', async () => {
    const pipeline = await createPipeline({ layers: ['genre'] });
    const doc = pipeline.run({ id: 'g0', text: 'The US.', meta: { lang: 'en' } });
    expect(doc.genre).toEqual({ genre: null, scores: {}, why: [] });
    const d = doc.diagnostics.find((x) => x.code === 'I_GENRE_TOO_SHORT');
    expect(d?.severity).toBe('info');
    expect(d?.message).toContain(
      `2 words, fewer than the ${GENRE_MIN_WORDS.en} the genre model needs in "en"`,
    );
    // The column (64 words) is decided from minWords 64, not from 65.
    const words = COLUMN.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)!.length;
    for (const [minWords, decided] of [
      [words, true],
      [words + 1, false],
    ] as const) {
      const p = await createPipeline({ layers: ['genre'], options: { genre: { minWords } } });
      const g = p.run({ id: 'g0', text: COLUMN, meta: { lang: 'en' } });
      expect(g.genre!.genre !== null).toBe(decided);
      expect(g.diagnostics.some((x) => x.code === 'I_GENRE_TOO_SHORT')).toBe(!decided);
    }
  });

  it('has a minimum per language: a short English column gets a genre, a short French one not', async () => {
    const pipeline = await createPipeline({ layers: ['genre'] });
    const en = pipeline.run({ id: 'g-en', text: COLUMN, meta: { lang: 'en' } });
    expect(GENRES).toContain(en.genre!.genre);
    expect(en.diagnostics).toEqual([]);
    const fr = pipeline.run({ id: 'g-fr', text: CHRONIQUE, meta: { lang: 'fr' } });
    expect(fr.genre).toEqual({ genre: null, scores: {}, why: [] });
    expect(fr.diagnostics.find((x) => x.code === 'I_GENRE_TOO_SHORT')?.message).toContain(
      `fewer than the ${GENRE_MIN_WORDS.fr} the genre model needs in "fr"`,
    );
    // The option overrides the table: one number for every language, or one language's own.
    for (const [minWords, enDecided, frDecided] of [
      [0, true, true],
      [500, false, false],
      [{ fr: 0 }, true, true],
      [{ en: 500 }, false, false],
    ] as const) {
      const p = await createPipeline({ layers: ['genre'], options: { genre: { minWords } } });
      expect(p.run({ id: 'g-en', text: COLUMN, meta: { lang: 'en' } }).genre!.genre !== null).toBe(enDecided);
      expect(p.run({ id: 'g-fr', text: CHRONIQUE, meta: { lang: 'fr' } }).genre!.genre !== null).toBe(
        frDecided,
      );
    }
  });

  it('refuses a minWords that is not a whole number ≥ 0, nor one per language code', async () => {
    for (const minWords of [-1, 2.5, { en: -1 }, { english: 50 }, { en: '50' }])
      await expect(createPipeline({ layers: ['genre'], options: { genre: { minWords } } })).rejects.toThrow(
        /option "minWords" of analyzer "genre" must be a whole number ≥ 0, or one per language code/,
      );
    await expect(
      createPipeline({ layers: ['genre'], options: { genre: { minWords: '50' } } }),
    ).rejects.toThrow(/"minWords" of analyzer "genre" must be a number or an object, got string "50"/);
  });

  it('reads a text of one paragraph as a body, not as a title line', async () => {
    // The column joined into one line: before, all of it was the title and the body empty.
    const pipeline = await createPipeline({ layers: ['genre'], options: ANY });
    const oneLine = COLUMN.split('\n').filter(Boolean).join(' ');
    const joined = pipeline.run({ id: 'g5', text: oneLine, meta: { lang: 'en' } }).genre!;
    // The same words under a title line of their own: the body then holds all but the title.
    const titled = pipeline.run({ id: 'g5', text: `Title\n\n${oneLine}`, meta: { lang: 'en' } }).genre!;
    expect(joined.genre).toBe(titled.genre);
    expect(joined.why).toEqual(titled.why);
    expect(joined.why.length).toBeGreaterThan(0);
  });

  it('decides by style alone, without pulling in the techniques layer', async () => {
    const pipeline = await createPipeline({ layers: ['genre'], options: ANY });
    const doc = pipeline.run({ id: 'g1', text: COLUMN, meta: { lang: 'en' } });
    expect(doc.techniques).toBeUndefined();
    expect(GENRES).toContain(doc.genre!.genre);
    // The decided genre's calibrated score alone: no other genre's score can contradict it.
    expect(Object.keys(doc.genre!.scores)).toEqual([doc.genre!.genre]);
    const score = doc.genre!.scores[doc.genre!.genre!]!;
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
    expect(doc.genre!.why.every((w) => !w.includes('persuasion techniques'))).toBe(true);
  });

  it('gives the same decision whether or not the pipeline computes techniques (shipped model)', async () => {
    const alone = await createPipeline({ layers: ['genre'], options: ANY });
    const withTechniques = await createPipeline({ layers: ['techniques', 'genre'], options: ANY });
    const a = alone.run({ id: 'g2', text: COLUMN, meta: { lang: 'en' } });
    const b = withTechniques.run({ id: 'g2', text: COLUMN, meta: { lang: 'en' } });
    expect(b.techniques).toBeDefined();
    expect(b.genre).toEqual(a.genre);
  });

  it('uses a model’s techniques settings only when the techniques layer is there', async () => {
    // The shipped model with English techniques settings whose cut calls every article reporting.
    const file = new URL('../../../../../models/genre/model.json', import.meta.url);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-genre-'));
    try {
      json.meta.genreTechniques = {
        version: 2,
        langs: { en: { mean: 0.3, sd: 0.2, weight: 1, cut: 1000, slope: 1 } },
      };
      const model = join(dir, 'model.json');
      writeFileSync(model, JSON.stringify(json));
      const withTechniques = await createPipeline({
        layers: ['techniques', 'genre'],
        options: { genre: { model, minWords: 0 } },
      });
      const alone = await createPipeline({ layers: ['genre'], options: { genre: { model, minWords: 0 } } });
      const shipped = await createPipeline({ layers: ['genre'], options: ANY });
      const t = withTechniques.run({ id: 'g3', text: COLUMN, meta: { lang: 'en' } }).genre!;
      expect(t.genre).toBe('reporting');
      expect(t.why[0]).toMatch(/^sentences with persuasion techniques: \d+%/);
      const s = alone.run({ id: 'g3', text: COLUMN, meta: { lang: 'en' } }).genre!;
      expect(s.genre).toBe(shipped.run({ id: 'g3', text: COLUMN, meta: { lang: 'en' } }).genre!.genre);
      expect(s.why.some((w) => w.includes('persuasion techniques'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("maps a short text's score by its length band, a text from upTo by the whole-article maps", async () => {
    // The shipped model with two bands whose flat fits (slope 0) give 0.1 and 0.3 whatever the model says.
    const file = new URL('../../../../../models/genre/model.json', import.meta.url);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const flat = (p: number) => ({ a: 0, b: Math.log(p / (1 - p)) });
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-genre-'));
    try {
      const { bands: _, upTo: __, ...whole } = json.meta.genreCalibration;
      const plainModel = join(dir, 'plain.json');
      writeFileSync(plainModel, JSON.stringify({ ...json, meta: { ...json.meta, genreCalibration: whole } }));
      json.meta.genreCalibration.bands = [
        { minWords: 10, style: flat(0.1), styleGenres: {}, styleLangGenres: {} },
        { minWords: 50, style: flat(0.3), styleGenres: {}, styleLangGenres: {} },
      ];
      json.meta.genreCalibration.upTo = 100;
      const model = join(dir, 'model.json');
      writeFileSync(model, JSON.stringify(json));
      const banded = await createPipeline({ layers: ['genre'], options: { genre: { model, minWords: 0 } } });
      const plain = await createPipeline({
        layers: ['genre'],
        options: { genre: { model: plainModel, minWords: 0 } },
      });
      const words = (t: string) => t.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)!.length;
      const first30 = COLUMN.split('\n').slice(0, 3).join('\n');
      const long = `${COLUMN}\n\n${COLUMN.split('\n').slice(2).join('\n')}`;
      for (const [text, n, score] of [
        [first30, 24, 0.1],
        [COLUMN, 57, 0.3],
        [long, 107, undefined], // the whole-article maps: as the model without bands
      ] as const) {
        expect(words(text)).toBe(n);
        const b = banded.run({ id: 'g4', text, meta: { lang: 'en' } }).genre!;
        const s = plain.run({ id: 'g4', text, meta: { lang: 'en' } }).genre!;
        expect(b.genre).toBe(s.genre); // the decision does not change
        expect(b.scores[b.genre!]).toBeCloseTo(score ?? s.scores[s.genre!]!, 6);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
