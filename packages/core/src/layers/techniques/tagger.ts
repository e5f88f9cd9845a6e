import { hashString, mix } from '../../models/features.js';
import { firstAtOrAfter } from '../../text/span-search.js';
import type { ArticleStats, WordRates } from './features.js';

/** Hash bits of the token tagger's features. */
export const TAGGER_BITS = 18;

/**
 * A token tagger of Loaded_Language and Name_Calling (`meta.tagger` of a techniques model,
 * trained by `train techniques --set spanTagger=1`): per label, a logistic regression over
 * hashed token features ({@link tokenFeatures}). Stored pruned and int8-quantised: a bitmap of
 * the buckets with a non-zero weight (`idx`, base64, bucket b at bit `b & 7` of byte `b >> 3`)
 * and their weights in bucket order (`w`, base64 int8, `labels` per bucket, weight = value ×
 * `scale`).
 */
export interface TaggerFile {
  labels: string[];
  bits: number;
  bias: number[];
  scale: number;
  idx: string;
  w: string;
}

/** Feature templates (the first argument of `mix`). */
const T_BIAS = 1;
const T_WORD = 2;
const T_PRE = 3;
const T_SUF = 4;
const T_L1 = 5;
const T_R1 = 6;
const T_L2 = 7;
const T_R2 = 8;
const T_LB = 9;
const T_RB = 10;
const T_CAP = 11;
const T_LEN = 12;
const T_VAL = 13;
const T_AVAL = 14;
const T_NVAL_L = 15;
const T_NVAL_R = 16;
const T_RATE = 32;
/** The word hashes beyond the article's ends. */
const BOS = 0x51ed27;
const EOS = 0x7f4a7c15;

/** The bucket of a word rate as a multiple of the prior (0, 1, 2, 4, … 32). */
function rateBucket(rate: number, prior: number): number {
  const x = rate / Math.max(1e-9, prior);
  if (x < 1) return 0;
  return Math.min(32, 2 ** Math.floor(Math.log2(x)));
}

/** The tagger's features of an article's words: `idx[off[i] … off[i+1])` are word i's buckets. */
export interface TokenFeatures {
  idx: Int32Array;
  off: Int32Array;
}

/**
 * The hashed features of each word of an article (`stats`, its feature words) for the token
 * tagger: the word, its first 5 letters, its last 3, the words at ±1 and ±2, the bigrams with
 * ±1, capitalisation of it and of the word before, length, its valence and |valence| and the
 * valence signs of its neighbours (English), and with `rates` its in-span rate bucket per rated
 * technique. Each distinct word is hashed once per article; context features mix those hashes.
 * Training (`span-tagger.ts`) and analysis both call this.
 */
export function tokenFeatures(stats: ArticleStats, rates?: WordRates, bits = TAGGER_BITS): TokenFeatures {
  const { ids, words, text, spans } = stats;
  const n = words.length;
  const mask = (1 << bits) - 1;
  let distinct = 0;
  for (let i = 0; i < n; i++) if (ids[i]! >= distinct) distinct = ids[i]! + 1;
  // Per distinct word: its hash (the unigram hash the article already has), prefix, suffix,
  // length and rate features.
  const wh = new Int32Array(distinct);
  const pre = new Int32Array(distinct);
  const suf = new Int32Array(distinct);
  const len = new Int32Array(distinct);
  const done = new Uint8Array(distinct);
  const R = rates ? rates.labels.length : 0;
  const rateIdx = new Int32Array(distinct * R);
  const rows = rates ? stats.rateRows(rates) : undefined;
  for (let i = 0; i < n; i++) {
    const d = ids[i]!;
    if (done[d]) continue;
    done[d] = 1;
    const w = words[i]!;
    wh[d] = stats.unigrams[i]!;
    pre[d] = hashString(w, 0x811c9dc5, 5);
    let h = 0x811c9dc5;
    for (let k = Math.max(0, w.length - 3); k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
    suf[d] = h;
    len[d] = Math.min(12, w.length);
    if (rows) {
      const r = rows[d];
      for (let j = 0; j < R; j++)
        rateIdx[d * R + j] = mix(T_RATE + j, r ? rateBucket(r[j]!, rates!.prior[j]!) : 0) & mask;
    }
  }
  const valences = stats.valences;
  const cap = new Uint8Array(n);
  if (spans)
    for (let i = 0; i < n; i++) {
      const c = text[spans.starts[i]!]!;
      cap[i] = c !== c.toLowerCase() ? 1 : 0;
    }
  const per = 12 + 4 + R;
  const idx = new Int32Array(n * per);
  const off = new Int32Array(n + 1);
  const at = (i: number) => (i < 0 ? BOS : i >= n ? EOS : wh[ids[i]!]!);
  const bias = mix(T_BIAS, 0) & mask;
  let p = 0;
  for (let i = 0; i < n; i++) {
    off[i] = p;
    const d = ids[i]!;
    const w = wh[d]!;
    const l1 = at(i - 1);
    const r1 = at(i + 1);
    idx[p++] = bias;
    idx[p++] = mix(T_WORD, w) & mask;
    idx[p++] = mix(T_PRE, pre[d]!) & mask;
    idx[p++] = mix(T_SUF, suf[d]!) & mask;
    idx[p++] = mix(T_L1, l1) & mask;
    idx[p++] = mix(T_R1, r1) & mask;
    idx[p++] = mix(T_L2, at(i - 2)) & mask;
    idx[p++] = mix(T_R2, at(i + 2)) & mask;
    idx[p++] = mix(mix(T_LB, l1), w) & mask;
    idx[p++] = mix(mix(T_RB, w), r1) & mask;
    idx[p++] = mix(T_CAP, cap[i]! * 2 + (i > 0 ? cap[i - 1]! : 0)) & mask;
    idx[p++] = mix(T_LEN, len[d]!) & mask;
    if (valences) {
      const v = valences[d]!;
      if (v !== 0) {
        idx[p++] = mix(T_VAL, v + 8) & mask;
        idx[p++] = mix(T_AVAL, Math.abs(v)) & mask;
      }
      if (i > 0) {
        const u = valences[ids[i - 1]!]!;
        if (u !== 0) idx[p++] = mix(T_NVAL_L, Math.sign(u) + 2) & mask;
      }
      if (i + 1 < n) {
        const u = valences[ids[i + 1]!]!;
        if (u !== 0) idx[p++] = mix(T_NVAL_R, Math.sign(u) + 2) & mask;
      }
    }
    for (let j = 0; j < R; j++) idx[p++] = rateIdx[d * R + j]!;
  }
  off[n] = p;
  return { idx, off };
}

/** A loaded tagger: a dense float table `[bucket * labels + label]` and the biases. */
export class Tagger {
  constructor(
    readonly labels: readonly string[],
    readonly bits: number,
    readonly bias: Float32Array,
    readonly weights: Float32Array,
  ) {}

  /** The probabilities of each word (`out[i * labels + l]`). */
  score(f: TokenFeatures): Float32Array {
    const L = this.labels.length;
    const n = f.off.length - 1;
    const out = new Float32Array(n * L);
    const { idx, off } = f;
    const W = this.weights;
    for (let i = 0; i < n; i++) {
      for (let l = 0; l < L; l++) {
        let z = this.bias[l]!;
        for (let k = off[i]!; k < off[i + 1]!; k++) z += W[idx[k]! * L + l]!;
        out[i * L + l] = 1 / (1 + Math.exp(-z));
      }
    }
    return out;
  }

  /**
   * Pruned and int8-quantised (weights below half a quantisation step dropped; the scale is the
   * 99.99th percentile of |w| / 127).
   */
  toFile(): TaggerFile {
    const L = this.labels.length;
    const abs: number[] = [];
    for (const x of this.weights) if (x !== 0) abs.push(Math.abs(x));
    abs.sort((a, b) => a - b);
    const scale = (abs[Math.floor(abs.length * 0.9999)] ?? 1) / 127 || 1;
    const buckets: number[] = [];
    const w: number[] = [];
    for (let b = 0; b < this.weights.length / L; b++) {
      const q: number[] = [];
      let any = false;
      for (let l = 0; l < L; l++) {
        const v = Math.max(-127, Math.min(127, Math.round(this.weights[b * L + l]! / scale)));
        if (v !== 0) any = true;
        q.push(v);
      }
      if (!any) continue;
      buckets.push(b);
      w.push(...q);
    }
    const bitmap = new Uint8Array(Math.ceil(this.weights.length / L / 8));
    for (const b of buckets) bitmap[b >> 3]! |= 1 << (b & 7);
    const q = Int8Array.from(w);
    return {
      labels: [...this.labels],
      bits: this.bits,
      bias: [...this.bias].map((b) => Math.round(b * 1e5) / 1e5),
      scale,
      idx: Buffer.from(bitmap).toString('base64'),
      w: Buffer.from(q.buffer).toString('base64'),
    };
  }

  static fromFile(f: TaggerFile): Tagger {
    const L = f.labels.length;
    const bitmap = Buffer.from(f.idx, 'base64');
    const rawW = Buffer.from(f.w, 'base64');
    const q = new Int8Array(rawW.buffer, rawW.byteOffset, rawW.byteLength);
    const weights = new Float32Array((1 << f.bits) * L);
    let i = 0;
    for (let b = 0; b < 1 << f.bits; b++) {
      if (!(bitmap[b >> 3]! & (1 << (b & 7)))) continue;
      for (let l = 0; l < L; l++) weights[b * L + l] = q[i * L + l]! * f.scale;
      i++;
    }
    return new Tagger(f.labels, f.bits, Float32Array.from(f.bias), weights);
  }
}

const loaded = new WeakMap<TaggerFile, Tagger>();

/** The tagger of a model's `meta.tagger` (loaded once per file object). */
export function taggerOf(f: TaggerFile): Tagger {
  let t = loaded.get(f);
  if (!t) {
    t = Tagger.fromFile(f);
    loaded.set(f, t);
  }
  return t;
}

/**
 * The sentence features of the tagger's word scores `probs` (`[word * labels + label]`) over the
 * words `[from, to)`: per label, the tenth of the highest probability (`tag:<label>:max:<0…9>`)
 * and how many words score 0.5 or more (`tag:<label>:n:<0…3>`, 3 = three or more), added to
 * `x` at value 1 (`names` too when kept). Returns the highest probabilities.
 */
export function addTagFeatures(
  x: { idx: number[]; val: number[]; names?: string[] },
  labels: readonly string[],
  probs: Float32Array,
  from: number,
  to: number,
  bits: number,
): number[] {
  const L = labels.length;
  const mask = (1 << bits) - 1;
  const max: number[] = [];
  for (let l = 0; l < L; l++) {
    let m = 0;
    let hot = 0;
    for (let i = from; i < to; i++) {
      const p = probs[i * L + l]!;
      if (p > m) m = p;
      if (p >= 0.5) hot++;
    }
    max.push(m);
    for (const name of [
      `tag:${labels[l]}:max:${Math.min(9, Math.floor(m * 10))}`,
      `tag:${labels[l]}:n:${Math.min(3, hot)}`,
    ]) {
      x.idx.push(hashString(name) & mask);
      x.val.push(1);
      x.names?.push(name);
    }
  }
  return max;
}

/**
 * Adds the tagger's features ({@link addTagFeatures}) to the vectors of an article's units
 * (`units` in article order, `vectors` theirs): each unit's words are those starting inside it.
 * The analyzer's side of what the trainer adds (`span-tagger.ts`, `addTaggerFeatures`).
 */
export function unitTagFeatures(
  stats: ArticleStats,
  units: readonly { start: number; end: number }[],
  vectors: readonly { idx: number[]; val: number[]; names?: string[] }[],
  tagger: Tagger,
  rates: WordRates | undefined,
  bits: number,
): void {
  const add = unitTagger(stats, tagger, rates, bits);
  units.forEach((u, index) => {
    add(vectors[index]!, u);
  });
}

/**
 * {@link unitTagFeatures} one unit at a time: the words are scored once here (their features
 * dropped after), and the returned function adds a unit's features to its vector, in any order
 * (the analyzer builds its units' vectors a chunk at a time, and again for the few it explains).
 */
export function unitTagger(
  stats: ArticleStats,
  tagger: Tagger,
  rates: WordRates | undefined,
  bits: number,
): (
  vector: { idx: number[]; val: number[]; names?: string[] },
  unit: { start: number; end: number },
) => void {
  // No word offsets (a text with a character outside the BMP, or one whose lower case has
  // another length): no word is scored, and every unit gets the features of a maximum of 0, as
  // the trainer gives such an article's sentences (its `addTaggerFeatures` over no words).
  // Adding nothing instead would leave the model without the features it always saw.
  if (!stats.spans) return (v) => addTagFeatures(v, tagger.labels, new Float32Array(0), 0, 0, bits);
  const probs = tagger.score(tokenFeatures(stats, rates, tagger.bits));
  const starts = stats.spans.starts;
  // The first word starting at or after `at`.
  const lower = (at: number) => firstAtOrAfter(starts, at);
  return (v, u) => {
    const w = lower(u.start);
    addTagFeatures(v, tagger.labels, probs, w, Math.max(w, lower(u.end)), bits);
  };
}
