import { defineAnalyzer } from '../../analyzer.js';
import { modelLanguages, readableFeature, shippedModel } from '../../models/shipped.js';
import type { Span } from '../../schema.js';
import { articleContext, unitFeatures } from './features.js';
import type { Technique } from './labels.js';

/** A passage that uses a persuasion technique. */
export interface TechniqueSpan extends Span {
  technique: Technique;
  /** Model probability, 0..1. */
  score: number;
  /** Index of the paragraph in the `paragraphs` layer. */
  paragraph: number;
  /** The features that pushed the decision most (cue words, n-grams, shape). */
  why: string[];
}

/** The techniques found in one paragraph (the SemEval-2023 subtask-3 unit). */
export interface ParagraphTechniques {
  paragraph: number;
  techniques: { technique: Technique; score: number }[];
}

/** The `techniques` layer: spans plus each paragraph's set (paragraphs without any omitted). */
export interface TechniquesLayer {
  spans: TechniqueSpan[];
  paragraphs: ParagraphTechniques[];
}

declare module '../../schema.js' {
  interface LayerMap {
    techniques: TechniquesLayer;
  }
}

/** Options of the techniques analyzer. */
export interface TechniquesOptions {
  /** A model file to use instead of the shipped `models/techniques/model.json` ('' = shipped). */
  model: string;
  /** How many features to give as the reason of each finding. */
  why: number;
}

/**
 * Picks the sentence of a paragraph that carries technique `label` most strongly; the whole
 * paragraph when it has one sentence.
 */
function bestSentence(
  para: Span,
  sents: readonly Span[],
  label: number,
  logits: (k: number) => Float64Array,
): Span {
  if (sents.length < 2) return { start: para.start, end: para.end };
  let best = 0;
  for (let k = 1; k < sents.length; k++) if (logits(k)[label]! > logits(best)[label]!) best = k;
  return { start: sents[best]!.start, end: sents[best]!.end };
}

/**
 * The `techniques` analyzer: a linear model over hashed n-grams, cue lexicons, shape and
 * position decides which of the 23 SemEval-2023 techniques each paragraph uses; each finding
 * is located on the sentence that scores highest for it.
 */
export const techniques = defineAnalyzer({
  name: 'techniques',
  version: 1,
  requires: ['paragraphs', 'sentences', 'language'],
  produces: 'techniques',
  defaults: { model: '', why: 4 } as TechniquesOptions,
  run(doc, ctx, options) {
    const model = shippedModel('techniques', options.model || undefined);
    const lang = doc.language!.code;
    const layer: TechniquesLayer = { spans: [], paragraphs: [] };
    if (!modelLanguages(model).includes(lang)) {
      ctx.report({
        code: 'I_TECHNIQUES_LANGUAGE',
        severity: 'info',
        message: `no techniques model for language "${lang}"; supported: ${modelLanguages(model).join(', ')}`,
      });
      return layer;
    }
    const paras = doc.paragraphs!;
    const article = articleContext(doc.text, lang, paras.length);
    const thresholds = model.thresholdsFor(lang);
    paras.forEach((para, index) => {
      const unit = { lang, index, count: paras.length, article };
      const v = unitFeatures(doc.text.slice(para.start, para.end), unit, model.bits, true);
      const p = model.probabilities(v);
      const chosen = model.decide(p, thresholds);
      if (chosen.length === 0) return;
      const r3 = (x: number) => Math.round(x * 1000) / 1000;
      layer.paragraphs.push({
        paragraph: index,
        techniques: chosen.map((l) => ({ technique: model.labels[l] as Technique, score: r3(p[l]!) })),
      });
      const sents = (doc.sentences ?? []).filter((s) => s.paragraph === index);
      const cache: Float64Array[] = [];
      const logits = (k: number) => {
        const s = sents[k]!;
        cache[k] ??= model.logits(unitFeatures(doc.text.slice(s.start, s.end), unit, model.bits));
        return cache[k]!;
      };
      for (const l of chosen) {
        const span = bestSentence(para, sents, l, logits);
        layer.spans.push({
          ...span,
          technique: model.labels[l] as Technique,
          score: r3(p[l]!),
          paragraph: index,
          why: model.explain(v, l, options.why).map((c) => readableFeature(c.feature)),
        });
      }
    });
    return layer;
  },
});
