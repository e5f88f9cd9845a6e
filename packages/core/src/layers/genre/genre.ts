import { defineAnalyzer } from '../../analyzer.js';
import { modelForLanguage, reasons, type ShippedModelOptions } from '../../models/shipped.js';
import { scoreDocument } from '../frames/document-features.js';
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
export type GenreOptions = ShippedModelOptions;

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
    const model = modelForLanguage('genre', doc.language!.code, ctx, options.model || undefined);
    if (!model) return { genre: null, scores: {}, why: [] };
    const { v, p, chosen } = scoreDocument(doc, model);
    const best = chosen[0]!;
    const scores: Partial<Record<Genre, number>> = {};
    model.labels.forEach((g, l) => {
      scores[g as Genre] = Math.round(p[l]! * 1000) / 1000;
    });
    return {
      genre: model.labels[best] as Genre,
      scores,
      why: reasons(model, v, best, options.why),
    };
  },
});
