import { defineAnalyzer } from '../../analyzer.js';
import { modelLanguages, readableFeature, shippedModel } from '../../models/shipped.js';
import { type DocumentFeatureWeights, documentFeatures } from '../frames/document-features.js';
import type { Genre } from '../frames/labels.js';

/** The `genre` layer: reporting, opinion or satire, with the probability of each. */
export interface GenreLayer {
  /** The decided genre, or null when the language is not supported. */
  genre: Genre | null;
  scores: Partial<Record<Genre, number>>;
  /** The features that pushed the decided genre most. */
  why: string[];
}

declare module '../../schema.js' {
  interface LayerMap {
    genre: GenreLayer;
  }
}

/** Options of the genre analyzer. */
export interface GenreOptions {
  /** A model file to use instead of the shipped `models/genre/model.json` ('' = shipped). */
  model: string;
  /** How many features to give as the reason. */
  why: number;
}

/**
 * The `genre` analyzer: reporting | opinion | satire (SemEval-2023 Task 3 subtask 1) from a
 * softmax model over style rates per 100 words (quotes, attribution verbs, first person,
 * questions, datelines, cue densities) — style generalises across topics better than words.
 */
export const genre = defineAnalyzer({
  name: 'genre',
  version: 1,
  requires: ['paragraphs', 'language'],
  produces: 'genre',
  defaults: { model: '', why: 4 } as GenreOptions,
  run(doc, ctx, options) {
    const model = shippedModel('genre', options.model || undefined);
    const lang = doc.language!.code;
    if (!modelLanguages(model).includes(lang)) {
      ctx.report({
        code: 'I_GENRE_LANGUAGE',
        severity: 'info',
        message: `no genre model for language "${lang}"; supported: ${modelLanguages(model).join(', ')}`,
      });
      return { genre: null, scores: {}, why: [] };
    }
    const paras = doc.paragraphs!;
    const weights = model.meta.features as DocumentFeatureWeights;
    const v = documentFeatures(doc.text, lang, model.bits, paras[0], paras.length, weights, true);
    const p = model.probabilities(v);
    const [best] = model.decide(p, model.thresholdsFor(lang));
    const scores: Partial<Record<Genre, number>> = {};
    model.labels.forEach((g, l) => {
      scores[g as Genre] = Math.round(p[l]! * 1000) / 1000;
    });
    return {
      genre: model.labels[best!] as Genre,
      scores,
      why: model.explain(v, best!, options.why).map((c) => readableFeature(c.feature)),
    };
  },
});
