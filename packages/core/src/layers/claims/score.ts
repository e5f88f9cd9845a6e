import { fallbackCheckworthiness, fallbackSubjectivity } from './fallback.js';
import { JointScorer } from './joint.js';
import { sentenceModelFor } from './models.js';
import { SentenceModel } from './sentence-model.js';

/** A sentence-level decision: the probability-like score, the decision and how it was made. */
export interface SentenceScore {
  score: number;
  positive: boolean;
  /** The decision threshold on `score` that `positive` came from. */
  threshold: number;
  /** `model` (the shipped trained model) or `cues` (the lexicon fallback of other languages). */
  method: 'model' | 'cues';
}

const joint = new Map<string, JointScorer | null>();

// The joint scorer of `lang` when both of its models exist and share features.
function jointFor(lang: string): JointScorer | undefined {
  let j = joint.get(lang);
  if (j === undefined) {
    const a = sentenceModelFor('claims/checkworthy', lang);
    const b = sentenceModelFor('subjectivity/subjectivity', lang);
    const candidate = a && b ? new JointScorer(a, b) : undefined;
    j = candidate?.compatible() ? candidate : null;
    joint.set(lang, j);
  }
  return j ?? undefined;
}

function decide(
  name: string,
  fallback: (t: string, l: string, words?: readonly string[]) => number,
  text: string,
  lang: string,
  words?: readonly string[],
): SentenceScore {
  // `und` (too little text to tell) goes to the English model: the one-sentence research
  // records that are too short to identify are mostly English.
  const modelLang = lang === 'und' ? 'en' : lang;
  const model = sentenceModelFor(name, modelLang);
  const pair = model && jointFor(modelLang);
  if (model && pair) {
    const p = pair.scores(text, modelLang, words);
    const score = pair.a === model ? p.checkworthy : p.subjective;
    return { score, positive: score >= model.threshold, threshold: model.threshold, method: 'model' };
  }
  if (model) {
    const score = model.probability(text, modelLang, words);
    return { score, positive: score >= model.threshold, threshold: model.threshold, method: 'model' };
  }
  const score = fallback(text, lang, words);
  return { score, positive: score >= 0.5, threshold: 0.5, method: 'cues' };
}

/**
 * Check-worthiness of one sentence or clause: the probability of `Yes` under the model for
 * `lang` (English ships, trained on CheckThat! 2024), or the cue-based fallback for languages
 * without a model.
 *
 * @example
 * checkworthiness('Unemployment fell to 3.5 percent last year.', 'en'); // { score: 0.9…, positive: true, … }
 */
export function checkworthiness(text: string, lang: string, words?: readonly string[]): SentenceScore {
  return decide('claims/checkworthy', fallbackCheckworthiness, text, lang, words);
}

const ownModels = new Map<string, SentenceModel>();

/**
 * Subjectivity of one sentence: the probability of `SUBJ` under the model for `lang`, or the
 * cue fallback. `modelPath` names a model file of the user's own (`newsprism train
 * subjectivity --out …`) to use instead, for every language.
 */
export function subjectivity(
  text: string,
  lang: string,
  words?: readonly string[],
  modelPath?: string,
): SentenceScore {
  if (!modelPath) return decide('subjectivity/subjectivity', fallbackSubjectivity, text, lang, words);
  let model = ownModels.get(modelPath);
  if (!model) {
    model = new SentenceModel(modelPath, 'newsprism train subjectivity --out <file>');
    ownModels.set(modelPath, model);
  }
  const score = model.probability(text, lang === 'und' ? 'en' : lang, words);
  return { score, positive: score >= model.threshold, threshold: model.threshold, method: 'model' };
}
