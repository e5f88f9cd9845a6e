import { type Calibration, calibrated } from '../../models/calibration.js';
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

  /** Wraps a model already loaded (a pipeline's set-up loads it through the model registry). */
  static of(linear: LinearModel): SentenceModel {
    const m = new SentenceModel('', '');
    m.model = linear;
    return m;
  }

  /** The loaded linear model (reads the file on first call). */
  get linear(): LinearModel {
    this.model ??= loadLinearModel(this.where, this.trainHint);
    return this.model;
  }

  /** The feature settings the model was trained with. */
  get settings(): SentenceModelSettings {
    const f = (this.linear.meta.features ?? {}) as {
      chars?: boolean;
      suffixes?: boolean;
      cues?: boolean;
      stems?: boolean;
      neutral?: boolean;
    };
    this.settingsCache ??= {
      bits: this.linear.bits,
      chars: Boolean(f.chars),
      suffixes: Boolean(f.suffixes),
      cues: Boolean(f.cues),
      stems: Boolean(f.stems),
      neutral: Boolean(f.neutral),
    };
    return this.settingsCache;
  }

  /** The decision threshold on the probability. */
  get threshold(): number {
    return this.linear.thresholds[0]!;
  }

  /**
   * The probability `p` of this model as the score to show: Platt-scaled when the model has a
   * calibration (`meta.calibration`, fitted on held-out predictions), else `p` itself.
   */
  calibrate(p: number): number {
    return calibrated(this.linear.meta.calibration as Calibration | undefined, 0, p);
  }

  /** The feature vector of `text` for this model (`words`: its `sentenceWords`, if at hand). */
  vector(text: string, lang: string, keepNames = false, words?: readonly string[]): SparseVector {
    return sentenceVector(text, lang, this.settings, keepNames, words);
  }

  /** Probability of the positive class for `text` (`words`: its `sentenceWords`, if at hand). */
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
