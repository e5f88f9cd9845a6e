import { hashString, type Sample, type SparseVector } from '@newsprism/core/train';
import type { SemevalArticle } from './dataset.js';
import type { Segmented } from './segment.js';

/**
 * An experiment (`train techniques --set loaded=1`, k-fold only): how much a sentence gains from
 * knowing which of its words were inside gold spans of a technique elsewhere in the training
 * articles. For each technique of `LEXICAL`, a word's rate is the share of its occurrences in
 * the training articles that fall inside a span of the technique (smoothed towards the
 * technique's overall rate); a sentence gets the highest rate among its words, bucketed, as a
 * feature. Rates for the training sentences come from the other inner folds (cross-fitted), so
 * a word is never scored by its own sentence's label.
 */
export const LEXICAL = ['Loaded_Language', 'Name_Calling-Labeling'] as const;

const WORD = /[\p{L}\p{M}]+(?:['’]\p{L}+)*|\d+/gu;

/** One occurrence of a word: the word and, per technique of {@link LEXICAL}, whether a gold span covers it. */
interface Occurrence {
  word: string;
  start: number;
  inside: boolean[];
}

/** The words of an article with whether each lies inside a gold span of each lexical technique. */
export function articleOccurrences(a: SemevalArticle): Occurrence[] {
  const spans = (a.spans ?? []).filter((s) => (LEXICAL as readonly string[]).includes(s.technique));
  const out: Occurrence[] = [];
  for (const m of a.text.matchAll(WORD)) {
    const start = m.index!;
    const end = start + m[0].length;
    out.push({
      word: m[0].toLowerCase(),
      start,
      inside: LEXICAL.map((t) => spans.some((s) => s.technique === t && s.start < end && start < s.end)),
    });
  }
  return out;
}

/** Smoothed in-span rates of the words of some articles, per lexical technique. */
export interface WordRates {
  rate: Map<string, number[]>;
  prior: number[];
}

/** The rates of the words of `occ` (the articles' occurrences); words seen under `minCount` times are left out. */
export function wordRates(occ: readonly Occurrence[][], minCount = 2, alpha = 2): WordRates {
  const n = new Map<string, number>();
  const k = new Map<string, number[]>();
  const total = LEXICAL.map(() => 0);
  let all = 0;
  for (const art of occ)
    for (const o of art) {
      n.set(o.word, (n.get(o.word) ?? 0) + 1);
      const c = k.get(o.word) ?? LEXICAL.map(() => 0);
      o.inside.forEach((x, t) => {
        if (x) {
          c[t]!++;
          total[t]!++;
        }
      });
      k.set(o.word, c);
      all++;
    }
  const prior = total.map((x) => x / Math.max(1, all));
  const rate = new Map<string, number[]>();
  for (const [w, count] of n) {
    if (count < minCount) continue;
    rate.set(
      w,
      k.get(w)!.map((x, t) => (x + alpha * prior[t]!) / (count + alpha)),
    );
  }
  return { rate, prior };
}

/** The bucket of a rate relative to the prior (how many times the technique's overall rate). */
function bucket(r: number, prior: number): string {
  const x = r / Math.max(1e-9, prior);
  if (x < 1) return '0';
  if (x < 2) return '1';
  if (x < 4) return '2';
  if (x < 8) return '4';
  return '8';
}

/**
 * `x` with the lexical-rate features of the sentence `[start, end)` of `occ` (the article's
 * occurrences): per technique, the bucket of its highest word rate, at `weight`.
 */
export function withRates(
  x: SparseVector,
  occ: readonly Occurrence[],
  start: number,
  end: number,
  rates: WordRates,
  bits: number,
  weight = 0.3,
): SparseVector {
  const best = LEXICAL.map(() => 0);
  for (const o of occ) {
    if (o.start < start || o.start >= end) continue;
    const r = rates.rate.get(o.word);
    if (r)
      r.forEach((v, t) => {
        best[t] = Math.max(best[t]!, v);
      });
  }
  const idx = [...x.idx];
  const val = [...x.val];
  const mask = (1 << bits) - 1;
  LEXICAL.forEach((t, i) => {
    idx.push(hashString(`lex:${t}:${bucket(best[i]!, rates.prior[i]!)}`) & mask);
    val.push(weight);
  });
  return { idx, val };
}

/** A stable inner fold of an article. */
function innerFold(id: string, k: number): number {
  return hashString(`inner:${id}`) % k;
}

/**
 * The samples of `articles` (sentence samples in article order, `segmented` alike) with
 * lexical-rate features: a held-out article's from the rates of all `train` articles; a training
 * article's from the rates of the training articles of the other inner folds.
 */
export function addRates(
  articles: readonly SemevalArticle[],
  segmented: readonly Segmented[],
  samples: readonly Sample[],
  isTrain: (i: number) => boolean,
  bits: number,
  innerK = 5,
): Sample[] {
  const occ = articles.map(articleOccurrences);
  const trainIdx = articles.map((_, i) => i).filter(isTrain);
  const all = wordRates(trainIdx.map((i) => occ[i]!));
  const inner = Array.from({ length: innerK }, (_, f) =>
    wordRates(trainIdx.filter((i) => innerFold(articles[i]!.id, innerK) !== f).map((i) => occ[i]!)),
  );
  const out: Sample[] = [];
  let at = 0;
  articles.forEach((a, i) => {
    const rates = isTrain(i) ? inner[innerFold(a.id, innerK)]! : all;
    for (const s of segmented[i]!.sentences) {
      const sample = samples[at++]!;
      out.push({ ...sample, x: withRates(sample.x, occ[i]!, s.start, s.end, rates, bits) });
    }
  });
  return out;
}
