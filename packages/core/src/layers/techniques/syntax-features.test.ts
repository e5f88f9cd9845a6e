import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { lemmaFeatures, syntaxFeatures } from './syntax-features.js';

const BITS = 20;
const bucket = (name: string) => hashString(name) & ((1 << BITS) - 1);

/** The value at the bucket of `name` (summed over repeats), 0 when absent. */
function at(v: { idx: number[]; val: number[] }, name: string): number {
  const b = bucket(name);
  return v.idx.reduce((s, i, k) => (i === b ? s + v.val[k]! : s), 0);
}

describe('syntaxFeatures', () => {
  // "Stop the worst lies you must fear!" tagged by hand.
  const forms = ['Stop', 'the', 'worst', 'lies', 'you', 'must', 'fear', '!'];
  const upos = ['VERB', 'DET', 'ADJ', 'NOUN', 'PRON', 'AUX', 'VERB', 'PUNCT'];
  const lemma = ['stop', 'the', 'bad', 'lie', 'you', 'must', 'fear', '!'];
  const v = syntaxFeatures({ upos, lemma, forms, from: 0, to: forms.length }, BITS, 0.5, 0.3);

  it('marks imperatives, modals, second person and superlatives at the dense value', () => {
    for (const name of ['simper', 'smodal:must', 'syou', 'ssuper', 'sfirst:VERB'])
      expect(at(v, name)).toBeCloseTo(0.3);
    expect(at(v, 'snoverb')).toBe(0);
    expect(at(v, 'swe')).toBe(0);
  });

  it('keeps closed-class lemmas in the generalised n-grams and scales the n-grams to the weight', () => {
    expect(at(v, 'sg3:you_must_VERB')).toBeGreaterThan(0);
    expect(at(v, 'sp2:PRON_AUX')).toBeGreaterThan(0);
    expect(at(v, 'sp1:PUNCT')).toBe(0);
    // 7 unigrams, 6 + 6 bigrams, 5 + 5 trigrams of weight 1 each, scaled to length 0.5.
    expect(at(v, 'sp1:NOUN')).toBeCloseTo(0.5 / Math.sqrt(29));
  });

  it('reads only the range it is given; a sentence without verbs is marked', () => {
    const w = syntaxFeatures({ upos, lemma, forms, from: 1, to: 4 }, BITS, 1, 0.3);
    expect(at(w, 'snoverb')).toBeCloseTo(0.3);
    expect(at(w, 'sfirst:DET')).toBeCloseTo(0.3);
    expect(at(w, 'simper')).toBe(0);
    expect(at(w, 'syou')).toBe(0);
  });
});

describe('lemmaFeatures', () => {
  // "Врагов народа ждёт суд." tagged by hand: the lemmas pool the word forms.
  const forms = ['Врагов', 'народа', 'ждёт', 'суд', '.'];
  const upos = ['NOUN', 'NOUN', 'VERB', 'NOUN', 'PUNCT'];
  const lemma = ['враг', 'народ', 'ждать', 'суд', '.'];
  const feats = ['Case=Acc|Number=Plur', 'Case=Gen|Number=Sing', '', 'Case=Nom|Number=Sing', ''];
  const t = { upos, lemma, forms, feats, from: 0, to: forms.length };

  it('makes lemma uni- and bigrams without punctuation, scaled to the weight', () => {
    const v = lemmaFeatures(t, BITS, 0.5);
    expect(at(v, 'll1:враг')).toBeCloseTo(0.5 / Math.sqrt(7));
    expect(at(v, 'll2:враг_народ')).toBeCloseTo(0.5 / Math.sqrt(7));
    expect(at(v, 'll1:врагов')).toBe(0);
    expect(at(v, 'll1:.')).toBe(0);
    expect(at(v, 'lc:Gen')).toBe(0);
  });

  it('adds the cases of nominal words as a group of its own when asked', () => {
    const v = lemmaFeatures(t, BITS, 0.5, 0.2);
    expect(at(v, 'll1:суд')).toBeCloseTo(0.5 / Math.sqrt(7));
    // Three nominal words with a case, two features each: six of weight 1, scaled to 0.2.
    expect(at(v, 'lc:NOUN|Gen')).toBeCloseTo(0.2 / Math.sqrt(6));
    expect(at(v, 'lc:Nom')).toBeCloseTo(0.2 / Math.sqrt(6));
    const part = lemmaFeatures({ ...t, from: 1, to: 3 }, BITS, 1, 0.2);
    expect(at(part, 'll1:враг')).toBe(0);
    expect(at(part, 'lc:Acc')).toBe(0);
    expect(at(part, 'll2:народ_ждать')).toBeCloseTo(1 / Math.sqrt(3));
  });
});
