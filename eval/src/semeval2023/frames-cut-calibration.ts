import {
  type Calibration,
  calibratedIn,
  cutAfterWords,
  type Outcome,
  type Sample,
  type TrainOptions,
  trainAveraged,
} from '@newsprism/core/train';
import { eceNoise, reliabilityRows } from '../checkthat/kfold-calibration.js';
import type { SemevalArticle } from './dataset.js';
import { figureLists, meanSd } from './genre-style-fit.js';

/** A held-out (article, frame) outcome of a fold model on the article whole or cut after N words. */
export interface FramesCutOutcome extends Outcome {
  label: number;
  lang: string;
  fold: number;
  /** Index of the article among the trainer's articles. */
  article: number;
  /** `whole` or the cut (`150`). */
  layout: string;
  /** The score the layer would show: `p` through a calibration that did not see the fold. */
  shown: number;
}

/** How the held-out scores are calibrated: `fit` turns outcomes (with folds) into a calibration. */
export type FitFramesCalibration = (outcomes: readonly FramesCutOutcome[]) => Calibration;

/**
 * Held-out raw probabilities of every frame for every article whole and cut after each of
 * `cuts` words: per fold a model trained (one shuffle) on the other folds' whole articles, as
 * the shipped one is, scoring the fold's articles. `vector` builds an article's features from a
 * (cut) text. `shown` is `p` until {@link crossFitShown} maps it.
 */
export function framesCutOutcomes(
  train: readonly SemevalArticle[],
  samples: readonly Sample[],
  opts: TrainOptions,
  fold: readonly number[],
  cuts: readonly number[],
  vector: (a: SemevalArticle, text: string) => Sample['x'],
  k = 5,
): FramesCutOutcome[] {
  const layouts = [...cuts.map(String), 'whole'];
  const out: FramesCutOutcome[] = [];
  for (let f = 0; f < k; f++) {
    const model = trainAveraged(
      samples.filter((_, i) => fold[i] !== f),
      opts,
      1,
    );
    train.forEach((a, i) => {
      if (fold[i] !== f) return;
      const gold = samples[i]!.y;
      for (const layout of layouts) {
        const text = layout === 'whole' ? a.text : cutAfterWords(a.text, Number(layout));
        const p = model.probabilities(vector(a, text));
        for (let l = 0; l < p.length; l++)
          out.push({
            p: p[l]!,
            y: gold.includes(l),
            label: l,
            lang: a.lang,
            fold: f,
            article: i,
            layout,
            shown: p[l]!,
          });
      }
    });
  }
  return out;
}

/**
 * Each fold's outcomes with `shown` set by a calibration fitted (`fit`) on the other folds'
 * outcomes: of whole articles for every layout (`whole`: the calibration the shipped frames@6
 * has) or of the same layout (`band`: a calibration per length band, the band being the cut).
 */
export function crossFitShown(
  outcomes: readonly FramesCutOutcome[],
  fit: FitFramesCalibration,
  mode: 'whole' | 'band',
): FramesCutOutcome[] {
  const out: FramesCutOutcome[] = [];
  const folds = [...new Set(outcomes.map((o) => o.fold))];
  const layouts = [...new Set(outcomes.map((o) => o.layout))];
  for (const f of folds) {
    const fitted = new Map<string, Calibration>();
    for (const layout of layouts) {
      const source = mode === 'whole' ? 'whole' : layout;
      const c = fitted.get(source) ?? fit(outcomes.filter((o) => o.fold !== f && o.layout === source));
      fitted.set(source, c);
      for (const o of outcomes)
        if (o.fold === f && o.layout === layout)
          out.push({ ...o, shown: calibratedIn(c, o.lang, o.label, o.p) });
    }
  }
  return out;
}

/** The `top` highest shown scores of each article in each layout (what the web UI lists). */
export function topShown(outcomes: readonly FramesCutOutcome[], top: number): FramesCutOutcome[] {
  const by = new Map<string, FramesCutOutcome[]>();
  for (const o of outcomes) {
    const key = `${o.article}/${o.layout}`;
    const list = by.get(key) ?? [];
    by.set(key, list);
    list.push(o);
  }
  return [...by.values()].flatMap((os) => [...os].sort((a, b) => b.shown - a.shown).slice(0, top));
}

/**
 * Calibration figures of the shown frame scores per language (and `all`) and layout, over fold
 * assignments (`runs`, one assignment's outcomes each): `<key>_<lang>_<layout>_ece` over every
 * (article, frame) pair (mean, `_sd` over assignments), `_q95` and `_p` (a perfectly calibrated
 * score of the same values: 95th percentile, p-value), and the same over the `top` highest
 * scores of each article (`_top_ece`, `_top_q95`, `_top_p`, `_top_mean_shown`, `_top_share_right`).
 */
export function framesCutMetrics(
  key: string,
  runs: readonly (readonly FramesCutOutcome[])[],
  top = 6,
): Record<string, number> {
  const { acc, push } = figureLists();
  for (const run of runs) {
    const groups = new Map<string, { all: Outcome[]; top: Outcome[] }>();
    const add = (o: FramesCutOutcome, which: 'all' | 'top') => {
      for (const lang of ['all', o.lang]) {
        const g = `${lang}_${o.layout}`;
        const entry = groups.get(g) ?? { all: [], top: [] };
        groups.set(g, entry);
        entry[which].push({ p: o.shown, y: o.y });
      }
    };
    for (const o of run) add(o, 'all');
    for (const o of topShown(run, top)) add(o, 'top');
    for (const [g, os] of groups) {
      const all = eceNoise(os.all, 0.05, 100);
      push(`${key}_${g}_ece`, all.ece);
      push(`${key}_${g}_q95`, all.q95);
      push(`${key}_${g}_p`, all.p);
      const t = eceNoise(os.top, 0.05, 100);
      push(`${key}_${g}_top_ece`, t.ece);
      push(`${key}_${g}_top_q95`, t.q95);
      push(`${key}_${g}_top_p`, t.p);
      push(`${key}_${g}_top_mean_shown`, os.top.reduce((s, o) => s + o.p, 0) / os.top.length);
      push(`${key}_${g}_top_share_right`, os.top.filter((o) => o.y).length / os.top.length);
      push(`${key}_${g}_articles`, os.all.length / 14);
    }
  }
  const out: Record<string, number> = {};
  for (const [k, xs] of Object.entries(acc)) {
    const [m, sd] = meanSd(xs);
    out[k] = m;
    if (k.endsWith('_ece')) out[`${k}_sd`] = sd;
  }
  return out;
}

/**
 * Reliability tables (10 bins) of the shown scores over every pair, per language (`all`: every
 * language), layout and calibration (`maps`: a name → one assignment's mapped outcomes), as
 * report rows.
 */
export function framesCutReliabilityRows(
  maps: Readonly<Record<string, readonly FramesCutOutcome[]>>,
  langs: ReadonlySet<string>,
): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['lang', 'layout', 'maps', 'score', 'pairs', 'mean score', 'share right'],
  ];
  for (const [name, outcomes] of Object.entries(maps)) {
    const layouts = [...new Set(outcomes.map((o) => o.layout))];
    for (const lang of [...langs].sort())
      for (const layout of layouts) {
        const os = outcomes.filter((o) => (lang === 'all' || o.lang === lang) && o.layout === layout);
        for (const r of reliabilityRows(os.map((o) => ({ p: o.shown, y: o.y }))).slice(1))
          rows.push([lang, layout, name, ...r]);
      }
  }
  return rows;
}
