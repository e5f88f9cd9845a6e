import { defineAnalyzer } from '../../analyzer.js';
import { recordData } from '../../models/registry.js';
import {
  loadModelSet,
  modelForLanguage,
  reasons,
  type ShippedModelOptions,
  tooShort,
} from '../../models/shipped.js';
import { rules } from '../../options.js';
import { scoreDocument } from '../frames/document-features.js';
import type { Genre } from '../frames/labels.js';
import {
  calibrateChosen,
  documentTechniqueShare,
  type GenreCalibration,
  type GenreTechniqueSettings,
  scoreGenreStyle,
  scoreGenreTechniques,
  styleCalibration,
} from './genre-features.js';
import { styleCueData } from './style.js';

/** The `genre` layer: reporting, opinion or satire, with the probability that it is right. */
export interface GenreLayer {
  /**
   * The decided genre, or null when the language is not supported or the text is shorter than
   * the `minWords` option (an info diagnostic says which).
   */
  genre: Genre | null;
  /**
   * The decided genre's score alone (`{opinion: 0.87}`; empty without a genre): the probability
   * that the decision is right, calibrated per decided genre and language when the model has a
   * map (`meta.genreCalibration`). No other genre gets a score: the decision favours the rarer
   * genres (offsets tuned for macro-F1), so a calibrated probability of another genre could
   * exceed the decided one's — a score that contradicts the decision is not shown (until genre@10
   * the others shared the rest in their raw proportions, uncalibrated).
   */
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
export interface GenreOptions extends ShippedModelOptions {
  /**
   * The fewest words (title included) a text needs for a genre (default 200); shorter, genre
   * is null with `I_GENRE_TOO_SHORT`. In k-fold by article on SemEval-2023 articles cut after
   * N words, the style model beat always answering the majority genre in every language only
   * from 200 words (docs/benchmarks.md, session 12). 0 decides every text.
   */
  minWords: number;
}

/**
 * The `genre` analyzer: reporting | opinion | satire (SemEval-2023 Task 3 subtask 1) from a
 * softmax model over the article's style measured against its language's norms (attribution
 * per sentence, quoted share, first person, evaluative words and intensifiers in the outlet's
 * own voice…, and since genre@8 the vocabulary: distinct words among the first 300, mean word
 * length) — style generalises across topics better than words. The shipped model (genre@8)
 * decides every language, English too, by the style model alone: in k-fold by article the
 * English rule of genre@3–6 (the style model's odds together with the share of sentences in
 * which the `techniques` layer found a persuasion technique) scored lower. Models with such
 * techniques settings (`meta.genreTechniques`, version 2: share of sentences; 1: of
 * paragraphs) still load and use them when the pipeline computes `techniques` (read when
 * present, never pulled in); without it they decide by style. The chosen genre's
 * score is Platt-scaled when the model has `meta.genreCalibration` (fitted on held-out
 * predictions; the decision does not change; version 3: one map per chosen genre and language),
 * and it is the only score given. Models without style settings (version
 * 1: style rates and n-grams) still load.
 */
export const genre = defineAnalyzer({
  name: 'genre',
  version: 11,
  requires: ['paragraphs', 'sentences', 'language'],
  optional: ['techniques'],
  produces: 'genre',
  defaults: { model: '', why: 4, minWords: 200 } as GenreOptions,
  rules: { model: rules.model, why: rules.why, minWords: rules.minWords },
  setup(options, registry) {
    recordData(registry, 'genre/cues', styleCueData);
    return loadModelSet(registry, 'genre', options.model);
  },
  run(doc, ctx, options, models) {
    const model = modelForLanguage(models, doc.language!.code, ctx);
    if (!model || tooShort('genre', doc.text, options.minWords, ctx))
      return { genre: null, scores: {}, why: [] };
    let p: Float64Array;
    let best: number;
    let why: () => string[];
    if (model.meta.genreStyle) {
      const cal = model.meta.genreCalibration as GenreCalibration | undefined;
      const lang = doc.language!.code;
      const titleEnd = doc.paragraphs![0]?.end ?? 0;
      const s = scoreGenreStyle(doc.text, lang, titleEnd, model, options.why);
      ({ p, best } = s);
      const sc = styleCalibration(cal, lang, model, p, best);
      p = calibrateChosen(p, best, sc.c, sc.x);
      why = () => s.reasons;
      const settings = model.meta.genreTechniques as GenreTechniqueSettings | undefined;
      // A model with techniques settings (genre@3–6) weighs them when the pipeline has the layer.
      const t =
        settings && doc.techniques
          ? scoreGenreTechniques(documentTechniqueShare(doc, settings.version), lang, model, s.p)
          : undefined;
      if (t) {
        ({ p, best } = t);
        p = calibrateChosen(p, best, cal?.techniques);
        // The style measures pushed the style model's choice: kept when the decision agrees.
        why = () => [t.reason, ...(t.best === s.best ? s.reasons : [])].slice(0, options.why);
      }
    } else {
      const s = scoreDocument(doc, model);
      p = s.p;
      best = s.chosen[0]!;
      why = () => reasons(model, s.v, best, options.why);
    }
    // Only the decided genre's score: the one that is calibrated and cannot contradict the decision.
    const genre = model.labels[best] as Genre;
    return {
      genre,
      scores: { [genre]: Math.round(p[best]! * 1000) / 1000 },
      why: why(),
    };
  },
});
