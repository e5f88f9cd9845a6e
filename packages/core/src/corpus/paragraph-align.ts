import { splitParagraphs } from '../layers/paragraphs/paragraphs.js';
import { segmentSentences } from '../layers/sentences/segment.js';
import type { Span } from '../schema.js';
import { conceptBag } from './concepts.js';
import type { ReuseDocument } from './reuse-types.js';
import { conceptVector, cosine, type DocFrequencies } from './vectors.js';

/** Two units (paragraphs or sentences) that say the same thing, by index in each document. */
export interface ParagraphPair {
  a: number;
  b: number;
  similarity: number;
}

/** The paragraphs of a document: its `paragraphs` layer when present, else its line blocks. */
export function paragraphSpans(doc: ReuseDocument): Span[] {
  return doc.paragraphs
    ? doc.paragraphs.map((p) => ({ start: p.start, end: p.end }))
    : splitParagraphs(doc.text);
}

/** The sentences of a document: its `sentences` layer when present, else segmented here. */
export function sentenceSpans(doc: ReuseDocument, lang: string): Span[] {
  return doc.sentences
    ? doc.sentences.map((s) => ({ start: s.start, end: s.end }))
    : segmentSentences(doc.text, paragraphSpans(doc), lang);
}

/**
 * Pairs units of two texts one-to-one by concept cosine (greedy, most alike first, at least
 * `min`), which works alike for copies, rewrites and translations: a unit left unpaired was
 * added or dropped.
 */
export function alignUnits(
  a: { text: string; spans: readonly Span[] },
  b: { text: string; spans: readonly Span[] },
  df: DocFrequencies,
  crossLanguage: boolean,
  min: number,
): ParagraphPair[] {
  const va = a.spans.map((s) => conceptVector(conceptBag(a.text, s), df, crossLanguage));
  const vb = b.spans.map((s) => conceptVector(conceptBag(b.text, s), df, crossLanguage));
  const all: ParagraphPair[] = [];
  for (let i = 0; i < va.length; i++)
    for (let j = 0; j < vb.length; j++) {
      if (va[i]!.size === 0 || vb[j]!.size === 0) continue;
      const similarity = cosine(va[i]!, vb[j]!);
      if (similarity >= min) all.push({ a: i, b: j, similarity });
    }
  all.sort((p, q) => q.similarity - p.similarity || p.a - q.a);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: ParagraphPair[] = [];
  for (const p of all) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    out.push(p);
  }
  return out.sort((p, q) => p.a - q.a);
}

/** The paragraphs of two versions paired by {@link alignUnits}. */
export function alignParagraphs(
  a: ReuseDocument,
  b: ReuseDocument,
  df: DocFrequencies,
  crossLanguage: boolean,
  min = 0.2,
): ParagraphPair[] {
  return alignUnits(
    { text: a.text, spans: paragraphSpans(a) },
    { text: b.text, spans: paragraphSpans(b) },
    df,
    crossLanguage,
    min,
  );
}

/**
 * The longest chain of pairs in the same order in both texts (longest increasing subsequence
 * over `b`, pairs sorted by `a`): a translation or rewrite follows its original, so pairs out of
 * order are chance resemblances.
 */
export function monotoneChain(pairs: readonly ParagraphPair[]): ParagraphPair[] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]!.b < pairs[k]!.b) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: ParagraphPair[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}
