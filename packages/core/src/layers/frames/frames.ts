import { defineAnalyzer } from '../../analyzer.js';
import { type Calibration, calibratedIn } from '../../models/calibration.js';
import { recordData } from '../../models/registry.js';
import {
  loadModelSet,
  modelForLanguage,
  reasonsMany,
  type ShippedModelOptions,
  tooShort,
} from '../../models/shipped.js';
import { rules } from '../../options.js';
import { techniqueCueData } from '../techniques/cues.js';
import { scoreDocument } from './document-features.js';
import type { Frame } from './labels.js';

/** One frame of the article with the model's probability. */
export interface FrameScore {
  frame: Frame;
  score: number;
  /** Whether the score reaches the frame's threshold: the article sets this frame. */
  selected: boolean;
  /**
   * For selected frames: the features present in the article that pushed the score most (not
   * the absence of a cue, which the model may also weigh).
   */
  why?: string[];
}

declare module '../../schema.js' {
  interface LayerMap {
    /**
     * All 14 frames, highest score first; `selected` marks the article's frames. Empty when the
     * language is not supported or the text is shorter than the `minWords` option.
     */
    frames: FrameScore[];
  }
}

/** Options of the frames analyzer. */
export interface FramesOptions extends ShippedModelOptions {
  /**
   * The fewest words (title included) a text needs for frames (default 200); shorter, frames is
   * empty with `I_FRAMES_TOO_SHORT`. In k-fold by article on SemEval-2023 articles cut after N
   * words, the model's micro-F1 was below the best constant answer (the most frequent frames)
   * in every language but English up to 150 words, above it in en and ru from 200
   * (docs/benchmarks.md, session 12). 0 scores every text.
   */
  minWords: number;
}

/**
 * The `frames` analyzer: which of the 14 SemEval-2023 frames (economic, security and defence,
 * political, …) the article sets, from a multi-label linear model over the article's words,
 * title and style.
 */
export const frames = defineAnalyzer({
  name: 'frames',
  version: 5,
  requires: ['paragraphs', 'language'],
  produces: 'frames',
  defaults: { model: '', why: 4, minWords: 200 } as FramesOptions,
  rules: { model: rules.model, why: rules.why, minWords: rules.minWords },
  setup(options, registry) {
    recordData(registry, 'techniques/cues', techniqueCueData);
    return loadModelSet(registry, 'frames', options.model);
  },
  run(doc, ctx, options, models) {
    const model = modelForLanguage(models, doc.language!.code, ctx);
    if (!model || tooShort('frames', doc.text, options.minWords, ctx)) return [];
    const { v, p, chosen: decided } = scoreDocument(doc, model);
    const chosen = new Set(decided);
    // Reasons name what the article has and pushed the frame's score up: a style rate of zero
    // ("no whatabout cues") may weigh for a frame, but cites nothing in the text.
    const why = reasonsMany(model, v, decided, options.why, true);
    // Calibrated on held-out articles when the model has it (`meta.calibration`: per frame,
    // then per language where that lowered the held-out error); decisions stay those of the
    // raw probabilities and thresholds.
    const calibration = model.meta.calibration as Calibration | undefined;
    return model.labels
      .map((frame, l) => ({
        frame: frame as Frame,
        score: Math.round(calibratedIn(calibration, doc.language!.code, l, p[l]!) * 1000) / 1000,
        selected: chosen.has(l),
        ...(chosen.has(l) ? { why: why[decided.indexOf(l)]! } : {}),
      }))
      .sort((a, b) => b.score - a.score);
  },
});
