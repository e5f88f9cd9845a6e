import { GENRES } from '@newsprism/core';
import { adjustedChosen, genreVector, type Outcome, styleScores } from '@newsprism/core/train';
import { eceNoise, groupedEce, reliabilityRows } from '../checkthat/kfold-calibration.js';
import { applyGenreMaps, fitGenreMaps, type GenreCalItem } from './genre-calibration.js';
import {
  articleFold,
  figureLists,
  fitStyle,
  type LaidOutRow,
  meanSd,
  type StyleFit,
  type StyleFitOptions,
} from './genre-style-fit.js';

/** A held-out decision of a fold model on an article in one layout (whole or cut after N words). */
export interface CutOutcome extends GenreCalItem {
  /** The layout (`original`, `w25`, …). */
  layout: string;
  fold: number;
  /** The score the layer shows: `p` mapped by the calibration fitted on whole articles. */
  shown: number;
}

/** The chosen genre's offset-adjusted probability of a fit on style measures, and whether it is right. */
function decided(fit: StyleFit, lang: string, probs: Float64Array, gold: string) {
  const offsets = fit.model.thresholdsFor(lang);
  const best = fit.model.decide(probs, offsets)[0]!;
  return { genre: GENRES[best]!, p: adjustedChosen(probs, offsets, best), y: GENRES[best] === gold };
}

/**
 * One fold assignment's held-out outcomes of the genre score as the layer shows it: per fold a
 * style model fitted on the other folds (as {@link fitStyle} fits the shipped one) and a
 * calibration fitted, as the trainer fits the shipped one, on those folds' out-of-fold
 * decisions of whole articles ({@link fitGenreMaps}); the fold's articles are decided in every
 * layout and their chosen genre's score mapped by it.
 */
export function cutOutcomes(
  rows: readonly LaidOutRow[],
  o: StyleFitOptions,
  seed: number,
  k = 5,
  lambda = 10,
): CutOutcome[] {
  const fold = rows.map((r) => articleFold(r.group, seed, k));
  const out: CutOutcome[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => fold[i] !== f);
    const fit = fitStyle(train, { ...o, seed: seed * 1000 });
    const maps = fitGenreMaps(
      train.map((r, i) => ({ lang: r.lang, ...decided(fit, r.lang, fit.oof[i]!, r.genre) })),
      lambda,
    );
    rows.forEach((r, i) => {
      if (fold[i] !== f) return;
      for (const [layout, style] of Object.entries(r.layouts)) {
        const probs = fit.model.probabilities(
          genreVector(styleScores(style, r.lang, fit.settings), r.lang, fit.model.bits),
        );
        const d = { lang: r.lang, ...decided(fit, r.lang, probs, r.genre) };
        out.push({ ...d, layout, fold: f, shown: applyGenreMaps(maps, d) });
      }
    });
  }
  return out;
}

/**
 * The length-aware alternative, cross-fitted: each fold's outcomes in a layout mapped by a
 * calibration ({@link fitGenreMaps}) fitted on the other folds' held-out outcomes in the same
 * layout (a map per length band, the band being the cut). Returns the outcomes with `shown`
 * replaced.
 */
export function bandCrossFit(outcomes: readonly CutOutcome[], lambda = 10): CutOutcome[] {
  const out: CutOutcome[] = [];
  for (const layout of new Set(outcomes.map((x) => x.layout))) {
    const mine = outcomes.filter((x) => x.layout === layout);
    for (const f of new Set(mine.map((x) => x.fold))) {
      const maps = fitGenreMaps(
        mine.filter((x) => x.fold !== f),
        lambda,
      );
      for (const x of mine) if (x.fold === f) out.push({ ...x, shown: applyGenreMaps(maps, x) });
    }
  }
  return out;
}

/**
 * The calibration figures of the shown score per language and layout over fold assignments:
 * `<key>_<lang>_<layout>_ece` (mean, `_sd` over assignments), `_floor` and `_q95` (a perfectly
 * calibrated score of the same values on as many articles: its mean ECE and 95th percentile),
 * `_p` (mean p-value of the measured ECE against it), `_gece`, `_gece_q95`, `_gece_p` (the same
 * within each chosen genre, {@link groupedEce}), `_pass` (how often that perfect score
 * meets 0.05), `_share_right` and `_mean_shown` (the accuracy the score claims against the one
 * it has). `runs` holds one assignment's outcomes each.
 */
export function cutCalMetrics(key: string, runs: readonly (readonly CutOutcome[])[]): Record<string, number> {
  const { acc, push } = figureLists();
  for (const run of runs) {
    const groups = new Map<string, (Outcome & { group: string })[]>();
    for (const x of run)
      for (const lang of ['all', x.lang]) {
        const g = `${lang}_${x.layout}`;
        const list = groups.get(g) ?? [];
        groups.set(g, list);
        list.push({ p: x.shown, y: x.y, group: x.genre });
      }
    for (const [g, os] of groups) {
      const noise = eceNoise(os, 0.05, 300);
      push(`${key}_${g}_ece`, noise.ece);
      push(`${key}_${g}_floor`, noise.floor);
      push(`${key}_${g}_q95`, noise.q95);
      push(`${key}_${g}_p`, noise.p);
      push(`${key}_${g}_pass`, noise.pass);
      // Within each chosen genre (the score is the chosen genre's): see `groupedEce`.
      const within = eceNoise(os, 0.05, 300, 1, groupedEce);
      push(`${key}_${g}_gece`, within.ece);
      push(`${key}_${g}_gece_q95`, within.q95);
      push(`${key}_${g}_gece_p`, within.p);
      push(`${key}_${g}_share_right`, os.filter((o) => o.y).length / os.length);
      push(`${key}_${g}_mean_shown`, os.reduce((s, o) => s + o.p, 0) / os.length);
      push(`${key}_${g}_articles`, os.length);
    }
  }
  const out: Record<string, number> = {};
  for (const [k, xs] of Object.entries(acc)) {
    const [m, sd] = meanSd(xs);
    out[k] = m;
    if (k.endsWith('_ece') || k.endsWith('_gece')) out[`${k}_sd`] = sd;
  }
  return out;
}

/** Reliability tables (10 bins) of one assignment's shown scores, per language and layout, as report rows. */
export function cutReliabilityRows(
  outcomes: readonly CutOutcome[],
  langs: ReadonlySet<string>,
): (string | number)[][] {
  const rows: (string | number)[][] = [['lang', 'layout', 'score', 'articles', 'mean score', 'share right']];
  const layouts = [...new Set(outcomes.map((x) => x.layout))];
  for (const lang of [...new Set(outcomes.map((x) => x.lang))].sort()) {
    if (!langs.has(lang)) continue;
    for (const layout of layouts) {
      const os = outcomes
        .filter((x) => x.lang === lang && x.layout === layout)
        .map((x) => ({ p: x.shown, y: x.y }));
      for (const r of reliabilityRows(os).slice(1)) rows.push([lang, layout, ...r]);
    }
  }
  return rows;
}
