import type { SparseVector } from './features.js';
import { type LinearKind, LinearModel } from './linear.js';

/** One training example: a feature vector, its gold label indices and a group (the article). */
export interface Sample {
  x: SparseVector;
  /** Gold label indices (exactly one for a multiclass model; any number for multilabel). */
  y: number[];
  /** Examples of one group stay in one fold (paragraphs of one article). */
  group?: string;
  /** Example weight (default 1). */
  weight?: number;
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
  const pos = new Float64Array(L);
  const classWeight = new Float64Array(L).fill(1);
  for (const s of samples) for (const y of s.y) pos[y]!++;
  if (o.kind === 'multilabel') {
    for (let l = 0; l < L; l++)
      classWeight[l] = Math.max(
        1,
        Math.min(o.maxPositiveWeight ?? 1, (samples.length - pos[l]!) / Math.max(1, pos[l]!)),
      );
  } else if (o.balance) {
    const mean = samples.length / L;
    for (let l = 0; l < L; l++) classWeight[l] = (mean / Math.max(1, pos[l]!)) ** o.balance;
  }
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
 */
export function crossValidate(samples: readonly Sample[], k: number, o: TrainOptions): Float64Array[] {
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
    const model = trainLinear(
      samples.filter((_, i) => f[i] !== j),
      o,
    );
    samples.forEach((s, i) => {
      if (f[i] === j) out[i] = model.probabilities(s.x);
    });
  }
  return out;
}

/**
 * Per-label thresholds that maximise each label's F1 on held-out probabilities (multilabel).
 * Labels with fewer than `minSupport` gold examples, or whose best F1 is below `minF1`, get a
 * threshold of 1.01 (never predicted): a guess on a handful of examples costs precision.
 */
export function tuneThresholds(
  probs: readonly Float64Array[],
  gold: readonly number[][],
  labels: number,
  minSupport = 3,
  minF1 = 0.05,
): Float32Array {
  const t = new Float32Array(labels);
  for (let l = 0; l < labels; l++) {
    const rows = probs.map((p, i) => [p[l]!, gold[i]!.includes(l) ? 1 : 0] as const);
    const support = rows.reduce((s, r) => s + r[1], 0);
    rows.sort((a, b) => b[0] - a[0]);
    let tp = 0;
    let best = 0;
    let bestT = 1.01;
    for (let i = 0; i < rows.length; i++) {
      tp += rows[i]![1];
      if (i + 1 < rows.length && rows[i + 1]![0] === rows[i]![0]) continue;
      const f1 = (2 * tp) / (i + 1 + support);
      if (f1 > best) {
        best = f1;
        bestT = i + 1 < rows.length ? (rows[i]![0] + rows[i + 1]![0]) / 2 : rows[i]![0];
      }
    }
    t[l] = support < minSupport || best < minF1 ? 1.01 : bestT;
  }
  return t;
}

/**
 * Refines thresholds by coordinate ascent on `micro-F1 + macroWeight × macro-F1` over all
 * labels (per-label F1 optimisation alone over-predicts rare, weak labels and so costs the
 * micro average). Only labels in `tune` move (default: all). Returns new thresholds.
 */
export function refineThresholds(
  probs: readonly Float64Array[],
  gold: readonly number[][],
  start: ArrayLike<number>,
  macroWeight = 0.5,
  tune?: readonly number[],
  rounds = 2,
): Float32Array {
  const L = start.length;
  const t = Float32Array.from(start);
  const isGold = probs.map((_, i) => {
    const g = new Uint8Array(L);
    for (const y of gold[i]!) g[y] = 1;
    return g;
  });
  const tp = new Float64Array(L);
  const fp = new Float64Array(L);
  const fn = new Float64Array(L);
  const count = (l: number) => {
    tp[l] = fp[l] = fn[l] = 0;
    probs.forEach((p, i) => {
      const yes = p[l]! >= t[l]!;
      if (isGold[i]![l]) yes ? tp[l]!++ : fn[l]!++;
      else if (yes) fp[l]!++;
    });
  };
  for (let l = 0; l < L; l++) count(l);
  const f1 = (a: number, b: number, c: number) => (a ? (2 * a) / (2 * a + b + c) : 0);
  const labels = tune ?? [...Array(L).keys()];
  for (let r = 0; r < rounds; r++) {
    for (const l of labels) {
      let TP = 0;
      let FP = 0;
      let FN = 0;
      let macro = 0;
      for (let k = 0; k < L; k++) {
        if (k === l) continue;
        TP += tp[k]!;
        FP += fp[k]!;
        FN += fn[k]!;
        macro += f1(tp[k]!, fp[k]!, fn[k]!);
      }
      const rows = probs.map((p, i) => [p[l]!, isGold[i]![l]!] as const).sort((a, b) => b[0] - a[0]);
      const support = rows.reduce((s, x) => s + x[1], 0);
      const objective = (a: number, b: number) =>
        f1(TP + a, FP + b, FN + support - a) + (macroWeight * (macro + f1(a, b, support - a))) / L;
      let best = objective(0, 0);
      let bestT = 1.01;
      let a = 0;
      let b = 0;
      for (let i = 0; i < rows.length; i++) {
        rows[i]![1] ? a++ : b++;
        if (i + 1 < rows.length && rows[i + 1]![0] === rows[i]![0]) continue;
        const v = objective(a, b);
        if (v > best + 1e-9) {
          best = v;
          bestT = i + 1 < rows.length ? (rows[i]![0] + rows[i + 1]![0]) / 2 : rows[i]![0];
        }
      }
      t[l] = bestT;
      count(l);
    }
  }
  return t;
}

/** Macro-F1 of single-label decisions over `labels` classes. */
export function macroF1(pred: readonly number[], gold: readonly number[], labels: number): number {
  let sum = 0;
  for (let l = 0; l < labels; l++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    pred.forEach((p, i) => {
      if (p === l && gold[i] === l) tp++;
      else if (p === l) fp++;
      else if (gold[i] === l) fn++;
    });
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / labels;
}

/**
 * Logit offsets for a multiclass model that maximise macro-F1 on held-out probabilities
 * (coordinate ascent over a grid; offsets of labels not in `tune` stay at `start`). Rare classes
 * get the push a plain arg-max never gives them.
 */
export function tuneOffsets(
  probs: readonly Float64Array[],
  gold: readonly number[],
  start: ArrayLike<number>,
  tune?: readonly number[],
): Float32Array {
  const L = start.length;
  const t = Float32Array.from(start);
  const logp = probs.map((p) => Array.from(p, (x) => Math.log(Math.max(x, 1e-12))));
  const decide = () =>
    logp.map((z) => {
      let best = 0;
      for (let l = 1; l < L; l++) if (z[l]! + t[l]! > z[best]! + t[best]!) best = l;
      return best;
    });
  let score = macroF1(decide(), gold, L);
  for (let round = 0; round < 3; round++) {
    for (const l of tune ?? [...Array(L).keys()]) {
      let bestT = t[l]!;
      for (let v = -4; v <= 4.001; v += 0.25) {
        t[l] = v;
        const s = macroF1(decide(), gold, L);
        if (s > score + 1e-9) {
          score = s;
          bestT = v;
        }
      }
      t[l] = bestT;
    }
  }
  return t;
}

/**
 * Trains `seeds` models on shuffles of the same data and averages their weights: a cheap
 * ensemble that costs nothing at run time and steadies the rare labels.
 */
export function trainAveraged(samples: readonly Sample[], o: TrainOptions, seeds = 1): LinearModel {
  const first = trainLinear(samples, o);
  if (seeds <= 1) return first;
  const w = first.weights;
  const b = first.bias;
  for (let s = 1; s < seeds; s++) {
    const m = trainLinear(samples, { ...o, seed: (o.seed ?? 1) + s * 101 });
    for (let i = 0; i < w.length; i++) w[i]! += m.weights[i]!;
    for (let l = 0; l < b.length; l++) b[l]! += m.bias[l]!;
  }
  for (let i = 0; i < w.length; i++) w[i]! /= seeds;
  for (let l = 0; l < b.length; l++) b[l]! /= seeds;
  return first;
}
