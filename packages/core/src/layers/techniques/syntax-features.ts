import { FeatureHasher, type SparseVector } from '../../models/features.js';

/** Modal auxiliaries (English lemmas): obligation, possibility, prediction. */
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'ought']);

/** Superlatives without `-est`, and adjectives in `-est` that are not superlatives. */
const IRREGULAR = new Set(['best', 'worst']);
const NOT_SUPER = new Set(['honest', 'modest', 'earnest', 'dishonest', 'immodest']);

/** Parts of speech whose lemma stands for itself in {@link syntaxFeatures}' generalised n-grams. */
const CLOSED = new Set(['AUX', 'PRON', 'DET', 'ADP', 'SCONJ', 'CCONJ', 'PART']);

/** The tokens of a sentence with their tags (`syntax` layer arrays, indices `[from, to)`). */
export interface TaggedRange {
  upos: readonly string[];
  lemma: readonly string[];
  /** The token texts (as written) of the same indices. */
  forms: readonly string[];
  from: number;
  to: number;
}

/**
 * Syntax features of a sentence for the techniques model (`meta.syntax`): UPOS uni-, bi- and
 * trigrams, and "generalised" bigrams and trigrams in which closed-class words (auxiliaries,
 * pronouns, determiners, prepositions, conjunctions, particles) keep their lemma and every other
 * word becomes its UPOS (`you must VERB`, `do not VERB`); the group scaled to length `weight`.
 * Besides, at the dense features' `dense` value: the first token's UPOS (a sentence that opens
 * with a base-form verb is an imperative), modal auxiliaries by lemma, second- and first-person
 * plural pronouns, superlatives (`-est` adjectives and `most`/`least` + adjective), and
 * whether the sentence has no verb at all (slogans, headlines). What these see is the form of
 * a sentence, not its words, so it can generalise beyond the training articles' vocabulary.
 */
export function syntaxFeatures(t: TaggedRange, bits: number, weight: number, dense: number): SparseVector {
  const { upos, lemma, forms, from, to } = t;
  const grams = new FeatureHasher(bits);
  const names: string[] = [];
  const gen = (i: number) => (CLOSED.has(upos[i]!) ? lemma[i]!.toLowerCase() : upos[i]!);
  let verbs = 0;
  for (let i = from; i < to; i++) {
    const u = upos[i]!;
    if (u === 'PUNCT') continue;
    grams.add(`sp1:${u}`);
    if (i > from) {
      grams.add(`sp2:${upos[i - 1]}_${u}`);
      grams.add(`sg2:${gen(i - 1)}_${gen(i)}`);
    }
    if (i > from + 1) {
      grams.add(`sp3:${upos[i - 2]}_${upos[i - 1]}_${u}`);
      grams.add(`sg3:${gen(i - 2)}_${gen(i - 1)}_${gen(i)}`);
    }
    const l = lemma[i]!.toLowerCase();
    if (u === 'VERB' || u === 'AUX') verbs++;
    if (u === 'AUX' && MODALS.has(l)) names.push(`smodal:${l}`);
    if (u === 'PRON' && (l === 'you' || l === 'your' || l === 'yours' || l === 'yourself'))
      names.push('syou');
    if (u === 'PRON' && (l === 'we' || l === 'our' || l === 'us' || l === 'ours')) names.push('swe');
    const f = forms[i]!.toLowerCase();
    if (u === 'ADJ' && (IRREGULAR.has(f) || (f.length > 5 && f.endsWith('est') && !NOT_SUPER.has(f))))
      names.push('ssuper');
    if ((f === 'most' || f === 'least') && i + 1 < to && upos[i + 1] === 'ADJ') names.push('ssuper');
  }
  let first = from;
  while (first < to && upos[first] === 'PUNCT') first++;
  if (first < to) {
    names.push(`sfirst:${upos[first]}`);
    if (upos[first] === 'VERB' && forms[first]!.toLowerCase() === lemma[first]!.toLowerCase())
      names.push('simper');
  }
  if (to > from && verbs === 0) names.push('snoverb');
  const n = grams.size;
  grams.normalize(0, n);
  grams.scale(weight, 0, n);
  grams.addAll(names, dense);
  return grams.vector();
}

/** Parts of speech whose case {@link lemmaFeatures} reads (nominal words). */
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'ADJ', 'DET', 'NUM']);

/**
 * Lemma features of a sentence (an experiment for inflected languages, Russian first): lemma
 * unigrams and bigrams of the words that are not punctuation (lower-cased, `ll1:` / `ll2:`),
 * the group scaled to length `weight`, so the evidence of a word's six cases and two numbers is
 * pooled on one feature. With `feats` > 0 and a `feats` array: each nominal word's case as
 * `UPOS|Case=…` and the sentence's cases, counted, scaled to length `feats` (vocative-like
 * direct address, genitive chains and the like). Nothing of the word forms themselves.
 */
export function lemmaFeatures(
  t: TaggedRange & { feats?: readonly string[] },
  bits: number,
  weight: number,
  feats = 0,
): SparseVector {
  const { upos, lemma, from, to } = t;
  const grams = new FeatureHasher(bits);
  let prev: string | undefined;
  for (let i = from; i < to; i++) {
    if (upos[i] === 'PUNCT') continue;
    const l = lemma[i]!.toLowerCase();
    grams.add(`ll1:${l}`);
    if (prev !== undefined) grams.add(`ll2:${prev}_${l}`);
    prev = l;
  }
  const n = grams.size;
  grams.normalize(0, n);
  grams.scale(weight, 0, n);
  if (feats > 0 && t.feats) {
    for (let i = from; i < to; i++) {
      if (!NOMINAL.has(upos[i]!)) continue;
      const c = /(?:^|\|)Case=([A-Za-z]+)/.exec(t.feats[i] ?? '')?.[1];
      if (!c) continue;
      grams.add(`lc:${upos[i]}|${c}`);
      grams.add(`lc:${c}`);
    }
    grams.normalize(n, grams.size);
    grams.scale(feats, n, grams.size);
  }
  return grams.vector();
}
