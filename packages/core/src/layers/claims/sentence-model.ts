import type { SparseVector } from '../../models/features.js';
import { type LinearModel, loadLinearModel } from '../../models/linear.js';
import { type SentenceModelSettings, sentenceVector } from './sentence-features.js';

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
    this.settingsCache ??= {
      bits: this.linear.bits,
      chars: Boolean((this.linear.meta.features as { chars?: boolean } | undefined)?.chars),
    };
    return this.settingsCache;
  }

  /** The decision threshold on the probability. */
  get threshold(): number {
    return this.linear.thresholds[0]!;
  }

  /** The feature vector of `text` for this model. */
  vector(text: string, lang: string, keepNames = false): SparseVector {
    return sentenceVector(text, lang, this.settings, keepNames);
  }

  /** Probability of the positive class for `text`. */
  probability(text: string, lang: string): number {
    return this.linear.probabilities(this.vector(text, lang))[0]!;
  }

  /** The features of `text` that push it towards the positive class the most, for explanations. */
  explain(text: string, lang: string, k = 4): string[] {
    return this.linear.explain(this.vector(text, lang, true), 0, k).map((c) => c.feature);
  }
}
