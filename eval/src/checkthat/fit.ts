import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type LinearModel,
  type Sample,
  SentenceModel,
  type SentenceModelSettings,
  type SparseVector,
  sentenceVector,
  trainLinear,
} from '@newsprism/core/train';
import type { TaskOptions } from '../task.js';
import { idBlocks } from './blocks.js';
import { contextFeatures } from './context-features.js';
import type { LabelledSentence } from './load.js';
import { rateFeatures } from './rate-features.js';
import { shapeFeatures } from './shape-features.js';
import { syntaxFeatures } from './syntax-features.js';
import { uposFeatures } from './upos-features.js';
import { valenceFeatures } from './valence-features.js';

/** Hyper-parameters of a sentence model, overridable with `--set key=value`. */
export interface FitSettings extends SentenceModelSettings {
  epochs: number;
  rate: number;
  l2: number;
  /** Weight of positive examples relative to negatives, capped by the class ratio. */
  positiveWeight: number;
  /** Models trained with different shuffles whose weights are averaged (less variance). */
  seeds: number;
  /** Experiment: weight of part-of-speech n-gram features (`upos-features.ts`); 0 = none. */
  upos?: number;
  /**
   * Features kept only if they occur in at least this many of {@link SPREAD_BLOCKS} blocks of
   * neighbouring ids of the training rows (`idBlocks`); 0 = all. Words of one debate's topic
   * then get no weight (a zero in the shipped table), words used everywhere keep theirs.
   */
  minBlocks?: number;
  /** Experiment: weight of the newest rows (last id block) relative to the oldest; 0 = all 1. */
  recency?: number;
  /** Experiment: weight of delexicalised n-grams (`shape-features.ts`); 0 = none. */
  shape?: number;
  /** Experiment: rows whose numeric id is at least `recentFrom` weigh `recentWeight`. */
  recentFrom?: number;
  recentWeight?: number;
  /** Experiment: weight of AFINN word-valence features (`valence-features.ts`); 0 = none. */
  valence?: number;
  /** Experiment: weight of the previous sentence's words (`context-features.ts`); 0 = none. */
  context?: number;
  /**
   * Naive-Bayes feature scaling (NBSVM): each feature's value is multiplied by its log-count
   * ratio on the training rows, smoothed by this count (0 = off); the ratios are folded into
   * the weights afterwards, so the model scores plain vectors.
   */
  nb?: number;
  /** Experiment: weight of part-of-speech shares and tense counts (`syntax-features.ts`); 0 = none. */
  syn?: number;
  /** Experiment: weight of loaded-word rates of the techniques model (`rate-features.ts`); 0 = none. */
  rates?: number;
}

/** How many blocks of neighbouring ids `minBlocks` counts a feature's spread over. */
export const SPREAD_BLOCKS = 10;

/**
 * Drops, in place, the features of `vectors` (by hashed index) that occur in fewer than
 * `minBlocks` distinct blocks (`blockOf`, numbers below 32).
 */
export function keepSpread(vectors: SparseVector[], blockOf: readonly number[], minBlocks: number): void {
  const seen = new Map<number, number>();
  vectors.forEach((v, i) => {
    const bit = 1 << blockOf[i]!;
    for (const j of v.idx) seen.set(j, (seen.get(j) ?? 0) | bit);
  });
  const spread = (mask: number) => {
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    return n;
  };
  const keep = new Set<number>();
  for (const [j, mask] of seen) if (spread(mask) >= minBlocks) keep.add(j);
  vectors.forEach((v, i) => {
    const idx: number[] = [];
    const val: number[] = [];
    v.idx.forEach((j, t) => {
      if (keep.has(j)) {
        idx.push(j);
        val.push(v.val[t]!);
      }
    });
    vectors[i] = { idx, val };
  });
}

/** The training vector of one sentence: `sentenceVector`, plus the experimental groups asked for. */
export function rowVector(text: string, lang: string, s: FitSettings, before?: string): SparseVector {
  const v = sentenceVector(text, lang, s);
  if (s.context && before !== undefined) {
    const u = contextFeatures(before, s.bits, s.context);
    v.idx.push(...u.idx);
    v.val.push(...u.val);
  }
  if (s.upos) {
    const u = uposFeatures(text, lang, s.bits, s.upos);
    v.idx.push(...u.idx);
    v.val.push(...u.val);
  }
  if (s.valence) {
    const u = valenceFeatures(text, s.bits, s.valence);
    v.idx.push(...u.idx);
    v.val.push(...u.val);
  }
  if (s.shape) {
    const u = shapeFeatures(text, s.bits, s.shape);
    v.idx.push(...u.idx);
    v.val.push(...u.val);
  }
  if (s.rates) {
    const u = rateFeatures(text, s.bits, s.rates);
    v.idx.push(...u.idx);
    v.val.push(...u.val);
  }
  if (s.syn) {
    const u = syntaxFeatures(text, lang, s.bits, s.syn);
    v.idx.push(...u.idx);
    v.val.push(...u.val);
  }
  return v;
}

// Numeric settings of the experimental feature groups and sample weights (absent by default).
const EXPERIMENTS = new Set([
  'upos',
  'minBlocks',
  'recency',
  'shape',
  'recentFrom',
  'recentWeight',
  'valence',
  'context',
  'syn',
  'rates',
]);

/**
 * Reads `--set` overrides (`bits`, `chars`, `suffixes`, `cues`, `stems`, `neutral`, `epochs`,
 * `rate`, `l2`, `positiveWeight`, `seeds`, and the experiments of {@link FitSettings}) over
 * defaults.
 */
export function fitSettings(o: TaskOptions, defaults: FitSettings): FitSettings {
  const s = { ...defaults };
  for (const [k, v] of Object.entries(o.extra)) {
    if (k === 'nb') s.nb = Number(v);
    else if (k === 'chars' || k === 'suffixes' || k === 'cues' || k === 'stems' || k === 'neutral')
      s[k] = v === '1' || v === 'true';
    else if (k in s || EXPERIMENTS.has(k)) (s as unknown as Record<string, number>)[k] = Number(v);
  }
  return s;
}

/**
 * Trains a one-label logistic regression on labelled sentences (features of `lang`), plus
 * `extra` ready-made samples: `seeds` runs over different shuffles, their weights averaged
 * into one model of the same size.
 */
export function fitSentenceModel(
  rows: readonly LabelledSentence[],
  s: FitSettings,
  label: string,
  lang = 'en',
  extra: readonly Sample[] = [],
): LinearModel {
  const vectors = rows.map((r) => rowVector(r.text, lang, s, r.before));
  if (s.minBlocks) keepSpread(vectors, idBlocks(rows, SPREAD_BLOCKS), s.minBlocks);
  // Recency: the rows of the last of SPREAD_BLOCKS id blocks weigh `recency` times the first's.
  const age = s.recency ? idBlocks(rows, SPREAD_BLOCKS) : [];
  const recent = (i: number) =>
    s.recentFrom && s.recentWeight && Number(rows[i]!.id) >= s.recentFrom ? s.recentWeight : 1;
  const weightOf = (i: number) =>
    (rows[i]!.weight ?? 1) * recent(i) * (s.recency ? s.recency ** (age[i]! / (SPREAD_BLOCKS - 1)) : 1);
  const ratio = s.nb ? logCountRatios(vectors, rows, s.nb) : undefined;
  if (ratio) for (const v of vectors) v.val = v.val.map((x, t) => x * (ratio.get(v.idx[t]!) ?? 0));
  const samples = [
    ...rows.map((r, i) => ({ x: vectors[i]!, y: r.positive ? [0] : [], weight: weightOf(i) })),
    ...extra,
  ];
  const runs = Array.from({ length: Math.max(1, s.seeds) }, (_, i) =>
    trainLinear(samples, {
      kind: 'multilabel',
      labels: [label],
      bits: s.bits,
      epochs: s.epochs,
      rate: s.rate,
      l2: s.l2,
      maxPositiveWeight: s.positiveWeight,
      seed: i + 1,
    }),
  );
  const model = runs[0]!;
  if (runs.length > 1) {
    for (let j = 0; j < model.weights.length; j++) {
      let sum = 0;
      for (const r of runs) sum += r.weights[j]!;
      model.weights[j] = sum / runs.length;
    }
    model.bias[0] = runs.reduce((sum, r) => sum + r.bias[0]!, 0) / runs.length;
  }
  // The model saw values scaled by the ratios: scaled weights score the plain vectors alike.
  if (ratio) {
    const w = model.weights;
    for (let j = 0; j < w.length; j++) w[j] = w[j]! * (ratio.get(j) ?? 0);
  }
  return model;
}

/**
 * Naive-Bayes log-count ratios of the hashed features of `vectors` (Wang & Manning's NBSVM):
 * r = log((α + positives with the feature) / (α·D + Σ positives' features)) less the same of
 * the negatives, D the number of features seen. A feature both classes use alike gets ≈ 0, one
 * of a single class a large ratio: the linear model starts from what a naive Bayes model knows.
 */
export function logCountRatios(
  vectors: readonly SparseVector[],
  rows: readonly LabelledSentence[],
  alpha: number,
): Map<number, number> {
  const pos = new Map<number, number>();
  const neg = new Map<number, number>();
  vectors.forEach((v, i) => {
    const m = rows[i]!.positive ? pos : neg;
    const w = rows[i]!.weight ?? 1;
    for (const j of new Set(v.idx)) m.set(j, (m.get(j) ?? 0) + w);
  });
  const seen = new Set([...pos.keys(), ...neg.keys()]);
  const total = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0) + alpha * seen.size;
  const tp = total(pos);
  const tn = total(neg);
  const r = new Map<number, number>();
  for (const j of seen)
    r.set(j, Math.log((alpha + (pos.get(j) ?? 0)) / tp) - Math.log((alpha + (neg.get(j) ?? 0)) / tn));
  return r;
}

/** Positive-class probabilities of `rows` under `model`. */
export function predictRows(
  model: LinearModel,
  rows: readonly LabelledSentence[],
  s: SentenceModelSettings | FitSettings,
  lang = 'en',
): number[] {
  const extra = [...EXPERIMENTS].some((k) => (s as unknown as Record<string, unknown>)[k]);
  return rows.map(
    (r) =>
      model.probabilities(
        extra ? rowVector(r.text, lang, s as FitSettings, r.before) : sentenceVector(r.text, lang, s),
      )[0]!,
  );
}

/** Writes `model` with `threshold` and its card facts to `path` (creating the folder). */
export function saveModel(
  model: LinearModel,
  threshold: number,
  path: string,
  s: FitSettings,
  meta: Record<string, unknown>,
): void {
  model.thresholds[0] = threshold;
  const file = model.toFile({
    features: {
      chars: s.chars,
      suffixes: s.suffixes ?? false,
      ...(s.cues ? { cues: true } : {}),
      ...(s.stems ? { stems: true } : {}),
      ...(s.neutral ? { neutral: true } : {}),
      extractor: 'sentenceVector@2',
    },
    training: { epochs: s.epochs, rate: s.rate, l2: s.l2, positiveWeight: s.positiveWeight, seeds: s.seeds },
    date: new Date().toISOString().slice(0, 10),
    ...meta,
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(file)}\n`);
}

/**
 * How an eval task decides one record: by a `--model` file and its own threshold, else exactly
 * as the analyzers and the research formats do (`shipped`, e.g. `checkworthiness`).
 */
export function decider(
  modelPath: string | undefined,
  lang: string,
  shipped: (text: string, lang: string) => { positive: boolean },
): (text: string) => boolean {
  if (!modelPath) return (t) => shipped(t, lang).positive;
  const own = new SentenceModel(modelPath, '');
  return (t) => own.probability(t, lang) >= own.threshold;
}
