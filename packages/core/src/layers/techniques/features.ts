import {
  countMatches,
  FeatureHasher,
  featureWords,
  logBucket,
  type SparseVector,
} from '../../models/features.js';
import { countCues, cueMatcher, type WordCues } from './cues.js';
import { type TextMarks, textMarks } from './marks.js';

/** Where a text unit sits in its article, and what the article as a whole looks like. */
export interface UnitContext {
  /** ISO 639-1 code of the article's language. */
  lang: string;
  /** Index of the paragraph among the article's paragraphs (0 = title). */
  index: number;
  /** Number of paragraphs in the article. */
  count: number;
  /** Article-level feature names (from {@link articleContext}), added to every paragraph. */
  article: readonly string[];
  /**
   * Leave out what is the same for every unit of the article (language, bias, article
   * context): the caller scores those once with {@link sharedFeatures}. Same scores.
   */
  omitShared?: boolean;
  /** Word prefix length for stem features (default 5; 0 = none). */
  prefix?: number;
  /** How often each word occurs in the whole article (for repetition features). */
  counts?: ReadonlyMap<string, number>;
  /** The article's cue memo ({@link ArticleStats.cueMemo}): same counts, found faster. */
  cueMemo?: Map<string, WordCues>;
}

const CAPS = /\b\p{Lu}{3,}\b/gu;
let upper: Uint8Array | undefined;

/**
 * Words in capitals (`CAPS` matches). Most texts have no three upper-case letters in a row, and
 * a table scan that proves it is much cheaper than the regex with its word boundaries; texts that
 * have such a run (or characters outside the BMP) take the regex, so the counts are the same.
 */
function capsCount(text: string): number {
  if (!upper) {
    upper = new Uint8Array(65536);
    const lu = /\p{Lu}/u;
    for (let c = 0; c < 65536; c++)
      if ((c < 0xd800 || c > 0xdfff) && lu.test(String.fromCharCode(c))) upper[c] = 1;
  }
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return countMatches(text, CAPS);
    run = upper[c] ? run + 1 : 0;
    if (run === 3) return countMatches(text, CAPS);
  }
  return 0;
}

/** Word prefix length used as a crude stem. */
const PREFIX = 5;
/** Value of the non-n-gram features (n-grams are length-normalised to a unit vector). */
const DENSE_WEIGHT = 0.3;

/**
 * Shape features that do not depend on the language: punctuation, quotes, capitals, length.
 * `p` namespaces them (`s` for the unit, `a` for the article).
 */
function shapeFeatures(
  text: string,
  marks: TextMarks,
  words: readonly string[],
  p: string,
  out: string[],
): void {
  const caps = capsCount(text);
  if (marks.excl) out.push(`${p}excl:${logBucket(marks.excl)}`);
  if (marks.quest) out.push(`${p}quest:${logBucket(marks.quest)}`);
  if (marks.quotes) out.push(`${p}quote:${logBucket(marks.quotes)}`);
  if (caps) out.push(`${p}caps:${logBucket(caps)}`);
  if (marks.ellipsis) out.push(`${p}ellipsis`);
  if (marks.numbers) out.push(`${p}digits`);
  out.push(`${p}len:${logBucket(words.length)}`);
}

/** Hits per cue category in `words` (empty when the language has no lexicon). */
export function cueCounts(
  lang: string,
  words: readonly string[],
  memo?: Map<string, WordCues>,
): Map<string, number> {
  const m = cueMatcher(lang);
  return m ? countCues(m, words, memo) : new Map();
}

/** Whole-article words and cue counts. */
export interface ArticleStats {
  text: string;
  lang: string;
  words: string[];
  cues: Map<string, number>;
  /** Occurrences of each word. */
  counts: Map<string, number>;
  /** What each word of the article can start, for counting the cues of its paragraphs. */
  cueMemo: Map<string, WordCues>;
  /** Hashed n-grams of `words` by `<tag>|<prefix>|<bits>`, shared by the article models. */
  ngrams: Map<string, number[]>;
  /** Punctuation and number counts of the whole text. */
  marks: TextMarks;
  /** {@link articleContext} by paragraph count: the three models ask for the same one. */
  context: Map<number, string[]>;
}

let lastStats: ArticleStats | undefined;

/**
 * Words and cue counts of a whole article. The techniques, frames and genre analyzers all need
 * them for the same document one after another, so the last result is kept.
 */
export function articleStats(text: string, lang: string): ArticleStats {
  if (lastStats?.text === text && lastStats.lang === lang) return lastStats;
  const words = featureWords(text);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const cueMemo = new Map<string, WordCues>();
  lastStats = {
    text,
    lang,
    words,
    cues: cueCounts(lang, words, cueMemo),
    counts,
    cueMemo,
    ngrams: new Map(),
    marks: textMarks(text),
    context: new Map(),
  };
  return lastStats;
}

/** Cue-category features (`cue:fear`, …) with coarse counts, language independent by design. */
function cueFeatures(
  counts: Map<string, number>,
  words: readonly string[],
  p: string,
  out: string[],
  per?: number,
): void {
  for (const [c, n] of counts) {
    out.push(`${p}cue:${c}`);
    out.push(`${p}cue:${c}:${logBucket(per ? (n * per) / Math.max(1, words.length) : n)}`);
  }
}

/**
 * Repetition: how many of the unit's longer words recur through the article, and how often the
 * most repeated one does (the Repetition technique is about the article, not the paragraph).
 */
function repetitionFeatures(
  words: readonly string[],
  counts: ReadonlyMap<string, number>,
  out: string[],
): void {
  let repeated = 0;
  let max = 0;
  // Only the words that count as repeated need to be told apart (a second sight of a word
  // cannot raise the maximum), and most paragraphs have few: the set is made when needed.
  let seen: Set<string> | undefined;
  for (const w of words) {
    if (w.length < 5) continue;
    const n = counts.get(w) ?? 0;
    if (n > max) max = n;
    if (n < 3 || seen?.has(w)) continue;
    seen ??= new Set();
    seen.add(w);
    repeated++;
  }
  out.push(`rep:${logBucket(repeated)}`, `repmax:${logBucket(max)}`);
}

/**
 * Article-level context features, computed once per article and shared by its paragraphs:
 * cue densities per 100 words, shape of the whole text, paragraph count.
 */
export function articleContext(text: string, lang: string, paragraphs: number): string[] {
  const { words, cues, marks, context } = articleStats(text, lang);
  const known = context.get(paragraphs);
  if (known) return [...known];
  const out: string[] = [`apars:${logBucket(paragraphs)}`];
  shapeFeatures(text, marks, words, 'a', out);
  cueFeatures(cues, words, 'a', out, 100);
  context.set(paragraphs, out);
  return [...out];
}

/**
 * The features of one paragraph (or sentence) for the techniques model: language-tagged word
 * uni/bigrams and prefixes (length-normalised), cue categories, shape, position, and the
 * article context. Training and analysis both call this, so they cannot drift apart.
 */
export function unitFeatures(text: string, ctx: UnitContext, bits: number, keepNames = false): SparseVector {
  const h = new FeatureHasher(bits, keepNames);
  const words = featureWords(text);
  h.addNgrams(words, ctx.lang, ctx.prefix ?? PREFIX);
  h.normalize();
  const dense: string[] = ctx.omitShared ? [] : [`lang:${ctx.lang}`, 'bias'];
  shapeFeatures(text, textMarks(text), words, 's', dense);
  cueFeatures(cueCounts(ctx.lang, words, ctx.cueMemo), words, 's', dense);
  dense.push(ctx.index === 0 ? 'pos:title' : `pos:${logBucket(ctx.index)}`);
  if (ctx.index === ctx.count - 1) dense.push('pos:last');
  dense.push(`${ctx.lang}|len:${logBucket(words.length)}`);
  if (ctx.counts) repetitionFeatures(words, ctx.counts, dense);
  h.addAll(dense, DENSE_WEIGHT);
  if (!ctx.omitShared) h.addAll(ctx.article, DENSE_WEIGHT);
  return h.vector();
}

/** The features {@link unitFeatures} leaves out with `omitShared`, as one vector. */
export function sharedFeatures(ctx: UnitContext, bits: number): SparseVector {
  const h = new FeatureHasher(bits);
  h.addAll([`lang:${ctx.lang}`, 'bias', ...ctx.article], DENSE_WEIGHT);
  return h.vector();
}

/**
 * Only the (length-normalised) word n-grams of a text unit: enough to tell which sentence of a
 * paragraph carries a technique, at a fraction of the cost of {@link unitFeatures}.
 */
export function ngramFeatures(text: string, lang: string, bits: number, prefix = PREFIX): SparseVector {
  const h = new FeatureHasher(bits);
  h.addNgrams(featureWords(text), lang, prefix);
  h.normalize();
  return h.vector();
}

/**
 * Feature vectors of an article's paragraphs (`units`, spans into `text`) for the techniques
 * model, each with its position and the article context.
 */
export function articleUnitVectors(
  text: string,
  units: readonly { start: number; end: number }[],
  lang: string,
  bits: number,
  keepNames = false,
  prefix = PREFIX,
): SparseVector[] {
  const article = articleContext(text, lang, units.length);
  const { counts, cueMemo } = articleStats(text, lang);
  return units.map((u, index) =>
    unitFeatures(
      text.slice(u.start, u.end),
      { lang, index, count: units.length, article, counts, cueMemo, prefix },
      bits,
      keepNames,
    ),
  );
}
