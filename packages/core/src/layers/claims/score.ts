import { fallbackCheckworthiness, fallbackSubjectivity } from './fallback.js';
import { type SentenceModelName, type SentenceModels, shippedSentenceModels } from './models.js';
import type { SentenceModel } from './sentence-model.js';

/** A sentence-level decision: the probability-like score, the decision and how it was made. */
export interface SentenceScore {
  /** The score to show: the model's probability, calibrated when the model has a calibration. */
  score: number;
  /** The model's probability before calibration (the fallback's score: the same as `score`). */
  raw: number;
  positive: boolean;
  /** The decision threshold on `raw` that `positive` came from. */
  threshold: number;
  /** `model` (the shipped trained model) or `cues` (the lexicon fallback of other languages). */
  method: 'model' | 'cues';
}

function decide(
  name: SentenceModelName,
  fallback: (t: string, l: string, words?: readonly string[]) => number,
  text: string,
  lang: string,
  words: readonly string[] | undefined,
  models: SentenceModels,
): SentenceScore {
  // `und` (too little text to tell) goes to the English model: the one-sentence research
  // records that are too short to identify are mostly English.
  const modelLang = lang === 'und' ? 'en' : lang;
  const model = models.get(name, modelLang);
  const pair = model && models.joint(modelLang);
  if (model) {
    let raw: number;
    if (pair) {
      const p = pair.scores(text, modelLang, words);
      raw = pair.a === model ? p.checkworthy : p.subjective;
    } else raw = model.probability(text, modelLang, words);
    return modelScore(model, raw);
  }
  const score = fallback(text, lang, words);
  return { score, raw: score, positive: score >= 0.5, threshold: 0.5, method: 'cues' };
}

/**
 * Check-worthiness of one sentence or clause: the probability of `Yes` under the model for
 * `lang` (English ships, trained on CheckThat! 2024), or the cue-based fallback for languages
 * without a model. `models`: those a pipeline loaded (default: the shipped ones).
 *
 * @example
 * checkworthiness('Unemployment fell to 3.5 percent last year.', 'en'); // { score: 0.9…, positive: true, … }
 */
export function checkworthiness(
  text: string,
  lang: string,
  words?: readonly string[],
  models: SentenceModels = shippedSentenceModels(),
): SentenceScore {
  return decide('claims/checkworthy', fallbackCheckworthiness, text, lang, words, models);
}

/**
 * Subjectivity of one sentence: the probability of `SUBJ` under the model for `lang`, or the
 * cue fallback. `own` is a model of the user's own (`newsprism train subjectivity --out …`)
 * to use instead, for every language.
 */
export function subjectivity(
  text: string,
  lang: string,
  words?: readonly string[],
  models: SentenceModels = shippedSentenceModels(),
  own?: SentenceModel,
): SentenceScore {
  if (!own) return decide('subjectivity/subjectivity', fallbackSubjectivity, text, lang, words, models);
  return modelScore(own, own.probability(text, lang === 'und' ? 'en' : lang, words));
}

/** A model's score: the decision taken on its probability, the score shown calibrated. */
export function modelScore(model: SentenceModel, raw: number): SentenceScore {
  return {
    score: model.calibrate(raw),
    raw,
    positive: raw >= model.threshold,
    threshold: model.threshold,
    method: 'model',
  };
}
