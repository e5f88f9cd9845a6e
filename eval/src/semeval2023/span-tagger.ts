import { TECHNIQUES } from '@newsprism/core';
import {
  addTagFeatures,
  articleStats,
  hashString,
  type LinearModel,
  type Sample,
  type SparseVector,
  TAGGER_BITS,
  Tagger,
  tokenFeatures,
  trainAveraged,
  type WordRates,
} from '@newsprism/core/train';
import type { SemevalArticle } from './dataset.js';
import { LEXICAL } from './loaded-words.js';
import type { TextSpan } from './segment.js';

export { TAGGER_BITS };

/** The words of an article with their offsets and, per tagged technique, gold in-span flags. */
export interface TaggedWords {
  /** The techniques tagged (default {@link LEXICAL}: Loaded_Language and Name_Calling). */
  labels: readonly string[];
  /** The article's words as the analyzer sees them (`articleStats`). */
  stats: ReturnType<typeof articleStats>;
  starts: readonly number[];
  /** `inside[t][i]`: word i overlaps a gold span of `labels[t]`. */
  inside: boolean[][];
}

/**
 * The feature words of an article (as the techniques features see them) with gold span flags of
 * `labels` (`--set tagLabels=A,B,…`; Loaded_Language and Name_Calling by default).
 */
export function taggedWords(a: SemevalArticle, labels: readonly string[] = LEXICAL): TaggedWords {
  const stats = articleStats(a.text, a.lang);
  const starts = stats.spans?.starts ?? [];
  const ends = stats.spans?.ends ?? [];
  const spans = a.spans ?? [];
  return {
    labels,
    stats,
    starts,
    inside: labels.map((t) =>
      starts.map((s, i) => spans.some((g) => g.technique === t && g.start < ends[i]! && s < g.end)),
    ),
  };
}

/**
 * The hashed features of each word of an article for the token tagger (core `tokenFeatures`,
 * the analyzer's own) as sparse vectors; `rates` are the article's cross-fitted word rates.
 */
export function tokenVectors(tw: TaggedWords, rates?: WordRates, bits = TAGGER_BITS): SparseVector[] {
  const { idx, off } = tokenFeatures(tw.stats, rates, bits);
  const out: SparseVector[] = [];
  for (let i = 0; i + 1 < off.length; i++) {
    const x = Array.from(idx.subarray(off[i]!, off[i + 1]!));
    out.push({ idx: x, val: x.map(() => 1) });
  }
  return out;
}

/**
 * The tagger of a trained linear model as the analyzer will score with it: through its file
 * form (pruned, int8), so cross-fitted and held-out scores are those a shipped model gives.
 */
export function taggerOfModel(m: LinearModel): Tagger {
  return Tagger.fromFile(new Tagger([...m.labels], m.bits, Float32Array.from(m.bias), m.weights).toFile());
}

/** The tagger's training examples of some articles: one per word, labels the tagged techniques it is in. */
function tokenSamples(tws: readonly TaggedWords[], xs: readonly SparseVector[][]): Sample[] {
  const out: Sample[] = [];
  tws.forEach((tw, a) => {
    tw.starts.forEach((_, i) => {
      const y: number[] = [];
      tw.inside.forEach((f, t) => {
        if (f[i]) y.push(t);
      });
      out.push({ x: xs[a]![i]!, y });
    });
  });
  return out;
}

/** Trains a token tagger (logistic regression over hashed token features, the articles' tagged techniques). */
export function trainTagger(
  tws: readonly TaggedWords[],
  xs: readonly SparseVector[][],
  epochs = 4,
): LinearModel {
  return trainAveraged(tokenSamples(tws, xs), {
    kind: 'multilabel',
    labels: tws[0]?.labels ?? LEXICAL,
    bits: TAGGER_BITS,
    epochs,
    rate: 0.1,
    l2: 1e-6,
    maxPositiveWeight: 3,
  });
}

/** A stable inner fold of an article for the tagger's cross-fitting. */
function taggerFold(a: SemevalArticle, k: number, keyOf: (a: SemevalArticle) => string): number {
  return hashString(`tagger:${keyOf(a)}`) % k;
}

/**
 * The tagger's probabilities of each word of each article (`[article][word * labels + label]`):
 * a training article's (`isTrain`) from a tagger fitted on the training articles of the other
 * `innerK` inner folds, any other article's from a tagger fitted on all training articles
 * (`tagger`, the one a model ships). `rates[i]` are article i's word rates (cross-fitted the
 * same way, or undefined).
 */
export function taggerScores(
  articles: readonly SemevalArticle[],
  tws: readonly TaggedWords[],
  isTrain: (i: number) => boolean,
  rates: readonly (WordRates | undefined)[],
  innerK = 3,
  epochs = 4,
  keyOf: (a: SemevalArticle) => string = (a) => `${a.dir}/${a.id}`,
): { scores: Float32Array[]; tagger: Tagger } {
  const xs = tws.map((tw, i) => tokenVectors(tw, rates[i]));
  const trainIdx = articles.map((_, i) => i).filter(isTrain);
  const score = (t: Tagger, i: number) => t.score(tokenFeatures(tws[i]!.stats, rates[i]));
  const out: Float32Array[] = articles.map(() => new Float32Array(0));
  const tagger = taggerOfModel(
    trainTagger(
      trainIdx.map((i) => tws[i]!),
      trainIdx.map((i) => xs[i]!),
      epochs,
    ),
  );
  articles.forEach((_, i) => {
    if (!isTrain(i)) out[i] = score(tagger, i);
  });
  for (let f = 0; f < innerK; f++) {
    const fit = trainIdx.filter((i) => taggerFold(articles[i]!, innerK, keyOf) !== f);
    const m = taggerOfModel(
      trainTagger(
        fit.map((i) => tws[i]!),
        fit.map((i) => xs[i]!),
        epochs,
      ),
    );
    for (const i of trainIdx) if (taggerFold(articles[i]!, innerK, keyOf) === f) out[i] = score(m, i);
  }
  return { scores: out, tagger };
}

/** A sentence example with, per tagged technique, the tagger's highest word probability in it. */
export interface TaggedSample extends Sample {
  tagMax?: number[];
  /** The techniques of `tagMax`. */
  tagLabels?: readonly string[];
}

/**
 * Replaces the probabilities of the tagged techniques (`probs[i]` of `samples[i]`, in place)
 * by the tagger's highest word probability of the sentence (`--set spanDecide=1`): the
 * sentence decision of those techniques taken by the tagger alone.
 */
export function tagDecides(samples: readonly TaggedSample[], probs: readonly Float64Array[]): void {
  samples.forEach((s, i) => {
    if (!s.tagMax) return;
    (s.tagLabels ?? LEXICAL).forEach((name, t) => {
      probs[i]![TECHNIQUES.indexOf(name as never)] = s.tagMax![t]!;
    });
  });
}

/**
 * Adds the tagger's evidence to the sentence vectors of an article (in place), as the analyzer
 * does (core `addTagFeatures`): per tagged technique, the bucket of the highest word
 * probability of the sentence (`tag:<t>:max:<b>`) and how many words score 0.5 or more
 * (`tag:<t>:n:<0|1|2|3+>`); keeps the highest probabilities in `tagMax`.
 */
export function addTaggerFeatures(
  samples: readonly TaggedSample[],
  sentences: readonly TextSpan[],
  tw: TaggedWords,
  scores: Float32Array,
  bits: number,
): void {
  let w = 0;
  sentences.forEach((s, j) => {
    while (w < tw.starts.length && tw.starts[w]! < s.start) w++;
    let to = w;
    while (to < tw.starts.length && tw.starts[to]! < s.end) to++;
    samples[j]!.tagMax = addTagFeatures(samples[j]!.x, tw.labels, scores, w, to, bits);
    samples[j]!.tagLabels = tw.labels;
  });
}
