import { createHash } from 'node:crypto';
import { FRAMES, numberOption } from '@newsprism/core';
import {
  type Calibration,
  calibrated,
  calibratedIn,
  crossValidate,
  cutAfterWords,
  type DocumentFeatureWeights,
  documentFeatures,
  fileLines,
  fitCalibration,
  fitPlatt,
  type LinearModel,
  type Outcome,
  refineThresholds,
  reliability,
  type Sample,
  type TrainOptions,
  trainAveraged,
  tuneOffsets,
  tuneThresholds,
} from '@newsprism/core/train';
import { type EceNoise, eceFloor, eceNoise, meanSd } from '../checkthat/kfold-calibration.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadSemeval, type SemevalArticle } from './dataset.js';
import {
  crossFitShown,
  type FramesCutOutcome,
  framesCutMetrics,
  framesCutOutcomes,
  framesCutReliabilityRows,
} from './frames-cut-calibration.js';
import { multiLabelF1, perLabelTable } from './metrics.js';
import { cutScores, minimumCut } from './minimum-cut.js';
import { saveSemevalModel } from './save-model.js';

/** The article-level feature vector, with the first line as the title (as in the data set). */
export function articleVector(a: SemevalArticle, bits: number, weights: DocumentFeatureWeights): Sample['x'] {
  const lines = fileLines(a.text);
  return documentFeatures(a.text, a.lang, bits, lines[0], lines.length, weights);
}

/** A held-out (article, label) outcome with the article's language and fold. */
export interface LangOutcome extends Outcome {
  label: number;
  lang: string;
  fold: number;
}

/** A language's map on the label-calibrated score: `offset` holds the slope at 1, `platt` fits both. */
export type LangMapKind = 'offset' | 'platt';

/**
 * Per language: mean (and sd) over the folds of the held-out ECE with the per-label maps alone
 * (`without`) and with each kind of language map, the floor of the per-label figure, and the
 * map kept (`undefined`: none).
 */
export interface LangCalibrationRow {
  lang: string;
  outcomes: number;
  without: number;
  withoutSd: number;
  offset: number;
  offsetSd: number;
  platt: number;
  plattSd: number;
  floor: number;
  kept?: LangMapKind;
  /**
   * Nested: each fold mapped by the kind (none, offset or Platt) the other folds' mean ECE
   * chooses; per-fold mean and sd, and all folds' outcomes pooled with their noise test.
   */
  nested: number;
  nestedSd: number;
  nestedPooled: EceNoise;
  /** The kept map's (or none's) held-out outcomes of all folds pooled, with their noise test. */
  pooled: EceNoise;
}

function meanOf(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

function sdOf(xs: number[]): number {
  const m = meanOf(xs);
  return xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) : 0;
}

function fitLangMap(kind: LangMapKind, outcomes: Outcome[]): { a: number; b: number } {
  return kind === 'offset' ? fitPlatt(outcomes, 1) : fitPlatt(outcomes);
}

const KINDS: LangMapKind[] = ['offset', 'platt'];

/**
 * The per-label calibration with a per-language map where it helps, cross-fitted by article:
 * for each fold, the per-label maps and each language's maps (an offset, or a Platt fit, on the
 * label-calibrated scores of the language's outcomes) are fitted on the other folds, and the
 * fold's ECE in each language is measured without and with each map. A language keeps the map
 * of the lowest mean per-fold ECE when it is lower than without one by more than `margin`
 * (refitted on all its outcomes); decisions never change. `noiseRuns`: the perfectly calibrated
 * draws behind the rows' noise figures (0: none, when only the calibration is wanted).
 */
export function fitLanguageCalibration(
  outcomes: readonly LangOutcome[],
  labels: number,
  folds: number,
  margin = 0,
  noiseRuns = 1000,
): { calibration: Calibration; rows: LangCalibrationRow[]; heldOut: number[] } {
  const byLabel = (keep: (o: LangOutcome) => boolean) => {
    const out: Outcome[][] = Array.from({ length: labels }, () => []);
    for (const o of outcomes) if (keep(o)) out[o.label]!.push({ p: o.p, y: o.y });
    return out;
  };
  const langs = [...new Set(outcomes.map((o) => o.lang))].sort();
  type PerLang = { without: number[]; offset: number[]; platt: number[]; floor: number[] };
  const per = new Map<string, PerLang>(
    langs.map((l) => [l, { without: [], offset: [], platt: [], floor: [] }]),
  );
  // Per language, fold and kind: the fold's mapped outcomes (for the pooled and nested figures).
  const mappedOf = new Map<string, Map<number, Record<'without' | LangMapKind, Outcome[]>>>(
    langs.map((l) => [l, new Map()]),
  );
  const foldMaps: { c: Calibration; m: Map<string, Record<LangMapKind, { a: number; b: number }>> }[] = [];
  for (let f = 0; f < folds; f++) {
    const c = fitCalibration(byLabel((o) => o.fold !== f));
    const m = new Map<string, Record<LangMapKind, { a: number; b: number }>>();
    for (const lang of langs) {
      const fit = outcomes
        .filter((o) => o.fold !== f && o.lang === lang)
        .map((o) => ({ p: calibrated(c, o.label, o.p), y: o.y }));
      const test = outcomes.filter((o) => o.fold === f && o.lang === lang);
      if (!fit.length || !test.length) continue;
      const maps = { offset: fitLangMap('offset', fit), platt: fitLangMap('platt', fit) };
      m.set(lang, maps);
      const r = per.get(lang)!;
      const without = test.map((o) => ({ p: calibrated(c, o.label, o.p), y: o.y }));
      r.without.push(reliability(without).ece);
      r.floor.push(noiseRuns ? eceFloor(without, Math.min(50, noiseRuns)) : Number.NaN);
      const byKind: Record<'without' | LangMapKind, Outcome[]> = { without, offset: [], platt: [] };
      for (const k of KINDS) {
        byKind[k] = test.map((o) => ({
          p: calibratedIn({ ...c, langs: { [lang]: maps[k] } }, lang, o.label, o.p),
          y: o.y,
        }));
        r[k].push(reliability(byKind[k]).ece);
      }
      mappedOf.get(lang)!.set(f, byKind);
    }
    foldMaps.push({ c, m });
  }
  const rows: LangCalibrationRow[] = langs.map((lang) => {
    const r = per.get(lang)!;
    const row: Omit<LangCalibrationRow, 'nested' | 'nestedSd' | 'nestedPooled' | 'pooled'> &
      Partial<LangCalibrationRow> = {
      lang,
      outcomes: outcomes.filter((o) => o.lang === lang).length,
      without: meanOf(r.without),
      withoutSd: sdOf(r.without),
      offset: meanOf(r.offset),
      offsetSd: sdOf(r.offset),
      platt: meanOf(r.platt),
      plattSd: sdOf(r.platt),
      floor: meanOf(r.floor),
    };
    const best = row.offset <= row.platt ? 'offset' : 'platt';
    if (row[best] < row.without - margin) row.kept = best;
    const byFold = mappedOf.get(lang)!;
    row.pooled = eceNoise(
      [...byFold.values()].flatMap((m) => m[row.kept ?? 'without']),
      0.05,
      noiseRuns,
    );
    // Nested: the choice for fold f made on the other folds' per-fold ECEs.
    const nestedEce: number[] = [];
    const nestedOutcomes: Outcome[] = [];
    const foldsSeen = [...byFold.keys()];
    for (const [i, f] of foldsSeen.entries()) {
      const mean = (xs: number[]) => meanOf(xs.filter((_, j) => j !== i));
      const b = mean(r.offset) <= mean(r.platt) ? 'offset' : 'platt';
      const k = mean(r[b]) < mean(r.without) - margin ? b : 'without';
      const own = byFold.get(f)![k];
      nestedEce.push(reliability(own).ece);
      nestedOutcomes.push(...own);
    }
    row.nested = meanOf(nestedEce);
    row.nestedSd = sdOf(nestedEce);
    row.nestedPooled = eceNoise(nestedOutcomes, 0.05, noiseRuns);
    return row as LangCalibrationRow;
  });
  const kept = new Map(rows.flatMap((r) => (r.kept ? [[r.lang, r.kept] as const] : [])));
  // The held-out ECE of the chosen calibration over every pair of each fold.
  const heldOut = foldMaps.map(
    ({ c, m }, f) =>
      reliability(
        outcomes
          .filter((o) => o.fold === f)
          .map((o) => {
            const k = kept.get(o.lang);
            const map = k ? m.get(o.lang)?.[k] : undefined;
            return {
              p: calibratedIn(map ? { ...c, langs: { [o.lang]: map } } : c, o.lang, o.label, o.p),
              y: o.y,
            };
          }),
      ).ece,
  );
  const calibration = fitCalibration(byLabel(() => true));
  const maps: Record<string, { a: number; b: number }> = {};
  for (const [lang, k] of kept) {
    const f = fitLangMap(
      k,
      outcomes
        .filter((o) => o.lang === lang)
        .map((o) => ({ p: calibrated(calibration, o.label, o.p), y: o.y })),
    );
    maps[lang] = { a: Math.round(f.a * 1e4) / 1e4, b: Math.round(f.b * 1e4) / 1e4 };
  }
  if (kept.size) calibration.langs = maps;
  return { calibration, rows, heldOut };
}

/** The default `--set bands` of `train frames`: the length bands' cuts, then `upTo`. */
const FRAMES_BANDS = '150,200,250,300,400,500,700';

interface ArticleTaskSpec {
  name: 'frames' | 'genre';
  labels: readonly string[];
  kind: 'multilabel' | 'multiclass';
  gold(a: SemevalArticle): string[] | undefined;
  bits: number;
  weights: DocumentFeatureWeights;
  defaults: Partial<TrainOptions>;
}

/** Single-label decisions → label names, per article, for scoring. */
function decisions(model: LinearModel, articles: SemevalArticle[]): string[][] {
  return articles.map((a) =>
    model
      .decide(
        model.probabilities(articleVector(a, model.bits, model.meta.features as DocumentFeatureWeights)),
        model.thresholdsFor(a.lang),
      )
      .map((k) => model.labels[k]!),
  );
}

/**
 * `--set truncate=10,25,…` (multilabel): k-fold by article (fold by a hash of the article), each
 * fold's model trained on the other folds, given the shipped model's thresholds (tuned on all
 * out-of-fold predictions: the same for every cut), deciding the held-out articles whole and cut
 * after N words; `--set kfold=N` repeats it over N fold assignments (default 1; the first is the
 * session-12 one). Per language and cut `trunc_<lang>_<N|whole>_micro_f1` and `_macro_f1` (mean
 * over assignments, `…_sd` their sample sd when N > 1), and `trunc_<lang>_constant_micro_f1`:
 * the best constant answer (the k most frequent frames of the language, k chosen on the same
 * articles: a generous baseline), and `trunc_<lang>_min_words`: the cut {@link minimumCut} picks.
 */
function truncatedFolds(
  spec: ArticleTaskSpec,
  train: readonly SemevalArticle[],
  samples: readonly Sample[],
  opts: TrainOptions,
  thresholds: { global: Float32Array | number[]; perLang: Record<string, number[]> },
  cuts: readonly number[],
  bits: number,
  weights: DocumentFeatureWeights,
  assignments = 1,
  k = 5,
): Record<string, number> {
  const names = [...cuts.map(String), 'whole'];
  const byKey: Record<string, number[]> = {};
  const push = (key: string, v: number) => {
    byKey[key] = [...(byKey[key] ?? []), v];
  };
  for (let s = 0; s < assignments; s++) {
    const salt = s === 0 ? 'trunc' : `trunc${s}`;
    const fold = train.map(
      (a) => createHash('sha1').update(`${salt}:${a.dir}/${a.id}`).digest().readUInt32BE(0) % k,
    );
    const pred = truncatedPredictions(train, samples, opts, thresholds, names, fold, bits, weights, k);
    for (const lang of new Set(train.map((a) => a.lang))) {
      const idx = train.map((a, i) => (a.lang === lang ? i : -1)).filter((i) => i >= 0);
      const gold = idx.map((i) => spec.gold(train[i]!)!);
      names.forEach((n, c) => {
        const f1 = multiLabelF1(
          gold,
          idx.map((i) => pred[c]![i]!),
          spec.labels,
        );
        push(`trunc_${lang}_${n}_micro_f1`, f1.micro.f1);
        push(`trunc_${lang}_${n}_macro_f1`, f1.macroF1);
      });
    }
  }
  const out: Record<string, number> = { trunc_assignments: assignments };
  for (const [key, xs] of Object.entries(byKey)) {
    const { mean, sd } = meanSd(xs);
    out[key] = mean;
    if (assignments > 1) out[`${key}_sd`] = sd;
  }
  for (const lang of new Set(train.map((a) => a.lang))) {
    const gold = train.filter((a) => a.lang === lang).map((a) => spec.gold(a)!);
    const freq = spec.labels
      .map((l) => [l, gold.filter((g) => g.includes(l)).length] as const)
      .sort((a, b) => b[1] - a[1]);
    const constant = Math.max(
      ...freq.map(
        (_, top) =>
          multiLabelF1(
            gold,
            gold.map(() => freq.slice(0, top + 1).map(([l]) => l)),
            spec.labels,
          ).micro.f1,
      ),
    );
    out[`trunc_${lang}_constant_micro_f1`] = constant;
    out[`trunc_${lang}_min_words`] = minimumCut(
      cutScores(cuts, out, (n) => `trunc_${lang}_${n}_micro_f1`),
      constant,
    );
  }
  return out;
}

/** Each cut's predictions (`names`: the cuts and `whole`) of one fold assignment. */
function truncatedPredictions(
  train: readonly SemevalArticle[],
  samples: readonly Sample[],
  opts: TrainOptions,
  thresholds: { global: Float32Array | number[]; perLang: Record<string, number[]> },
  names: readonly string[],
  fold: readonly number[],
  bits: number,
  weights: DocumentFeatureWeights,
  k: number,
): string[][][] {
  const pred = names.map(() => new Array<string[]>(train.length));
  for (let f = 0; f < k; f++) {
    const model = trainAveraged(
      samples.filter((_, i) => fold[i] !== f),
      opts,
      1,
    );
    model.thresholds.set(thresholds.global);
    model.meta.langThresholds = thresholds.perLang;
    train.forEach((a, i) => {
      if (fold[i] !== f) return;
      names.forEach((n, c) => {
        const text = n === 'whole' ? a.text : cutAfterWords(a.text, Number(n));
        const x = articleVector({ ...a, text }, bits, weights);
        pred[c]![i] = model
          .decide(model.probabilities(x), model.thresholdsFor(a.lang))
          .map((l) => model.labels[l]!);
      });
    });
  }
  return pred;
}

/** Tunes global then per-language thresholds (multilabel) or offsets (multiclass). */
function tune(
  spec: ArticleTaskSpec,
  samples: Sample[],
  oof: Float64Array[],
  langs: string[],
  o: TaskOptions,
) {
  const L = spec.labels.length;
  const gold = samples.map((s) => s.y);
  // Genre offsets stay global by default: per-language tuning on ~20 English reporting
  // articles chased noise in the out-of-fold predictions.
  const minLang = numberOption(o.extra, 'minLangSupport', spec.kind === 'multiclass' ? 1e9 : 8);
  const global =
    spec.kind === 'multilabel'
      ? refineThresholds(oof, gold, tuneThresholds(oof, gold, L, 3), numberOption(o.extra, 'macroWeight', 1))
      : tuneOffsets(
          oof,
          gold.map((g) => g[0]!),
          new Float32Array(L),
        );
  const perLang: Record<string, number[]> = {};
  for (const lang of new Set(langs)) {
    const idx = langs.map((l, i) => (l === lang ? i : -1)).filter((i) => i >= 0);
    const g = idx.map((i) => gold[i]!);
    const p = idx.map((i) => oof[i]!);
    const movable = spec.labels
      .map((_, l) => l)
      .filter((l) => g.reduce((s, y) => s + (y.includes(l) ? 1 : 0), 0) >= minLang);
    const t =
      spec.kind === 'multilabel'
        ? refineThresholds(p, g, global, numberOption(o.extra, 'macroWeight', 1), movable)
        : tuneOffsets(
            p,
            g.map((y) => y[0]!),
            global,
            movable,
          );
    perLang[lang] = [...t].map((x) => Math.round(x * 1e4) / 1e4);
  }
  return { global, perLang };
}

function articleTask(spec: ArticleTaskSpec): Task {
  return {
    name: spec.name,
    description: `${spec.name} per article (SemEval-2023 Task 3 subtask ${spec.name === 'genre' ? 1 : 2}), all languages`,
    async run(o): Promise<Report> {
      const t0 = Date.now();
      const split = o.split ?? 'train';
      const train = loadSemeval(o.data, o.lang, split).filter((a) => spec.gold(a));
      const weights: DocumentFeatureWeights = {
        ngram: numberOption(o.extra, 'ngram', spec.weights.ngram),
        style: numberOption(o.extra, 'style', spec.weights.style),
      };
      const bits = numberOption(o.extra, 'bits', spec.bits);
      const samples: Sample[] = train.map((a) => ({
        x: articleVector(a, bits, weights),
        y: spec
          .gold(a)!
          .map((l) => spec.labels.indexOf(l))
          .filter((k) => k >= 0),
        group: `${a.dir}/${a.id}`,
      }));
      o.log(`${spec.name}: ${train.length} articles (${split})`);
      const opts: TrainOptions = {
        kind: spec.kind,
        labels: spec.labels,
        bits,
        ...spec.defaults,
        ...(o.extra.epochs ? { epochs: numberOption(o.extra, 'epochs', 0) } : {}),
        ...(o.extra.rate ? { rate: numberOption(o.extra, 'rate', 0) } : {}),
        ...(o.extra.l2 ? { l2: numberOption(o.extra, 'l2', 0) } : {}),
        ...(o.extra.balance ? { balance: numberOption(o.extra, 'balance', 0) } : {}),
      };
      const oof = crossValidate(samples, numberOption(o.extra, 'folds', 5), opts);
      const { global, perLang } = tune(
        spec,
        samples,
        oof,
        train.map((a) => a.lang),
        o,
      );
      const model = trainAveraged(
        samples,
        opts,
        numberOption(o.extra, 'seeds', spec.kind === 'multiclass' ? 5 : 3),
      );
      model.thresholds.set(global);
      model.meta.langThresholds = perLang;
      const cuts = (o.extra.truncate ?? '').split(',').filter(Boolean).map(Number);
      const truncated =
        cuts.length && spec.kind === 'multilabel'
          ? truncatedFolds(
              spec,
              train,
              samples,
              opts,
              { global, perLang },
              cuts,
              bits,
              weights,
              numberOption(o.extra, 'kfold', 1, { min: 1, int: true }),
            )
          : {};
      // Multilabel scores are all shown (frames): each label's probability calibrated on the
      // out-of-fold predictions of every article (`--set calibrate=0` leaves them raw).
      const heldOutEce: number[] = [];
      const margin = o.extra.langCalibration === '0' ? Number.POSITIVE_INFINITY : 0;
      // The noise figures of each fit are not reported for these: 0 draws.
      const fitCut = (os: readonly FramesCutOutcome[]) =>
        fitLanguageCalibration(os, spec.labels.length, 5, margin, 0).calibration;
      const cutVector = (a: SemevalArticle, text: string) => articleVector({ ...a, text }, bits, weights);
      let langRows: LangCalibrationRow[] = [];
      if (spec.kind === 'multilabel' && o.extra.calibrate !== '0') {
        // Held out by article: per fold, maps fitted on four fifths of the articles' out-of-fold
        // predictions, measured on the rest; `--set langCalibration=0` keeps one map per frame.
        const pairs: LangOutcome[] = samples.flatMap((s, i) =>
          spec.labels.map((_, l) => ({
            p: oof[i]![l]!,
            y: s.y.includes(l),
            label: l,
            lang: train[i]!.lang,
            fold: i % 5,
          })),
        );
        const fit = fitLanguageCalibration(
          pairs,
          spec.labels.length,
          5,
          o.extra.langCalibration === '0' ? Number.POSITIVE_INFINITY : 0,
        );
        model.meta.calibration = fit.calibration;
        heldOutEce.push(...fit.heldOut);
        langRows = fit.rows;
        // `--set bands=150,…,700` (the default; `0`: none): maps per length band for texts under
        // the last value, each fitted as the whole-article maps are on held-out scores of
        // articles cut after the band's words (the calibration folds' models, trained on whole
        // articles). Cut texts' scores were under-confident with the whole-article maps
        // (docs/benchmarks.md, session 14).
        const bands = (o.extra.bands ?? FRAMES_BANDS)
          .split(',')
          .filter((x) => x && x !== '0')
          .map(Number);
        if (bands.length > 1) {
          const cuts = bands.slice(0, -1);
          const outcomes = framesCutOutcomes(
            train,
            samples,
            opts,
            train.map((_, i) => i % 5),
            cuts,
            cutVector,
          );
          fit.calibration.bands = cuts.map((minWords) => {
            const c = fitCut(outcomes.filter((x) => x.layout === String(minWords)));
            return { minWords, a: c.a, b: c.b, ...(c.langs ? { langs: c.langs } : {}) };
          });
          fit.calibration.upTo = bands[bands.length - 1]!;
        }
      }
      model.meta.features = weights;
      const metrics: Record<string, number> = { articles: train.length, ...truncated };
      let cutTable: (string | number)[][] = [];
      // `--set cutcal=150,200,…` (multilabel): the shown scores' ECE on held-out articles whole
      // and cut after N words, k-fold by article over `kfold` assignments (`fcal_*`: the
      // calibration fitted on whole articles, as shipped; `fband_*`: one per cut, cross-fitted).
      const calCuts = (o.extra.cutcal ?? '').split(',').filter(Boolean).map(Number);
      if (calCuts.length && spec.kind === 'multilabel') {
        const runs: FramesCutOutcome[][] = [];
        const assignments = numberOption(o.extra, 'kfold', 1, { min: 1, int: true });
        for (let s = 0; s < assignments; s++) {
          const fold = train.map(
            (a) => createHash('sha1').update(`framescal${s}:${a.dir}/${a.id}`).digest().readUInt32BE(0) % 5,
          );
          runs.push(framesCutOutcomes(train, samples, opts, fold, calCuts, cutVector));
        }
        const whole = runs.map((r) => crossFitShown(r, fitCut, 'whole'));
        const band = runs.map((r) => crossFitShown(r, fitCut, 'band'));
        Object.assign(metrics, framesCutMetrics('fcal', whole), framesCutMetrics('fband', band));
        if (o.extra.table === 'cutreliability')
          cutTable = framesCutReliabilityRows(
            { whole: whole[0]!, band: band[0]! },
            new Set((o.extra.cutTableLangs ?? 'en').split(',')),
          );
      }
      if (heldOutEce.length) {
        const mean = heldOutEce.reduce((a, b) => a + b, 0) / heldOutEce.length;
        metrics.held_out_ece_mean = mean;
        metrics.held_out_ece_sd = Math.sqrt(
          heldOutEce.reduce((a, b) => a + (b - mean) ** 2, 0) / (heldOutEce.length - 1),
        );
      }
      for (const r of langRows) {
        metrics[`held_out_ece_${r.lang}_frame`] = r.without;
        metrics[`held_out_ece_${r.lang}_frame_sd`] = r.withoutSd;
        metrics[`held_out_ece_${r.lang}_offset`] = r.offset;
        metrics[`held_out_ece_${r.lang}_offset_sd`] = r.offsetSd;
        metrics[`held_out_ece_${r.lang}_platt`] = r.platt;
        metrics[`held_out_ece_${r.lang}_platt_sd`] = r.plattSd;
        metrics[`held_out_ece_${r.lang}_floor`] = r.floor;
        metrics[`held_out_ece_${r.lang}_kept_${r.kept ?? 'none'}`] = 1;
        metrics[`held_out_ece_${r.lang}_pooled`] = r.pooled.ece;
        metrics[`held_out_ece_${r.lang}_pooled_floor`] = r.pooled.floor;
        metrics[`held_out_ece_${r.lang}_pooled_q95`] = r.pooled.q95;
        metrics[`held_out_ece_${r.lang}_pooled_p`] = r.pooled.p;
        metrics[`held_out_ece_${r.lang}_pooled_perfect_pass`] = r.pooled.pass;
        metrics[`held_out_ece_${r.lang}_nested`] = r.nested;
        metrics[`held_out_ece_${r.lang}_nested_sd`] = r.nestedSd;
        metrics[`held_out_ece_${r.lang}_nested_pooled`] = r.nestedPooled.ece;
        metrics[`held_out_ece_${r.lang}_nested_pooled_p`] = r.nestedPooled.p;
      }
      let table: (string | number)[][] = cutTable;
      if (split === 'train') {
        for (const lang of (o.extra.report ?? 'en').split(',')) {
          const val = loadSemeval(o.data, lang, 'val').filter((a) => spec.gold(a));
          const s = multiLabelF1(val.map(spec.gold) as string[][], decisions(model, val), spec.labels);
          metrics[`val_${lang}_micro_f1`] = s.micro.f1;
          metrics[`val_${lang}_macro_f1`] = s.macroF1;
          if (table.length === 0) table = perLabelTable(s);
        }
      }
      metrics.seconds = (Date.now() - t0) / 1000;
      saveSemevalModel(o, `${spec.name}/model.json`, model, {
        task: `semeval2023-task3 ${spec.name}`,
        split,
        options: opts,
        metrics,
        langThresholds: perLang,
        features: weights,
        ...(model.meta.calibration ? { calibration: model.meta.calibration } : {}),
      });
      return { title: `Trained ${spec.name} model`, metrics, table };
    },
  };
}

/**
 * `newsprism train frames`: the 14-frame multi-label article model. `--set truncate=10,25,…`
 * adds the k-fold on articles cut after so many words (`trunc_<lang>_<N>_micro_f1`: the
 * layer's `minWords`).
 */
export const trainFrames = articleTask({
  name: 'frames',
  labels: FRAMES,
  kind: 'multilabel',
  gold: (a) => a.frames,
  bits: 16,
  weights: { ngram: 1, style: 0.3 },
  defaults: { epochs: 15, rate: 0.2, l2: 1e-6, maxPositiveWeight: 2 },
});
