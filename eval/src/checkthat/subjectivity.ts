import { fileURLToPath } from 'node:url';
import { SentenceModel, subjectivityModel } from '@newsprism/core';
import { isValidation } from '../split.js';
import type { Task, TaskOptions } from '../task.js';
import { type FitSettings, fitSentenceModel, fitSettings, predictRows, saveModel } from './fit.js';
import { loadSubjectivity } from './load.js';
import { bestThreshold, macroF1, scoreTable } from './metrics.js';

const DEFAULTS: FitSettings = {
  bits: 17,
  chars: false,
  suffixes: true,
  epochs: 8,
  rate: 0.2,
  l2: 1e-5,
  positiveWeight: 1.8,
  seeds: 5,
};
const shipped = fileURLToPath(new URL('../../../models/subjectivity/subjectivity.en.json', import.meta.url));
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
    const all = loadSubjectivity(o.data, split === 'val' ? 'train' : split, o.lang ?? 'en');
    const rows = split === 'val' ? all.filter((r) => isValidation(DATASET, r.id)) : all;
    const model = o.model ? new SentenceModel(o.model, '') : subjectivityModel;
    const pred = rows.map((r) => model.probability(r.text, 'en') >= model.threshold);
    const gold = rows.map((r) => r.positive);
    return {
      title: `subjectivity — CheckThat! English, ${split} (${rows.length} sentences)`,
      metrics: { macro_f1: macroF1(pred, gold), threshold: model.threshold },
      table: scoreTable(pred, gold, ['SUBJ', 'OBJ']),
    };
  },
};

/**
 * `newsprism train subjectivity`: fits on the project's inner train split of `train_en`, tunes
 * the threshold for macro-F1 on the inner validation split (`val`, 20% by id), then refits on
 * all of `train_en` with that threshold. `dev_en` is never read.
 */
export const subjectivityTrain: Task = {
  name: 'subjectivity',
  description: 'train the subjectivity model (CheckThat! train_en; threshold tuned on an inner split)',
  async run(o: TaskOptions) {
    const s = fitSettings(o, DEFAULTS);
    const all = loadSubjectivity(o.data, 'train', 'en');
    const val = all.filter((r) => isValidation(DATASET, r.id));
    const train = all.filter((r) => !isValidation(DATASET, r.id));
    o.log(
      `subjectivity: ${train.length} train, ${val.length} inner-val sentences; bits=${s.bits} chars=${s.chars}`,
    );
    const first = fitSentenceModel(train, s, 'SUBJ');
    const probs = predictRows(first, val, s);
    const { threshold, score } = bestThreshold(
      probs,
      val.map((r) => r.positive),
      macroF1,
    );
    const final = fitSentenceModel(all, s, 'SUBJ');
    const out = o.out ?? shipped;
    saveModel(final, threshold, out, s, {
      data: 'CheckThat! subjectivity English train_en (checkthat-subjectivity), CC BY-NC-SA 4.0',
      trainedOn: 'train_en',
      command: 'newsprism train subjectivity --data ../shared/data/checkthat-subjectivity',
      validation: {
        split: 'inner val (20% of train_en by id)',
        macro_f1: round(score),
        threshold: round(threshold),
      },
    });
    o.log(`subjectivity: wrote ${out}`);
    return {
      title: 'subjectivity model trained',
      metrics: { val_macro_f1: score, threshold },
      notes: [`model: ${out}`, 'measure it with: newsprism eval subjectivity --data … --split dev'],
    };
  },
};

const round = (x: number) => Math.round(x * 1e4) / 1e4;
