import { ownString } from '../../text/own-string.js';
import { hasFemininePronoun, splitSentenceVector } from './sentence-features.js';
import type { SentenceModel } from './sentence-model.js';
import { sentenceWords } from './words.js';

/** Both probabilities of one sentence: check-worthy and subjective. */
export interface PairScore {
  checkworthy: number;
  subjective: number;
}

// Enough for the sentences of a long article; cleared, not evicted, when full (the analyzers
// of one document run back to back, so the second one finds the first one's results).
const CACHE_SIZE = 400;

function quantize(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  // The files store int8 × scale with the largest weights clipped at ±127, so this scale is
  // the file's own and the round trip is exact.
  const scale = max / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { q, scale };
}

/**
 * Scores sentences with the check-worthiness and the subjectivity model at once. The two
 * models share their features, so one vector serves both, and their int8 weights sit
 * interleaved in one table: one memory access per feature for the two scores, a quarter of
 * the memory of float weights. The subjectivity model may add its own cue features
 * (`cues`, `stems`), scored for it alone; a sentence with a feminine pronoun gets a vector of
 * its own for the model that reads pronouns `neutral` when only one of them does. Results are cached by sentence text for the analyzer that
 * runs second.
 */
export class JointScorer {
  private table: Int8Array | undefined;
  private scaleA = 1;
  private scaleB = 1;
  private readonly cache = new Map<string, PairScore>();

  constructor(
    readonly a: SentenceModel,
    readonly b: SentenceModel,
  ) {}

  /**
   * Whether the two models share their features (else they cannot share vectors): the same
   * groups, apart from cue features that only the second model may add.
   */
  compatible(): boolean {
    const x = this.a.settings;
    const y = this.b.settings;
    return x.bits === y.bits && x.chars === y.chars && x.suffixes === y.suffixes && !x.cues && !x.stems;
  }

  // When one model reads feminine pronouns as masculine (`neutral`) and the other does not,
  // their shared features differ in the sentences that hold one: those get the first model's
  // own vector. Other sentences — most — still share one.
  private ownVector(text: string, lang: string, words: readonly string[]) {
    if (Boolean(this.a.settings.neutral) === Boolean(this.b.settings.neutral)) return undefined;
    if (!hasFemininePronoun(words)) return undefined;
    return splitSentenceVector(text, lang, this.a.settings, words);
  }

  private build(): Int8Array {
    const qa = quantize(this.a.linear.weights);
    const qb = quantize(this.b.linear.weights);
    const t = new Int8Array(qa.q.length * 2);
    for (let i = 0; i < qa.q.length; i++) {
      t[2 * i] = qa.q[i]!;
      t[2 * i + 1] = qb.q[i]!;
    }
    this.scaleA = qa.scale;
    this.scaleB = qb.scale;
    return t;
  }

  /** Both probabilities for `text` (`words`: its `sentenceWords`, if at hand). */
  scores(text: string, lang: string, words?: readonly string[]): PairScore {
    const hit = this.cache.get(text);
    if (hit) return hit;
    this.table ??= this.build();
    const t = this.table;
    // One vector for both: the first model reads its shared part, the second all of it.
    const w = words ?? sentenceWords(text);
    const v = splitSentenceVector(text, lang, this.b.settings, w);
    const own = this.ownVector(text, lang, w);
    let za = 0;
    let zb = 0;
    if (own) {
      for (let i = 0; i < own.shared; i++) za += own.val[i]! * t[own.idx[i]! * 2]!;
      for (let i = 0; i < v.idx.length; i++) zb += v.val[i]! * t[v.idx[i]! * 2 + 1]!;
    } else {
      for (let i = 0; i < v.shared; i++) {
        const j = v.idx[i]! * 2;
        za += v.val[i]! * t[j]!;
        zb += v.val[i]! * t[j + 1]!;
      }
      for (let i = v.shared; i < v.idx.length; i++) zb += v.val[i]! * t[v.idx[i]! * 2 + 1]!;
    }
    const r = {
      checkworthy: 1 / (1 + Math.exp(-(za * this.scaleA + this.a.linear.bias[0]!))),
      subjective: 1 / (1 + Math.exp(-(zb * this.scaleB + this.b.linear.bias[0]!))),
    };
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(ownString(text), r);
    return r;
  }
}
