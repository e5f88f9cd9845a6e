import { type Calibration, fitPlatt, type Sample, type TrainOptions } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import type { SemevalArticle } from './dataset.js';
import {
  crossFitShown,
  type FramesCutOutcome,
  framesCutMetrics,
  framesCutOutcomes,
  framesCutReliabilityRows,
  topShown,
} from './frames-cut-calibration.js';

const o = (
  fold: number,
  layout: string,
  p: number,
  y: boolean,
  article = 0,
  label = 0,
): FramesCutOutcome => ({
  p,
  y,
  label,
  lang: 'en',
  fold,
  article,
  layout,
  shown: p,
});

// One Platt fit over every outcome (one label): enough to see which outcomes a map was fitted on.
const platt = (os: readonly FramesCutOutcome[]): Calibration => {
  const f = fitPlatt(os);
  return { a: [f.a], b: [f.b] };
};

describe('frames scores on cut articles', () => {
  // Whole articles are right as often as the score says; articles cut short much less often.
  const outcomes: FramesCutOutcome[] = [];
  for (const fold of [0, 1])
    for (let i = 0; i < 200; i++) {
      const p = 0.2 + (0.6 * i) / 200;
      outcomes.push(o(fold, 'whole', p, (i * 7919) % 200 < p * 200, i));
      outcomes.push(o(fold, '150', p, (i * 7919) % 200 < p * 100, i));
    }

  it('maps each fold by a fit on the other fold: of whole articles, or of the same cut', () => {
    const whole = crossFitShown(outcomes, platt, 'whole');
    const band = crossFitShown(outcomes, platt, 'band');
    expect(whole).toHaveLength(outcomes.length);
    const mean = (os: FramesCutOutcome[], layout: string) => {
      const xs = os.filter((x) => x.layout === layout);
      return xs.reduce((s, x) => s + x.shown, 0) / xs.length;
    };
    const right = outcomes.filter((x) => x.layout === '150' && x.y).length / 400;
    // The whole-article map over-states the cut texts; the band's map says how often they are right.
    expect(mean(whole, '150')).toBeGreaterThan(right + 0.15);
    expect(Math.abs(mean(band, '150') - right)).toBeLessThan(0.03);
    // Whole articles get the same map either way.
    expect(mean(band, 'whole')).toBeCloseTo(mean(whole, 'whole'), 9);
  });

  it('reports the ECE per language and layout, over every pair and the top scores of each article', () => {
    const m = framesCutMetrics('k', [crossFitShown(outcomes, platt, 'whole')], 1);
    expect(m.k_en_150_ece).toBeGreaterThan(0.1);
    expect(m.k_en_whole_ece).toBeLessThan(0.06);
    expect(m.k_all_150_ece).toBe(m.k_en_150_ece);
    // 200 articles per layout (one pair each here): every pair is its article's top one.
    expect(m.k_en_150_top_ece).toBe(m.k_en_150_ece);
    expect(m.k_en_150_top_mean_shown).toBeGreaterThan(m.k_en_150_top_share_right! + 0.15);
  });

  it('prints a reliability table per language, layout and calibration', () => {
    const os = [o(0, 'whole', 0.15, false), o(0, 'whole', 0.12, true), o(0, '150', 0.55, true)];
    const rows = framesCutReliabilityRows(
      { whole: os, band: [{ ...os[2]!, shown: 0.95 }] },
      new Set(['all', 'ru']),
    );
    expect(rows).toEqual([
      ['lang', 'layout', 'maps', 'score', 'pairs', 'mean score', 'share right'],
      ['all', 'whole', 'whole', '0.1–0.2', 2, '0.135', '0.500'],
      ['all', '150', 'whole', '0.5–0.6', 1, '0.550', '1.000'],
      ['all', '150', 'band', '0.9–1.0', 1, '0.950', '1.000'],
    ]);
  });

  it('keeps the highest shown scores of each article and layout', () => {
    const os = [
      o(0, 'whole', 0.1, false, 1, 0),
      o(0, 'whole', 0.9, true, 1, 1),
      o(0, 'whole', 0.5, false, 1, 2),
    ];
    os.push(o(0, '150', 0.3, false, 1, 0), o(0, 'whole', 0.2, false, 2, 0));
    expect(topShown(os, 2).map((x) => [x.article, x.layout, x.label])).toEqual([
      [1, 'whole', 1],
      [1, 'whole', 2],
      [1, '150', 0],
      [2, 'whole', 0],
    ]);
  });

  it('scores each held-out article whole and cut by a model that did not train on it', () => {
    const text = (w: string) => `${w} ${'word '.repeat(30)}`;
    const train: SemevalArticle[] = Array.from({ length: 8 }, (_, i) => ({
      id: String(i),
      dir: 'en',
      lang: 'en',
      text: text(i % 2 ? 'war' : 'money'),
    }));
    // Features: the first word, and whether the text has more than 10 words.
    const vector = (_: SemevalArticle, t: string): Sample['x'] => ({
      idx: [t.startsWith('war') ? 0 : 1, t.split(' ').length > 11 ? 2 : 3],
      val: [1, 1],
    });
    const samples: Sample[] = train.map((a, i) => ({ x: vector(a, a.text), y: [i % 2], group: a.id }));
    const opts: TrainOptions = { kind: 'multilabel', labels: ['A', 'B'], bits: 2, epochs: 5, rate: 0.5 };
    const out = framesCutOutcomes(
      train,
      samples,
      opts,
      train.map((_, i) => i % 2),
      [5],
      vector,
      2,
    );
    // 8 articles × 2 layouts × 2 labels, each from the model of its own fold.
    expect(out).toHaveLength(32);
    expect(new Set(out.map((x) => `${x.article}/${x.fold}`)).size).toBe(8);
    expect(out.every((x) => x.fold === x.article % 2 && x.shown === x.p)).toBe(true);
    expect(out.filter((x) => x.label === 0).every((x) => x.y === (x.article % 2 === 0))).toBe(true);
  });
});
