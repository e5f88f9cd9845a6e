import { createHash } from 'node:crypto';
import { GENRES, NewsprismError } from '@newsprism/core';
import {
  crossValidate,
  type GenreStyleSettings,
  genreVector,
  type LinearModel,
  type Sample,
  STYLE_MEASURES,
  type StyleMeasure,
  type StyleNorms,
  styleNorms,
  styleScores,
  type TrainOptions,
  trainAveraged,
  tuneOffsets,
} from '@newsprism/core/train';
import { multiLabelF1 } from './metrics.js';

/** The offset of a genre that is never predicted for a language. */
export const NEVER = -20;

/** One training article of the style model: its language, style measures and genre. */
export interface StyleRow {
  lang: string;
  style: Record<StyleMeasure, number>;
  genre: string;
  /** The article (`dir/id`): folds are drawn by article. */
  group: string;
}

/** How the style model is fitted (the trainer's `--set` values). */
export interface StyleFitOptions {
  train: TrainOptions;
  measures: readonly StyleMeasure[];
  /** 5-fold splits whose out-of-fold probabilities are averaged to tune the offsets. */
  repeats: number;
  folds: number;
  /** Shuffles averaged into the weights. */
  seeds: number;
  /** A genre with fewer training articles than this in a language is never predicted for it. */
  minSupport: number;
  /** Added to every seed (the k-fold's fold models differ from the shipped one). */
  seed?: number;
  /**
   * Deployment priors per language (shares of the genres in `GENRES` order): the language's
   * offsets move by ln(prior / the language's training share) of each genre (add-one
   * smoothed), so a language whose training articles are mostly one genre is not decided as if
   * the texts it will meet were too (`--set prior=…`; see {@link parsePriors}).
   */
  prior?: Readonly<Record<string, readonly number[]>>;
  /**
   * Weak examples from another data set (`--set addReporting=…`): in every fit's training, with
   * this weight each, never in the norms, the out-of-fold probabilities, the offsets or a score.
   */
  extra?: { rows: readonly StyleRow[]; weight: number };
  /**
   * Measures whose norms are those of all languages together (`--set pooledNorms=…`): a
   * language-independent measure (quoted share, figures, questions) then reads the same in
   * every language, so English is measured against the other languages' reporting too, not
   * only against its own articles (90 % opinion).
   */
  pooledNorms?: readonly StyleMeasure[];
}

/**
 * Reads `--set prior=en:0.32/0.62/0.06,ru:…` (a language, then the deployment shares of
 * reporting, opinion and satire; normalised to sum 1). Empty: no prior correction.
 */
export function parsePriors(spec: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const [lang, shares] = part.split(':');
    const xs = (shares ?? '').split('/').map(Number);
    if (!lang || xs.length !== GENRES.length || xs.some((x) => !(x > 0)))
      throw new NewsprismError(
        'E_OPTION_VALUE',
        `prior: "${part}" should be a language and ${GENRES.length} positive shares (${GENRES.join('/')}), e.g. en:0.32/0.62/0.06`,
      );
    const sum = xs.reduce((a, b) => a + b, 0);
    out[lang] = xs.map((x) => x / sum);
  }
  return out;
}

/**
 * The prior correction of a language's offsets: ln(deployment share / training share) per genre,
 * the training shares add-one smoothed over `gold` (genre indices of the language's articles).
 */
export function priorShift(prior: readonly number[], gold: readonly number[]): number[] {
  return GENRES.map((_, l) => {
    const own = (gold.filter((g) => g === l).length + 1) / (gold.length + GENRES.length);
    return Math.log(prior[l]! / own);
  });
}

/** A fitted style model with its settings, out-of-fold probabilities and per-language offsets. */
export interface StyleFit {
  model: LinearModel;
  settings: GenreStyleSettings;
  /** Out-of-fold probabilities of the training rows (averaged over `repeats` splits). */
  oof: Float64Array[];
  /** Offsets per language (`meta.langThresholds`). */
  perLang: Record<string, number[]>;
}

/**
 * Fits the genre style model: norms of the measures per language, a softmax over their clipped
 * z-scores (weights averaged over `seeds` shuffles), offsets tuned for macro-F1 on out-of-fold
 * probabilities pooled over all languages, and per language a genre with fewer than
 * `minSupport` training articles never predicted (English has one satire article).
 */
export function fitStyle(rows: readonly StyleRow[], o: StyleFitOptions): StyleFit {
  const settings: GenreStyleSettings = {
    version: 1,
    measures: [...o.measures],
    // Norms of every style measure (as before) and of any other measure the fit uses.
    norms: withPooledNorms(
      styleNorms(rows, [...new Set([...STYLE_MEASURES, ...o.measures])]),
      rows,
      o.pooledNorms ?? [],
    ),
  };
  const bits = o.train.bits;
  const samples: Sample[] = rows.map((r) => ({
    x: genreVector(styleScores(r.style, r.lang, settings), r.lang, bits),
    y: [GENRES.indexOf(r.genre as (typeof GENRES)[number])],
    group: r.group,
  }));
  const extra: Sample[] = (o.extra?.rows ?? []).map((r) => ({
    x: genreVector(styleScores(r.style, r.lang, settings), r.lang, bits),
    y: [GENRES.indexOf(r.genre as (typeof GENRES)[number])],
    weight: o.extra!.weight,
    weak: true,
  }));
  const base = o.seed ?? 0;
  const oof = samples.map(() => new Float64Array(GENRES.length));
  for (let r = 0; r < o.repeats; r++) {
    const run = crossValidate(samples, o.folds, { ...o.train, seed: base + 1 + r * 31 }, 1, extra);
    run.forEach((p, i) => {
      for (let l = 0; l < p.length; l++) oof[i]![l]! += p[l]! / o.repeats;
    });
  }
  const gold = samples.map((s) => s.y[0]!);
  const offsets = tuneOffsets(oof, gold, new Float32Array(GENRES.length));
  const model = trainAveraged([...samples, ...extra], { ...o.train, seed: base + 1 }, o.seeds);
  model.thresholds.set(offsets);
  const perLang: Record<string, number[]> = {};
  for (const lang of new Set(rows.map((r) => r.lang))) {
    const prior = o.prior?.[lang];
    const shift = prior
      ? priorShift(
          prior,
          gold.filter((_, i) => rows[i]!.lang === lang),
        )
      : undefined;
    perLang[lang] = [...offsets].map((x, l) => {
      const n = rows.filter((r, i) => gold[i] === l && r.lang === lang).length;
      return n < o.minSupport ? NEVER : Math.round((x + (shift?.[l] ?? 0)) * 1e4) / 1e4;
    });
  }
  model.meta.langThresholds = perLang;
  model.meta.genreStyle = settings;
  return { model, settings, oof, perLang };
}

/** Per-language norms with the `pooled` measures' replaced by those of all rows together. */
export function withPooledNorms(
  norms: StyleNorms,
  rows: readonly StyleRow[],
  pooled: readonly StyleMeasure[],
): StyleNorms {
  if (!pooled.length) return norms;
  const all = styleNorms(
    rows.map((r) => ({ lang: 'all', style: r.style })),
    pooled,
  ).all!;
  return Object.fromEntries(Object.entries(norms).map(([lang, n]) => [lang, { ...n, ...all }]));
}

/** The style model's probabilities of style measures in a language. */
function styleProbabilities(fit: StyleFit, lang: string, style: Record<StyleMeasure, number>): Float64Array {
  return fit.model.probabilities(genreVector(styleScores(style, lang, fit.settings), lang, fit.model.bits));
}

/** The genre a fitted style model decides for style measures in a language. */
export function decideStyle(fit: StyleFit, lang: string, style: Record<StyleMeasure, number>): string {
  return GENRES[fit.model.decide(styleProbabilities(fit, lang, style), fit.model.thresholdsFor(lang))[0]!]!;
}

/** The reporting-against-opinion log odds of style measures in a language (high: reporting). */
function reportingOdds(fit: StyleFit, lang: string, style: Record<StyleMeasure, number>): number {
  const p = styleProbabilities(fit, lang, style);
  const ln = (g: string) => Math.log(Math.max(p[GENRES.indexOf(g as (typeof GENRES)[number])]!, 1e-12));
  return ln('reporting') - ln('opinion');
}

/**
 * The area under the ROC curve of a score: the chance that a random positive scores above a
 * random negative (ties count half). NaN when either side is empty.
 */
export function rankAuc(pos: readonly number[], neg: readonly number[]): number {
  if (!pos.length || !neg.length) return Number.NaN;
  const all = [...pos.map((v) => [v, 1] as const), ...neg.map((v) => [v, 0] as const)].sort(
    (a, b) => a[0] - b[0],
  );
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]![0] === all[i]![0]) j++;
    const mid = (i + j + 1) / 2; // mean 1-based rank of the tie group
    for (let k = i; k < j; k++) if (all[k]![1]) rankSum += mid;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/**
 * The best macro-F1 over the three genres that one cut on `odds` (reporting above it, opinion
 * below) can give, chosen on the gold labels themselves: the articles decided `satire` keep it,
 * every other article is reporting or opinion by the cut. An upper bound for any decision rule
 * that only moves the reporting-against-opinion offset (hindsight, not a held-out figure).
 */
export function hindsightMacroF1(
  gold: readonly string[],
  pred: readonly string[],
  odds: readonly number[],
): number {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const bump = (m: Map<string, number>, g: string, d: number) => m.set(g, (m.get(g) ?? 0) + d);
  const decide = (i: number, g: string, d: number) => {
    if (g === gold[i]) bump(tp, g, d);
    else {
      bump(fp, g, d);
      bump(fn, gold[i]!, d);
    }
  };
  const free = pred.map((_, i) => i).filter((i) => pred[i] !== 'satire');
  pred.forEach((g, i) => {
    decide(i, g === 'satire' ? g : 'opinion', 1);
  });
  const macro = () =>
    GENRES.reduce((t, g) => {
      const d = 2 * (tp.get(g) ?? 0) + (fp.get(g) ?? 0) + (fn.get(g) ?? 0);
      return t + (d ? (2 * (tp.get(g) ?? 0)) / d : 0);
    }, 0) / GENRES.length;
  let best = macro();
  // Highest odds first: each step moves one more article from opinion to reporting.
  for (const i of free.sort((a, b) => odds[b]! - odds[a]!)) {
    decide(i, 'opinion', -1);
    decide(i, 'reporting', 1);
    best = Math.max(best, macro());
  }
  return best;
}

/** An article for {@link kfoldStyle}: a training row, with its style measures in every layout. */
export interface LaidOutRow extends StyleRow {
  /** Style measures of the article laid out in each layout (`original` first). */
  layouts: Record<string, Record<StyleMeasure, number>>;
}

/** The fold (of `k`) of an article for one fold assignment (`seed`). */
export function articleFold(group: string, seed: number, k: number): number {
  return createHash('sha1').update(`genre-kfold:${seed}:${group}`).digest().readUInt32BE(0) % k;
}

/**
 * Lists of figures by key, one per fold assignment (or run), filled by `push`: what the k-fold
 * reports average.
 */
export function figureLists(): { acc: Record<string, number[]>; push(key: string, v: number): void } {
  const acc: Record<string, number[]> = {};
  return {
    acc,
    push(key, v) {
      const list = acc[key] ?? [];
      acc[key] = list;
      list.push(v);
    },
  };
}

/** Mean and sample sd of figures (sd 0 for one). */
export const meanSd = (xs: readonly number[]): [number, number] => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.length > 1 ? xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) : 0;
  return [m, Math.sqrt(v)];
};

/**
 * k-fold by article of the style model, repeated over several fold assignments (`seeds`): per
 * fold a model is fitted on the other folds exactly as {@link fitStyle} fits the shipped one
 * (norms, weights and offsets from those folds only) and decides the fold's articles in every
 * layout. Per language and layout, the macro-F1 over the three genres of all folds' decisions,
 * then mean and sample sd over the assignments: `kfold_<lang>_<layout>_macro_f1` and `…_sd`,
 * `kfold_<lang>_layout_gap` (the largest difference between layouts, mean over
 * assignments), and per genre in the first layout `kfold_<lang>_<genre>_f1`, `_p`, `_r` (mean
 * and sd over assignments: which genre the macro-F1 loses on), `kfold_<lang>_rep_op_auc` (how
 * well the out-of-fold reporting-against-opinion log odds rank reporting above opinion) and
 * `kfold_<lang>_hindsight_macro_f1` (the best one cut on those odds chosen on the fold
 * articles' own labels: what no offset can exceed). With `runs`, each assignment's macro-F1 of
 * the first layout as well (`kfold_<lang>_original_macro_f1_<seed>`).
 */
export function kfoldStyle(
  rows: readonly LaidOutRow[],
  o: StyleFitOptions,
  seeds: readonly number[],
  k = 5,
  runs = false,
): Record<string, number> {
  const layouts = Object.keys(rows[0]?.layouts ?? {});
  const { acc: byKey, push } = figureLists();
  for (const seed of seeds) {
    const fold = rows.map((r) => articleFold(r.group, seed, k));
    const pred = layouts.map(() => new Array<string>(rows.length));
    const odds = new Array<number>(rows.length);
    for (let f = 0; f < k; f++) {
      const fit = fitStyle(
        rows.filter((_, i) => fold[i] !== f),
        { ...o, seed: seed * 1000 },
      );
      rows.forEach((r, i) => {
        if (fold[i] !== f) return;
        layouts.forEach((l, j) => {
          pred[j]![i] = decideStyle(fit, r.lang, r.layouts[l]!);
        });
        odds[i] = reportingOdds(fit, r.lang, r.layouts[layouts[0]!]!);
      });
    }
    for (const lang of new Set(rows.map((r) => r.lang))) {
      const idx = rows.map((r, i) => (r.lang === lang ? i : -1)).filter((i) => i >= 0);
      const scores = layouts.map((_, j) =>
        multiLabelF1(
          idx.map((i) => [rows[i]!.genre]),
          idx.map((i) => [pred[j]![i]!]),
          GENRES,
        ),
      );
      const f1 = scores.map((x) => x.macroF1);
      layouts.forEach((l, j) => {
        push(`kfold_${lang}_${l}_macro_f1`, f1[j]!);
      });
      // Which genre fails (first layout): F1, precision and recall per genre.
      for (const [g, x] of scores[0]!.perLabel) {
        push(`kfold_${lang}_${g}_f1`, x.f1);
        push(`kfold_${lang}_${g}_p`, x.precision);
        push(`kfold_${lang}_${g}_r`, x.recall);
      }
      push(`kfold_${lang}_layout_gap`, Math.max(...f1) - Math.min(...f1));
      // Is it the ranking or the cut? (first layout)
      const of = (g: string) => idx.filter((i) => rows[i]!.genre === g).map((i) => odds[i]!);
      const auc = rankAuc(of('reporting'), of('opinion'));
      if (!Number.isNaN(auc)) push(`kfold_${lang}_rep_op_auc`, auc);
      push(
        `kfold_${lang}_hindsight_macro_f1`,
        hindsightMacroF1(
          idx.map((i) => rows[i]!.genre),
          idx.map((i) => pred[0]![i]!),
          idx.map((i) => odds[i]!),
        ),
      );
    }
  }
  const out: Record<string, number> = { kfold_assignments: seeds.length, kfold_folds: k };
  for (const [key, xs] of Object.entries(byKey)) {
    const [m, sd] = meanSd(xs);
    out[key] = m;
    if (key.endsWith('_f1')) out[`${key}_sd`] = sd;
    // `runs`: each assignment's macro-F1 too, for comparisons paired by assignment.
    if (runs && key.endsWith('_original_macro_f1'))
      for (let s = 0; s < xs.length; s++) out[`${key}_${seeds[s]}`] = xs[s]!;
  }
  return out;
}
