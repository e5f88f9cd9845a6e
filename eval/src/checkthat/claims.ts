import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkworthiness, numberOption } from '@newsprism/core';
import { calibrated, fitCalibration, hashString, reliability, SentenceModel } from '@newsprism/core/train';
import type { Task, TaskOptions } from '../task.js';
import { bestF1Threshold, f1At, idBlocks, leaveBlockOut, thresholdRuleTable } from './blocks.js';
import {
  decider,
  type FitSettings,
  fitSentenceModel,
  fitSettings,
  predictRows,
  saveModel,
  windowLogits,
} from './fit.js';
import {
  type CalibrationMethod,
  crossFittedEce,
  eceFloor,
  meanSd,
  reliabilityRows,
} from './kfold-calibration.js';
import { type LabelledSentence, loadCheckworthy } from './load.js';
import { classScores, scoreTable } from './metrics.js';
import { sentenceForm } from './sentence-form.js';

const DEFAULTS: FitSettings = {
  bits: 17,
  chars: false,
  suffixes: true,
  epochs: 8,
  rate: 0.2,
  l2: 1e-5,
  positiveWeight: 1,
  seeds: 5,
  // Feminine pronouns read as masculine (claims@4): in the debates pronoun gender tells the period.
  neutral: true,
};
const shipped = (lang: string) =>
  fileURLToPath(new URL(`../../../models/claims/checkworthy.${lang}.json`, import.meta.url));

/**
 * `newsprism eval claims`: F1 of the `Yes` class of the shipped (or `--model`) check-worthiness
 * model on a CheckThat! 2024 split (default `dev-test`), deciding exactly as `--format checkworthy`.
 */
export const claimsEval: Task = {
  name: 'claims',
  description: 'check-worthiness F1 (class Yes) on CheckThat! 2024 Task 1 (split: dev-test | dev | train)',
  async run(o: TaskOptions) {
    const split = o.split ?? 'dev-test';
    const lang = o.lang ?? 'en';
    // `--set casing=… layout=…`: the sentences rewritten (robustness; `sentence-form.ts`).
    const form = sentenceForm(o.extra);
    const rows = loadCheckworthy(o.data, split, lang).map((r) => ({ ...r, text: form(r.text) }));
    const decide = decider(o.model, lang, checkworthiness);
    const pred = rows.map((r) => decide(r.text));
    const gold = rows.map((r) => r.positive);
    const yes = classScores(pred, gold);
    // Is the model's score (calibrated when the model has a calibration) the probability of Yes?
    const own = o.model ? new SentenceModel(o.model, '') : undefined;
    const score = (t: string) =>
      own ? own.calibrate(own.probability(t, lang)) : checkworthiness(t, lang).score;
    const outcomes = rows.map((r) => ({ p: score(r.text), y: r.positive }));
    const ece = reliability(outcomes).ece;
    return {
      title: `check-worthiness — CheckThat! 2024 ${lang}, ${split} (${rows.length} sentences)`,
      metrics: {
        f1_yes: yes.f1,
        precision_yes: yes.precision,
        recall_yes: yes.recall,
        ece,
        // What a perfectly calibrated score of these values would show on as many sentences.
        ece_floor: eceFloor(outcomes),
      },
      // `--set table=reliability`: the score's reliability table instead of the class scores.
      table:
        o.extra.table === 'reliability'
          ? reliabilityRows(outcomes, 'sentences')
          : scoreTable(pred, gold, ['Yes', 'No']),
    };
  },
};

/**
 * `newsprism train claims`: fits the model on `train` and tunes the decision threshold for F1
 * of `Yes` on `dev`. `--set final=train+dev` refits on both with that threshold, which measured
 * worse on dev-test (the refit's probabilities drift from the tuned threshold), so it is off by
 * default. `--set calibrate=platt` writes a Platt scaling of the score fitted on the same dev
 * predictions (held out from the model; not with `final=train+dev`). `--set fit=union`
 * instead fits on `train` and `dev` together: K-fold cross-validation over both (`--set
 * folds=5`) gives out-of-fold probabilities from which the threshold (F1 of `Yes`) and the
 * Platt scaling are fitted, and the shipped model is fitted on all of them (see
 * `unionFit`). `dev-test` is never read.
 */
export const claimsTrain: Task = {
  name: 'claims',
  description: 'train the check-worthiness model (CheckThat! 2024 train, threshold tuned on dev)',
  async run(o: TaskOptions) {
    const s = fitSettings(o, DEFAULTS);
    const lang = o.lang ?? 'en';
    const train = loadCheckworthy(o.data, 'train', lang);
    const dev = loadCheckworthy(o.data, 'dev', lang);
    if (o.extra.fit === 'union') return unionFit(o, s, lang, train, dev);
    if (o.extra.fit === 'blocks') return blockFit(o, s, lang, train, dev);
    o.log(`claims: ${train.length} train, ${dev.length} dev sentences; bits=${s.bits} chars=${s.chars}`);
    const first = fitSentenceModel(train, s, 'Yes', lang);
    const probs = predictRows(first, dev, s, lang);
    const gold = dev.map((r) => r.positive);
    const { threshold } = bestF1Threshold(probs, gold);
    const devScores = classScores(
      probs.map((p) => p >= threshold),
      gold,
    );
    const both = o.extra.final === 'train+dev';
    const final = both ? fitSentenceModel([...train, ...dev], s, 'Yes', lang) : first;
    // Platt scaling of the score, fitted on dev: held-out predictions of the model shipped
    // (fitted on train only). Written only with `--set calibrate=platt`: on dev-test it raised the
    // calibration error (0.106 → 0.111, docs/benchmarks.md). Decisions do not change.
    const calibration = fitCalibration([probs.map((p, i) => ({ p, y: gold[i]! }))]);
    const devEce = (f: (p: number) => number) =>
      reliability(probs.map((p, i) => ({ p: f(p), y: gold[i]! }))).ece;
    const keep = o.extra.calibrate === 'platt' && !both;
    const out = o.out ?? shipped(lang);
    saveModel(final, threshold, out, s, {
      ...(keep ? { calibration } : {}),
      data: `CheckThat! 2024 Task 1, ${lang} (checkthat2024-checkworthy)`,
      trainedOn: both ? 'train+dev' : 'train',
      command: `newsprism train claims --data ../shared/data/checkthat2024-checkworthy --lang ${lang}`,
      validation: {
        split: 'dev (model fitted on train only)',
        f1_yes: round(devScores.f1),
        threshold: round(threshold),
        ece: round(devEce((p) => p)),
        ...(keep ? { calibration: 'Platt scaling fitted on dev' } : {}),
      },
    });
    o.log(`claims: wrote ${out}`);
    return {
      title: 'check-worthiness model trained',
      metrics: {
        dev_f1_yes: devScores.f1,
        dev_precision: devScores.precision,
        dev_recall: devScores.recall,
        threshold,
        dev_ece: devEce((p) => p),
        dev_ece_platt_in_sample: devEce((p) => calibrated(calibration, 0, p)),
      },
      notes: [`model: ${out}`, 'measure it with: newsprism eval claims --data … --split dev-test'],
    };
  },
};

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * `train claims --set fit=union`: every labelled sentence outside `dev-test` (train and dev,
 * whose balances differ a little) in K folds by a hash of split and id; out-of-fold
 * probabilities give the threshold (F1 of `Yes`) and the Platt scaling written into the model,
 * and the calibration error of each method (`none`, `platt`, `isotonic`) by cross-fitting:
 * per fold (mean ± sd), the mapping fitted on the other folds' outcomes. The shipped model is
 * fitted on all of them.
 */
async function unionFit(
  o: TaskOptions,
  s: FitSettings,
  lang: string,
  train: readonly LabelledSentence[],
  dev: readonly LabelledSentence[],
) {
  const rows = [
    ...train.map((r) => ({ ...r, id: `train:${r.id}` })),
    ...dev.map((r) => ({ ...r, id: `dev:${r.id}` })),
  ];
  const folds = numberOption(o.extra, 'folds', 5);
  const foldOf = rows.map((r) => hashString(`checkthat2024-checkworthy:${r.id}`) % folds);
  const gold = rows.map((r) => r.positive);
  o.log(`claims: ${rows.length} train+dev sentences, ${folds}-fold cross-validation; bits=${s.bits}`);
  const oof = new Array<number>(rows.length);
  for (let f = 0; f < folds; f++) {
    const model = fitSentenceModel(
      rows.filter((_, i) => foldOf[i] !== f),
      s,
      'Yes',
      lang,
    );
    const held = rows.map((_, i) => i).filter((i) => foldOf[i] === f);
    predictRows(
      model,
      held.map((i) => rows[i]!),
      s,
      lang,
    ).forEach((p, j) => {
      oof[held[j]!] = p;
    });
    o.log(`claims: fold ${f + 1}/${folds} done`);
  }
  const { threshold } = bestF1Threshold(oof, gold);
  const perFoldF1 = meanSd(
    Array.from({ length: folds }, (_, f) => {
      const idx = rows.map((_, i) => i).filter((i) => foldOf[i] === f);
      return classScores(
        idx.map((i) => oof[i]! >= threshold),
        idx.map((i) => gold[i]!),
      ).f1;
    }),
  );
  const outcomes = oof.map((p, i) => ({ p, y: gold[i]! }));
  const metrics: Record<string, number> = {
    cv_f1_yes: classScores(
      oof.map((p) => p >= threshold),
      gold,
    ).f1,
    cv_f1_yes_fold_mean: perFoldF1.mean,
    cv_f1_yes_fold_sd: perFoldF1.sd,
    threshold,
  };
  let table: (string | number)[][] = [];
  for (const m of ['none', 'platt', 'isotonic'] as CalibrationMethod[]) {
    const e = crossFittedEce(outcomes, foldOf, folds, m);
    // The reliability table of the shipped scaling's cross-fitted scores.
    if (m === 'platt') table = reliabilityRows(e.mapped, 'sentences');
    metrics[`cv_ece_${m}_mean`] = e.mean;
    metrics[`cv_ece_${m}_sd`] = e.sd;
    metrics[`cv_ece_${m}_pooled`] = e.pooled;
  }
  const calibration = fitCalibration([outcomes]);
  const final = fitSentenceModel(rows, s, 'Yes', lang);
  const out = o.out ?? shipped(lang);
  saveModel(final, threshold, out, s, {
    calibration,
    data: `CheckThat! 2024 Task 1, ${lang} (checkthat2024-checkworthy)`,
    trainedOn: 'train+dev',
    command: `newsprism train claims --data ../shared/data/checkthat2024-checkworthy --lang ${lang} --set fit=union`,
    validation: {
      split: `${folds}-fold cross-validation over train+dev (by hash of split and id)`,
      f1_yes: round(metrics.cv_f1_yes!),
      threshold: round(threshold),
      ece: round(metrics.cv_ece_none_pooled!),
      ece_platt: `${round(metrics.cv_ece_platt_mean!)} ± ${round(metrics.cv_ece_platt_sd!)} per fold (cross-fitted), ${round(metrics.cv_ece_platt_pooled!)} pooled`,
      calibration: 'Platt scaling fitted on the out-of-fold probabilities of train+dev',
    },
  });
  o.log(`claims: wrote ${out}`);
  return {
    title: 'check-worthiness model trained on train+dev (K-fold threshold and calibration)',
    metrics,
    table,
    notes: [`model: ${out}`, 'measure it with: newsprism eval claims --data … --split dev-test'],
  };
}

/** The `--set` options of the feature groups a saved model reads beyond the defaults (`deps`, `wc`, …), for its command line. */
function featureSets(extra: Record<string, string>): string {
  return ['deps', 'depsMax', 'wc', 'wcLevels', 'wcBigrams', 'wcFile']
    .filter((k) => extra[k] !== undefined)
    .map((k) => ` --set ${k}=${extra[k]}`)
    .join('');
}

/**
 * `train claims --set fit=blocks`: leave-one-block-out cross-validation over train+dev cut
 * into `--set blocks=10` runs of neighbouring sentence ids (whole debates; see `idBlocks`),
 * each block scored by a model fitted on the others at a threshold tuned on the others'
 * out-of-fold probabilities: F1 (Yes) per block, mean ± sd, and the calibration error
 * cross-fitted over the blocks. `--set final=dev-test` then fits on all of train+dev (threshold
 * from all out-of-fold probabilities) and scores `dev-test`, the 2020 debates — once per
 * session, after tuning. `--set with=dev-test` instead takes dev-test in as one more block
 * (the shipped model: every labelled sentence here). The model is written to `--out` (default:
 * the shipped file) unless `--set save=0`.
 */
async function blockFit(
  o: TaskOptions,
  s: FitSettings,
  lang: string,
  train: readonly LabelledSentence[],
  dev: readonly LabelledSentence[],
) {
  const k = numberOption(o.extra, 'blocks', 10);
  const withDevTest = o.extra.with === 'dev-test';
  const devTest =
    withDevTest || o.extra.final === 'dev-test' ? loadCheckworthy(o.data, 'dev-test', lang) : [];
  const pool = [...train, ...dev];
  // `--set context=W`: each sentence knows the one before it (id − 1, in any split).
  if (o.extra.context) {
    const all = [...pool, ...devTest, ...(devTest.length ? [] : loadCheckworthy(o.data, 'dev-test', lang))];
    const byId = new Map(all.map((r) => [r.id, r.text]));
    for (const r of [...pool, ...devTest]) r.before = byId.get(String(Number(r.id) - 1));
  }
  const blockOf = idBlocks(pool, k);
  const rows = withDevTest ? [...pool, ...devTest] : pool;
  if (withDevTest) for (let i = 0; i < devTest.length; i++) blockOf.push(k);
  const blocks = withDevTest ? k + 1 : k;
  o.log(
    `claims: ${rows.length} sentences in ${blocks} blocks of neighbouring ids; bits=${s.bits} l2=${s.l2} epochs=${s.epochs}`,
  );
  const fit = (r: LabelledSentence[]) => fitSentenceModel(r, s, 'Yes', lang);
  const predict = (m: ReturnType<typeof fit>, r: LabelledSentence[]) => predictRows(m, r, s, lang);
  const report = leaveBlockOut(rows, blockOf, blocks, fit, predict, (l) => o.log(`claims: ${l}`));
  const gold = rows.map((r) => r.positive);
  // `--set dump=FILE`: id, block, gold and out-of-fold probability of every sentence (no text).
  if (o.extra.dump)
    writeFileSync(
      o.extra.dump,
      rows
        .map((r, i) => {
          // With `window`: the best window's logit as a fifth column.
          const w = windowLogits.get(r);
          return `${r.id}\t${blockOf[i]}\t${gold[i] ? 1 : 0}\t${report.oof[i]}${w === undefined ? '' : `\t${w}`}\n`;
        })
        .join(''),
    );
  const outcomes = report.oof.map((p, i) => ({ p, y: gold[i]! }));
  const metrics: Record<string, number> = {
    block_f1_yes_mean: report.f1.mean,
    block_f1_yes_sd: report.f1.sd,
    pooled_f1_yes: f1At(report.oof, gold, report.threshold),
    threshold: report.threshold,
  };
  if (withDevTest) metrics.dev_test_block_f1_yes = report.perBlock[k]!.f1;
  let reliable: (string | number)[][] = [];
  for (const m of ['none', 'platt'] as CalibrationMethod[]) {
    const e = crossFittedEce(outcomes, blockOf, blocks, m);
    // The shipped scaling's cross-fitted scores, for `--set table=reliability`.
    if (m === 'platt') reliable = reliabilityRows(e.mapped, 'sentences');
    metrics[`block_ece_${m}_mean`] = e.mean;
    metrics[`block_ece_${m}_sd`] = e.sd;
    metrics[`block_ece_${m}_pooled`] = e.pooled;
  }
  // `hindsight_*`: the block's own best threshold and F1, a diagnostic of threshold drift only.
  const table: (string | number)[][] = [
    ['block', 'sentences', 'share_yes', 'threshold', 'f1_yes', 'hindsight_threshold', 'hindsight_f1'],
  ];
  report.perBlock.forEach((b, i) => {
    table.push([
      withDevTest && i === k ? 'dev-test' : `ids ${i + 1}/${k}`,
      b.rows,
      b.positives / b.rows,
      b.threshold,
      b.f1,
      b.hindsight.threshold,
      b.hindsight.score,
    ]);
  });
  const save = o.extra.save !== '0';
  const final = save || devTest.length > 0 ? fit(rows) : undefined;
  if (final && o.extra.final === 'dev-test' && !withDevTest) {
    const probs = predictRows(final, devTest, s, lang);
    const dg = devTest.map((r) => r.positive);
    const sc = classScores(
      probs.map((p) => p >= report.threshold),
      dg,
    );
    metrics.final_dev_test_f1_yes = sc.f1;
    metrics.final_dev_test_precision = sc.precision;
    metrics.final_dev_test_recall = sc.recall;
    metrics.final_dev_test_best_f1_hindsight = bestF1Threshold(probs, dg).score;
  }
  const notes: string[] = [];
  if (final && save) {
    const out = o.out ?? shipped(lang);
    const calibration = fitCalibration([outcomes]);
    saveModel(final, report.threshold, out, s, {
      calibration,
      data: `CheckThat! 2024 Task 1, ${lang} (checkthat2024-checkworthy)`,
      trainedOn: withDevTest ? 'train+dev+dev-test' : 'train+dev',
      command: `newsprism train claims --data ../shared/data/checkthat2024-checkworthy --lang ${lang} --set fit=blocks${withDevTest ? ' --set with=dev-test' : ''}${o.extra.final === 'dev-test' ? ' --set final=dev-test' : ''}${featureSets(o.extra)}`,
      validation: {
        split: `leave-one-block-out over ${blocks} blocks of neighbouring sentence ids${withDevTest ? ' (dev-test one block)' : ''}`,
        f1_yes: `${round(report.f1.mean)} ± ${round(report.f1.sd)} per block`,
        threshold: round(report.threshold),
        ece_platt: `${round(metrics.block_ece_platt_mean!)} ± ${round(metrics.block_ece_platt_sd!)} per block (cross-fitted), ${round(metrics.block_ece_platt_pooled!)} pooled`,
        calibration: 'Platt scaling fitted on the out-of-fold probabilities of every block',
      },
    });
    o.log(`claims: wrote ${out}`);
    notes.push(`model: ${out}`);
  }
  return {
    title: 'check-worthiness: leave-one-block-out cross-validation',
    metrics,
    // `--set table=reliability`: the reliability table of the Platt-scaled out-of-fold scores
    // (each block's mapped by a fit on the other blocks) instead of the per-block scores.
    table:
      o.extra.table === 'reliability'
        ? reliable
        : o.extra.rules === '1'
          ? thresholdRuleTable(report.oof, gold, blockOf, blocks)
          : table,
    notes,
  };
}
