import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subjectivityScore } from '@newsprism/core';
import {
  calibrated,
  fitCalibration,
  hashString,
  type LinearModel,
  reliability,
  SentenceModel,
} from '@newsprism/core/train';
import { isValidation } from '../split.js';
import type { Task, TaskOptions } from '../task.js';
import { decider, type FitSettings, fitSettings, predictRows, saveModel } from './fit.js';
import { type LabelledSentence, loadSubjectivity } from './load.js';
import { balancedMacroF1, bestThreshold, macroF1, scoreTable } from './metrics.js';
import { selfTrain, unlabelledSentences, vectorsOf } from './self-training.js';
import { topicFolds } from './topic-folds.js';

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
  description: 'subjectivity macro-F1 on CheckThat! subjectivity English (split: dev | train | val)',
  async run(o: TaskOptions) {
    const split = o.split ?? 'dev';
    const lang = o.lang ?? 'en';
    const all = loadSubjectivity(o.data, split === 'val' ? 'train' : split, lang);
    const rows = split === 'val' ? all.filter((r) => isValidation(DATASET, r.id)) : all;
    const decide = decider(o.model, lang, subjectivityScore);
    const pred = rows.map((r) => decide(r.text));
    const gold = rows.map((r) => r.positive);
    // Is the layer's score the probability of SUBJ? Every sentence has one.
    // With `--model`, the score that model's file gives (calibrated when it has a calibration).
    const own = o.model ? new SentenceModel(o.model, '') : undefined;
    const ece = reliability(
      rows.map((r) => ({
        p: subjectivityScore(r.text, lang, undefined, undefined, own).score,
        y: r.positive,
      })),
    ).ece;
    return {
      title: `subjectivity — CheckThat! ${lang}, ${split} (${rows.length} sentences)`,
      metrics: { macro_f1: macroF1(pred, gold), ece },
      table: scoreTable(pred, gold, ['SUBJ', 'OBJ']),
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
 * the latter on the outcomes it was fitted on). `dev_<lang>` is never
 * read.
 */
export const subjectivityTrain: Task = {
  name: 'subjectivity',
  description:
    'train the subjectivity model (CheckThat! train_<lang>; threshold from topic-grouped 5-fold CV)',
  async run(o: TaskOptions) {
    const s = fitSettings(o, DEFAULTS);
    const lang = o.lang ?? 'en';
    const all = loadSubjectivity(o.data, 'train', lang);
    const folds = Number(o.extra.folds ?? 5);
    const repeats = Number(o.extra.repeats ?? 6);
    const clusters = Number(o.extra.clusters ?? 20);
    const bySentence = o.extra.cv === 'sentences';
    const metric = o.extra.prior === 'train' ? macroF1 : balancedMacroF1;
    o.log(
      `subjectivity: ${all.length} train_${lang} sentences, ${folds} folds by ${bySentence ? 'sentence' : `topic (${clusters} clusters)`} × ${repeats}; bits=${s.bits} chars=${s.chars} cues=${s.cues} stems=${s.stems}`,
    );
    const k = Number(o.extra.selfTrain ?? 0);
    const weight = Number(o.extra.selfWeight ?? 0.2);
    const pool = k > 0 ? vectorsOf(await unlabelledSentences(join(o.data, '..'), lang), lang, s) : [];
    if (k > 0)
      o.log(
        `subjectivity: self-training with ${k}+${k} of ${pool.length} unlabelled sentences at weight ${weight}`,
      );
    const fit = (rows: typeof all) => selfTrain(rows, pool, s, 'SUBJ', lang, k, weight);
    const gold = all.map((r) => r.positive);
    const runs: { probs: number[]; threshold: number }[] = [];
    for (let r = 0; r < (bySentence ? 1 : repeats); r++) {
      const foldOf = bySentence
        ? all.map((x) => hashString(`${DATASET}:${x.id}`) % folds)
        : topicFolds(
            all.map((x) => x.text),
            folds,
            clusters,
            r + 1,
          );
      const probs = outOfFold(all, foldOf, folds, fit, s, lang);
      runs.push({ probs, threshold: bestThreshold(probs, gold, metric).threshold });
      o.log(`subjectivity: clustering ${r + 1}: threshold ${runs[r]!.threshold.toFixed(3)}`);
    }
    const threshold = runs.reduce((sum, r) => sum + r.threshold, 0) / runs.length;
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
    const final = fit(all);
    // Platt scaling fitted on the out-of-fold probabilities of every clustering; written into the
    // model (the score shown becomes calibrated) only with `--set calibrate=platt`: on dev_en it
    // raised the calibration error (0.062 → 0.135, docs/benchmarks.md), as dev's balance differs.
    const outcomes = runs.flatMap((r) => r.probs.map((p, i) => ({ p, y: gold[i]! })));
    const calibration = fitCalibration([outcomes]);
    const ece = (p: (x: number) => number) => reliability(outcomes.map((x) => ({ p: p(x.p), y: x.y }))).ece;
    const eceBefore = ece((p) => p);
    const eceAfter = ece((p) => calibrated(calibration, 0, p));
    const out = o.out ?? shipped(lang);
    saveModel(final, threshold, out, s, {
      ...(o.extra.calibrate === 'platt' ? { calibration } : {}),
      data: `CheckThat! subjectivity train_${lang} (checkthat-subjectivity), CC BY-NC-SA 4.0`,
      trainedOn: `train_${lang}`,
      command: `newsprism train subjectivity --data ../shared/data/checkthat-subjectivity --lang ${lang}`,
      ...(k > 0 ? { selfTraining: { pairs: k, weight, unlabelled: pool.length } } : {}),
      validation: {
        split: `${folds}-fold cross-validation on train_${lang}, folds by ${bySentence ? 'sentence' : `topic cluster (${clusters}), ${runs.length} clusterings`}`,
        macro_f1: round(score),
        balanced_macro_f1: round(balanced),
        threshold: round(threshold),
        thresholdRule: o.extra.prior === 'train' ? 'macro-F1 at train balance' : 'class-balanced macro-F1',
        ece_out_of_fold: round(eceBefore),
        ece_out_of_fold_platt: round(eceAfter),
      },
    });
    o.log(`subjectivity: wrote ${out}`);
    return {
      title: 'subjectivity model trained',
      metrics: {
        cv_macro_f1: score,
        cv_balanced_macro_f1: balanced,
        threshold,
        cv_ece: eceBefore,
        cv_ece_platt_in_sample: eceAfter,
      },
      notes: [`model: ${out}`, 'measure it with: newsprism eval subjectivity --data … --split dev'],
    };
  },
};

// Probabilities of every row from the model fitted without its fold.
function outOfFold(
  all: readonly LabelledSentence[],
  foldOf: readonly number[],
  folds: number,
  fit: (rows: LabelledSentence[]) => LinearModel,
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

const round = (x: number) => Math.round(x * 1e4) / 1e4;
