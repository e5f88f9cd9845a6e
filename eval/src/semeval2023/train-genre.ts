import { GENRES, NewsprismError, numberOption } from '@newsprism/core';
import {
  adjustedChosen,
  calibrated,
  cutAfterWords,
  fileLines,
  fitPlatt,
  type GenreBand,
  type GenreCalibration,
  type GenreStyleSettings,
  genreStyle,
  genreVector,
  hashString,
  type LinearModel,
  type Outcome,
  reliability,
  type Sample,
  STYLE_MEASURES,
  type StyleMeasure,
  styleScores,
  type TrainOptions,
  titleEndOf,
} from '@newsprism/core/train';
import { eceFloor, eceNoise, fitMethod } from '../checkthat/kfold-calibration.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadSemeval, type SemevalArticle } from './dataset.js';
import {
  crossFitGenreMaps,
  fitGenreMaps,
  genreCalMetrics,
  genreReliabilityRows,
} from './genre-calibration.js';
import {
  bandCrossFit,
  type CutOutcome,
  cutCalMetrics,
  cutOutcomes,
  cutReliabilityRows,
} from './genre-cut-calibration.js';
import { extraReporting } from './genre-extra.js';
import { type LayerMeasure, layerMeasureList, textLayerMeasures } from './genre-layer-measures.js';
import { priorOutcomes, resampledPriorMetrics, trainPrior } from './genre-run-prior.js';
import { fitStyle, kfoldStyle, parsePriors, type StyleFitOptions, type StyleRow } from './genre-style-fit.js';
import {
  bestCut,
  fitSlope,
  nestedCutMacroF1,
  outOfFoldTechniqueShares,
  techniqueShares,
} from './genre-techniques.js';
import { LAYOUTS, type Layout, relayout } from './layouts.js';
import { multiLabelF1, perLabelTable } from './metrics.js';
import { cutScores, minimumCut } from './minimum-cut.js';
import { saveSemevalModel } from './save-model.js';
import { segmentArticles } from './segment.js';

/** Style measures named in a `--set` value (`drop=wpp,longPara`), each checked. */
function measureList(spec: string, option: string): StyleMeasure[] {
  const out = spec.split(',').filter(Boolean);
  for (const m of out)
    if (!STYLE_MEASURES.includes(m as never))
      throw new NewsprismError(
        'E_OPTION_VALUE',
        `${option}: ${m} is not a style measure; use some of ${STYLE_MEASURES.join(', ')}`,
      );
  return out as StyleMeasure[];
}

/** The genre model's vector of an article (the first line is the title, as in the data set). */
function vectorOf(a: SemevalArticle, settings: GenreStyleSettings, bits: number): Sample['x'] {
  const style = genreStyle(a.text, a.lang, titleEndOf(fileLines(a.text)));
  return genreVector(styleScores(style, a.lang, settings), a.lang, bits);
}

/**
 * Style measures of each article laid out as it is, one sentence per line and with body
 * paragraphs merged (the layouts of the robustness test), the first line always the title.
 */
async function laidOutStyles(
  articles: readonly SemevalArticle[],
  layer: readonly LayerMeasure[] = [],
): Promise<Record<Layout, Record<StyleMeasure, number>>[]> {
  const seg = await segmentArticles(articles);
  const texts = articles.map((a, i) =>
    LAYOUTS.map((layout) => relayout(a, seg[i]!.paragraphs, seg[i]!.sentences, layout).text),
  );
  // `layerMeasures`: the other layers' measures of each laid-out text beside the style measures.
  const measured = layer.length
    ? await textLayerMeasures(
        texts.flatMap((ts, i) => ts.map((text) => ({ id: articles[i]!.id, text, lang: articles[i]!.lang }))),
      )
    : [];
  return articles.map((a, i) => {
    const out = {} as Record<Layout, Record<StyleMeasure, number>>;
    LAYOUTS.forEach((layout, j) => {
      const text = texts[i]![j]!;
      const style = genreStyle(text, a.lang, titleEndOf(fileLines(text)));
      const m = measured[i * LAYOUTS.length + j];
      // The k-fold fits read measures by name: layer measures ride in the same record.
      out[layout] = m ? { ...style, ...Object.fromEntries(layer.map((k) => [k, m[k]])) } : style;
    });
    return out;
  });
}

/**
 * Style measures of each article whole (`original`) and cut after its first `n` words, title
 * included (`w<n>`), for each of `cuts`: how the k-fold models decide articles as short as that.
 */
function truncatedStyles(
  articles: readonly SemevalArticle[],
  cuts: readonly number[],
): Record<string, Record<StyleMeasure, number>>[] {
  return articles.map((a) => {
    const out: Record<string, Record<StyleMeasure, number>> = {
      original: genreStyle(a.text, a.lang, titleEndOf(fileLines(a.text))),
    };
    for (const n of cuts) {
      const text = cutAfterWords(a.text, n);
      out[`w${n}`] = genreStyle(text, a.lang, titleEndOf(fileLines(text)));
    }
    return out;
  });
}

/**
 * `train genre --set layerMeasures=qSent,subjRate,…|all` (issue 18, session 15): the k-fold by
 * article in the three layouts (as `kfold_*` without it) with the named measures of the other
 * layers (`genre-layer-measures.ts`) beside the style measures, each normed per language like
 * them. Only the k-fold figures: the genre layer does not read these measures, so no model is
 * written. Compare with the same run without the option (`--set kfoldRuns=1` pairs assignments).
 */
async function layerMeasuresKfold(
  train: readonly SemevalArticle[],
  rows: readonly StyleRow[],
  fitOptions: StyleFitOptions,
  layer: readonly LayerMeasure[],
  o: TaskOptions,
): Promise<Report> {
  const assignments = numberOption(o.extra, 'kfold', 5);
  if (assignments < 1 || o.extra.truncate)
    throw new NewsprismError(
      'E_OPTION_VALUE',
      'layerMeasures: only the k-fold in three layouts measures them; use kfold ≥ 1 without truncate',
    );
  o.log(`genre: k-fold by article, ${assignments} fold assignments, with layer measures ${layer.join(', ')}`);
  const laid = await laidOutStyles(train, layer);
  // Typed as style measures: the fits read every measure by name from the same record.
  const pick = (m: Record<string, number>) => Object.fromEntries(layer.map((k) => [k, m[k]!]));
  const metrics: Record<string, number> = {
    articles: train.length,
    ...kfoldStyle(
      rows.map((r, i) => ({ ...r, style: { ...r.style, ...pick(laid[i]!.original) }, layouts: laid[i]! })),
      {
        ...fitOptions,
        measures: [...fitOptions.measures, ...(layer as readonly string[] as StyleMeasure[])],
      },
      Array.from({ length: assignments }, (_, s) => s + 1),
      5,
      o.extra.kfoldRuns === '1',
    ),
  };
  return { title: `Genre k-fold with layer measures (${layer.join(', ')}; no model written)`, metrics };
}

/** A cross-fitted outcome with the fold it was held out in and the genre chosen. */
type FoldOutcome = Outcome & { fold: number; group: string };

type CalFit = { pooled: { a: number; b: number }; own: Record<string, { a: number; b: number }> };

/**
 * Calibration error of the style decisions' scores per language, cross-fitted over 5 folds of
 * articles (each fold's scores mapped by fits on the other folds): raw (`none`), the pooled
 * Platt fit on the raw probability (`v1`, genre@4), and on the offset-adjusted probability:
 * pooled (`pooled`), a full fit per language (`own`), and the pooled slope with a per-language
 * offset (`offset`, what is shipped). Written as `cv_<lang>_ece_<method>` (all folds' mapped
 * scores together; `cv_all_…` for every style-decided article), with `cv_<lang>_ece_floor`: the mean ECE of a perfectly calibrated score of
 * the same values on as many articles (below it, the figure is noise).
 */
function crossFitStyle<T extends { lang: string; genre: string; fold: number; raw: Outcome; adj: Outcome }>(
  items: readonly T[],
  fits: Record<string, (items: T[]) => CalFit>,
  metrics: Record<string, number>,
): Record<string, Record<string, FoldOutcome[]>> {
  const mapped: Record<string, Record<string, FoldOutcome[]>> = {};
  const push = (lang: string, m: string, o: FoldOutcome) => {
    const byMethod = mapped[lang] ?? {};
    mapped[lang] = byMethod;
    const list = byMethod[m] ?? [];
    byMethod[m] = list;
    list.push(o);
  };
  let fold = 0;
  let group = '';
  const add = (lang: string, m: string, p: number, y: boolean) => {
    push(lang, m, { p, y, fold, group });
    push('all', m, { p, y, fold, group });
  };
  for (let f = 0; f < 5; f++) {
    fold = f;
    const rest = items.filter((x) => x.fold !== f);
    const v1 = fitMethod(
      'platt',
      rest.map((x) => x.raw),
    );
    const fitted = Object.entries(fits).map(([m, fit]) => [m, fit(rest)] as const);
    for (const x of items.filter((i) => i.fold === f)) {
      group = x.genre;
      add(x.lang, 'none', x.raw.p, x.raw.y);
      add(x.lang, 'v1', v1(x.raw.p), x.raw.y);
      for (const [m, c] of fitted) {
        const k = c.own[x.lang] ?? c.pooled;
        add(x.lang, m, calibrated({ a: [k.a], b: [k.b] }, 0, x.adj.p), x.adj.y);
      }
    }
  }
  for (const [lang, ms] of Object.entries(mapped)) {
    for (const [m, os] of Object.entries(ms)) metrics[`cv_${lang}_ece_${m}`] = reliability(os).ece;
    metrics[`cv_${lang}_ece_floor`] = eceFloor(ms.offset ?? ms.none!);
  }
  return mapped;
}

/** The kinds of per-language map a genre model can ship for the style decision. */
const LANG_MAPS = ['offset', 'own', 'pooled'] as const;
export type LangMap = (typeof LANG_MAPS)[number];

/**
 * Per language, the map of the lowest cross-fitted ECE among `pooled` (the fit of every
 * language: the language gets no entry of its own), `own` (its own slope and offset) and
 * `offset` (the pooled slope, its own offset); ties go to `offset`, earlier in the list. A
 * language missing from `mapped` keeps `offset`.
 */
export function chooseLangMaps(
  mapped: Record<string, Record<string, Outcome[]>>,
  langs: Iterable<string>,
): Record<string, LangMap> {
  const out: Record<string, LangMap> = {};
  for (const lang of langs) {
    const ms = mapped[lang];
    let best: LangMap = 'offset';
    let bestEce = Number.POSITIVE_INFINITY;
    for (const m of LANG_MAPS) {
      const os = ms?.[m];
      if (!os?.length) continue;
      const ece = reliability(os).ece;
      if (ece < bestEce) {
        best = m;
        bestEce = ece;
      }
    }
    out[lang] = best;
  }
  return out;
}

/** The cuts of the calibration's length bands (`--set bands`): those of the minimum-length tables. */
const DEFAULT_BANDS = '10,25,50,75,100,150,200,250,300,400';

/** Decides each article with the model's per-language offsets. */
function decide(model: LinearModel, p: Float64Array, lang: string): number {
  return model.decide(p, model.thresholdsFor(lang))[0]!;
}

/** The `meta.genreTechniques` of a model (`GenreTechniqueSettings` in the core library). */
interface TechniqueCuts {
  /** 2: the share of sentences with a technique; 1: of paragraphs. */
  version: 1 | 2;
  langs: Record<string, { mean: number; sd: number; weight: number; cut: number; slope: number }>;
}

/**
 * The combined score of the genre analyzer for languages with techniques settings (as
 * `techniqueScore` in the core library computes it): the share's z-score times the weight, less
 * the style model's log odds of reporting against opinion. Low for reporting.
 */
function combined(share: number, p: ArrayLike<number>, t: TechniqueCuts['langs'][string]): number {
  const z = Math.max(-3, Math.min(3, (share - t.mean) / t.sd));
  const r = GENRES.indexOf('reporting');
  const o = GENRES.indexOf('opinion');
  return t.weight * z - (Math.log(Math.max(p[r]!, 1e-12)) - Math.log(Math.max(p[o]!, 1e-12)));
}

/** Macro-F1 per language of single-label decisions, as the subtask-1 scorer computes it. */
function macroByLang(langs: readonly string[], gold: readonly number[], pred: readonly number[]) {
  const out: Record<string, number> = {};
  for (const lang of new Set(langs)) {
    const idx = langs.map((l, i) => (l === lang ? i : -1)).filter((i) => i >= 0);
    out[lang] = multiLabelF1(
      idx.map((i) => [GENRES[gold[i]!]!]),
      idx.map((i) => [GENRES[pred[i]!]!]),
      GENRES,
    ).macroF1;
  }
  return out;
}

/**
 * For `--set truncate=…`: per language `kfold_<lang>_majority_macro_f1` (always the language's
 * most frequent genre) and `kfold_<lang>_min_words`, the cut {@link minimumCut} picks against it
 * from the k-fold figures of the articles cut after so many words.
 */
function truncatedMinimum(
  langs: readonly string[],
  gold: readonly number[],
  cuts: readonly number[],
  metrics: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const lang of new Set(langs)) {
    const own = gold.filter((_, i) => langs[i] === lang);
    const counts = GENRES.map((_, g) => own.filter((x) => x === g).length);
    const top = counts.indexOf(Math.max(...counts));
    const majority = macroByLang(
      own.map(() => lang),
      own,
      own.map(() => top),
    )[lang]!;
    out[`kfold_${lang}_majority_macro_f1`] = majority;
    out[`kfold_${lang}_min_words`] = minimumCut(
      cutScores(cuts, metrics, (n) => `kfold_${lang}_w${n}_macro_f1`),
      majority,
    );
  }
  return out;
}

/**
 * `newsprism train genre`: a softmax over style measures z-scored per language (no word
 * n-grams: on ~30 English reporting articles they fitted topics, not genre). Out-of-fold
 * probabilities, averaged over `cvRepeats` 5-fold splits, give the class offsets and the CV
 * figures; the shipped weights average `seeds` shuffles. `kfold_<lang>_<layout>_macro_f1`
 * (mean and sd over `kfold` fold assignments, default 5; 0 skips it): 5-fold by article, each
 * fold's model fitted on the other folds alone (norms, weights, offsets) and scored on the
 * articles as they are, one sentence per line and merged into long paragraphs, with F1,
 * precision and recall per genre on the first (`kfold_<lang>_<genre>_f1|p|r`), the AUC of the
 * out-of-fold reporting-against-opinion log odds (`kfold_<lang>_rep_op_auc`) and the best
 * macro-F1 one cut on them could give, chosen in hindsight (`kfold_<lang>_hindsight_macro_f1`:
 * what no offset can exceed). For the
 * languages of `techLangs` (default none; genre@3–6 shipped `en`), reporting against opinion is
 * decided by the style model's log odds together with `techWeight` (default 4) times the
 * z-score of the share of sentences with a persuasion technique; the share comes from
 * techniques models that did not see the article (five techniques trainings per language), the
 * cut is the one of best macro-F1 on the out-of-fold scores, and `cv_<lang>_macro_f1` is
 * cross-validated with the cut chosen on the other folds (the style model alone:
 * `cv_<lang>_style_macro_f1`). `--set` overrides: `epochs`, `rate`, `l2`, `balance`, `bits`,
 * `folds`, `cvRepeats`, `seeds`, `kfold`, `report` (languages to score on val), `techLangs`,
 * `techWeight`, `drop`, `minSupport`, `truncate` (k-fold layouts: the articles cut after so many
 * words, e.g. `10,25,50,100`, for the layer's minimum length), `calMin`, `calChoose`, `cal` (`genre`, default: the chosen
 * genre's score mapped per genre and language, calibration version 3; `lang`: per language,
 * version 2), `calLambda` (version 3's pull of a language toward the genre's map, default 10), `bands`
 * (version 3's length bands, the cuts, default 10,…,400; 0: none), `cutcal=1` (with `truncate`:
 * the shown score's held-out ECE on cut articles, `kcal_*` as shipped before bands, `kband_*`
 * with a map per cut),
 * `table=reliability` (the held-out reliability table per chosen genre). Issue 18's domain
 * levers (session 14; none in the shipped model, `docs/benchmarks.md`): `prior=en:R/O/S` (a
 * deployment prior per language: its offsets move by ln(prior / training share)),
 * `addReporting=polnear-wire:W|polnear-news:W` (PolNeAR `train` news reports as weak English
 * reporting examples of weight W), `pooledNorms=m1,m2` (measures normed over all languages together).
 * `layerMeasures=qSent,subjRate,…|all` (session 15): the k-fold alone, with measures of the other
 * layers (quotes, sources, subjectivity, claims) beside the style measures; no model written.
 * The model records its training counts per language (`meta.genreTrainPrior`) for the layer's
 * run-time `prior` option; `runPrior=news-wire,0.6/0.38/0.02` measures that option on the
 * held-out articles resampled by article to each prior (`runprior<i>_<all|lang>_gece|ece|
 * gece_floor|macro_f1|accuracy|reporting_share` and `_sd` over 200 resamples; `runprior<i>none_*`: the
 * same draws scored by the layer without the option; `runPriorRule=shift`: decided by the
 * offsets moved by ln ratio, not by the highest re-weighted probability as the layer does;
 * `runPriorSplit=raw`: the rest of the chosen genre's score shared by raw probabilities).
 */
export const trainGenre: Task = {
  name: 'genre',
  description: 'genre per article (SemEval-2023 Task 3 subtask 1) from style measures, all languages',
  async run(o): Promise<Report> {
    const t0 = Date.now();
    // `layerMeasures` writes no model: an `--out` would be silently left unwritten.
    if (o.extra.layerMeasures && o.out)
      throw new NewsprismError(
        'E_OPTION_VALUE',
        'layerMeasures: the k-fold writes no model; drop --out (or drop layerMeasures to train one)',
      );
    const split = o.split ?? 'train';
    const train = loadSemeval(o.data, o.lang, split).filter((a) => a.genre);
    const bits = numberOption(o.extra, 'bits', 12);
    const styles = train.map((a) => ({
      lang: a.lang,
      style: genreStyle(a.text, a.lang, titleEndOf(fileLines(a.text))),
    }));
    // `--set drop=wpp,longPara,saidPara`: leave measures out (those three depend on how the text
    // is cut into lines).
    const drop = new Set(measureList(o.extra.drop ?? '', 'drop'));
    // `--set cal=genre|lang`: the chosen genre's score mapped per genre and language (version 3),
    // or per language (version 2, genre@9).
    const calMode = o.extra.cal ?? 'genre';
    if (calMode !== 'genre' && calMode !== 'lang')
      throw new NewsprismError('E_OPTION_VALUE', `cal: ${calMode} is not genre or lang`);
    o.log(`genre: ${train.length} articles (${split})`);
    const opts: TrainOptions = {
      kind: 'multiclass',
      labels: GENRES,
      bits,
      epochs: numberOption(o.extra, 'epochs', 30),
      rate: numberOption(o.extra, 'rate', 0.05),
      l2: numberOption(o.extra, 'l2', 0.1),
      balance: numberOption(o.extra, 'balance', 1),
    };
    // Out-of-fold probabilities averaged over several fold splits: offsets tuned on one split
    // follow which few English reporting articles landed in which fold.
    const fitOptions: StyleFitOptions = {
      train: opts,
      measures: STYLE_MEASURES.filter((m) => !drop.has(m)),
      repeats: numberOption(o.extra, 'cvRepeats', 3),
      folds: numberOption(o.extra, 'folds', 5),
      seeds: numberOption(o.extra, 'seeds', 5),
      // 2, not 3: Russian has 3 satire articles, so the model trained on all of them predicts
      // Russian satire, and its k-fold models (2 of the 3 in training) should too; English (1) never.
      minSupport: numberOption(o.extra, 'minSupport', 2),
      prior: parsePriors(o.extra.prior ?? ''),
      extra: extraReporting(o.extra.addReporting ?? '', o.data),
      pooledNorms: measureList(o.extra.pooledNorms ?? '', 'pooledNorms'),
    };
    const rows: StyleRow[] = train.map((a, i) => ({
      lang: a.lang,
      style: styles[i]!.style,
      genre: a.genre!,
      group: `${a.dir}/${a.id}`,
    }));
    // `--set layerMeasures=…`: the k-fold alone, with the other layers' measures (no model).
    const layer = layerMeasureList(o.extra.layerMeasures ?? '');
    if (layer.length) return layerMeasuresKfold(train, rows, fitOptions, layer, o);
    const { model, settings, oof, perLang } = fitStyle(rows, fitOptions);
    const gold = rows.map((r) => GENRES.indexOf(r.genre as (typeof GENRES)[number]));
    const langs = train.map((a) => a.lang);
    const metrics: Record<string, number> = { articles: train.length };
    // The training shares per language, which a run-time prior (the layer's option) divides out.
    const trainCounts = trainPrior(langs, gold);
    model.meta.genreTrainPrior = trainCounts;
    const cv = macroByLang(
      langs,
      gold,
      oof.map((p, i) => decide(model, p, langs[i]!)),
    );
    for (const [lang, f1] of Object.entries(cv)) metrics[`cv_${lang}_macro_f1`] = f1;
    // k-fold by article over several fold assignments, in every layout (`--set kfold=0` skips it).
    const assignments = numberOption(o.extra, 'kfold', 5);
    let cutTable: (string | number)[][] = [];
    if (assignments > 0) {
      // `--set truncate=10,25,50,100`: the layouts are the articles cut after that many words.
      const cuts = (o.extra.truncate ?? '').split(',').filter(Boolean).map(Number);
      o.log(
        `genre: k-fold by article, ${assignments} fold assignments, ${cuts.length ? `cut after ${cuts} words` : 'three layouts'}`,
      );
      const laid = cuts.length ? truncatedStyles(train, cuts) : await laidOutStyles(train);
      Object.assign(
        metrics,
        kfoldStyle(
          rows.map((r, i) => ({ ...r, layouts: laid[i]! })),
          fitOptions,
          Array.from({ length: assignments }, (_, s) => s + 1),
          5,
          o.extra.kfoldRuns === '1',
        ),
      );
      if (cuts.length) Object.assign(metrics, truncatedMinimum(langs, gold, cuts, metrics));
      // `--set cutcal=1`: the shown (calibrated) score's ECE on the held-out articles whole and
      // cut (`kcal_*`: the calibration fitted on whole articles, as shipped; `kband_*`: a map
      // per cut, cross-fitted on held-out outcomes of cut texts).
      if (o.extra.cutcal === '1') {
        const laidRows = rows.map((r, i) => ({ ...r, layouts: laid[i]! }));
        const lambda = numberOption(o.extra, 'calLambda', 10);
        const runs: CutOutcome[][] = [];
        for (let s = 1; s <= assignments; s++) runs.push(cutOutcomes(laidRows, fitOptions, s, 5, lambda));
        Object.assign(metrics, cutCalMetrics('kcal', runs));
        Object.assign(
          metrics,
          cutCalMetrics(
            'kband',
            runs.map((r) => bandCrossFit(r, lambda)),
          ),
        );
        if (o.extra.table === 'cutreliability')
          cutTable = cutReliabilityRows(runs[0]!, new Set((o.extra.cutTableLangs ?? 'en').split(',')));
      }
    }
    // Languages where the techniques layer joins the decision between reporting and opinion.
    // The share of sentences with a technique (`--set share=paragraphs`: of paragraphs, as before).
    const cuts: TechniqueCuts = { version: o.extra.share === 'paragraphs' ? 1 : 2, langs: {} };
    // Held-out outcomes of the chosen genre's score, for its calibration: the style model's
    // out-of-fold probabilities, or P of the techniques decision from out-of-fold shares.
    const techOutcomes: Outcome[] = [];
    const weight = numberOption(o.extra, 'techWeight', 4);
    for (const lang of (o.extra.techLangs ?? '').split(',').filter(Boolean)) {
      const idx = langs.map((l, i) => (l === lang ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) continue;
      const shares = await outOfFoldTechniqueShares(
        o,
        idx.map((i) => train[i]!),
        5,
        '',
        cuts.version,
      );
      const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
      const sd = Math.sqrt(shares.reduce((a, b) => a + (b - mean) ** 2, 0) / shares.length) || 1;
      const t = {
        mean: Math.round(mean * 1e5) / 1e5,
        sd: Math.round(sd * 1e5) / 1e5,
        weight,
        cut: 0,
        slope: 1,
      };
      const scores = idx.map((i, j) => combined(shares[j]!, oof[i]!, t));
      const mine = idx.map((i) => train[i]!.genre!);
      t.cut = bestCut(scores, mine);
      t.slope = fitSlope(scores, mine, t.cut);
      cuts.langs[lang] = t;
      scores.forEach((v, j) => {
        const rep = 1 / (1 + Math.exp(-t.slope * (t.cut - v)));
        const chosen = v <= t.cut ? 'reporting' : 'opinion';
        techOutcomes.push({ p: chosen === 'reporting' ? rep : 1 - rep, y: mine[j] === chosen });
      });
      const nested = nestedCutMacroF1(scores, mine);
      if (metrics[`cv_${lang}_macro_f1`] !== undefined)
        metrics[`cv_${lang}_style_macro_f1`] = metrics[`cv_${lang}_macro_f1`]!;
      metrics[`cv_${lang}_macro_f1`] = nested.mean;
      metrics[`cv_${lang}_macro_f1_sd`] = nested.sd;
    }
    if (Object.keys(cuts.langs).length) model.meta.genreTechniques = cuts;
    // The style decisions' held-out outcomes, on the chosen genre's offset-adjusted probability
    // (version 2): one Platt fit per language with enough articles, else the pooled fit.
    const styled = oof
      .map((p, i) => {
        const lang = langs[i]!;
        if (cuts.langs[lang]) return undefined;
        const best = decide(model, p, lang);
        const y = best === gold[i];
        return {
          lang,
          genre: GENRES[best]!,
          fold: hashString(`genre-cal:${rows[i]!.group}`) % 5,
          raw: { p: p[best]!, y },
          adj: { p: adjustedChosen(p, model.thresholdsFor(lang), best), y },
        };
      })
      .filter((x) => x !== undefined);
    const minOwn = numberOption(o.extra, 'calMin', 40);
    // Per language: a full fit (`own`) or the pooled slope with the language's own offset.
    const langFits =
      (slope: boolean) =>
      (items: typeof styled): CalFit => {
        const pooled = fitPlatt(items.map((x) => x.adj));
        const own: Record<string, { a: number; b: number }> = {};
        for (const lang of new Set(items.map((x) => x.lang))) {
          const mine = items.filter((x) => x.lang === lang).map((x) => x.adj);
          if (mine.length >= minOwn) own[lang] = fitPlatt(mine, slope ? pooled.a : undefined);
        }
        return { pooled, own };
      };
    const fitCal = langFits(true);
    const mapped = crossFitStyle(
      styled,
      {
        pooled: (items) => ({ pooled: fitPlatt(items.map((x) => x.adj)), own: {} }),
        own: langFits(false),
        offset: fitCal,
      },
      metrics,
    );
    const round = (f: { a: number; b: number }) => ({
      a: Math.round(f.a * 1e4) / 1e4,
      b: Math.round(f.b * 1e4) / 1e4,
    });
    const fitted = fitCal(styled);
    const full = langFits(false)(styled);
    // Per language the map of the lowest cross-fitted ECE (`--set calChoose=0`: the offset for
    // every language with enough articles, as genre@8).
    const choice =
      o.extra.calChoose === '0'
        ? Object.fromEntries(Object.keys(fitted.own).map((l) => [l, 'offset' as LangMap]))
        : chooseLangMaps(mapped, Object.keys(fitted.own));
    // The choice itself measured held out: each fold's outcomes under the map chosen on the
    // other folds' cross-fitted outcomes (`cv_<lang>_ece_nested`; the `chosen` figure is
    // measured on the outcomes that chose it).
    const allNested: FoldOutcome[] = [];
    for (const lang of Object.keys(choice)) {
      const nested: FoldOutcome[] = [];
      for (let f = 0; f < 5; f++) {
        const others = Object.fromEntries(
          Object.entries(mapped[lang] ?? {}).map(([m, os]) => [m, os.filter((x) => x.fold !== f)]),
        );
        const m = o.extra.calChoose === '0' ? 'offset' : chooseLangMaps({ [lang]: others }, [lang])[lang]!;
        nested.push(...(mapped[lang]?.[m] ?? []).filter((x) => x.fold === f));
      }
      // Can this many articles show an ECE ≤ 0.05 at all? (p-value against a perfect score, how
      // often a perfect score would pass)
      const noise = eceNoise(nested);
      metrics[`cv_${lang}_ece_nested`] = noise.ece;
      metrics[`cv_${lang}_ece_nested_p`] = noise.p;
      metrics[`cv_${lang}_ece_nested_floor`] = noise.floor;
      metrics[`cv_${lang}_ece_nested_q95`] = noise.q95;
      metrics[`cv_${lang}_ece_nested_perfect_pass`] = noise.pass;
      genreCalMetrics(`cv_${lang}_nested`, nested, metrics);
      allNested.push(...nested);
    }
    genreCalMetrics('cv_all_nested', allNested, metrics);
    // Version 3 (`--set cal=genre`, the default): a map per chosen genre and language
    // (`fitGenreMaps`), cross-fitted on the same folds: `cv_<lang>_genre_*`.
    const lambda = numberOption(o.extra, 'calLambda', 10);
    const genreItems = styled.map((x) => ({
      lang: x.lang,
      genre: x.genre,
      fold: x.fold,
      p: x.adj.p,
      y: x.adj.y,
    }));
    const byGenre = crossFitGenreMaps(genreItems, lambda);
    // `--set runPrior=news-wire,0.6/0.38/0.02`: the layer's run-time prior on the held-out
    // articles resampled to it (`runprior<i>_*`; `runprior<i>none_*`: the layer without it).
    (o.extra.runPrior ?? '')
      .split(',')
      .filter(Boolean)
      .forEach((spec, i) => {
        const items = oof.map((p, j) => ({
          lang: langs[j]!,
          gold: gold[j]!,
          p,
          fold: hashString(`genre-cal:${rows[j]!.group}`) % 5,
        }));
        for (const [key, s] of [
          [`runprior${i}`, spec],
          [`runprior${i}none`, 'none'],
        ] as const)
          Object.assign(
            metrics,
            resampledPriorMetrics(
              priorOutcomes(
                items,
                model,
                trainCounts,
                s,
                lambda,
                o.extra.runPriorRule === 'shift' ? 'shift' : 'bayes',
                o.extra.runPriorSplit === 'raw' ? 'raw' : 'offsets',
              ),
              spec,
              key,
            ),
          );
      });
    for (const lang of new Set(genreItems.map((x) => x.lang)))
      genreCalMetrics(
        `cv_${lang}_genre`,
        byGenre.filter((x) => x.lang === lang),
        metrics,
      );
    genreCalMetrics('cv_all_genre', byGenre, metrics);
    // The score the layer shows is the decided genre's alone: its held-out ECE within each
    // decided genre, over all languages and per language, beside a perfect score's (`_floor`, `_p`).
    for (const lang of ['all', ...new Set(genreItems.map((x) => x.lang))])
      for (const g of GENRES) {
        const mine = byGenre.filter((x) => x.group === g && (lang === 'all' || x.lang === lang));
        if (!mine.length) continue;
        const noise = eceNoise(mine);
        metrics[`cv_${lang}_genre_${g}_articles`] = mine.length;
        metrics[`cv_${lang}_genre_${g}_ece`] = noise.ece;
        metrics[`cv_${lang}_genre_${g}_ece_floor`] = noise.floor;
        metrics[`cv_${lang}_genre_${g}_ece_p`] = noise.p;
      }
    const chosenAll: Outcome[] = [];
    for (const [lang, m] of Object.entries(choice)) {
      metrics[`cv_${lang}_ece_chosen_${m}`] = reliability(mapped[lang]?.[m] ?? []).ece;
      chosenAll.push(...(mapped[lang]?.[m] ?? []));
    }
    if (chosenAll.length) {
      metrics.cv_chosen_ece = reliability(chosenAll).ece;
      metrics.cv_chosen_ece_floor = eceFloor(chosenAll);
    }
    const styleLangs: Record<string, { a: number; b: number }> = {};
    for (const [lang, m] of Object.entries(choice)) {
      const f = m === 'offset' ? fitted.own[lang] : m === 'own' ? full.own[lang] : undefined;
      if (f) styleLangs[lang] = round(f);
    }
    const calibration: GenreCalibration =
      calMode === 'genre'
        ? { version: 3, ...fitGenreMaps(genreItems, lambda) }
        : { version: 2, style: round(fitted.pooled), styleLangs };
    if (techOutcomes.length) calibration.techniques = round(fitPlatt(techOutcomes));
    // Version 3's length bands (`--set bands=…`, the cuts; `bands=0`: none): per cut, the maps
    // fitted on held-out decisions of the articles cut after so many words (each fold decided
    // by a style model fitted on the other folds), the last cut the bands' upper end.
    const bandCuts = (o.extra.bands ?? DEFAULT_BANDS)
      .split(',')
      .filter((x) => x && x !== '0')
      .map(Number);
    if (calibration.version === 3 && bandCuts.length > 1) {
      const laid = truncatedStyles(train, bandCuts);
      const outcomes = cutOutcomes(
        rows.map((r, i) => ({ ...r, layouts: laid[i]! })),
        fitOptions,
        1,
        5,
        lambda,
      );
      calibration.bands = bandCuts.slice(0, -1).map(
        (n): GenreBand => ({
          minWords: n,
          ...fitGenreMaps(
            outcomes.filter((x) => x.layout === `w${n}`),
            lambda,
          ),
        }),
      );
      calibration.upTo = bandCuts[bandCuts.length - 1]!;
    }
    model.meta.genreCalibration = calibration;
    // The reliability table of the shipped kind's held-out scores, per chosen genre.
    let table: (string | number)[][] =
      o.extra.table === 'reliability' ? genreReliabilityRows(calMode === 'genre' ? byGenre : allNested) : [];
    if (split === 'train') {
      for (const lang of (o.extra.report ?? 'en').split(',')) {
        const val = loadSemeval(o.data, lang, 'val').filter((a) => a.genre);
        const cutOf = cuts.langs[lang];
        const shares = cutOf ? await techniqueShares(val, cuts.version) : [];
        const pred = val.map((a, i) => {
          const p = model.probabilities(vectorOf(a, settings, bits));
          if (!cutOf) return [GENRES[decide(model, p, a.lang)]!];
          return [combined(shares[i]!, p, cutOf) <= cutOf.cut ? 'reporting' : 'opinion'];
        });
        const s = multiLabelF1(
          val.map((a) => [a.genre!]),
          pred,
          GENRES,
        );
        metrics[`val_${lang}_macro_f1`] = s.macroF1;
        if (table.length === 0) table = perLabelTable(s);
      }
    }
    if (cutTable.length) table = cutTable;
    metrics.seconds = (Date.now() - t0) / 1000;
    saveSemevalModel(o, 'genre/model.json', model, {
      task: 'semeval2023-task3 genre',
      split,
      options: opts,
      metrics,
      langThresholds: perLang,
      genreStyle: settings,
      genreCalibration: calibration,
      genreTrainPrior: trainCounts,
      ...(Object.keys(cuts.langs).length ? { genreTechniques: cuts } : {}),
    });
    return { title: 'Trained genre model', metrics, table };
  },
};
