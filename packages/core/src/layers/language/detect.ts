import { eld } from 'eld/small';
import type { LanguageLayer } from '../../schema.js';
import { dominantScript } from '../../text/script.js';

// ELD's n-gram tables take about 140 MB and 0.2 s to load: this module is imported only where
// a language must be detected (the `language` analyzer's set-up, page extraction with no
// declared language, corpus commands), never by the analyzer's own module.

/** Options of the language analyzer. */
export interface LanguageOptions {
  /** How many code units from the start of the text the detector reads. */
  sample: number;
  /** Scores below this give `und` with a diagnostic. */
  minConfidence: number;
}

/**
 * Identifies the language of `text` from a sample of its start, with ELD's n-gram detector.
 * Returns `und` (and confidence 0) for text with too few letters to judge.
 */
export function detectLanguage(text: string, options: LanguageOptions): LanguageLayer {
  const sample = text.length > options.sample ? text.slice(0, options.sample) : text;
  const script = dominantScript(sample);
  let letters = 0;
  for (let i = 0; i < sample.length && letters < 20; i++) if (/\p{L}/u.test(sample[i]!)) letters++;
  if (letters < 20) return { code: 'und', confidence: 0, script, method: 'fallback' };
  const result = eld.detect(sample);
  const scores = result.getScores();
  const code = result.language || 'und';
  const top = scores[code] ?? 0;
  const ordered = Object.values(scores).sort((a, b) => b - a);
  const margin = ordered.length > 1 ? top - (ordered[1] ?? 0) : top;
  // ELD scores are not probabilities; the margin over the runner-up is the more honest signal.
  const confidence = Math.max(0, Math.min(1, result.isReliable() ? 0.5 + margin : margin));
  return { code, confidence: Math.round(confidence * 1000) / 1000, script, method: 'detected' };
}
