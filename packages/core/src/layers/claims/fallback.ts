import { cueWords } from '../../models/words.js';
import { lexiconFor } from './sentence-features.js';
import { sentenceWords } from './words.js';

// Hand-set weights over the lexicon's word classes, for languages without a trained model
// (Russian today). They encode what the English models learned most strongly: figures, dates
// and attributions make a sentence checkable; evaluative words, modals, intensifiers and the
// first and second person make it subjective.
const CHECKWORTHY: Record<string, number> = { quantity: 1, date: 0.6, compar: 0.6, report: 0.4, causal: 0.4 };
const SUBJECTIVE: Record<string, number> = {
  eval: 1,
  intens: 0.6,
  modal: 0.6,
  belief: 0.8,
  i: 0.6,
  we: 0.5,
  you: 0.5,
  hedge: 0.3,
};

const squash = (z: number) => 1 / (1 + Math.exp(-z));

function classScore(
  text: string,
  lang: string,
  weights: Record<string, number>,
  words: readonly string[] = sentenceWords(text),
): number {
  const lex = lexiconFor(lang);
  let z = 0;
  // `US` in capitals is the country, not the pronoun `us` of the `we` class.
  for (const w of cueWords(text, words)) {
    const cls = lex.get(w);
    if (cls) for (const c of cls) z += weights[c] ?? 0;
  }
  return z;
}

/**
 * Cue-based check-worthiness for languages without a model: a score in 0..1 from figures,
 * dates, comparisons and attributions. 0.5 is the decision point.
 */
export function fallbackCheckworthiness(text: string, lang: string, words?: readonly string[]): number {
  let z = classScore(text, lang, CHECKWORTHY, words) - 1;
  if (/\d/.test(text)) z += 1.2;
  if (/[$€£₽%]/.test(text)) z += 0.8;
  return squash(z);
}

/** Cue-based subjectivity for languages without a model: 0..1, 0.5 is the decision point. */
export function fallbackSubjectivity(text: string, lang: string, words?: readonly string[]): number {
  let z = classScore(text, lang, SUBJECTIVE, words) - 1;
  if (/[!?]/.test(text)) z += 0.8;
  if (/\d/.test(text)) z -= 0.5;
  return squash(z);
}
