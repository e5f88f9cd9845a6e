import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  hashString,
  type LinearModel,
  prng,
  type Sample,
  SentenceModel,
  type SentenceModelSettings,
  type SparseVector,
  sentenceVector,
  trainLinear,
} from '@newsprism/core/train';
import type { TaskOptions } from '../task.js';
import { assertFeatures } from './assert-features.js';
import { idBlocks } from './blocks.js';
import { candidatesAsOne } from './candidate-names.js';
import { clusterFeatures, clusterFileRecord, clustersFor, useClusterFile } from './cluster-features.js';
import { contextFeatures } from './context-features.js';
import { depsFeatures } from './deps-features.js';
import type { LabelledSentence } from './load.js';
import { pairFeatures } from './pair-features.js';
import { rateFeatures } from './rate-features.js';
import { shapeFeatures } from './shape-features.js';
import { subjFeatures } from './subj-features.js';
import { subjectFeatures } from './subject-features.js';
import { syntaxFeatures } from './syntax-features.js';
import { tenseFeatures } from './tense-features.js';
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
  /** Experiment: features kept only if at least this many training sentences hold them; 0 = all. */
  minDf?: number;
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
   * Experiment: naive-Bayes feature scaling (NBSVM, Wang and Manning 2012) with this smoothing
   * count; 0 = none. See {@link nbRatios}.
   */
  nb?: number;
  /** Experiment: weight of word pairs two and three places apart (`pair-features.ts`); 0 = none. */
  pairs?: number;
  /**
   * Experiment: windows of this many words (stride half of it) of a longer sentence are scored
   * too, and the sentence's logit moves `windowMix` of the way up to its best window's (a
   * claim inside a long, rambling answer); 0 = none.
   */
  window?: number;
  windowMix?: number;
  /** Experiment: candidates' names read as one word (`candidate-names.ts`); 0 = as written. */
  cand?: number;
  /**
   * Experiment: each of the `seeds` runs is fitted on this share of the {@link SPREAD_BLOCKS}
   * id blocks of the training rows, drawn at random (bagging by debates); 0 = all rows.
   */
  bag?: number;
  /** Experiment: weight of the subject and its verb (`subject-features.ts`); 0 = none. */
  subject?: number;
  /** Experiment: weight of part-of-speech shares and tense counts (`syntax-features.ts`); 0 = none. */
  syn?: number;
  /** Experiment: weight of loaded-word rates of the techniques model (`rate-features.ts`); 0 = none. */
  rates?: number;
  /**
   * Experiment: weight of word-cluster features (`cluster-features.ts`, the clusters of `train
   * clusters`; `--set wcFile=PATH` reads another file); 0 = none (`clusters` names the
   * subjectivity trainer's topic clusters).
   */
  wc?: number;
  /** Bit mask of the word-cluster levels used (bit 0 the coarsest); default 7, all three. */
  wcLevels?: number;
  /** 1: pairs of neighbouring words' coarsest clusters too. */
  wcBigrams?: number;
  /** Experiment: weight of what a sentence asserts and pairs of word classes (`assert-features.ts`); 0 = none. */
  assert?: number;
  /** Experiment: weight of the shipped subjectivity model's score (`subj-features.ts`); 0 = none. */
  subj?: number;
  /** Experiment: weight of the main clause's structure from the dependency parser (`deps-features.ts`); 0 = none. */
  deps?: number;
  /** Experiment: weight of every clause's subject and verb and more of the parse (`deps-features.ts`); 0 = none. */
  deps2?: number;
  /** Experiment: parse only a sentence's first N tokens for `deps`/`deps2` (default 80). */
  depsMax?: number;
  /**
   * Experiment: a bias feature per run of neighbouring ids (this many runs of the training rows,
   * `idBlocks`), in training only — a debate's own share of `Yes` and its topic go into its bias,
   * not into its words' weights; scoring leaves them out. 0 = none.
   */
  fe?: number;
  /**
   * Experiment: training weight of the rows whose label was settled after the annotators
   * disagreed (`LabelledSentence.conflict`); 0 = as the others (weight 1).
   */
  conflictWeight?: number;
  /** Experiment: weight of past/present tense cues (`tense-features.ts`); 0 = none. */
  tense?: number;
}

/**
 * The best window logit of each row scored with `window` set (for `dump`), by row: the highest of
 * its windows' logits and its own (a sentence of at most `window` words: its own).
 */
export const windowLogits = new WeakMap<object, number>();

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Log-count ratios of hashed features (NBSVM): r_j = log((α + Σ_pos x_j) / ‖·‖₁) − log((α +
 * Σ_neg x_j) / ‖·‖₁) over `vectors`' absolute values, with `alpha` = α. A model trained on
 * features scaled by r and whose weights are then multiplied by r scores plain vectors exactly
 * as it scored scaled ones, so the shipped model keeps its format.
 */
export function nbRatios(
  vectors: readonly SparseVector[],
  positive: readonly boolean[],
  bits: number,
  alpha: number,
): Float64Array {
  const n = 1 << bits;
  const p = new Float64Array(n).fill(alpha);
  const q = new Float64Array(n).fill(alpha);
  vectors.forEach((v, i) => {
    const into = positive[i] ? p : q;
    v.idx.forEach((j, t) => {
      into[j]! += Math.abs(v.val[t]!);
    });
  });
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < n; j++) {
    sp += p[j]!;
    sq += q[j]!;
  }
  const r = new Float64Array(n);
  for (let j = 0; j < n; j++) r[j] = Math.log(p[j]! / sp) - Math.log(q[j]! / sq);
  return r;
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
  keepOnly(vectors, keep);
}

/**
 * Drops, in place, the features of `vectors` (by hashed index) that occur in fewer than
 * `minCount` of them (a document-frequency cut: words of a few sentences get no weight).
 */
export function keepFrequent(vectors: SparseVector[], minCount: number): void {
  const df = new Map<number, number>();
  for (const v of vectors) for (const j of new Set(v.idx)) df.set(j, (df.get(j) ?? 0) + 1);
  const keep = new Set<number>();
  for (const [j, n] of df) if (n >= minCount) keep.add(j);
  keepOnly(vectors, keep);
}

// Keeps, in place, only the features of `vectors` whose index is in `keep`.
function keepOnly(vectors: SparseVector[], keep: ReadonlySet<number>): void {
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
  const v = sentenceVector(s.cand ? candidatesAsOne(text) : text, lang, s);
  const add = (u: SparseVector) => {
    v.idx.push(...u.idx);
    v.val.push(...u.val);
  };
  if (s.context && before !== undefined) add(contextFeatures(before, s.bits, s.context));
  if (s.upos) add(uposFeatures(text, lang, s.bits, s.upos));
  if (s.valence) add(valenceFeatures(text, s.bits, s.valence));
  if (s.subject) add(subjectFeatures(text, lang, s.bits, s.subject));
  if (s.pairs) add(pairFeatures(text, s.bits, s.pairs));
  if (s.shape) add(shapeFeatures(text, s.bits, s.shape));
  if (s.syn) add(syntaxFeatures(text, lang, s.bits, s.syn));
  if (s.rates) add(rateFeatures(text, s.bits, s.rates));
  if (s.deps || s.deps2) add(depsFeatures(text, lang, s.bits, s.deps ?? 0, s.deps2 ?? 0, s.depsMax ?? 80));
  if (s.subj) add(subjFeatures(text, s.bits, s.subj));
  if (s.assert) add(assertFeatures(text, s.bits, s.assert));
  if (s.tense) add(tenseFeatures(text, s.bits, s.tense));
  if (s.wc) add(clusterFeatures(text, clustersFor(lang), s.bits, s.wc, s.wcLevels ?? 7, !!s.wcBigrams));
  return v;
}

// Numeric settings of the experimental feature groups and sample weights (absent by default).
const EXPERIMENTS = new Set([
  'upos',
  'minBlocks',
  'minDf',
  'recency',
  'shape',
  'recentFrom',
  'recentWeight',
  'valence',
  'context',
  'nb',
  'pairs',
  'window',
  'windowMix',
  'cand',
  'bag',
  'subject',
  'syn',
  'rates',
  'wc',
  'wcLevels',
  'wcBigrams',
  'assert',
  'subj',
  'deps',
  'deps2',
  'depsMax',
  'fe',
  'conflictWeight',
  'tense',
]);

/**
 * Reads `--set` overrides (`bits`, `chars`, `suffixes`, `bigrams`, `cues`, `stems`, `neutral`, `epochs`,
 * `rate`, `l2`, `positiveWeight`, `seeds`, and the experiments of {@link FitSettings}) over
 * defaults.
 */
export function fitSettings(o: TaskOptions, defaults: FitSettings): FitSettings {
  const s = { ...defaults };
  useClusterFile(o.extra.wcFile);
  for (const [k, v] of Object.entries(o.extra)) {
    if (
      k === 'chars' ||
      k === 'suffixes' ||
      k === 'bigrams' ||
      k === 'cues' ||
      k === 'stems' ||
      k === 'neutral'
    )
      s[k] = v === '1' || v === 'true';
    else if (k in s || EXPERIMENTS.has(k)) (s as unknown as Record<string, number>)[k] = Number(v);
  }
  return s;
}

/**
 * What a fit trains on: each row's vector (scaled by the naive-Bayes ratios under `nb`) with its
 * weight, then the `extra` samples (self-training's), scaled the same way, and the ratios the
 * weights are to be multiplied by afterwards.
 */
export function trainingSamples(
  rows: readonly LabelledSentence[],
  s: FitSettings,
  lang: string,
  extra: readonly Sample[],
): { samples: Sample[]; ratios: Float64Array | undefined } {
  const vectors = rows.map((r) => rowVector(r.text, lang, s, r.before));
  if (s.minBlocks) keepSpread(vectors, idBlocks(rows, SPREAD_BLOCKS), s.minBlocks);
  if (s.minDf) keepFrequent(vectors, s.minDf);
  // Recency: the rows of the last of SPREAD_BLOCKS id blocks weigh `recency` times the first's.
  const age = s.recency ? idBlocks(rows, SPREAD_BLOCKS) : [];
  const recent = (i: number) =>
    s.recentFrom && s.recentWeight && Number(rows[i]!.id) >= s.recentFrom ? s.recentWeight : 1;
  const weightOf = (i: number) =>
    (rows[i]!.weight ?? 1) *
    recent(i) *
    (s.recency ? s.recency ** (age[i]! / (SPREAD_BLOCKS - 1)) : 1) *
    (s.conflictWeight && rows[i]!.conflict ? s.conflictWeight : 1);
  // Fixed effects by debate (`fe`): one bias per id run, in the training vectors only.
  if (s.fe) {
    const run = idBlocks(rows, s.fe);
    const mask = (1 << s.bits) - 1;
    vectors.forEach((v, i) => {
      v.idx.push(hashString(`fe:${run[i]}`) & mask);
      v.val.push(1);
    });
  }
  const ratios = s.nb
    ? nbRatios(
        vectors,
        rows.map((r) => r.positive),
        s.bits,
        s.nb,
      )
    : undefined;
  // The extra samples (self-training's) are scaled as the rows are: the fitted weights are
  // multiplied by the ratios, so every sample trained on must be in the scaled space.
  const scale = (v: SparseVector): SparseVector =>
    ratios ? { idx: v.idx, val: v.val.map((x, t) => x * ratios[v.idx[t]!]!) } : v;
  const samples: Sample[] = [
    ...rows.map((r, i) => ({ x: scale(vectors[i]!), y: r.positive ? [0] : [], weight: weightOf(i) })),
    ...(ratios ? extra.map((e) => ({ ...e, x: scale(e.x) })) : extra),
  ];
  return { samples, ratios };
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
  const { samples, ratios } = trainingSamples(rows, s, lang, extra);
  const blocks = s.bag ? idBlocks(rows, SPREAD_BLOCKS) : [];
  const bagged = (i: number) => {
    if (!s.bag) return samples;
    const rand = prng(7919 * (i + 1));
    const order = Array.from({ length: SPREAD_BLOCKS }, (_, b) => b);
    for (let j = order.length - 1; j > 0; j--) {
      const k = Math.floor(rand() * (j + 1));
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    const keep = new Set(order.slice(0, Math.max(1, Math.round(s.bag * SPREAD_BLOCKS))));
    return samples.filter((_, r) => r >= rows.length || keep.has(blocks[r]!));
  };
  const runs = Array.from({ length: Math.max(1, s.seeds) }, (_, i) =>
    trainLinear(bagged(i), {
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
  // Folded into the weights: the model then scores unscaled vectors.
  if (ratios) for (let j = 0; j < model.weights.length; j++) model.weights[j]! *= ratios[j]!;
  return model;
}

/** Positive-class probabilities of `rows` under `model`. */
export function predictRows(
  model: LinearModel,
  rows: readonly LabelledSentence[],
  s: SentenceModelSettings | FitSettings,
  lang = 'en',
): number[] {
  const extra = [...EXPERIMENTS].some((k) => (s as unknown as Record<string, unknown>)[k]);
  const prob = (text: string, before?: string) =>
    model.probabilities(
      extra ? rowVector(text, lang, s as FitSettings, before) : sentenceVector(text, lang, s),
    )[0]!;
  const n = (s as FitSettings).window ?? 0;
  const mix = (s as FitSettings).windowMix ?? 1;
  return rows.map((r) => {
    const p = prob(r.text, r.before);
    if (!n) return p;
    const words = r.text.split(/\s+/).filter(Boolean);
    let best = logit(p);
    const full = best;
    const stride = Math.max(1, Math.floor(n / 2));
    for (let i = 0; words.length > n && i < words.length - stride; i += stride)
      best = Math.max(best, logit(prob(words.slice(i, i + n).join(' '), i ? undefined : r.before)));
    windowLogits.set(r, best);
    return 1 / (1 + Math.exp(-(full + mix * (best - full))));
  });
}

/**
 * Writes `model` with `threshold` and its card facts to `path` (creating the folder); a model
 * with word clusters (`wc`) names the file its features were read from (`--set wcFile=PATH`,
 * else the shipped English one) and that file's checksum.
 */
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
      // The groups the `claims` layer's `deps: true` model reads (main-clause.ts): the parse's
      // main clause and the word clusters, at their weights.
      ...(s.deps ? { deps: s.deps, depsMax: s.depsMax ?? 80 } : {}),
      ...(s.wc ? { wc: s.wc, wcLevels: s.wcLevels ?? 7, wcBigrams: !!s.wcBigrams } : {}),
      extractor: 'sentenceVector@2',
    },
    ...(s.wc ? clusterFileRecord('en') : {}),
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
