import { TECHNIQUES } from '@newsprism/core';
import {
  articleUnitVectors,
  crossValidate,
  fileLines,
  type LinearModel,
  refineThresholds,
  type Sample,
  type TrainOptions,
  trainAveraged,
  tuneThresholds,
} from '@newsprism/core/train';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadSemeval, SEMEVAL_LANGS, type SemevalArticle } from './dataset.js';
import { multiLabelF1, perLabelTable } from './metrics.js';
import { saveSemevalModel } from './save-model.js';

/** Hash bits of the techniques model. */
export const TECHNIQUE_BITS = 17;

/** The labelled lines of an article with their features and gold technique indices. */
export function techniqueSamples(a: SemevalArticle, bits = TECHNIQUE_BITS, prefix = 5): Sample[] {
  const lines = fileLines(a.text);
  const xs = articleUnitVectors(a.text, lines, a.lang, bits, false, prefix);
  const out: Sample[] = [];
  lines.forEach((l, i) => {
    const gold = a.lines?.get(l.line);
    if (!gold) return;
    out.push({
      x: xs[i]!,
      y: gold.map((t) => TECHNIQUES.indexOf(t as never)).filter((k) => k >= 0),
      group: `${a.dir}/${a.id}`,
    });
  });
  return out;
}

function options(o: TaskOptions): TrainOptions {
  return {
    kind: 'multilabel',
    labels: TECHNIQUES,
    bits: TECHNIQUE_BITS,
    epochs: Number(o.extra.epochs ?? 6),
    rate: Number(o.extra.rate ?? 0.1),
    l2: Number(o.extra.l2 ?? 1e-6),
    maxPositiveWeight: Number(o.extra.posw ?? 3),
  };
}

/**
 * Thresholds refined per language on that language's out-of-fold predictions (label densities
 * differ a lot between languages). A label with under `minLangSupport` examples in a language
 * keeps the global threshold.
 */
function perLanguageThresholds(
  train: SemevalArticle[],
  samples: Sample[],
  oof: Float64Array[],
  global: Float32Array,
  o: TaskOptions,
): Record<string, number[]> {
  const langOf = new Map(train.map((a) => [`${a.dir}/${a.id}`, a.lang]));
  const out: Record<string, number[]> = {};
  const minLang = Number(o.extra.minLangSupport ?? 15);
  for (const lang of new Set(langOf.values())) {
    const idx = samples.map((s, i) => (langOf.get(s.group!) === lang ? i : -1)).filter((i) => i >= 0);
    const gold = idx.map((i) => samples[i]!.y);
    const tune = TECHNIQUES.map((_, l) => l).filter(
      (l) => gold.reduce((s, g) => s + (g.includes(l) ? 1 : 0), 0) >= minLang,
    );
    const t = refineThresholds(
      idx.map((i) => oof[i]!),
      gold,
      global,
      Number(o.extra[`macroWeight.${lang}`] ?? o.extra.macroWeight ?? 2),
      tune,
    );
    out[lang] = [...t].map((x) => Math.round(x * 1e4) / 1e4);
  }
  return out;
}

/** Scores a model on articles at line level (features only, no pipeline): for quick checks. */
export function quickScore(model: LinearModel, articles: SemevalArticle[]) {
  const gold: string[][] = [];
  const pred: string[][] = [];
  for (const a of articles)
    for (const s of techniqueSamples(a, model.bits, (model.meta.prefix as number | undefined) ?? 5)) {
      gold.push(s.y.map((k) => TECHNIQUES[k]!));
      pred.push(
        model.decide(model.probabilities(s.x), model.thresholdsFor(a.lang)).map((k) => TECHNIQUES[k]!),
      );
    }
  return multiLabelF1(gold, pred, TECHNIQUES);
}

/** `newsprism train techniques`: trains the paragraph-level persuasion-technique model. */
export const trainTechniques: Task = {
  name: 'techniques',
  description: 'persuasion techniques per paragraph (SemEval-2023 Task 3 subtask 3), all languages',
  async run(o): Promise<Report> {
    const t0 = Date.now();
    const split = o.split ?? 'train';
    const train = loadSemeval(o.data, o.lang, split);
    const prefix = Number(o.extra.prefix ?? 5);
    const samples = train.flatMap((a) => techniqueSamples(a, TECHNIQUE_BITS, prefix));
    // The English set is the main target and differs from the others in label density.
    const enWeight = Number(o.extra.enWeight ?? 1);
    if (enWeight !== 1) for (const s of samples) if (s.group!.startsWith('en/')) s.weight = enWeight;
    o.log(`techniques: ${train.length} articles, ${samples.length} lines (${split})`);
    const opts = options(o);
    const oof = crossValidate(samples, Number(o.extra.folds ?? 3), opts);
    const macroWeight = Number(o.extra.macroWeight ?? 2);
    const gold = samples.map((s) => s.y);
    const thresholds = refineThresholds(
      oof,
      gold,
      tuneThresholds(oof, gold, TECHNIQUES.length, Number(o.extra.minSupport ?? 3)),
      macroWeight,
    );
    const langThresholds = perLanguageThresholds(train, samples, oof, thresholds, o);
    const model = trainAveraged(samples, opts, Number(o.extra.seeds ?? 3));
    model.thresholds.set(thresholds);
    model.meta.langThresholds = langThresholds;
    model.meta.prefix = prefix;
    const metrics: Record<string, number> = { articles: train.length, lines: samples.length };
    const table: (string | number)[][] = [];
    if (split === 'train') {
      for (const lang of (o.extra.report ?? o.lang ?? 'en,ru').split(',')) {
        const s = quickScore(model, loadSemeval(o.data, lang, 'val'));
        metrics[`val_${lang}_micro_f1`] = s.micro.f1;
        metrics[`val_${lang}_macro_f1`] = s.macroF1;
        if (table.length === 0) table.push(...perLabelTable(s));
      }
    }
    metrics.seconds = (Date.now() - t0) / 1000;
    // One language → a dedicated model the analyzer prefers for it (`model.en.json`).
    const file =
      o.lang && !o.lang.includes(',') && o.lang !== 'all'
        ? `model.${SEMEVAL_LANGS[o.lang] ?? o.lang}.json`
        : 'model.json';
    saveSemevalModel(o, `techniques/${file}`, model, {
      task: 'semeval2023-task3 subtask 3',
      split,
      options: opts,
      metrics,
      langThresholds,
      prefix,
    });
    return { title: 'Trained techniques model', metrics, table };
  },
};
