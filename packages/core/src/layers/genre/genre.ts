import { defineAnalyzer } from '../../analyzer.js';
import { recordData } from '../../models/registry.js';
import {
  loadModelSet,
  type MinWords,
  minWordsFor,
  modelForLanguage,
  reasons,
  type ShippedModelOptions,
  tooShort,
} from '../../models/shipped.js';
import { rules } from '../../options.js';
import { countWords } from '../../text/words.js';
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
import {
  bayesChoice,
  calibratedPosterior,
  type GenrePrior,
  type GenrePriorOption,
  priorRatios,
  priorRule,
  resolvePrior,
  reweight,
  trainPriorOf,
} from './genre-prior.js';
import { styleCueData, titleEndOf } from './style.js';

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
  /**
   * The deployment prior the decision and the score were re-weighted to (the option `prior`,
   * normalised), so that the result can be reproduced; absent without the option.
   */
  prior?: GenrePrior;
}

declare module '../../schema.js' {
  interface LayerMap {
    genre: GenreLayer;
  }
}

/**
 * The fewest words (title included) a text needs for a genre, per language: the smallest cut
 * from which the style model beats always answering the language's majority genre by more than
 * its sd, at that cut and every longer one measured (10, 25, 50, 75, 100, 150, 200, 250, 300,
 * 400 words). Macro-F1 in k-fold by article on SemEval-2023 articles cut after N words
 * (`nonfinal` split, 5 fold assignments × 5 folds, mean ± sd over assignments; docs/benchmarks.md,
 * session 13), at the minimum and the cut below it, against the majority's:
 *
 * | lang | minimum | at it | the cut below | majority |
 * |---|---|---|---|---|
 * | en | 25 | 0.347 ± 0.013 | 0.316 ± 0.000 (10) | 0.316 |
 * | ru | 50 | 0.305 ± 0.033 | 0.252 ± 0.021 (25) | 0.251 |
 * | fr | 150 | 0.308 ± 0.021 | 0.214 ± 0.016 (100) | 0.275 |
 * | de | 100 | 0.314 ± 0.023 | 0.256 ± 0.030 (75) | 0.277 |
 * | it | 200 | 0.325 ± 0.019 | 0.225 ± 0.013 (150) | 0.279 |
 * | pl | 200 | 0.369 ± 0.047 | 0.296 ± 0.028 (150) | 0.279 |
 *
 * The score shown for a text under 400 words is calibrated on articles cut to its length
 * (the model's length bands): at these minimums the whole-article calibration overstated it.
 * Since session 14 an English article cut after 10 words (its title alone, one line) is read
 * as a body, not as a title with an empty body: 0.334 ± 0.009 there, so the rule would now
 * allow 10 for English; 25 is kept (a 10–24 word text is a headline or one sentence, and the
 * gain over the majority, 0.018, is small; docs/benchmarks.md, session 14).
 */
export const GENRE_MIN_WORDS: Readonly<Record<string, number>> = {
  en: 25,
  ru: 50,
  fr: 150,
  de: 100,
  it: 200,
  pl: 200,
};

/** Options of the genre analyzer. */
export interface GenreOptions extends ShippedModelOptions {
  /**
   * The fewest words (title included) a text needs for a genre: one number for every language,
   * or one per language code (`{fr: 300}`; the languages it leaves out keep the default). The
   * default is {@link GENRE_MIN_WORDS}. Shorter, genre is null with `I_GENRE_TOO_SHORT`. 0
   * decides every text.
   */
  minWords: MinWords;
  /**
   * A deployment prior for users who know their corpus: a preset (`news-wire`, `newspaper`;
   * {@link GENRE_PRIOR_PRESETS}) or a share per genre (`{reporting: 0.8, opinion: 0.18, satire:
   * 0.02}`, normalised). The decision's offsets move by ln(π'/π_train) and the calibrated
   * probabilities are re-weighted by Bayes, p'(c) ∝ p(c)·π'(c)/π_train(c), π_train the language's
   * training shares recorded in the model (`meta.genreTrainPrior`). Default: none (the training
   * prior, as the model was fitted: English SemEval is 90 % opinion).
   */
  prior?: GenrePriorOption;
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
  version: 13,
  requires: ['paragraphs', 'sentences', 'language'],
  optional: ['techniques'],
  produces: 'genre',
  // `prior: undefined`: a known option whose default leaves the producer's options as before.
  defaults: { model: '', why: 4, minWords: GENRE_MIN_WORDS, prior: undefined } as GenreOptions,
  rules: { model: rules.model, why: rules.why, minWords: rules.minWords, prior: priorRule },
  setup(options, registry) {
    recordData(registry, 'genre/cues', styleCueData);
    return loadModelSet(
      registry,
      'genre',
      options.model,
      options.prior === undefined ? undefined : (m) => void trainPriorOf(m),
    );
  },
  run(doc, ctx, options, models) {
    const lang = doc.language!.code;
    const model = modelForLanguage(models, lang, ctx);
    const min = minWordsFor(options.minWords, lang, GENRE_MIN_WORDS);
    if (!model || tooShort('genre', doc.text, min, ctx, lang)) return { genre: null, scores: {}, why: [] };
    let p: Float64Array;
    let best: number;
    let why: () => string[];
    // A deployment prior (the option `prior`): π'(c) / π_train(c) per label.
    const prior = options.prior === undefined ? undefined : resolvePrior(options.prior);
    const ratios = prior && priorRatios(prior, trainPriorOf(model), lang, model.labels);
    if (model.meta.genreStyle) {
      const cal = model.meta.genreCalibration as GenreCalibration | undefined;
      const titleEnd = titleEndOf(doc.paragraphs!);
      // The band's maps of a short text (counted only as far as the bands reach).
      const words = cal?.upTo ? countWords(doc.text, cal.upTo) : Number.POSITIVE_INFINITY;
      const offsets = model.thresholdsFor(lang);
      // Calibrated as fitted (the decision without the prior); under a prior, all three
      // probabilities re-weighted by Bayes and the genre of the highest decided.
      const calibrate = (raw: Float64Array, base: number): Float64Array => {
        const sc = styleCalibration(cal, lang, model, raw, base, words);
        const q = calibrateChosen(raw, base, sc.c, sc.x);
        return ratios ? reweight(calibratedPosterior(raw, offsets, base, q[base]!), ratios) : q;
      };
      let q: Float64Array | undefined;
      const choose = ratios
        ? (raw: Float64Array, base: number) => {
            q = calibrate(raw, base);
            return bayesChoice(q, offsets);
          }
        : undefined;
      const s = scoreGenreStyle(doc.text, lang, titleEnd, model, options.why, choose);
      p = q ?? calibrate(s.p, s.base);
      best = s.best;
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
      ...(prior ? { prior } : {}),
    };
  },
});
