import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import { loadSyntaxModels } from './model.js';

/**
 * The `syntax` layer: per token of the `tokens` layer (same index), its universal part of
 * speech, its lemma and — where the model has morphology (Russian) — the UD features case,
 * gender and number. Parallel arrays rather than an object per token: a tenth of the JSON.
 */
export interface SyntaxLayer {
  /** UD UPOS tag per token (`NOUN`, `PROPN`, `VERB`, …). */
  upos: string[];
  /** Lemma per token. */
  lemma: string[];
  /** UD FEATS per token (`Case=Gen|Gender=Fem|Number=Sing`, `''` for none); Russian only. */
  feats?: string[];
}

declare module '../../schema.js' {
  interface LayerMap {
    syntax: SyntaxLayer;
  }
}

/** Options of the `syntax` analyzer. */
export interface SyntaxOptions {
  /** A model file of the user's own (`newsprism train syntax --out …`); `''` = the shipped model of the language. */
  model: string;
}

/**
 * Tags each sentence's tokens with the language's model. A language without a model gets
 * empty arrays and an info diagnostic `I_SYNTAX_LANGUAGE`.
 */
export const syntax = defineAnalyzer({
  name: 'syntax',
  version: 3,
  requires: ['tokens', 'sentences', 'language'],
  produces: 'syntax',
  defaults: { model: '' } as SyntaxOptions,
  rules: { model: rules.model },
  setup: (options, registry) => loadSyntaxModels(registry, options.model),
  run(doc, ctx, _options, models) {
    const lang = doc.language!.code;
    const model = models.own ?? models.byLang.get(lang);
    if (!model) {
      ctx.report({
        code: 'I_SYNTAX_LANGUAGE',
        severity: 'info',
        message: `no syntax model for language "${lang}"; supported: en, ru`,
      });
      return { upos: [], lemma: [] };
    }
    const text = doc.text;
    const tokens = doc.tokens!;
    const sentences = doc.sentences!;
    const layer: SyntaxLayer = { upos: [], lemma: [] };
    if (model.heads.length > 1) layer.feats = [];
    let i = 0;
    let s = 0;
    while (i < tokens.length) {
      // The tokens of one sentence: up to the end of the sentence that holds token i (a token
      // outside every sentence is a sentence of its own).
      while (s < sentences.length && sentences[s]!.end <= tokens[i]!.start) s++;
      const end = s < sentences.length && sentences[s]!.start <= tokens[i]!.start ? sentences[s]!.end : -1;
      let j = i + 1;
      while (j < tokens.length && end >= 0 && tokens[j]!.end <= end) j++;
      model.runner.annotate(text, tokens, i, j, layer);
      i = j;
    }
    return layer;
  },
});
