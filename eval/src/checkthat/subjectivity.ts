import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, subjectivityScore } from '@newsprism/core';
import {
  type Calibration,
  calibrated,
  fitCalibration,
  fitHistogram,
  fitIsotonic,
  hashString,
  type LinearModel,
  reliability,
  SentenceModel,
} from '@newsprism/core/train';
import { isValidation } from '../split.js';
import type { Task, TaskOptions } from '../task.js';
import { decider, type FitSettings, fitSettings, predictRows, saveModel } from './fit.js';
import {
  type CalibrationMethod,
  crossFittedEce,
  eceFloor,
  fitMethod,
  meanSd,
  reliabilityRows,
} from './kfold-calibration.js';
import {
  type LabelledSentence,
  loadSubjectivity,
  loadSubjectivitySources,
  loadSubjectivityUnion,
} from './load.js';
import { balancedMacroF1, bestThreshold, macroF1, scoreTable } from './metrics.js';
import { emPrior, plugInThreshold } from './prior-shift.js';
import { selfTrain, unlabelledSentences, vectorsOf } from './self-training.js';
import { sentenceForm } from './sentence-form.js';
import { topicFolds } from './topic-folds.js';
import { weakSentences } from './weak-labels.js';

const DEFAULTS: FitSettings = {
  bits: 17,
  chars: false,
  suffixes: true,
  cues: true,
  stems: true,
  epochs: 20,
  rate: 0.01,
  l2: 1e-5,
  positiveWeight: 1.8,
  seeds: 5,
};
const shipped = (lang: string) =>
  fileURLToPath(new URL(`../../../models/subjectivity/subjectivity.${lang}.json`, import.meta.url));
const DATASET = 'checkthat-subjectivity';

/**
 * `newsprism eval subjectivity`: macro-F1 (SUBJ/OBJ) of the shipped (or `--model`) model on a
 * split (default `dev`), deciding exactly as `--format subjectivity`.
 */
export const subjectivityEval: Task = {
  name: 'subjectivity',
  description: 'subjectivity macro-F1 on CheckThat! subjectivity English (split: dev | train | val | final)',
  async run(o: TaskOptions) {
    const split = o.split ?? 'dev';
    const lang = o.lang ?? 'en';
    // `final`: the part of train+dev held out of `train subjectivity --set fit=union`.
    const all =
      split === 'final'
        ? loadSubjectivityUnion(o.data, lang, 'final')
        : loadSubjectivity(o.data, split === 'val' ? 'train' : split, lang);
    // `--set casing=… layout=…`: the sentences rewritten (robustness; `sentence-form.ts`).
    const form = sentenceForm(o.extra);
    const rows = (split === 'val' ? all.filter((r) => isValidation(DATASET, r.id)) : all).map((r) => ({
      ...r,
      text: form(r.text),
    }));
    const decide = decider(o.model, lang, subjectivityScore);
    const pred = rows.map((r) => decide(r.text));
    const gold = rows.map((r) => r.positive);
    // Is the layer's score the probability of SUBJ? Every sentence has one.
    // With `--model`, the score that model's file gives (calibrated when it has a calibration).
    const own = o.model ? new SentenceModel(o.model, '') : undefined;
    const outcomes = rows.map((r) => ({
      p: subjectivityScore(r.text, lang, undefined, undefined, own).score,
      y: r.positive,
    }));
    const ece = reliability(outcomes).ece;
    return {
      title: `subjectivity — CheckThat! ${lang}, ${split} (${rows.length} sentences)`,
      // `ece_floor`: what a perfectly calibrated score of these values would show on as many sentences.
      metrics: { macro_f1: macroF1(pred, gold), ece, ece_floor: eceFloor(outcomes) },
      // `--set table=reliability`: the score's reliability table instead of the class scores.
      table:
        o.extra.table === 'reliability'
          ? reliabilityRows(outcomes, 'sentences')
          : scoreTable(pred, gold, ['SUBJ', 'OBJ']),
    };
  },
};

/**
 * `newsprism train subjectivity`: picks the decision threshold on out-of-fold predictions of
 * 5-fold cross-validation on `train_<lang>` whose folds keep topic clusters together
 * (`topic-folds.ts`; `--set cv=sentences` splits single sentences instead), repeated over
 * `repeats` clusterings, the threshold maximising class-balanced macro-F1 (`--set prior=train`:
 * plain macro-F1 at train's balance) averaged over them; then fits on all of `train_<lang>`.
 * `--set selfTrain=2000` adds self-training on unlabelled news sentences; `--set calibrate=platt`
 * writes a Platt scaling of the score fitted on the out-of-fold probabilities (`cv_ece` and
 * `cv_ece_platt_in_sample` report the out-of-fold calibration error without it and with it,
 * the latter on the outcomes it was fitted on). `dev_<lang>` is never read unless `--set
 * fit=union`: train and dev together less a final split of 20 % by id (`eval subjectivity
 * --split final` scores it, once), with the calibration error of each method (`none`, `platt`,
 * `isotonic`, `histogram` with `--set calBins=10` equal-size bins) cross-fitted per fold — the
 * mapping fitted on the other folds' out-of-fold outcomes — and the method of the lowest mean
 * written (`--set calibrate=METHOD` forces one); `--set fit=union-all` fits the shipped
 * model on all of train and dev the same way, after the final split was scored.
 */
export const subjectivityTrain: Task = {
  name: 'subjectivity',
  description:
    'train the subjectivity model (CheckThat! train_<lang>; threshold from topic-grouped 5-fold CV)',
  async run(o: TaskOptions) {
    const s = fitSettings(o, DEFAULTS);
    const lang = o.lang ?? 'en';
    const fitOn = o.extra.fit ?? 'train';
    const all =
      fitOn === 'union'
        ? loadSubjectivityUnion(o.data, lang, 'pool')
        : fitOn === 'union-all'
          ? loadSubjectivityUnion(o.data, lang, 'all')
          : loadSubjectivity(o.data, 'train', lang);
    const union = fitOn === 'union' || fitOn === 'union-all';
    const trainedOn = union
      ? fitOn === 'union'
        ? `train_${lang}+dev_${lang} less the final split`
        : `train_${lang}+dev_${lang}`
      : `train_${lang}`;
    const folds = numberOption(o.extra, 'folds', 5);
    const repeats = numberOption(o.extra, 'repeats', 6);
    const clusters = numberOption(o.extra, 'clusters', 20);
    const bySentence = o.extra.cv === 'sentences';
    const metric = o.extra.prior === 'train' ? macroF1 : balancedMacroF1;
    o.log(
      `subjectivity: ${all.length} ${trainedOn} sentences, ${folds} folds by ${bySentence ? 'sentence' : `topic (${clusters} clusters)`} × ${repeats}; bits=${s.bits} chars=${s.chars} cues=${s.cues} stems=${s.stems}`,
    );
    const k = numberOption(o.extra, 'selfTrain', 0);
    const weight = numberOption(o.extra, 'selfWeight', 0.2);
    const pool = k > 0 ? vectorsOf(await unlabelledSentences(join(o.data, '..'), lang), lang, s) : [];
    if (k > 0)
      o.log(
        `subjectivity: self-training with ${k}+${k} of ${pool.length} unlabelled sentences at weight ${weight}`,
      );
    // `--set weak=N`: N weakly labelled SemEval-2023 sentences of each class join every fit.
    const weak = numberOption(o.extra, 'weak', 0)
      ? await weakSentences(
          join(o.data, '..'),
          lang,
          numberOption(o.extra, 'weak', 0),
          numberOption(o.extra, 'weakWeight', 0.3),
        )
      : [];
    if (weak.length) o.log(`subjectivity: ${weak.length} weakly labelled sentences join every fit`);
    const fit = (rows: readonly LabelledSentence[]) =>
      selfTrain([...rows, ...weak], pool, s, 'SUBJ', lang, k, weight);
    const cv: CvPlan = { folds, repeats, clusters, bySentence, metric };
    if (o.extra.fit === 'splits' || o.extra.fit === 'sources') return leaveSplitOut(o, s, lang, cv, fit);
    const gold = all.map((r) => r.positive);
    const { runs, threshold } = crossValidate(all, cv, fit, s, lang, o.log);
    const at = (m: typeof macroF1) =>
      runs.reduce(
        (sum, r) =>
          sum +
          m(
            r.probs.map((p) => p >= threshold),
            gold,
          ),
        0,
      ) / runs.length;
    const score = at(macroF1);
    const balanced = at(balancedMacroF1);
    // Macro-F1 of each held-out fold of every clustering at the chosen threshold (mean ± sd).
    const foldF1 = runs.flatMap((r) =>
      Array.from({ length: folds }, (_, f) => {
        const held = all.map((_, i) => i).filter((i) => r.foldOf[i] === f);
        return macroF1(
          held.map((i) => r.probs[i]! >= threshold),
          held.map((i) => gold[i]!),
        );
      }),
    );
    const perFold = meanSd(foldF1);
    // Every fold's figure, in clustering order, for comparisons paired by fold.
    o.log(`subjectivity: macro-F1 per fold ${foldF1.map((x) => x.toFixed(4)).join(' ')}`);
    const final = fit(all);
    // The out-of-fold probabilities of every clustering, on which the calibration is fitted.
    const outcomes = runs.flatMap((r) => r.probs.map((p, i) => ({ p, y: gold[i]! })));
    const platt = fitCalibration([outcomes]);
    const ece = (p: (x: number) => number) => reliability(outcomes.map((x) => ({ p: p(x.p), y: x.y }))).ece;
    const eceBefore = ece((p) => p);
    const eceAfter = ece((p) => calibrated(platt, 0, p));
    // Each method's calibration error cross-fitted per fold of every clustering (the map fitted
    // on the other folds' out-of-fold outcomes, measured on the fold's own).
    const bins = numberOption(o.extra, 'calBins', 10);
    const methods: CalibrationMethod[] = ['none', 'platt', 'isotonic', 'histogram'];
    const crossFitted: Record<string, number> = {};
    const mappedBy = new Map<CalibrationMethod, { p: number; y: boolean }[]>();
    for (const m of methods) {
      const per: number[] = [];
      const mapped: { p: number; y: boolean }[] = [];
      let pooled = 0;
      let floor = 0;
      let foldFloor = 0;
      let brierSum = 0;
      for (const r of runs) {
        const e = crossFittedEce(
          r.probs.map((p, i) => ({ p, y: gold[i]! })),
          r.foldOf,
          folds,
          m,
          bins,
        );
        per.push(...e.per);
        mapped.push(...e.mapped);
        pooled += e.pooled / runs.length;
        floor += e.floor / runs.length;
        foldFloor += e.foldFloor / runs.length;
        brierSum += e.brier / runs.length;
      }
      mappedBy.set(m, mapped);
      const { mean, sd } = meanSd(per);
      crossFitted[`cv_ece_${m}_mean`] = mean;
      crossFitted[`cv_ece_${m}_sd`] = sd;
      crossFitted[`cv_ece_${m}_pooled`] = pooled;
      crossFitted[`cv_ece_${m}_floor`] = floor;
      crossFitted[`cv_ece_${m}_fold_floor`] = foldFloor;
      crossFitted[`cv_brier_${m}`] = brierSum;
    }
    // The map written: `--set calibrate=…`, or (`fit=union`, `auto`) the method of the lowest
    // cross-fitted ECE per fold; without `fit=union` none unless asked.
    const asked = (o.extra.calibrate ?? (union ? 'auto' : 'none')) as CalibrationMethod | 'auto';
    const method: CalibrationMethod =
      asked === 'auto'
        ? methods.reduce((best, m) =>
            crossFitted[`cv_ece_${m}_mean`]! < crossFitted[`cv_ece_${best}_mean`]! ? m : best,
          )
        : asked;
    const calibration: Calibration | undefined =
      method === 'isotonic'
        ? { a: [0], b: [0], steps: [fitIsotonic(outcomes)] }
        : method === 'histogram'
          ? { a: [0], b: [0], steps: [fitHistogram(outcomes, bins)] }
          : method === 'platt'
            ? platt
            : undefined;
    const shippedMapped = mappedBy.get(method) ?? [];
    o.log(`subjectivity: calibration ${method}${method === 'histogram' ? ` (${bins} bins)` : ''}`);
    const out = o.out ?? shipped(lang);
    saveModel(final, threshold, out, s, {
      ...(calibration ? { calibration } : {}),
      data: `CheckThat! subjectivity ${trainedOn} (checkthat-subjectivity), CC BY-NC-SA 4.0`,
      trainedOn,
      command: `newsprism train subjectivity --data ../shared/data/checkthat-subjectivity --lang ${lang}${union ? ` --set fit=${fitOn}` : ''}`,
      ...(k > 0 ? { selfTraining: { pairs: k, weight, unlabelled: pool.length } } : {}),
      validation: {
        split: `${folds}-fold cross-validation on ${trainedOn}, folds by ${bySentence ? 'sentence' : `topic cluster (${clusters}), ${runs.length} clusterings`}`,
        macro_f1: round(score),
        balanced_macro_f1: round(balanced),
        threshold: round(threshold),
        thresholdRule: o.extra.prior === 'train' ? 'macro-F1 at train balance' : 'class-balanced macro-F1',
        ece_out_of_fold: round(eceBefore),
        ece_out_of_fold_platt: round(eceAfter),
        ...(union
          ? {
              calibration: `${method}${method === 'histogram' ? ` (${bins} bins)` : ''}, fitted on the out-of-fold probabilities of every clustering${asked === 'auto' ? ', chosen by the lowest cross-fitted ECE per fold' : ''}`,
              ...Object.fromEntries(
                methods.map((m) => [
                  `ece_${m}_cross_fitted`,
                  `${round(crossFitted[`cv_ece_${m}_mean`]!)} ± ${round(crossFitted[`cv_ece_${m}_sd`]!)} per fold (floor ${round(crossFitted[`cv_ece_${m}_fold_floor`]!)}), ${round(crossFitted[`cv_ece_${m}_pooled`]!)} pooled (floor ${round(crossFitted[`cv_ece_${m}_floor`]!)}), Brier ${round(crossFitted[`cv_brier_${m}`]!)}`,
                ]),
              ),
            }
          : {}),
      },
    });
    o.log(`subjectivity: wrote ${out}`);
    return {
      title: 'subjectivity model trained',
      metrics: {
        cv_macro_f1: score,
        cv_balanced_macro_f1: balanced,
        cv_macro_f1_fold_mean: perFold.mean,
        cv_macro_f1_fold_sd: perFold.sd,
        threshold,
        cv_ece: eceBefore,
        cv_ece_platt_in_sample: eceAfter,
        ...crossFitted,
      },
      // The reliability table of the written calibration's cross-fitted scores (every clustering).
      ...(shippedMapped.length ? { table: reliabilityRows(shippedMapped, 'sentences') } : {}),
      notes: [`model: ${out}`, 'measure it with: newsprism eval subjectivity --data … --split dev'],
    };
  },
};

/** How `crossValidate` cuts its folds and picks the threshold. */
interface CvPlan {
  folds: number;
  repeats: number;
  clusters: number;
  bySentence: boolean;
  metric: (pred: boolean[], gold: readonly boolean[]) => number;
}

type Fit = (rows: readonly LabelledSentence[]) => LinearModel;

/**
 * Out-of-fold probabilities of `all` for each of `repeats` topic clusterings (or one split by
 * sentence), and the decision threshold: the mean over the runs of the threshold that
 * maximises `metric` on each run's out-of-fold probabilities.
 */
function crossValidate(
  all: readonly LabelledSentence[],
  cv: CvPlan,
  fit: Fit,
  s: FitSettings,
  lang: string,
  log: (line: string) => void,
): { runs: { probs: number[]; threshold: number; foldOf: number[] }[]; threshold: number } {
  const gold = all.map((r) => r.positive);
  const runs: { probs: number[]; threshold: number; foldOf: number[] }[] = [];
  for (let r = 0; r < (cv.bySentence ? 1 : cv.repeats); r++) {
    const foldOf = cv.bySentence
      ? all.map((x) => hashString(`${DATASET}:${x.id}`) % cv.folds)
      : topicFolds(
          all.map((x) => x.text),
          cv.folds,
          cv.clusters,
          r + 1,
        );
    const probs = outOfFold(all, foldOf, cv.folds, fit, s, lang);
    runs.push({ probs, threshold: bestThreshold(probs, gold, cv.metric).threshold, foldOf });
    log(`subjectivity: clustering ${r + 1}: threshold ${runs[r]!.threshold.toFixed(3)}`);
  }
  return { runs, threshold: runs.reduce((sum, r) => sum + r.threshold, 0) / runs.length };
}

/**
 * `train subjectivity --set fit=splits`: leave one split out, as a held-out test scores a model.
 * For each of `train_<lang>` and `dev_<lang>` (their balances differ: 36 % and 52 % SUBJ in
 * English), a model fitted on the other split alone, its threshold from that split's own
 * topic-grouped cross-validation, scores the split left out: macro-F1 of each, mean ± sd.
 * `--set fit=sources`: the same over the three releases the sentences came in
 * (`loadSubjectivitySources`: `train`, `dev-a`, `dev-b`), each scored by a model of the other
 * two together. `--set adapt=1` adds label-free adaptations to each held-out part's balance
 * (`adaptDecisions`). Writes no model.
 */
async function leaveSplitOut(o: TaskOptions, s: FitSettings, lang: string, cv: CvPlan, fit: Fit) {
  const splits: Record<string, LabelledSentence[]> =
    o.extra.fit === 'sources'
      ? loadSubjectivitySources(o.data, lang)
      : { train: loadSubjectivity(o.data, 'train', lang), dev: loadSubjectivity(o.data, 'dev', lang) };
  const names = Object.keys(splits);
  const metrics: Record<string, number> = {};
  const scores: number[] = [];
  const adaptScores: Record<string, number[]> = {};
  const table: (string | number)[][] = [
    ['held out', 'sentences', 'share_subj', 'threshold', 'macro_f1', 'ece'],
  ];
  // Dev first, as the two-split design always reported it.
  for (const held of names.length === 2 ? ['dev', 'train'] : names) {
    const rows = names.filter((n) => n !== held).flatMap((n) => splits[n]!);
    const { threshold, runs } = crossValidate(rows, cv, fit, s, lang, o.log);
    const model = fit(rows);
    const test = splits[held]!;
    const probs = predictRows(model, test, s, lang);
    const gold = test.map((r) => r.positive);
    const f1 = macroF1(
      probs.map((p) => p >= threshold),
      gold,
    );
    scores.push(f1);
    metrics[`${held}_macro_f1`] = f1;
    // `--set adapt=1`: the decisions of a label-free adaptation to the held-out part's balance.
    if (o.extra.adapt) {
      const trainGold = rows.map((r) => r.positive);
      // `--set adaptFrom=releases`: the map (and a threshold) fitted on each fitted part as a
      // model of the other fitted parts scores it — across releases, not within their folds.
      const fitted = names.filter((n) => n !== held);
      const across =
        o.extra.adaptFrom === 'releases' && fitted.length > 1
          ? fitted.flatMap((n) => {
              const part = splits[n]!;
              const p = predictRows(
                fit(fitted.filter((m) => m !== n).flatMap((m) => splits[m]!)),
                part,
                s,
                lang,
              );
              return p.map((x, i) => ({ p: x, y: part[i]!.positive }));
            })
          : undefined;
      if (across) {
        const t = bestThreshold(
          across.map((x) => x.p),
          across.map((x) => x.y),
          cv.metric,
        ).threshold;
        const xr = macroF1(
          probs.map((p) => p >= t),
          gold,
        );
        metrics[`${held}_f1_xr`] = xr;
        adaptScores.f1_xr = [...(adaptScores.f1_xr ?? []), xr];
      }
      const adapted = adaptDecisions(
        across ?? runs.flatMap((r) => r.probs.map((p, i) => ({ p, y: trainGold[i]! }))),
        probs,
        gold,
        test.map((r) => r.id),
        o.extra,
      );
      for (const [k, v] of Object.entries(adapted)) {
        metrics[`${held}_${k}`] = v;
        adaptScores[k] = [...(adaptScores[k] ?? []), v];
      }
    }
    // `--set dump=FILE`: split, id, gold and probability of every held-out sentence (no text).
    if (o.extra.dump)
      appendFileSync(
        o.extra.dump,
        test.map((r, i) => `${held}\t${r.id}\t${gold[i] ? 1 : 0}\t${probs[i]}\n`).join(''),
      );
    const ece = reliability(probs.map((p, i) => ({ p, y: gold[i]! }))).ece;
    table.push([held, test.length, gold.filter(Boolean).length / test.length, threshold, f1, ece]);
  }
  const { mean, sd } = meanSd(scores);
  metrics.split_macro_f1_mean = mean;
  metrics.split_macro_f1_sd = sd;
  for (const [k, v] of Object.entries(adaptScores)) {
    const m = meanSd(v);
    metrics[`mean_${k}`] = m.mean;
    metrics[`sd_${k}`] = m.sd;
  }
  return {
    title: `subjectivity: leave one ${o.extra.fit === 'sources' ? 'source' : 'split'} out`,
    metrics,
    table,
  };
}

// Probabilities of every row from the model fitted without its fold.
function outOfFold(
  all: readonly LabelledSentence[],
  foldOf: readonly number[],
  folds: number,
  fit: Fit,
  s: FitSettings,
  lang: string,
): number[] {
  const probs = new Array<number>(all.length);
  for (let f = 0; f < folds; f++) {
    const model = fit(all.filter((_, i) => foldOf[i] !== f));
    const held = all.map((_, i) => i).filter((i) => foldOf[i] === f);
    const p = predictRows(
      model,
      held.map((i) => all[i]!),
      s,
      lang,
    );
    held.forEach((i, j) => {
      probs[i] = p[j]!;
    });
  }
  return probs;
}

/**
 * Macro-F1 and calibration error of the label-free adaptations of one held-out part: the
 * probabilities calibrated (`--set adaptCal=histogram|platt|isotonic`) on the training rows'
 * out-of-fold outcomes, then decided at 0.5 (`cal50`), at the plug-in macro-F1 threshold
 * (`plugin`), and the same after the EM prior shift over the whole part (`em50`, `emplugin`)
 * or over batches of `--set adaptBatch=N` sentences (seeded by id) with `--set
 * adaptStrength=S` pseudo-sentences at the training prior (`…_b`).
 */
function adaptDecisions(
  trainOutcomes: readonly { p: number; y: boolean }[],
  probs: readonly number[],
  gold: readonly boolean[],
  ids: readonly string[],
  extra: Record<string, string>,
): Record<string, number> {
  const map = fitMethod(
    (extra.adaptCal ?? 'histogram') as CalibrationMethod,
    trainOutcomes,
    numberOption(extra, 'calBins', 10),
  );
  const trainPrior = trainOutcomes.filter((x) => x.y).length / trainOutcomes.length;
  const cal = probs.map(map);
  const ece = (ps: readonly number[]) => reliability(ps.map((p, i) => ({ p, y: gold[i]! }))).ece;
  const at = (ps: readonly number[], t: number) =>
    macroF1(
      ps.map((p) => p >= t),
      gold,
    );
  const em = emPrior(cal, trainPrior);
  // Batches: the part in a seeded order, cut into runs of `adaptBatch` sentences.
  const size = numberOption(extra, 'adaptBatch', 25);
  const strength = numberOption(extra, 'adaptStrength', 10);
  const order = ids.map((id, i) => ({ i, h: hashString(`batch:${id}`) })).sort((a, b) => a.h - b.h);
  const em50b = new Array<boolean>(probs.length);
  const empb = new Array<boolean>(probs.length);
  const emb = new Array<number>(probs.length);
  for (let from = 0; from < order.length; from += size) {
    const idx = order.slice(from, from + size).map((x) => x.i);
    const e = emPrior(
      idx.map((i) => cal[i]!),
      trainPrior,
      strength,
    );
    const t = plugInThreshold(e.posteriors);
    idx.forEach((i, j) => {
      emb[i] = e.posteriors[j]!;
      em50b[i] = e.posteriors[j]! >= 0.5;
      empb[i] = e.posteriors[j]! >= t;
    });
  }
  // A bound, not a method: the shift to the part's true balance (read from its labels).
  const truth = gold.filter(Boolean).length / gold.length;
  const known = emPrior(cal, trainPrior, 0, 0);
  const shift = Math.log(truth / (1 - truth)) - Math.log(trainPrior / (1 - trainPrior));
  const oracle = known.posteriors.map((p) => 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + shift))));
  return {
    train_prior: trainPrior,
    em_prior: em.prior,
    f1_oracle50: at(oracle, 0.5),
    f1_oracleplugin: at(oracle, plugInThreshold(oracle)),
    ece_cal: ece(cal),
    ece_em: ece(em.posteriors),
    ece_em_b: ece(emb),
    f1_cal50: at(cal, 0.5),
    f1_plugin: at(cal, plugInThreshold(cal)),
    f1_em50: at(em.posteriors, 0.5),
    f1_emplugin: at(em.posteriors, plugInThreshold(em.posteriors)),
    f1_em50_b: macroF1(em50b, gold),
    f1_emplugin_b: macroF1(empb, gold),
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
