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

/**
 * A greedy left-to-right averaged-perceptron tagger over hashed features (see
 * `ner-features.ts`). Weights are looked up through a dense bucket → row index.
 */
export class NerTagger {
  private readonly feats = new Int32Array(64);
  constructor(
    readonly rowOf: Int32Array,
    readonly weights: Float32Array,
    readonly meta: Record<string, unknown> = {},
  ) {}

  /** Wraps a dense weight table `[bucket × tag]` (used while training). */
  static fromDense(bits: number, dense: Float32Array): NerTagger {
    const rowOf = new Int32Array(1 << bits);
    for (let b = 0; b < rowOf.length; b++) rowOf[b] = b;
    return new NerTagger(rowOf, dense);
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
    const ids = Buffer.from(file.buckets, 'base64');
    const q = Buffer.from(file.weights, 'base64');
    const n = ids.length / 4;
    const T = NER_TAGS.length;
    const rowOf = new Int32Array(1 << file.bits).fill(-1);
    const weights = new Float32Array(n * T);
    for (let r = 0; r < n; r++) {
      rowOf[ids.readUInt32LE(r * 4)] = r;
      for (let t = 0; t < T; t++) weights[r * T + t] = q.readInt8(r * T + t) * file.scale;
    }
    return new NerTagger(rowOf, weights, file.meta);
  }

  /** Adds the weights of token `i`'s features to `scores`. */
  score(p: NerInput, i: number, prev: number, prev2: number, scores: Float64Array): void {
    const T = NER_TAGS.length;
    scores.fill(0);
    const k = nerFeatures(p, i, prev, prev2, this.feats);
    const w = this.weights;
    for (let f = 0; f < k; f++) {
      const r = this.rowOf[this.feats[f]!]!;
      if (r < 0) continue;
      const base = r * T;
      for (let t = 0; t < T; t++) scores[t]! += w[base + t]!;
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
