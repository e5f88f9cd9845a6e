import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinearModel } from '../../models/linear.js';
import { createPipeline } from '../../pipeline.js';
import { OPINION_COLUMN as COLUMN } from '../../testing/articles.js';
import {
  bayesChoice,
  calibratedPosterior,
  GENRE_PRIOR_PRESETS,
  priorRatios,
  resolvePrior,
  reweight,
  trainPriorOf,
  validPrior,
} from './genre-prior.js';

// A short wire report written for this test: attribution, figures, no own voice.
const WIRE = [
  'Flood waters force thousands from homes in river valley',
  '',
  'More than 4,000 people were evacuated on Tuesday after the Marne river burst its banks near Chalons, officials said.',
  '',
  'The regional prefecture said 12 roads were closed and two schools would stay shut until Friday. Rescue teams used boats to reach 35 residents in the village of Saint-Martin, a spokesman for the fire service told reporters.',
  '',
  '"The water rose by 1.2 metres in six hours," said Jean Dupont, the mayor of Saint-Martin. Meteorologists forecast more rain on Wednesday.',
].join('\n');

const OPINION_PAGES = { reporting: 0.02, opinion: 0.975, satire: 0.005 };

describe('genre prior helpers', () => {
  it.each([
    ['news-wire', true],
    ['newspaper', true],
    ['wire', false],
    [{ reporting: 0.8, opinion: 0.18, satire: 0.02 }, true],
    [{ reporting: 8, opinion: 1.8, satire: 0.2 }, true],
    [{ reporting: 0.8, opinion: 0.2 }, false],
    [{ reporting: 0.8, opinion: 0.2, satire: 0 }, false],
    [{ reporting: -1, opinion: 1, satire: 1 }, false],
    [{ reporting: 0.5, opinion: 0.4, satire: 0.1, news: 0.1 }, false],
    [{ reporting: '0.5', opinion: 0.4, satire: 0.1 }, false],
    [null, false],
  ])('validPrior(%j) is %s', (v, ok) => {
    expect(validPrior(v)).toBe(ok);
  });

  it('normalises a prior and resolves presets', () => {
    expect(resolvePrior({ reporting: 8, opinion: 1.8, satire: 0.2 })).toEqual({
      reporting: 0.8,
      opinion: 0.18,
      satire: 0.02,
    });
    expect(resolvePrior('news-wire')).toEqual({ reporting: 0.85, opinion: 0.14, satire: 0.01 });
  });

  it('divides by the add-one smoothed training shares and re-weights by Bayes', () => {
    // 8 reporting, 1 opinion, 0 satire: smoothed shares 9/12, 2/12, 1/12.
    const r = priorRatios(
      { reporting: 0.5, opinion: 0.25, satire: 0.25 },
      { version: 1, counts: { xx: [8, 1, 0] } },
      'xx',
      ['reporting', 'opinion', 'satire'],
    );
    expect(r.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.666667, 1.5, 3]);
    // A language without counts keeps its scores.
    expect(
      priorRatios(resolvePrior('news-wire'), { version: 1, counts: {} }, 'yy', [
        'reporting',
        'opinion',
        'satire',
      ]),
    ).toEqual([1, 1, 1]);
    for (const [q, ratios, want] of [
      [
        [0.2, 0.8, 0],
        [4, 1, 1],
        [0.5, 0.5, 0],
      ],
      [
        [0.25, 0.5, 0.25],
        [1, 1, 1],
        [0.25, 0.5, 0.25],
      ],
      [
        [0.1, 0.6, 0.3],
        [2, 0.5, 1],
        [0.2 / 0.8, 0.3 / 0.8, 0.3 / 0.8],
      ],
    ] as const) {
      const out = [...reweight(q, ratios)];
      for (const [l, x] of out.entries()) expect(x).toBeCloseTo(want[l]!, 12);
    }
    // The Bayes choice skips a genre the model never predicts in the language.
    expect(bayesChoice([0.2, 0.3, 0.5], [0, 0.5, -20])).toBe(1);
    expect(bayesChoice([0.2, 0.3, 0.5], [0, 0.5, -0.75])).toBe(2);
  });
});

describe('genre prior helpers at their edges', () => {
  it.each([
    // Names every object has: not presets (before, `in` took them and the prior came out NaN).
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
  ])('validPrior(%j) is false, and the pipeline refuses it', async (name) => {
    expect(validPrior(name)).toBe(false);
    const err = await createPipeline({ layers: ['genre'], options: { genre: { prior: name } } }).catch(
      (e) => e,
    );
    expect(err.code).toBe('E_OPTION_VALUE');
  });

  it.each([
    [{ reporting: Number.POSITIVE_INFINITY, opinion: 1, satire: 1 }],
    [{ reporting: Number.NaN, opinion: 1, satire: 1 }],
    [0.5],
    [undefined],
    [true],
    [[0.8, 0.18, 0.02]],
    [{ reporting: 0.8, opinion: 0.18, news: 0.02 }],
  ])('validPrior(%j) is false', (v) => {
    expect(validPrior(v)).toBe(false);
  });

  it('rounds the normalised shares to 4 decimals', () => {
    expect(resolvePrior({ reporting: 1, opinion: 1, satire: 1 })).toEqual({
      reporting: 0.3333,
      opinion: 0.3333,
      satire: 0.3333,
    });
    expect(resolvePrior('newspaper')).toEqual(GENRE_PRIOR_PRESETS.newspaper);
  });

  it('takes the training counts of a style model only', () => {
    const counts = { version: 1, counts: { en: [1, 2, 3] } };
    const model = (meta: Record<string, unknown>) => ({ meta }) as unknown as LinearModel;
    expect(trainPriorOf(model({ genreTrainPrior: counts, genreStyle: {} }))).toBe(counts);
    for (const meta of [
      { genreStyle: {} },
      { genreTrainPrior: counts },
      { genreTrainPrior: counts, genreStyle: {}, genreTechniques: { version: 1 } },
    ]) {
      let err: unknown;
      try {
        trainPriorOf(model(meta));
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'E_GENRE_PRIOR_MODEL' });
      expect((err as Error).message).toMatch(/^the genre model records no training prior .*retrain/);
    }
  });

  it('shares what the decided genre leaves as the decision does, by p · e^offset', () => {
    // Satire never predicted (offset −20): it takes (almost) none of the 0.3 left.
    const q = calibratedPosterior([0.5, 0.3, 0.2], [0, 0, -20], 0, 0.7);
    expect(q[0]).toBe(0.7);
    expect(q[1]).toBeCloseTo(0.3, 6);
    expect(q[2]).toBeLessThan(1e-8);
    expect(q[2]).toBeGreaterThan(0);
    // Offsets weigh the rest: e^ln2 doubles opinion against satire; a missing offset is 0.
    const w = calibratedPosterior([0.2, 0.4, 0.4], [0, Math.log(2)], 0, 0.4);
    expect(w[1]).toBeCloseTo(0.4, 12);
    expect(w[2]).toBeCloseTo(0.2, 12);
    // Decided by another label than the first.
    const b = calibratedPosterior([0.25, 0.5, 0.25], [0, 0, 0], 1, 0.6);
    expect([...b].map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.2, 0.6, 0.2]);
    // Nothing left to weigh by: shared equally.
    expect(
      [...calibratedPosterior([1, 0, 0], [0, 0, 0], 0, 0.8)].map((x) => Math.round(x * 1e9) / 1e9),
    ).toEqual([0.8, 0.1, 0.1]);
  });

  it('keeps probabilities with nothing to re-weight, and decides the first label when none is predicted', () => {
    expect([...reweight([0, 0, 0], [1, 2, 3])]).toEqual([0, 0, 0]);
    expect([...reweight([0.5, 0.5, 0], [0, 0, 2])]).toEqual([0.5, 0.5, 0]);
    expect(bayesChoice([0.2, 0.3, 0.5], [-20, -20, -20])).toBe(0);
    // Offsets the model does not list are 0; a tie keeps the first.
    expect(bayesChoice([0.2, 0.3, 0.5], [0])).toBe(2);
    expect(bayesChoice([0.4, 0.4, 0.2], [0, 0, 0])).toBe(0);
    expect(bayesChoice([0.2, 0.3, 0.5], [0, 0, -19.5])).toBe(2);
  });
});

describe('genre analyzer with a prior', () => {
  const run = async (prior: unknown, text: string) => {
    const options = { minWords: 0, ...(prior === undefined ? {} : { prior }) };
    const p = await createPipeline({ layers: ['genre'], options: { genre: options } });
    return p.run({ id: 'g', text, meta: { lang: 'en' } }).genre!;
  };

  it('leaves the output as it was without the option', async () => {
    const g = await run(undefined, WIRE);
    expect(Object.keys(g).sort()).toEqual(['genre', 'scores', 'why']);
  });

  // Each row: text, prior; the genre decided; how the score of the genre decided without a
  // prior moves (it is the shown score when the decision stays).
  it.each([
    ['wire report', WIRE, 'news-wire', 'reporting', 'up'],
    ['wire report', WIRE, OPINION_PAGES, 'opinion', 'down'],
    ['column', COLUMN, 'newspaper', 'opinion', 'down'],
    ['column', COLUMN, OPINION_PAGES, 'opinion', 'up'],
  ] as const)('$0 under $2: $3, the old genre’s probability $4', async (_, text, prior, want, move) => {
    const before = await run(undefined, text);
    const after = await run(prior, text);
    expect(after.genre).toBe(want);
    expect(after.prior).toEqual(resolvePrior(prior));
    const old = before.genre!;
    const was = before.scores[old]!;
    const now = after.genre === old ? after.scores[old]! : 1 - after.scores[after.genre!]!;
    if (move === 'up') expect(now).toBeGreaterThan(was);
    else expect(now).toBeLessThan(was);
    expect(after.why.length).toBeGreaterThan(0);
  });

  it.each([
    ['wire', /option "prior" of analyzer "genre" must be a preset \(news-wire, newspaper\)/],
    [
      { reporting: 0.8, opinion: 0.2 },
      /must be a preset .* or a share > 0 for each of reporting, opinion, satire/,
    ],
    [{ reporting: 0.8, opinion: 0.2, satire: -0.1 }, /a share > 0/],
    [0.5, /option "prior" of analyzer "genre" must be a string or an object, got number 0.5/],
  ])('rejects the prior %j with a one-line E_OPTION error', async (prior, message) => {
    const err = await createPipeline({ layers: ['genre'], options: { genre: { prior } } }).catch((e) => e);
    expect(err.code).toMatch(/^E_OPTION_(VALUE|TYPE)$/);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });

  it('stops with E_GENRE_PRIOR_MODEL for a model without training counts, and only with a prior', async () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../../../../../models/genre/model.json', import.meta.url), 'utf8'),
    );
    delete shipped.meta.genreTrainPrior;
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-genre-prior-'));
    try {
      const model = join(dir, 'old.json');
      writeFileSync(model, JSON.stringify(shipped));
      const plain = await createPipeline({ layers: ['genre'], options: { genre: { model, minWords: 0 } } });
      expect(plain.run({ id: 'g', text: WIRE, meta: { lang: 'en' } }).genre!.genre).not.toBeNull();
      const err = await createPipeline({
        layers: ['genre'],
        options: { genre: { model, prior: 'news-wire' } },
      }).catch((e) => e);
      expect(err.code).toBe('E_GENRE_PRIOR_MODEL');
      expect(err.message).toContain('retrain');
      expect(err.message).not.toContain('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
