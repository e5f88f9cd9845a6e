import { readFileSync } from 'node:fs';
import { NewsprismError } from '../errors.js';
import type { SparseVector } from './features.js';

/** `multilabel`: one sigmoid per label (one-vs-rest); `multiclass`: one softmax over labels. */
export type LinearKind = 'multilabel' | 'multiclass';

/** The serialised form of a {@link LinearModel}: compact JSON with base64 int8 weights. */
export interface LinearModelFile {
  format: 'newsprism-linear/1';
  kind: LinearKind;
  labels: string[];
  /** Hash bits: the model has `2^bits` buckets, each with one weight per label. */
  bits: number;
  /** Weight = int8 value × scale. */
  scale: number;
  /** base64 of an Int8Array laid out `[bucket * labels.length + label]`. */
  weights: string;
  bias: number[];
  /** Per-label decision thresholds on the probability (multilabel) or additive logit offsets. */
  thresholds: number[];
  /** Free-form facts: training data, command, date, scores, feature settings. */
  meta: Record<string, unknown>;
}

/** One contribution to a score, for explanations. */
export interface Contribution {
  feature: string;
  weight: number;
}

/** Scratch top lists of {@link LinearModel.explainMany}: contributions, feature indices, sizes. */
let topC = new Float64Array(64);
let topI = new Int32Array(64);
let size = new Int32Array(8);

/**
 * Moves entry `(c, i)` from position `p` down the min-heap `off…off + n` of {@link topC} /
 * {@link topI} to its place: the root is the weakest entry (the smallest contribution, and of
 * equal ones the later feature).
 */
function siftDown(
  tc: Float64Array,
  ti: Int32Array,
  off: number,
  n: number,
  p: number,
  c: number,
  i: number,
): void {
  for (;;) {
    let ch = 2 * p + 1;
    if (ch >= n) break;
    const r = ch + 1;
    if (r < n) {
      const cr = tc[off + r]!;
      const cl = tc[off + ch]!;
      if (cr < cl || (cr === cl && ti[off + r]! > ti[off + ch]!)) ch = r;
    }
    const cc = tc[off + ch]!;
    if (cc > c || (cc === c && ti[off + ch]! < i)) break;
    tc[off + p] = cc;
    ti[off + p] = ti[off + ch]!;
    p = ch;
  }
  tc[off + p] = c;
  ti[off + p] = i;
}

/** Open-addressing table of the buckets a top list has shown: key, and the list's stamp. */
let seenKey = new Int32Array(64);
let seenAt = new Int32Array(64);
let seenStamp = 0;

/** The table for lists of `keep` entries (at most half full), emptied by a new stamp. */
function seenSlots(keep: number): Int32Array {
  if (seenAt.length < keep * 2) {
    let s = 64;
    while (s < keep * 2) s *= 2;
    seenKey = new Int32Array(s);
    seenAt = new Int32Array(s);
    seenStamp = 0;
  }
  if (seenStamp > 0x3fff0000) {
    seenAt.fill(0);
    seenStamp = 0;
  }
  return seenAt;
}

/** The name of feature `i` of `v` (kept, or made on demand). */
export function featureName(v: SparseVector, i: number): string {
  return v.names ? v.names[i]! : v.nameAt!(i);
}

/** Whether features `i` and `j` of `v` have the same name. */
function sameName(v: SparseVector, i: number, j: number): boolean {
  if (v.names) return v.names[i] === v.names[j];
  return v.sameName ? v.sameName(i, j) : v.nameAt!(i) === v.nameAt!(j);
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * A linear model over hashed features: a dense `[bucket × label]` weight table, a bias and a
 * decision threshold per label. Scoring a vector costs one multiply-add per (feature, label).
 */
export class LinearModel {
  private floats: Float32Array | undefined;
  /** Int8 weights of a loaded model; scoring reads these (a quarter of the memory traffic). */
  private readonly quantized: Int8Array | undefined;

  /**
   * `weights` are floats (a trained model) or int8 values times `scale` (a loaded one).
   */
  constructor(
    readonly kind: LinearKind,
    readonly labels: readonly string[],
    readonly bits: number,
    weights: Float32Array | Int8Array,
    readonly bias: Float32Array,
    readonly thresholds: Float32Array,
    readonly meta: Record<string, unknown> = {},
    readonly scale = 1,
  ) {
    if (weights instanceof Int8Array) this.quantized = weights;
    else this.floats = weights;
  }

  /** The int8 weights of a loaded model (weight = value × `scale`), or undefined for a trained one. */
  quantizedWeights(): Int8Array | undefined {
    return this.quantized;
  }

  /** The weights as floats, `[bucket * labels + label]` (made on first use for a loaded model). */
  get weights(): Float32Array {
    if (!this.floats) {
      const q = this.quantized!;
      this.floats = new Float32Array(q.length);
      for (let i = 0; i < q.length; i++) this.floats[i] = q[i]! * this.scale;
    }
    return this.floats;
  }

  /**
   * Raw scores (logits), one per label. `base` replaces the bias: the logits of features
   * shared by many vectors (an article's context for each of its paragraphs), scored once.
   */
  logits(v: SparseVector, base: ArrayLike<number> = this.bias): Float64Array {
    const L = this.labels.length;
    const out = new Float64Array(L);
    const w = this.quantized ?? this.floats!;
    const { idx, val } = v;
    const n = idx.length;
    let i = 0;
    // Four features at a time: each label's sum still adds them one by one, in feature order
    // (the same result to the last bit), with a quarter of the loop and of the reads of `out`.
    for (; i + 3 < n; i += 4) {
      const b0 = idx[i]! * L;
      const b1 = idx[i + 1]! * L;
      const b2 = idx[i + 2]! * L;
      const b3 = idx[i + 3]! * L;
      const x0 = val[i]!;
      const x1 = val[i + 1]!;
      const x2 = val[i + 2]!;
      const x3 = val[i + 3]!;
      for (let l = 0; l < L; l++)
        out[l] = out[l]! + x0 * w[b0 + l]! + x1 * w[b1 + l]! + x2 * w[b2 + l]! + x3 * w[b3 + l]!;
    }
    for (; i < n; i++) {
      const b = idx[i]! * L;
      const x = val[i]!;
      for (let l = 0; l < L; l++) out[l]! += x * w[b + l]!;
    }
    const k = this.quantized ? this.scale : 1;
    for (let l = 0; l < L; l++) out[l] = base[l]! + k * out[l]!;
    return out;
  }

  /**
   * The logits of some labels only (`out[j]` for `labels[j]`), exactly as {@link logits} gives
   * them: locating a finding needs its own label's score, not all of them.
   */
  logitsOf(v: SparseVector, labels: readonly number[]): Float64Array {
    const L = this.labels.length;
    const out = new Float64Array(labels.length);
    const w = this.quantized ?? this.floats!;
    for (let i = 0; i < v.idx.length; i++) {
      const base = v.idx[i]! * L;
      const x = v.val[i]!;
      for (let j = 0; j < labels.length; j++) out[j]! += x * w[base + labels[j]!]!;
    }
    const k = this.quantized ? this.scale : 1;
    for (let j = 0; j < labels.length; j++) out[j] = this.bias[labels[j]!]! + k * out[j]!;
    return out;
  }

  /** Probabilities: sigmoids for a multilabel model, a softmax for a multiclass one. */
  probabilities(v: SparseVector, base?: ArrayLike<number>): Float64Array {
    const z = this.logits(v, base);
    if (this.kind === 'multilabel') {
      for (let l = 0; l < z.length; l++) z[l] = sigmoid(z[l]!);
      return z;
    }
    let max = -Infinity;
    for (const x of z) max = Math.max(max, x);
    let s = 0;
    for (let l = 0; l < z.length; l++) {
      z[l] = Math.exp(z[l]! - max);
      s += z[l]!;
    }
    for (let l = 0; l < z.length; l++) z[l]! /= s;
    return z;
  }

  /**
   * Decides from probabilities: every label at or above its threshold (multilabel), or the one
   * label with the highest probability after adding its offset (multiclass). Returns indices.
   * `thresholds` overrides the model's own (per-language thresholds kept in `meta`).
   */
  decide(p: ArrayLike<number>, thresholds: ArrayLike<number> = this.thresholds): number[] {
    const t = thresholds;
    if (this.kind === 'multilabel') {
      const out: number[] = [];
      for (let l = 0; l < p.length; l++) if (p[l]! >= t[l]!) out.push(l);
      return out;
    }
    let best = 0;
    for (let l = 1; l < p.length; l++) if (Math.log(p[l]!) + t[l]! > Math.log(p[best]!) + t[best]!) best = l;
    return [best];
  }

  /**
   * The thresholds for a language: `meta.langThresholds[lang]` when the trainer tuned some for
   * it, else the model's global ones.
   */
  thresholdsFor(lang: string): ArrayLike<number> {
    const per = this.meta.langThresholds as Record<string, number[]> | undefined;
    return per?.[lang] ?? this.thresholds;
  }

  /** The `k` features of `v` that push label `label` up the most (needs `names` or `nameAt`). */
  explain(v: SparseVector, label: number, k = 5): Contribution[] {
    return this.explainMany(v, [label], k)[0]!;
  }

  /** {@link explain} for several labels of the same vector. */
  explainMany(v: SparseVector, labels: readonly number[], k = 5): Contribution[][] {
    if ((!v.names && !v.nameAt) || labels.length === 0) return labels.map(() => []);
    return this.topContributions(v, labels, k).map((t) =>
      t.features.map((i, p) => ({
        feature: featureName(v, i),
        weight: Math.round(t.weights[p]! * 1000) / 1000,
      })),
    );
  }

  /**
   * What {@link explainMany} finds, with features as indices into `v` (the first of each name)
   * and weights unrounded: the caller names only the features it shows. For each label, the
   * `2k` strongest positive single contributions (ties in feature order), repeated names merged
   * into their first sight, then the `k` strongest merged ones (ties in list order). Features
   * are named only to tell apart two that share a bucket (the same name has the same bucket).
   */
  topContributions(
    v: SparseVector,
    labels: readonly number[],
    k = 5,
  ): { features: number[]; weights: number[] }[] {
    const L = this.labels.length;
    const w = this.quantized ?? this.floats!;
    const k0 = this.quantized ? this.scale : 1;
    // Per label, a min-heap of the strongest single contributions (the root is the weakest kept:
    // the smallest, and of equal ones the later feature), then sorted in place, strongest first
    // and ties in feature order; repeated names are merged afterwards. Label by label, so the
    // entry bar of each heap stays in a local and most features are dismissed with one comparison.
    const keep = k * 2;
    const n = labels.length;
    // Scratch lists shared by every call (typed arrays are slow to allocate), read through locals.
    if (topC.length < n * keep) {
      topC = new Float64Array(n * keep * 2);
      topI = new Int32Array(n * keep * 2);
    }
    if (size.length < n) size = new Int32Array(n * 2);
    const tc = topC;
    const ti = topI;
    const { idx, val } = v;
    const count = idx.length;
    for (let j = 0; j < n; j++) {
      const label = labels[j]!;
      const off = j * keep;
      let m = 0;
      // Only positive contributions enter; once the heap is full, only those above its root (an
      // equal one comes later, so it ranks below the root).
      let bar = 0;
      for (let i = 0; i < count; i++) {
        const x = val[i]! * k0;
        const c = x * w[idx[i]! * L + label]!;
        if (c <= bar) continue;
        if (m < keep) {
          // Sift up: the new entry is the latest, so of equal contributions it is the weaker.
          let p = m++;
          while (p > 0) {
            const up = (p - 1) >> 1;
            if (tc[off + up]! < c) break;
            tc[off + p] = tc[off + up]!;
            ti[off + p] = ti[off + up]!;
            p = up;
          }
          tc[off + p] = c;
          ti[off + p] = i;
          if (m === keep) bar = tc[off]!;
        } else {
          siftDown(tc, ti, off, keep, 0, c, i);
          bar = tc[off]!;
        }
      }
      // Heap sort: the weakest goes last, so the list ends strongest first, ties in feature order.
      for (let e = m - 1; e > 0; e--) {
        const c = tc[off + e]!;
        const i = ti[off + e]!;
        tc[off + e] = tc[off]!;
        ti[off + e] = ti[off]!;
        siftDown(tc, ti, off, e, 0, c, i);
      }
      size[j] = m;
    }
    // Repeated names merged in list order (first sight keeps its place), then a stable sort by
    // merged weight, strongest first: what a Map by name, a spread and `sort` gave. A small table
    // of the buckets seen tells a first sight without comparing against every earlier one.
    const out: { features: number[]; weights: number[] }[] = [];
    const first: number[] = [];
    const sums: number[] = [];
    const slots = seenSlots(keep);
    const mask = slots.length - 1;
    for (let j = 0; j < n; j++) {
      first.length = 0;
      sums.length = 0;
      const stamp = ++seenStamp;
      for (let p = 0; p < size[j]!; p++) {
        const i = ti[j * keep + p]!;
        const c = tc[j * keep + p]!;
        const b = idx[i]!;
        let h = Math.imul(b, 0x9e3779b1) >>> 0;
        let seen = false;
        for (; ; h++) {
          const s = h & mask;
          if (seenAt[s] !== stamp) {
            seenAt[s] = stamp;
            seenKey[s] = b;
            break;
          }
          if (seenKey[s] === b) {
            seen = true;
            break;
          }
        }
        let q = first.length;
        if (seen) {
          for (q = 0; q < first.length; q++) if (idx[first[q]!] === b && sameName(v, first[q]!, i)) break;
        }
        if (q === first.length) {
          first.push(i);
          sums.push(c);
        } else sums[q]! += c;
      }
      const order: number[] = [];
      for (let q = 0; q < first.length; q++) {
        let p = order.length;
        order.push(q);
        while (p > 0 && sums[order[p - 1]!]! < sums[q]!) {
          order[p] = order[p - 1]!;
          p--;
        }
        order[p] = q;
      }
      const top = { features: [] as number[], weights: [] as number[] };
      for (let p = 0; p < order.length && p < k; p++) {
        top.features.push(first[order[p]!]!);
        top.weights.push(sums[order[p]!]!);
      }
      out.push(top);
    }
    return out;
  }

  /** Serialises with weights quantised to int8 (clipped at the 99.99th percentile of |w|). */
  toFile(meta: Record<string, unknown> = this.meta): LinearModelFile {
    const abs: number[] = [];
    for (const x of this.weights) if (x !== 0) abs.push(Math.abs(x));
    abs.sort((a, b) => a - b);
    const top = abs.length ? abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.9999))]! : 1;
    const scale = top / 127 || 1;
    const q = new Int8Array(this.weights.length);
    for (let i = 0; i < q.length; i++)
      q[i] = Math.max(-127, Math.min(127, Math.round(this.weights[i]! / scale)));
    return {
      format: 'newsprism-linear/1',
      kind: this.kind,
      labels: [...this.labels],
      bits: this.bits,
      scale,
      weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'),
      bias: [...this.bias].map((b) => Math.round(b * 1e5) / 1e5),
      thresholds: [...this.thresholds].map((t) => Math.round(t * 1e4) / 1e4),
      meta,
    };
  }

  /** Rebuilds a model from its file form; throws `E_MODEL_INVALID` on a malformed file. */
  static fromFile(f: LinearModelFile, what = 'model'): LinearModel {
    if (f?.format !== 'newsprism-linear/1' || !Array.isArray(f.labels))
      throw new NewsprismError('E_MODEL_INVALID', `${what} is not a newsprism linear model file`);
    const raw = Buffer.from(f.weights, 'base64');
    const L = f.labels.length;
    if (raw.length !== (1 << f.bits) * L)
      throw new NewsprismError(
        'E_MODEL_INVALID',
        `${what} has ${raw.length} weights, expected ${(1 << f.bits) * L}`,
      );
    const q = new Int8Array(raw.length);
    q.set(new Int8Array(raw.buffer, raw.byteOffset, raw.length));
    return new LinearModel(
      f.kind,
      f.labels,
      f.bits,
      q,
      Float32Array.from(f.bias),
      Float32Array.from(f.thresholds),
      f.meta ?? {},
      f.scale,
    );
  }
}

/**
 * Reads a model file (a path or a `file:` URL). Throws `E_MODEL_MISSING` with a hint to train
 * one when the file is absent, `E_MODEL_INVALID` when it is not a model.
 */
export function loadLinearModel(where: string | URL, trainHint = ''): LinearModel {
  let json: string;
  try {
    json = readFileSync(where, 'utf8');
  } catch {
    throw new NewsprismError(
      'E_MODEL_MISSING',
      `model file ${String(where)} not found${trainHint ? `; train it with ${trainHint}` : ''}`,
    );
  }
  return parseLinearModel(json, `model file ${String(where)}`);
}

/** Parses the JSON text of a model file; throws `E_MODEL_INVALID` when it is not a model. */
export function parseLinearModel(json: string, what = 'model file'): LinearModel {
  let parsed: LinearModelFile;
  try {
    parsed = JSON.parse(json) as LinearModelFile;
  } catch {
    throw new NewsprismError('E_MODEL_INVALID', `${what} is not valid JSON`);
  }
  return LinearModel.fromFile(parsed, what);
}

/**
 * `model` when its labels are `labels` (in order); else `E_MODEL_INVALID` naming what it is for,
 * so that a model file given to the wrong option (a learned-cue model as the content-end model)
 * stops the set-up instead of scoring with weights meant for other features.
 */
export function withLabels(
  model: LinearModel,
  labels: readonly string[],
  what: string,
  purpose: string,
): LinearModel {
  if (model.labels.length !== labels.length || model.labels.some((l, i) => l !== labels[i]))
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${what} is not a ${purpose} model (its labels are [${model.labels.join(', ')}], expected [${labels.join(', ')}])`,
    );
  return model;
}
