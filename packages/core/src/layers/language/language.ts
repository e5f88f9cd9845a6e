import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import { dominantScript } from '../../text/script.js';
import type { LanguageOptions } from './detect.js';

export type { LanguageOptions } from './detect.js';

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
  // The detector (ELD's tables) loads here, once, and only in pipelines that have this layer.
  setup: async () => (await import('./detect.js')).detectLanguage,
  run(doc, ctx, options, detectLanguage) {
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
