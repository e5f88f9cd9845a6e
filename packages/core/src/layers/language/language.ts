import { eld } from 'eld/small';
import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import type { LanguageLayer } from '../../schema.js';
import { dominantScript } from '../../text/script.js';

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

/** The `language` analyzer: uses the declared `meta.lang` when present, else detects. */
export const language = defineAnalyzer({
  name: 'language',
  version: 1,
  requires: [],
  produces: 'language',
  defaults: { sample: 1000, minConfidence: 0.05 } as LanguageOptions,
  rules: {
    sample: {
      valid: (v) => Number.isInteger(v) && (v as number) > 0,
      expects: 'a whole number of characters > 0',
    },
    minConfidence: rules.unit,
  },
  run(doc, ctx, options) {
    const declared = doc.meta.lang;
    if (declared && declared !== 'und') {
      return {
        code: declared.toLowerCase(),
        confidence: 1,
        script: dominantScript(doc.text),
        method: 'declared',
      };
    }
    const layer = detectLanguage(doc.text, options);
    if (layer.code === 'und' || layer.confidence < options.minConfidence) {
      ctx.report({
        code: 'W_LANGUAGE_UNKNOWN',
        severity: 'warning',
        message:
          'could not tell the language of the text; language-specific analyzers use their fallback rules',
      });
    }
    ctx.suggestMeta('lang', layer.code);
    return layer;
  },
});
