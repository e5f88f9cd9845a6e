import { defineAnalyzer } from '../../analyzer.js';
import { type Calibration, calibratedIn, calibrationFor } from '../../models/calibration.js';
import { recordData } from '../../models/registry.js';
import {
  loadModelSet,
  type MinWords,
  minWordsFor,
  modelForLanguage,
  reasonsMany,
  type ShippedModelOptions,
  tooShort,
} from '../../models/shipped.js';
import { rules } from '../../options.js';
import { countWords } from '../../text/words.js';
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

/**
 * The fewest words (title included) a text needs for frames, per language: the smallest cut
 * from which the model beats the best constant answer (the language's k most frequent frames,
 * k chosen on the same articles) by more than its sd, at that cut and every longer one measured
 * (10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500 words). Micro-F1 in k-fold by article on
 * SemEval-2023 articles cut after N words (`nonfinal` split, 5 fold assignments × 5 folds, mean ±
 * sd over assignments; docs/benchmarks.md, session 13), at the minimum and the cut below it,
 * against the constant's:
 *
 * | lang | minimum | at it | the cut below | constant |
 * |---|---|---|---|---|
 * | en | 150 | 0.583 ± 0.008 | 0.562 ± 0.009 (100) | 0.560 |
 * | ru | 300 | 0.439 ± 0.024 | 0.414 ± 0.032 (250) | 0.389 |
 * | fr | 700 | 0.468 ± 0.004 | 0.465 ± 0.007 (600) | 0.462 |
 * | de | 500 | 0.551 ± 0.007 | 0.543 ± 0.009 (400) | 0.536 |
 * | it | 400 | 0.501 ± 0.004 | 0.490 ± 0.002 (300) | 0.495 |
 * | pl | 250 | 0.583 ± 0.008 | 0.575 ± 0.010 (200) | 0.570 |
 *
 * French is under the constant up to 500 words; its row is from a second run with cuts 400–1000
 * (3 fold assignments). Outside English the model is close to the constant answer even on whole
 * articles (fr, de, it, pl ahead by 0.01–0.02): their minimums are long.
 */
export const FRAMES_MIN_WORDS: Readonly<Record<string, number>> = {
  en: 150,
  ru: 300,
  fr: 700,
  de: 500,
  it: 400,
  pl: 250,
};

/** Options of the frames analyzer. */
export interface FramesOptions extends ShippedModelOptions {
  /**
   * The fewest words (title included) a text needs for frames: one number for every language,
   * or one per language code (`{fr: 300}`; the languages it leaves out keep the default). The
   * default is {@link FRAMES_MIN_WORDS}. Shorter, frames is empty with `I_FRAMES_TOO_SHORT`. 0
   * scores every text.
   */
  minWords: MinWords;
}

/**
 * The `frames` analyzer: which of the 14 SemEval-2023 frames (economic, security and defence,
 * political, …) the article sets, from a multi-label linear model over the article's words,
 * title and style.
 */
export const frames = defineAnalyzer({
  name: 'frames',
  version: 7,
  requires: ['paragraphs', 'language'],
  produces: 'frames',
  defaults: { model: '', why: 4, minWords: FRAMES_MIN_WORDS } as FramesOptions,
  rules: { model: rules.model, why: rules.why, minWords: rules.minWords },
  setup(options, registry) {
    recordData(registry, 'techniques/cues', techniqueCueData);
    return loadModelSet(registry, 'frames', options.model);
  },
  run(doc, ctx, options, models) {
    const lang = doc.language!.code;
    const model = modelForLanguage(models, lang, ctx);
    if (
      !model ||
      tooShort('frames', doc.text, minWordsFor(options.minWords, lang, FRAMES_MIN_WORDS), ctx, lang)
    )
      return [];
    const { v, p, chosen: decided } = scoreDocument(doc, model);
    const chosen = new Set(decided);
    // Reasons name what the article has and pushed the frame's score up: a style rate of zero
    // ("no whatabout cues") may weigh for a frame, but cites nothing in the text.
    const why = reasonsMany(model, v, decided, options.why, true);
    // Calibrated on held-out articles when the model has it (`meta.calibration`: per frame,
    // then per language where that lowered the held-out error; a text under `upTo` words by the
    // maps of its length band, fitted on articles cut to it); decisions stay those of the raw
    // probabilities and thresholds.
    const whole = model.meta.calibration as Calibration | undefined;
    const calibration = calibrationFor(
      whole,
      whole?.upTo ? countWords(doc.text, whole.upTo) : Number.POSITIVE_INFINITY,
    );
    return model.labels
      .map((frame, l) => ({
        frame: frame as Frame,
        score: Math.round(calibratedIn(calibration, lang, l, p[l]!) * 1000) / 1000,
        selected: chosen.has(l),
        ...(chosen.has(l) ? { why: why[decided.indexOf(l)]! } : {}),
      }))
      .sort((a, b) => b.score - a.score);
  },
});
