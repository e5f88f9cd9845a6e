import {
  FeatureHasher,
  featureWords,
  logBucket,
  type SparseVector,
  wordNgrams,
} from '../../models/features.js';
import { cueMatcher, findCues } from './cues.js';

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
}

/** Word prefix length used as a crude stem. */
const PREFIX = 5;
/** Value of the non-n-gram features (n-grams are length-normalised to a unit vector). */
const DENSE_WEIGHT = 0.3;

/**
 * Shape features that do not depend on the language: punctuation, quotes, capitals, length.
 * `p` namespaces them (`s` for the unit, `a` for the article).
 */
function shapeFeatures(text: string, words: readonly string[], p: string, out: string[]): void {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  const excl = count(/!/g);
  const quest = count(/\?/g);
  const quotes = count(/["“”«»„]/g);
  const caps = count(/\b\p{Lu}{3,}\b/gu);
  if (excl) out.push(`${p}excl:${logBucket(excl)}`);
  if (quest) out.push(`${p}quest:${logBucket(quest)}`);
  if (quotes) out.push(`${p}quote:${logBucket(quotes)}`);
  if (caps) out.push(`${p}caps:${logBucket(caps)}`);
  if (/…|\.\.\./.test(text)) out.push(`${p}ellipsis`);
  if (/\p{N}/u.test(text)) out.push(`${p}digits`);
  out.push(`${p}len:${logBucket(words.length)}`);
}

/** Cue-category features (`cue:fear`, …) with coarse counts, language independent by design. */
function cueFeatures(lang: string, words: readonly string[], p: string, out: string[], per?: number): void {
  const m = cueMatcher(lang);
  if (!m) return;
  const counts = new Map<string, number>();
  for (const h of findCues(m, words)) counts.set(h.category, (counts.get(h.category) ?? 0) + 1);
  for (const [c, n] of counts) {
    out.push(`${p}cue:${c}`);
    out.push(`${p}cue:${c}:${logBucket(per ? (n * per) / Math.max(1, words.length) : n)}`);
  }
}

/**
 * Article-level context features, computed once per article and shared by its paragraphs:
 * cue densities per 100 words, shape of the whole text, paragraph count.
 */
export function articleContext(text: string, lang: string, paragraphs: number): string[] {
  const words = featureWords(text);
  const out: string[] = [`apars:${logBucket(paragraphs)}`];
  shapeFeatures(text, words, 'a', out);
  cueFeatures(lang, words, 'a', out, 100);
  return out;
}

/**
 * The features of one paragraph (or sentence) for the techniques model: language-tagged word
 * uni/bigrams and prefixes (length-normalised), cue categories, shape, position, and the
 * article context. Training and analysis both call this, so they cannot drift apart.
 */
export function unitFeatures(text: string, ctx: UnitContext, bits: number, keepNames = false): SparseVector {
  const h = new FeatureHasher(bits, keepNames);
  const words = featureWords(text);
  h.addAll(wordNgrams(words, ctx.lang, PREFIX));
  h.normalize();
  const dense: string[] = [`lang:${ctx.lang}`, 'bias'];
  shapeFeatures(text, words, 's', dense);
  cueFeatures(ctx.lang, words, 's', dense);
  dense.push(ctx.index === 0 ? 'pos:title' : `pos:${logBucket(ctx.index)}`);
  if (ctx.index === ctx.count - 1) dense.push('pos:last');
  dense.push(`${ctx.lang}|len:${logBucket(words.length)}`);
  h.addAll(dense, DENSE_WEIGHT);
  h.addAll(ctx.article, DENSE_WEIGHT);
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
): SparseVector[] {
  const article = articleContext(text, lang, units.length);
  return units.map((u, index) =>
    unitFeatures(text.slice(u.start, u.end), { lang, index, count: units.length, article }, bits, keepNames),
  );
}
