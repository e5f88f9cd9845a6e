import type { SparseVector } from './features.js';
import { type LinearKind, LinearModel } from './linear.js';

export { macroF1, refineThresholds, tuneOffsets, tuneThresholds } from './thresholds.js';

/** One training example: a feature vector, its gold label indices and a group (the article). */
export interface Sample {
  x: SparseVector;
  /** Gold label indices (exactly one for a multiclass model; any number for multilabel). */
  y: number[];
  /** Examples of one group stay in one fold (paragraphs of one article). */
  group?: string;
  /** Example weight (default 1). */
  weight?: number;
  /**
   * A weak example from another data set: trained on, but not counted in the class frequencies
   * that `balance` weighs by (many weak examples of one class would else lower that class's
   * weight for every real example).
   */
  weak?: boolean;
}

/** Settings of {@link trainLinear}. */
export interface TrainOptions {
  kind: LinearKind;
  labels: readonly string[];
  bits: number;
  epochs?: number;
  /** AdaGrad learning rate. */
  rate?: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2?: number;
  /** Multilabel: weight of positives relative to negatives per label is min(this, neg/pos). */
  maxPositiveWeight?: number;
  /** Multiclass: weight examples by inverse class frequency to this power (0 = off). */
  balance?: number;
  seed?: number;
  /**
   * Bagging in {@link trainAveraged} (with more than one seed): each seed's model is fitted on
   * a resample of the groups — ≥ 1 a bootstrap (as many draws as groups, with replacement; a
   * group drawn k times weighs k), in (0, 1) that share of the groups without replacement.
   */
  bag?: number;
}

/** A small deterministic PRNG (mulberry32), so training runs are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The weight of each label's examples in {@link trainLinear}: multilabel, positives weigh
 * min(`maxPositiveWeight`, negatives / positives) (at least 1); multiclass with `balance`, the
 * mean class size over the class's, to that power; else 1. Weak examples are not counted.
 */
export function classWeights(samples: readonly Sample[], o: TrainOptions): Float64Array {
  const L = o.labels.length;
  const pos = new Float64Array(L);
  const classWeight = new Float64Array(L).fill(1);
  let counted = 0;
  for (const s of samples) {
    if (s.weak) continue;
    counted++;
    for (const y of s.y) pos[y]!++;
  }
  if (o.kind === 'multilabel') {
    for (let l = 0; l < L; l++)
      classWeight[l] = Math.max(
        1,
        Math.min(o.maxPositiveWeight ?? 1, (counted - pos[l]!) / Math.max(1, pos[l]!)),
      );
  } else if (o.balance) {
    const mean = counted / L;
    for (let l = 0; l < L; l++) classWeight[l] = (mean / Math.max(1, pos[l]!)) ** o.balance;
  }
  return classWeight;
}

/**
 * Trains a logistic-regression model (one-vs-rest sigmoids or a softmax) with AdaGrad SGD over
 * hashed sparse features. Thresholds start at 0.5 (multilabel) or 0 (multiclass offsets); tune
 * them afterwards with {@link tuneThresholds} on held-out predictions.
 */
export function trainLinear(samples: readonly Sample[], o: TrainOptions): LinearModel {
  const L = o.labels.length;
  const epochs = o.epochs ?? 8;
  const rate = o.rate ?? 0.2;
  const l2 = o.l2 ?? 1e-5;
  const w = new Float32Array((1 << o.bits) * L);
  const g2 = new Float32Array(w.length);
  const bias = new Float64Array(L);
  const bg2 = new Float64Array(L).fill(1e-8);
  const classWeight = classWeights(samples, o);
  const rand = prng(o.seed ?? 1);
  const order = samples.map((_, i) => i);
  const grad = new Float64Array(L);
  const gold = new Uint8Array(L);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const s = samples[k]!;
      gold.fill(0);
      for (const y of s.y) gold[y] = 1;
      const z = new Float64Array(L);
      for (let l = 0; l < L; l++) z[l] = bias[l]!;
      for (let i = 0; i < s.x.idx.length; i++) {
        const base = s.x.idx[i]! * L;
        const x = s.x.val[i]!;
        for (let l = 0; l < L; l++) z[l]! += x * w[base + l]!;
      }
      const sw = s.weight ?? 1;
      if (o.kind === 'multilabel') {
        for (let l = 0; l < L; l++) {
          const p = 1 / (1 + Math.exp(-z[l]!));
          grad[l] = (p - gold[l]!) * sw * (gold[l] ? classWeight[l]! : 1);
        }
      } else {
        let max = -Infinity;
        for (const v of z) max = Math.max(max, v);
        let sum = 0;
        for (let l = 0; l < L; l++) sum += Math.exp(z[l]! - max);
        const cw = classWeight[s.y[0]!]! * sw;
        for (let l = 0; l < L; l++) grad[l] = (Math.exp(z[l]! - max) / sum - gold[l]!) * cw;
      }
      for (let l = 0; l < L; l++) {
        bg2[l]! += grad[l]! * grad[l]!;
        bias[l]! -= (rate * grad[l]!) / Math.sqrt(bg2[l]!);
      }
      for (let i = 0; i < s.x.idx.length; i++) {
        const base = s.x.idx[i]! * L;
        const x = s.x.val[i]!;
        for (let l = 0; l < L; l++) {
          const j = base + l;
          const g = grad[l]! * x + l2 * w[j]!;
          if (g === 0) continue;
          g2[j]! += g * g;
          w[j]! -= (rate * g) / Math.sqrt(g2[j]! + 1e-8);
        }
      }
    }
  }
  const thresholds = new Float32Array(L).fill(o.kind === 'multilabel' ? 0.5 : 0);
  return new LinearModel(o.kind, o.labels, o.bits, w, Float32Array.from(bias), thresholds);
}

/**
 * Out-of-fold probabilities: splits the samples into `k` folds by group, trains on k−1 and
 * predicts the rest, so thresholds can be tuned on predictions the model did not train on.
 * `seeds` > 1 trains each fold's model as {@link trainAveraged} does, so the out-of-fold
 * scores come from models made like a final model averaged over as many seeds. `always`: samples
 * added to every fold's training and never predicted (weak examples from another data set).
 */
export function crossValidate(
  samples: readonly Sample[],
  k: number,
  o: TrainOptions,
  seeds = 1,
  always: readonly Sample[] = [],
): Float64Array[] {
  const folds = new Map<string, number>();
  const rand = prng((o.seed ?? 1) + 7);
  const fold = (s: Sample, i: number) => {
    const g = s.group ?? String(i);
    if (!folds.has(g)) folds.set(g, Math.floor(rand() * k));
    return folds.get(g)!;
  };
  const f = samples.map(fold);
  const out: Float64Array[] = new Array(samples.length);
  for (let j = 0; j < k; j++) {
    const model = trainAveraged([...samples.filter((_, i) => f[i] !== j), ...always], o, seeds);
    samples.forEach((s, i) => {
      if (f[i] === j) out[i] = model.probabilities(s.x);
    });
  }
  return out;
}

/**
 * The samples of one bagged model ({@link TrainOptions.bag}): a resample of the groups drawn
 * with `rand`, each sample weighted by how often its group was drawn (groups never drawn left out).
 */
export function bagSamples(samples: readonly Sample[], bag: number, rand: () => number): Sample[] {
  const groups = [...new Set(samples.map((s, i) => s.group ?? String(i)))];
  const times = new Map<string, number>();
  if (bag >= 1)
    for (let d = 0; d < groups.length; d++) {
      const g = groups[Math.floor(rand() * groups.length)]!;
      times.set(g, (times.get(g) ?? 0) + 1);
    }
  else {
    const order = groups.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const g of order.slice(0, Math.max(1, Math.round(bag * groups.length)))) times.set(g, 1);
  }
  const out: Sample[] = [];
  samples.forEach((s, i) => {
    const k = times.get(s.group ?? String(i));
    if (k) out.push(k === 1 ? s : { ...s, weight: (s.weight ?? 1) * k });
  });
  return out;
}

/**
 * Trains `seeds` models on shuffles of the same data (or, with `bag`, on resamples of its
 * groups) and averages their weights: a cheap ensemble that costs nothing at run time and
 * steadies the rare labels.
 */
export function trainAveraged(samples: readonly Sample[], o: TrainOptions, seeds = 1): LinearModel {
  const bagged = seeds > 1 && (o.bag ?? 0) > 0;
  const rand = prng((o.seed ?? 1) + 4099);
  const data = () => (bagged ? bagSamples(samples, o.bag!, rand) : samples);
  const first = trainLinear(data(), o);
  if (seeds <= 1) return first;
  const w = first.weights;
  const b = first.bias;
  for (let s = 1; s < seeds; s++) {
    const m = trainLinear(data(), { ...o, seed: (o.seed ?? 1) + s * 101 });
    for (let i = 0; i < w.length; i++) w[i]! += m.weights[i]!;
    for (let l = 0; l < b.length; l++) b[l]! += m.bias[l]!;
  }
  for (let i = 0; i < w.length; i++) w[i]! /= seeds;
  for (let l = 0; l < b.length; l++) b[l]! /= seeds;
  return first;
}
