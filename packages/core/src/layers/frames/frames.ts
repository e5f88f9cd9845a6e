import { defineAnalyzer } from '../../analyzer.js';
import { modelLanguages, readableFeature, shippedModel } from '../../models/shipped.js';
import { type DocumentFeatureWeights, documentFeatures } from './document-features.js';
import type { Frame } from './labels.js';

/** One frame of the article with the model's probability. */
export interface FrameScore {
  frame: Frame;
  score: number;
  /** Whether the score reaches the frame's threshold: the article sets this frame. */
  selected: boolean;
  /** For selected frames: the features that pushed the score most. */
  why?: string[];
}

declare module '../../schema.js' {
  interface LayerMap {
    /** All 14 frames, highest score first; `selected` marks the article's frames. */
    frames: FrameScore[];
  }
}

/** Options of the frames analyzer. */
export interface FramesOptions {
  /** A model file to use instead of the shipped `models/frames/model.json` ('' = shipped). */
  model: string;
  /** How many features to give as the reason of each selected frame. */
  why: number;
}

/**
 * The `frames` analyzer: which of the 14 SemEval-2023 frames (economic, security and defence,
 * political, …) the article sets, from a multi-label linear model over the article's words,
 * title and style.
 */
export const frames = defineAnalyzer({
  name: 'frames',
  version: 1,
  requires: ['paragraphs', 'language'],
  produces: 'frames',
  defaults: { model: '', why: 4 } as FramesOptions,
  run(doc, ctx, options) {
    const model = shippedModel('frames', options.model || undefined);
    const lang = doc.language!.code;
    if (!modelLanguages(model).includes(lang)) {
      ctx.report({
        code: 'I_FRAMES_LANGUAGE',
        severity: 'info',
        message: `no frames model for language "${lang}"; supported: ${modelLanguages(model).join(', ')}`,
      });
      return [];
    }
    const paras = doc.paragraphs!;
    const weights = model.meta.features as DocumentFeatureWeights;
    const v = documentFeatures(doc.text, lang, model.bits, paras[0], paras.length, weights, true);
    const p = model.probabilities(v);
    const chosen = new Set(model.decide(p, model.thresholdsFor(lang)));
    return model.labels
      .map((frame, l) => ({
        frame: frame as Frame,
        score: Math.round(p[l]! * 1000) / 1000,
        selected: chosen.has(l),
        ...(chosen.has(l)
          ? { why: model.explain(v, l, options.why).map((c) => readableFeature(c.feature)) }
          : {}),
      }))
      .sort((a, b) => b.score - a.score);
  },
});
