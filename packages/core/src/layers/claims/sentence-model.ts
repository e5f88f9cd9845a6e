import type { SparseVector } from '../../models/features.js';
import { type LinearModel, loadLinearModel } from '../../models/linear.js';
import { type SentenceModelSettings, sentenceVector } from './sentence-features.js';

// Enough for the sentences of a long article; cleared, not evicted, when full (cheap and
// good enough: the analyzers of one document run back to back).
const CACHE_SIZE = 400;
const vectorCache = new Map<string, Map<string, SparseVector>>();

/**
 * A binary sentence classifier shipped in `models/`: a linear model over the features of
 * {@link sentenceVector}, with its decision threshold. Loaded on first use, so a pipeline that
 * never scores a sentence never reads the file.
 */
export class SentenceModel {
  private model: LinearModel | undefined;
  private settingsCache: SentenceModelSettings | undefined;

  constructor(
    private readonly where: string | URL,
    private readonly trainHint: string,
  ) {}

  /** The loaded linear model (reads the file on first call). */
  get linear(): LinearModel {
    this.model ??= loadLinearModel(this.where, this.trainHint);
    return this.model;
  }

  /** The feature settings the model was trained with. */
  get settings(): SentenceModelSettings {
    const f = (this.linear.meta.features ?? {}) as { chars?: boolean; suffixes?: boolean };
    this.settingsCache ??= { bits: this.linear.bits, chars: Boolean(f.chars), suffixes: Boolean(f.suffixes) };
    return this.settingsCache;
  }

  /** The decision threshold on the probability. */
  get threshold(): number {
    return this.linear.thresholds[0]!;
  }

  /**
   * The feature vector of `text` for this model. Vectors are shared through a small cache
   * keyed by feature settings and text: the claims and subjectivity analyzers score the same
   * sentences with models of the same settings, and the features are most of the cost.
   */
  vector(text: string, lang: string, keepNames = false, words?: readonly string[]): SparseVector {
    if (keepNames) return sentenceVector(text, lang, this.settings, true);
    const s = this.settings;
    const key = `${lang}|${s.bits}|${s.chars}|${s.suffixes}`;
    let cache = vectorCache.get(key);
    if (!cache) {
      cache = new Map();
      vectorCache.set(key, cache);
    }
    let v = cache.get(text);
    if (!v) {
      if (cache.size >= CACHE_SIZE) cache.clear();
      v = sentenceVector(text, lang, s, false, words);
      cache.set(text, v);
    }
    return v;
  }

  /** Probability of the positive class for `text` (`words`: its `featureWords`, if at hand). */
  probability(text: string, lang: string, words?: readonly string[]): number {
    const v = this.vector(text, lang, false, words);
    const w = this.linear.weights;
    let z = this.linear.bias[0]!;
    for (let i = 0; i < v.idx.length; i++) z += v.val[i]! * w[v.idx[i]!]!;
    return 1 / (1 + Math.exp(-z));
  }

  /** The features of `text` that push it towards the positive class the most, for explanations. */
  explain(text: string, lang: string, k = 4): string[] {
    return this.linear.explain(this.vector(text, lang, true), 0, k).map((c) => c.feature);
  }
}
