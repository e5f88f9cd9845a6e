import { readFileSync } from 'node:fs';
import { NewsprismError } from '../../errors.js';
import { modelUrl } from '../../models/dir.js';
import { denseTable, type HashedRows } from '../../models/hashed-table.js';
import type { ModelRegistry } from '../../models/registry.js';
import { NER_BITS, NER_TAGS, type NerInput, nerFeatures, recallTag, rememberTag } from './ner-features.js';

/** The serialised English tagger: kept feature buckets and their int8 weight rows. */
export interface NerModelFile extends HashedRows {
  format: 'newsprism-ner/1';
  tags: string[];
  meta: Record<string, unknown>;
}

/** The shipped model. */
export const DEFAULT_NER_MODEL = modelUrl('ner-en/ner-en.json');

/**
 * A greedy left-to-right averaged-perceptron tagger over hashed features (see
 * `ner-features.ts`). The shipped model's kept rows are spread into a dense int8 table indexed
 * by bucket (2^18 buckets × 9 tags = 2.3 MiB), so a feature costs one memory access and no
 * probing; scores are summed as integers (the common scale does not change the arg max). While
 * training, a dense float table is used instead.
 */
export class NerTagger {
  private readonly feats = new Int32Array(64);

  private constructor(
    private readonly q: Int8Array | undefined,
    private readonly dense: Float32Array | undefined,
    readonly meta: Record<string, unknown> = {},
  ) {}

  /** Wraps a dense weight table `[bucket × tag]` (training time; the array stays live). */
  static fromDense(dense: Float32Array): NerTagger {
    return new NerTagger(undefined, dense);
  }

  /** Reads a model file. */
  static load(path: string | URL): NerTagger {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new NewsprismError(
        'E_MODEL_MISSING',
        `cannot read the NER model ${String(path)}; run \`newsprism train ner\``,
      );
    }
    return NerTagger.parse(text, String(path));
  }

  /** Builds a tagger from the text of a model file; `E_MODEL_INVALID` when it is not one. */
  static parse(text: string, path: string): NerTagger {
    let file: NerModelFile;
    try {
      file = JSON.parse(text) as NerModelFile;
    } catch {
      throw new NewsprismError('E_MODEL_INVALID', `the NER model ${path} is not valid JSON`);
    }
    if (file?.format !== 'newsprism-ner/1' || file.tags?.join() !== NER_TAGS.join())
      throw new NewsprismError(
        'E_MODEL_INVALID',
        `${path} is not a newsprism-ner/1 model with tags ${NER_TAGS.join(',')}`,
      );
    if (file.bits !== NER_BITS)
      throw new NewsprismError(
        'E_MODEL_INVALID',
        `${path} has ${file.bits}-bit features; this version uses ${NER_BITS}`,
      );
    return new NerTagger(denseTable(file, NER_TAGS.length), undefined, file.meta);
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
    // Nine running sums in locals (the tag count is fixed): no typed-array writes per feature.
    const q = this.q!;
    const feats = this.feats;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    let s8 = 0;
    for (let f = 0; f < k; f++) {
      const b = feats[f]! * 9;
      s0 += q[b]!;
      s1 += q[b + 1]!;
      s2 += q[b + 2]!;
      s3 += q[b + 3]!;
      s4 += q[b + 4]!;
      s5 += q[b + 5]!;
      s6 += q[b + 6]!;
      s7 += q[b + 7]!;
      s8 += q[b + 8]!;
    }
    scores[0] = s0;
    scores[1] = s1;
    scores[2] = s2;
    scores[3] = s3;
    scores[4] = s4;
    scores[5] = s5;
    scores[6] = s6;
    scores[7] = s7;
    scores[8] = s8;
  }

  /** Tags every token (indices into `NER_TAGS`); non-candidates are `O`. */
  tag(p: NerInput): Uint8Array {
    const out = new Uint8Array(p.n);
    const scores = new Float64Array(NER_TAGS.length);
    let prev = 0;
    let prev2 = 0;
    const seen = new Map<number, number>();
    for (let i = 0; i < p.n; i++) {
      let best = 0;
      if (p.candidate[i]) {
        recallTag(p, i, seen);
        this.score(p, i, prev, prev2, scores);
        best = bestAllowed(scores, prev);
        rememberTag(p, i, best, seen);
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

/**
 * The English tagger of a pipeline, loaded through the registry: the user's file at `path`, else
 * the shipped model; `null` when the shipped file is missing (the analyzer then marks gazetteer
 * names only and says so).
 */
export function loadNerTagger(registry: ModelRegistry, path: string): NerTagger | null {
  const parse =
    (where: string) =>
    ([b]: Buffer[]) =>
      NerTagger.parse(b!.toString('utf8'), where);
  if (path) return registry.load('ner-en/user', path, parse(path), 'make one with newsprism train ner');
  if (!registry.exists(DEFAULT_NER_MODEL)) return null;
  return registry.load('ner-en/ner-en.json', DEFAULT_NER_MODEL, parse('ner-en/ner-en.json'));
}
