import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { syntaxFeatures } from './syntax-features.js';

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
