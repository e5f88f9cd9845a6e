import { readFileSync } from 'node:fs';
import { NewsprismError } from '../../errors.js';
import { NER_TAGS, type NerInput, nerFeatures } from './ner-features.js';

/** The serialised English tagger: kept feature buckets and their int8 weight rows. */
export interface NerModelFile {
  format: 'newsprism-ner/1';
  tags: string[];
  bits: number;
  /** Weight = int8 × scale. */
  scale: number;
  /** base64 of little-endian Uint32 bucket ids, ascending. */
  buckets: string;
  /** base64 of Int8 rows, `tags.length` per bucket, in bucket order. */
  weights: string;
  meta: Record<string, unknown>;
}

/** The shipped model, relative to this file in both src/ and dist/. */
export const DEFAULT_NER_MODEL = new URL('../../../../../models/ner-en/ner-en.json', import.meta.url);

const SLOT = 16; // bytes per table slot: int32 bucket id + 1, then one int8 weight per tag
const SPREAD = 0x9e3779b1;

/**
 * A greedy left-to-right averaged-perceptron tagger over hashed features (see
 * `ner-features.ts`). The shipped model is an open-addressing table whose 16-byte slots hold a
 * bucket id and its int8 weight row side by side, so each feature costs one memory access; scores
 * are summed as integers (the common scale does not change the arg max). While training, a dense
 * float table is used instead.
 */
export class NerTagger {
  private readonly feats = new Int32Array(64);
  private readonly ids: Int32Array;
  private readonly q: Int8Array;
  private readonly shift: number;
  private readonly mask: number;

  private constructor(
    table: ArrayBuffer,
    slotBits: number,
    private readonly dense: Float32Array | undefined,
    readonly meta: Record<string, unknown> = {},
  ) {
    this.ids = new Int32Array(table);
    this.q = new Int8Array(table);
    this.shift = 32 - slotBits;
    this.mask = (1 << slotBits) - 1;
  }

  /** Wraps a dense weight table `[bucket × tag]` (training time; the array stays live). */
  static fromDense(dense: Float32Array): NerTagger {
    return new NerTagger(new ArrayBuffer(16), 1, dense);
  }

  /** Builds the compact table from bucket ids and their int8 rows. */
  static fromRows(ids: ArrayLike<number>, rows: Int8Array, meta: Record<string, unknown> = {}): NerTagger {
    const T = NER_TAGS.length;
    let slotBits = 4;
    while (1 << slotBits < ids.length * 2) slotBits++;
    const table = new ArrayBuffer(SLOT << slotBits);
    const i32 = new Int32Array(table);
    const i8 = new Int8Array(table);
    const shift = 32 - slotBits;
    const mask = (1 << slotBits) - 1;
    for (let r = 0; r < ids.length; r++) {
      let s = Math.imul(ids[r]!, SPREAD) >>> shift;
      while (i32[s * 4] !== 0) s = (s + 1) & mask;
      i32[s * 4] = ids[r]! + 1;
      for (let t = 0; t < T; t++) i8[s * SLOT + 4 + t] = rows[r * T + t]!;
    }
    return new NerTagger(table, slotBits, undefined, meta);
  }

  /** Reads a model file. */
  static load(path: string | URL): NerTagger {
    let file: NerModelFile;
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as NerModelFile;
    } catch {
      throw new NewsprismError(
        'E_MODEL',
        `cannot read the NER model ${String(path)}; run \`newsprism train ner\``,
      );
    }
    if (file.format !== 'newsprism-ner/1' || file.tags.join() !== NER_TAGS.join())
      throw new NewsprismError(
        'E_MODEL',
        `${String(path)} is not a newsprism-ner/1 model with tags ${NER_TAGS.join(',')}`,
      );
    const idBuf = Buffer.from(file.buckets, 'base64');
    const ids = new Uint32Array(idBuf.length / 4);
    for (let r = 0; r < ids.length; r++) ids[r] = idBuf.readUInt32LE(r * 4);
    const q = Buffer.from(file.weights, 'base64');
    return NerTagger.fromRows(ids, new Int8Array(q.buffer, q.byteOffset, q.length), file.meta);
  }

  /** Sets `scores` to the (unscaled) scores of every tag for token `i`. */
  score(p: NerInput, i: number, prev: number, prev2: number, scores: Float64Array): void {
    const T = NER_TAGS.length;
    scores.fill(0);
    const k = nerFeatures(p, i, prev, prev2, this.feats);
    const d = this.dense;
    if (d) {
      for (let f = 0; f < k; f++) {
        const base = this.feats[f]! * T;
        for (let t = 0; t < T; t++) scores[t]! += d[base + t]!;
      }
      return;
    }
    const ids = this.ids;
    const q = this.q;
    for (let f = 0; f < k; f++) {
      const id = this.feats[f]!;
      let s = Math.imul(id, SPREAD) >>> this.shift;
      let got = ids[s * 4]!;
      while (got !== 0 && got !== id + 1) {
        s = (s + 1) & this.mask;
        got = ids[s * 4]!;
      }
      if (got === 0) continue;
      const base = s * SLOT + 4;
      for (let t = 0; t < T; t++) scores[t]! += q[base + t]!;
    }
  }

  /** Tags every token (indices into `NER_TAGS`); non-candidates are `O`. */
  tag(p: NerInput): Uint8Array {
    const out = new Uint8Array(p.n);
    const scores = new Float64Array(NER_TAGS.length);
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < p.n; i++) {
      let best = 0;
      if (p.candidate[i]) {
        this.score(p, i, prev, prev2, scores);
        best = bestAllowed(scores, prev);
      }
      out[i] = best;
      prev2 = prev;
      prev = best;
    }
    return out;
  }
}

/** The best tag that may follow `prev` in BIO (an `I-X` only after `B-X` or `I-X`). */
export function bestAllowed(scores: Float64Array, prev: number): number {
  let best = 0;
  for (let t = 1; t < scores.length; t++) {
    if (t % 2 === 0 && prev !== t && prev !== t - 1) continue;
    if (scores[t]! > scores[best]!) best = t;
  }
  return best;
}

let shipped: NerTagger | null | undefined;

/** The shipped English tagger, loaded once; `null` when the model file is missing. */
export function shippedNerTagger(): NerTagger | null {
  if (shipped === undefined) {
    try {
      shipped = NerTagger.load(DEFAULT_NER_MODEL);
    } catch {
      shipped = null;
    }
  }
  return shipped;
}
