import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashString, subjectivityScore } from '@newsprism/core';
import { isValidation } from '../split.js';
import type { Task, TaskOptions } from '../task.js';
import { decider, type FitSettings, fitSettings, predictRows, saveModel } from './fit.js';
import { loadSubjectivity } from './load.js';
import { bestThreshold, macroF1, scoreTable } from './metrics.js';
import { selfTrain, unlabelledSentences, vectorsOf } from './self-training.js';

const DEFAULTS: FitSettings = {
  bits: 17,
  chars: false,
  suffixes: true,
  epochs: 20,
  rate: 0.05,
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
    return {
      title: `subjectivity — CheckThat! ${lang}, ${split} (${rows.length} sentences)`,
      metrics: { macro_f1: macroF1(pred, gold) },
      table: scoreTable(pred, gold, ['SUBJ', 'OBJ']),
    };
  },
};

/**
 * `newsprism train subjectivity`: picks the decision threshold for macro-F1 on out-of-fold
 * predictions of a 5-fold split of `train_<lang>` (folds by sentence id: a steadier choice than
 * one small held-out part), then fits on all of `train_<lang>`, each fit self-trained on
 * unlabelled news sentences of the shared article sets (`--set selfTrain=0` turns that off).
 * `dev_<lang>` is never read.
 */
export const subjectivityTrain: Task = {
  name: 'subjectivity',
  description: 'train the subjectivity model (CheckThat! train_<lang>; threshold from 5-fold CV)',
  async run(o: TaskOptions) {
    const s = fitSettings(o, DEFAULTS);
    const lang = o.lang ?? 'en';
    const all = loadSubjectivity(o.data, 'train', lang);
    const folds = Number(o.extra.folds ?? 5);
    o.log(
      `subjectivity: ${all.length} train_${lang} sentences, ${folds} folds; bits=${s.bits} chars=${s.chars}`,
    );
    const fold = (id: string) => hashString(`${DATASET}:${id}`) % folds;
    const k = Number(o.extra.selfTrain ?? 2000);
    const weight = Number(o.extra.selfWeight ?? 0.2);
    const pool = k > 0 ? vectorsOf(unlabelledSentences(join(o.data, '..'), lang), lang, s) : [];
    o.log(
      `subjectivity: self-training with ${k}+${k} of ${pool.length} unlabelled sentences at weight ${weight}`,
    );
    const fit = (rows: typeof all) => selfTrain(rows, pool, s, 'SUBJ', lang, k, weight);
    const probs = new Array<number>(all.length);
    for (let f = 0; f < folds; f++) {
      const model = fit(all.filter((r) => fold(r.id) !== f));
      const held = all.map((r, i) => [r, i] as const).filter(([r]) => fold(r.id) === f);
      const p = predictRows(
        model,
        held.map(([r]) => r),
        s,
        lang,
      );
      held.forEach(([, i], j) => {
        probs[i] = p[j]!;
      });
    }
    const { threshold, score } = bestThreshold(
      probs,
      all.map((r) => r.positive),
      macroF1,
    );
    const final = fit(all);
    const out = o.out ?? shipped(lang);
    saveModel(final, threshold, out, s, {
      data: `CheckThat! subjectivity train_${lang} (checkthat-subjectivity), CC BY-NC-SA 4.0`,
      trainedOn: `train_${lang}`,
      command: `newsprism train subjectivity --data ../shared/data/checkthat-subjectivity --lang ${lang}`,
      selfTraining: { pairs: k, weight, unlabelled: pool.length },
      validation: {
        split: `${folds}-fold cross-validation on train_${lang}`,
        macro_f1: round(score),
        threshold: round(threshold),
      },
    });
    o.log(`subjectivity: wrote ${out}`);
    return {
      title: 'subjectivity model trained',
      metrics: { cv_macro_f1: score, threshold },
      notes: [`model: ${out}`, 'measure it with: newsprism eval subjectivity --data … --split dev'],
    };
  },
};

const round = (x: number) => Math.round(x * 1e4) / 1e4;
