import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import type { Span } from '../../schema.js';
import { shippedDepsParser } from './deps-model.js';
import { loadSyntaxModels, type SyntaxModel } from './model.js';
import type { DependencyParser } from './parser.js';

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
  /**
   * Dependency head per token (index into the tokens layer, −1 for a sentence's root); only
   * with the option `deps: true` and a language that has a parser (English, Russian).
   */
  head?: number[];
  /** UD base relation per token (`nsubj`, `obj`, `ccomp`, …, `root`); with `head`. */
  deprel?: string[];
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
  /**
   * Also parse dependencies (`head`, `deprel`) where the language has a parser. Off by default:
   * it costs more than the tagging and doubles the layer's JSON, and no shipped layer reads it
   * (`quotes` parses the few sentences it needs itself).
   */
  deps: boolean;
}

/**
 * Tags each sentence's tokens with the language's model. A language without a model gets
 * empty arrays and an info diagnostic `I_SYNTAX_LANGUAGE`.
 */
export const syntax = defineAnalyzer({
  name: 'syntax',
  version: 4,
  requires: ['tokens', 'sentences', 'language'],
  produces: 'syntax',
  defaults: { model: '', deps: false } as SyntaxOptions,
  rules: { model: rules.model },
  setup: (options, registry) => {
    const parsers = new Map<string, DependencyParser>();
    if (options.deps)
      for (const lang of ['en', 'ru']) {
        const p = shippedDepsParser(registry, lang);
        if (p) parsers.set(lang, p);
      }
    return { ...loadSyntaxModels(registry, options.model), parsers };
  },
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
    const parser = models.parsers.get(lang);
    if (parser) {
      layer.head = [];
      layer.deprel = [];
    }
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
      if (parser)
        parseSentence(parser, text, tokens, i, j, layer, layer as { head: number[]; deprel: string[] });
      i = j;
    }
    return layer;
  },
});

/** Parses tokens `[from, to)` (one sentence) from their tags in `layer`, writing heads and relations at their indices. */
function parseSentence(
  parser: DependencyParser,
  text: string,
  tokens: readonly Span[],
  from: number,
  to: number,
  layer: SyntaxLayer,
  out: { head: number[]; deprel: string[] },
): void {
  const forms: string[] = [];
  for (let t = from; t < to; t++) forms.push(text.slice(tokens[t]!.start, tokens[t]!.end));
  const tree = parser.parse(parser.input(forms, layer.upos.slice(from, to), layer.feats?.slice(from, to)));
  for (let k = 0; k < forms.length; k++) {
    const h = tree.head[k]!;
    out.head[from + k] = h < 0 ? -1 : from + h;
    out.deprel[from + k] = h < 0 ? 'root' : parser.labels[tree.label[k]!]!;
  }
}

/**
 * Parses only the sentences `which` (indices into `sentences`) of a tagged document — a layer
 * that needs the parse of a few sentences (those holding a quotation's cue) pays for those
 * alone. Heads and relations are those the `syntax` layer gives with `deps: true` for the same
 * sentences (a sentence is parsed on its own); the tokens of other sentences get head −1 and
 * relation `''` (not parsed).
 *
 * @example parseSentences(parser, doc.text, doc.tokens, doc.sentences, doc.syntax, [3, 7])
 */
export function parseSentences(
  parser: DependencyParser,
  text: string,
  tokens: readonly Span[],
  sentences: readonly Span[],
  layer: SyntaxLayer,
  which: Iterable<number>,
): { head: number[]; deprel: string[] } {
  const out = {
    head: new Array<number>(tokens.length).fill(-1),
    deprel: new Array<string>(tokens.length).fill(''),
  };
  if (layer.upos.length !== tokens.length) return out;
  for (const s of which) {
    const [from, to] = sentenceTokens(tokens, sentences[s]);
    if (to > from) parseSentence(parser, text, tokens, from, to, layer, out);
  }
  return out;
}

/**
 * The tags and parse of a few token ranges of an untagged document, made with a model and a
 * parser of the caller's own — for a layer that reads the parse of a few sentences (`quotes`:
 * those whose cue has no speaker phrase) without the `syntax` layer, so that its output does not
 * depend on whether the pipeline has one, or with which options. A sentence tagged with
 * {@link tagSentence} gets the tags the `syntax` layer gives with the same model; {@link parse}
 * parses a range from those tags (a whole sentence: the layer's tree with `deps: true`). Tokens
 * not tagged or parsed have tag `''`, head −1 and relation `''`.
 */
export class PartialParse {
  readonly upos: string[];
  readonly head: number[];
  readonly deprel: string[];
  private readonly tagged: SyntaxLayer;
  private readonly one: SyntaxLayer = { upos: [], lemma: [] };

  constructor(
    private readonly model: SyntaxModel,
    private readonly parser: DependencyParser,
    private readonly text: string,
    private readonly tokens: readonly Span[],
  ) {
    const n = tokens.length;
    this.upos = new Array<string>(n).fill('');
    this.head = new Array<number>(n).fill(-1);
    this.deprel = new Array<string>(n).fill('');
    this.tagged = { upos: this.upos, lemma: [] };
    if (model.heads.length > 1) {
      this.tagged.feats = new Array<string>(n).fill('');
      this.one.feats = [];
    }
  }

  /** Tags the tokens of a sentence; returns its tokens `[from, to)`. */
  tagSentence(sentence: Span): [number, number] {
    const [from, to] = sentenceTokens(this.tokens, sentence);
    const one = this.one;
    one.upos.length = 0;
    one.lemma.length = 0;
    if (one.feats) one.feats.length = 0;
    if (to > from) this.model.runner.annotate(this.text, this.tokens, from, to, one);
    for (let k = 0; k < to - from; k++) {
      this.upos[from + k] = one.upos[k]!;
      if (this.tagged.feats) this.tagged.feats[from + k] = one.feats![k]!;
    }
    return [from, to];
  }

  /** Parses tokens `[from, to)`, tagged before, as one sentence. */
  parse(from: number, to: number): void {
    if (to > from) parseSentence(this.parser, this.text, this.tokens, from, to, this.tagged, this);
  }
}

/** The tokens `[from, to)` of a sentence (none for a sentence index out of range). */
function sentenceTokens(tokens: readonly Span[], sent: Span | undefined): [number, number] {
  if (!sent) return [0, 0];
  const from = firstTokenAt(tokens, sent.start);
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= sent.end) to++;
  return [from, to];
}

/** Index of the first token starting at or after `at`. */
function firstTokenAt(tokens: readonly Span[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
