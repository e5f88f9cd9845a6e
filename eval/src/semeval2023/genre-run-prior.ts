import { GENRES } from '@newsprism/core';
import {
  adjustedChosen,
  bayesChoice,
  calibrateChosen,
  calibratedPosterior,
  type GenreTrainPrior,
  type LinearModel,
  type Outcome,
  priorRatios,
  prng,
  reliability,
  resolvePrior,
  reweight,
  styleCalibration,
} from '@newsprism/core/train';
import { groupedEce } from '../checkthat/kfold-calibration.js';
import { fitGenreMaps } from './genre-calibration.js';
import { multiLabelF1 } from './metrics.js';

/** A held-out article: its language, gold genre index, out-of-fold probabilities and calibration fold. */
export interface PriorItem {
  lang: string;
  gold: number;
  p: Float64Array;
  fold: number;
}

/** The training counts per language and label, as the trainer records them (`meta.genreTrainPrior`). */
export function trainPrior(langs: readonly string[], gold: readonly number[]): GenreTrainPrior {
  const counts: Record<string, number[]> = {};
  langs.forEach((lang, i) => {
    counts[lang] ??= GENRES.map(() => 0);
    counts[lang]![gold[i]!]!++;
  });
  return { version: 1, counts };
}

/**
 * What the layer shows for each held-out article under the run-time prior `spec` (a preset,
 * `R/O/S`, or `none`: the layer without the option): the decision with shifted offsets, and its score — the chosen genre calibrated by
 * maps fitted on the other calibration folds, re-weighted by Bayes — as the layer computes it.
 */
export function priorOutcomes(
  items: readonly PriorItem[],
  model: LinearModel,
  train: GenreTrainPrior,
  spec: string,
  lambda = 10,
  rule: 'shift' | 'bayes' = 'bayes',
  split: 'offsets' | 'raw' = 'offsets',
): (Outcome & { lang: string; gold: number; best: number; group: string })[] {
  const prior = spec === 'none' ? undefined : resolvePrior(parseSpec(spec));
  const out = new Array<Outcome & { lang: string; gold: number; best: number; group: string }>(items.length);
  const decided = items.map((x) => model.decide(x.p, model.thresholdsFor(x.lang))[0]!);
  for (const f of new Set(items.map((x) => x.fold))) {
    const cal = {
      version: 3 as const,
      ...fitGenreMaps(
        items
          .map((x, i) => ({ x, base: decided[i]! }))
          .filter(({ x }) => x.fold !== f)
          .map(({ x, base }) => ({
            lang: x.lang,
            genre: GENRES[base]!,
            p: adjustedChosen(x.p, model.thresholdsFor(x.lang), base),
            y: base === x.gold,
          })),
        lambda,
      ),
    };
    items.forEach((x, i) => {
      if (x.fold !== f) return;
      const base = decided[i]!;
      const ratios = prior ? priorRatios(prior, train, x.lang, model.labels) : model.labels.map(() => 1);
      const offsets = model.thresholdsFor(x.lang);
      const sc = styleCalibration(cal, x.lang, model, x.p, base);
      const chosen = calibrateChosen(x.p, base, sc.c, sc.x);
      const q =
        split === 'offsets'
          ? reweight(calibratedPosterior(x.p, offsets, base, chosen[base]!), ratios)
          : reweight(chosen, ratios);
      const best =
        rule === 'bayes'
          ? bayesChoice(q, offsets)
          : model.decide(
              x.p,
              ratios.map((r, l) => (offsets[l] ?? 0) + Math.log(r)),
            )[0]!;
      out[i] = { p: q[best]!, y: best === x.gold, lang: x.lang, gold: x.gold, best, group: GENRES[best]! };
    });
  }
  return out;
}

/** A preset name or `R/O/S` shares. */
function parseSpec(spec: string): string | Record<string, number> {
  if (!spec.includes('/')) return spec;
  const xs = spec.split('/').map(Number);
  return Object.fromEntries(GENRES.map((g, l) => [g, xs[l]!]));
}

const meanSd = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean: m, sd: Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1)) };
};

/**
 * The held-out outcomes resampled by article to the prior's shares, per language (as many
 * draws as the language has articles, each article of gold genre c drawn with weight
 * π'(c) / its share among them), `runs` times: per scope (`all`, each language) the mean ± sd
 * of the shown score's ECE within chosen genre, of a perfectly calibrated score's ECE on the
 * same draws (`floor`: its outcomes drawn from the score once per article, so that an article
 * drawn many times weighs as much as in the measured figure), of macro-F1, accuracy and the share
 * decided reporting, as `<key>_<scope>_*` metrics.
 */
export function resampledPriorMetrics(
  outcomes: ReturnType<typeof priorOutcomes>,
  spec: string,
  key: string,
  runs = 200,
  seed = 1,
): Record<string, number> {
  const prior = resolvePrior(parseSpec(spec));
  const next = prng(seed);
  const langs = [...new Set(outcomes.map((o) => o.lang))].sort();
  const acc: Record<string, number[]> = {};
  const push = (k: string, v: number) => {
    acc[k] ??= [];
    acc[k]!.push(v);
  };
  for (let r = 0; r < runs; r++) {
    // A perfectly calibrated score's outcomes, drawn once per article (its copies share it).
    const perfect = new Map(outcomes.map((o) => [o, next() < o.p]));
    const all: typeof outcomes = [];
    for (const lang of langs) {
      const mine = outcomes.filter((o) => o.lang === lang);
      const share = GENRES.map((_, l) => mine.filter((o) => o.gold === l).length / mine.length);
      const w = mine.map((o) => prior[GENRES[o.gold]!] / share[o.gold]!);
      const cum: number[] = [];
      w.reduce((a, b, i) => (cum[i] = a + b), 0);
      const total = cum[cum.length - 1]!;
      const draw = mine.map(() => {
        const u = next() * total;
        let lo = 0;
        let hi = cum.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cum[mid]! < u) lo = mid + 1;
          else hi = mid;
        }
        return mine[lo]!;
      });
      all.push(...draw);
      scopeMetrics(lang, draw, perfect, push);
    }
    scopeMetrics('all', all, perfect, push);
  }
  const out: Record<string, number> = {};
  for (const [k, xs] of Object.entries(acc)) {
    const s = meanSd(xs);
    out[`${key}_${k}`] = s.mean;
    out[`${key}_${k}_sd`] = s.sd;
  }
  return out;
}

function scopeMetrics(
  scope: string,
  draw: ReturnType<typeof priorOutcomes>,
  perfect: ReadonlyMap<ReturnType<typeof priorOutcomes>[number], boolean>,
  push: (k: string, v: number) => void,
): void {
  push(`${scope}_gece`, groupedEce(draw));
  push(`${scope}_ece`, reliability(draw).ece);
  push(`${scope}_gece_floor`, groupedEce(draw.map((o) => ({ ...o, y: perfect.get(o)! }))));
  push(`${scope}_accuracy`, draw.filter((o) => o.y).length / draw.length);
  push(`${scope}_reporting_share`, draw.filter((o) => o.group === 'reporting').length / draw.length);
  if (scope !== 'all')
    push(
      `${scope}_macro_f1`,
      multiLabelF1(
        draw.map((o) => [GENRES[o.gold]!]),
        draw.map((o) => [o.group]),
        GENRES,
      ).macroF1,
    );
}
