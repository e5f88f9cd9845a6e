import { FeatureHasher, featureWords, type SparseVector } from '../../models/features.js';
import type { LinearModel } from '../../models/linear.js';
import type { NewsDocument } from '../../schema.js';
import { cueMatcher } from '../techniques/cues.js';
import { type ArticleStats, articleContext, articleNgrams, articleStats } from '../techniques/features.js';

/** Value of the dense (non-n-gram) features; n-gram groups are unit-length. */
const DENSE_WEIGHT = 0.3;

/** How much each feature group weighs; a model records the weights it was trained with. */
export interface DocumentFeatureWeights {
  /** Word n-grams (0 leaves them out: the genre model generalises better on style alone). */
  ngram: number;
  /** Style rates per 100 words. */
  style: number;
}

/** A rate per 100 words as a coarse bucket name (`0`, `0.5`, `1`, `2`, `4`, `8`, `16+`). */
function rate(n: number, words: number): string {
  const r = (100 * n) / Math.max(1, words);
  if (r === 0) return '0';
  if (r < 0.5) return '0.5';
  return String(Math.min(16, 2 ** Math.floor(Math.log2(r))));
}

/**
 * Style rates that tell reporting from opinion: quotation marks, digits, question and
 * exclamation marks, first- and second-person words, attribution cues, per 100 words.
 */
function styleFeatures(stats: ArticleStats, paragraphs: number): string[] {
  const { words, marks } = stats;
  const n = words.length;
  const out = [
    `r:quote:${rate(marks.quotes, n)}`,
    `r:digit:${rate(marks.numbers, n)}`,
    `r:quest:${rate(marks.quest, n)}`,
    `r:excl:${rate(marks.excl, n)}`,
    `r:para:${rate(paragraphs, n)}`,
  ];
  const m = cueMatcher(stats.lang);
  if (m) for (const cat of m.categories) out.push(`r:${cat}:${rate(stats.cues.get(cat) ?? 0, n)}`);
  return out;
}

/**
 * The features of a whole article for the frames and genre models: language-tagged word
 * uni/bigrams and prefixes of the body and, separately, of the title (each group scaled to unit
 * length), plus the article context of the techniques model (cue densities, punctuation, size).
 * `title` is the span of the first paragraph, when known; `weights` scale the feature groups.
 */
export function documentFeatures(
  text: string,
  lang: string,
  bits: number,
  title?: { start: number; end: number },
  paragraphs = 1,
  weights: DocumentFeatureWeights = { ngram: 1, style: 0.3 },
  keepNames = false,
): SparseVector {
  const h = new FeatureHasher(bits, keepNames);
  const stats = articleStats(text, lang);
  if (weights.ngram > 0) {
    // Hashed once per article (the techniques model's paragraphs and sentences take theirs).
    h.addNgramHashes(articleNgrams(stats, 5));
    h.normalize();
    h.scale(weights.ngram);
  }
  if (title && weights.ngram > 0) {
    const from = h.size;
    h.addNgrams(featureWords(text.slice(title.start, title.end)), `${lang}t`);
    h.normalize(from);
    h.scale(0.5 * weights.ngram, from);
  }
  h.addAll([`lang:${lang}`, 'bias', ...articleContext(text, lang, paragraphs)], DENSE_WEIGHT);
  h.addAll(styleFeatures(stats, paragraphs), weights.style);
  const body = text.slice(title?.end ?? 0, (title?.end ?? 0) + 200).trimStart();
  if (
    /^(?:\p{Lu}[\p{Lu} .,'’-]{2,}(?:,[^—–\n]{0,40})?\s*(?:—|–|--|-)|\((?:CNN|AP|Reuters|AFP)\))/u.test(body)
  )
    h.add('dateline', weights.style);
  if (title) {
    const t = text.slice(title.start, title.end);
    if (t.includes('?')) h.add('title:quest', weights.style);
    if (/[:|]/.test(t)) h.add('title:colon', weights.style);
    if (/["“”«»]/.test(t)) h.add('title:quote', weights.style);
  }
  return h.vector();
}

/**
 * Scores a whole analysed document with an article-level model (frames, genre), with the
 * feature weights the model was trained with; the vector names its features on demand.
 */
export function scoreDocument(
  doc: Readonly<NewsDocument>,
  model: LinearModel,
): { v: SparseVector; p: Float64Array; chosen: number[] } {
  const lang = doc.language!.code;
  const paras = doc.paragraphs!;
  const weights = model.meta.features as DocumentFeatureWeights;
  const v = documentFeatures(doc.text, lang, model.bits, paras[0], paras.length, weights);
  const p = model.probabilities(v);
  return { v, p, chosen: model.decide(p, model.thresholdsFor(lang)) };
}
