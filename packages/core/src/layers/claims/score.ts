import { fallbackCheckworthiness, fallbackSubjectivity } from './fallback.js';
import { checkworthyModel, subjectivityModel } from './models.js';
import type { SentenceModel } from './sentence-model.js';

/** A sentence-level decision: the probability-like score, the decision and how it was made. */
export interface SentenceScore {
  score: number;
  positive: boolean;
  /** The decision threshold on `score` that `positive` came from. */
  threshold: number;
  /** `model` (the shipped trained model) or `cues` (the lexicon fallback of other languages). */
  method: 'model' | 'cues';
}

// Languages the shipped models were trained for; `und` (too little text to tell) goes to the
// English model too, as the research records it sees are mostly English.
const MODEL_LANGS = new Set(['en', 'und']);

function decide(
  model: SentenceModel,
  fallback: (t: string, l: string) => number,
  text: string,
  lang: string,
  words?: readonly string[],
): SentenceScore {
  if (MODEL_LANGS.has(lang)) {
    const score = model.probability(text, 'en', words);
    return { score, positive: score >= model.threshold, threshold: model.threshold, method: 'model' };
  }
  const score = fallback(text, lang);
  return { score, positive: score >= 0.5, threshold: 0.5, method: 'cues' };
}

/**
 * Check-worthiness of one sentence or clause: the English model's probability of `Yes`
 * (CheckThat! 2024), or the cue-based fallback for other languages.
 *
 * @example
 * checkworthiness('Unemployment fell to 3.5 percent last year.', 'en'); // { score: 0.9…, positive: true, … }
 */
export function checkworthiness(text: string, lang: string, words?: readonly string[]): SentenceScore {
  return decide(checkworthyModel, fallbackCheckworthiness, text, lang, words);
}

/** Subjectivity of one sentence: the English model's probability of `SUBJ`, or the cue fallback. */
export function subjectivity(text: string, lang: string, words?: readonly string[]): SentenceScore {
  return decide(subjectivityModel, fallbackSubjectivity, text, lang, words);
}
