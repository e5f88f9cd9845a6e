import { describe, expect, it } from 'vitest';
import { augmentHashtags } from './augment.js';
import type { UdSentence } from './ud.js';

/** A gold sentence from `form/UPOS` items, lemma the lower-cased form, FEATS `F<i>`. */
const sentence = (line: string): UdSentence => {
  const items = line.split(' ').map((t) => t.split('/'));
  return {
    doc: 'post-1',
    forms: items.map(([f]) => f!),
    upos: items.map(([, u]) => u!),
    lemmas: items.map(([f]) => f!.toLowerCase()),
    feats: items.map((_, i) => `F${i}`),
  };
};

const HEADWORDS = new Set(['сургут', 'рыбалка', 'зимняя']);
const headword = (lower: string) => HEADWORDS.has(lower);

describe('augmentHashtags (training copies with trailing hashtag lists)', () => {
  const s = sentence('Зимняя/ADJ рыбалка/NOUN под/ADP Сургутом/PROPN и/CCONJ Сургут/PROPN ./PUNCT');

  it('appends headword-like nouns, names and adjectives of the sentence as tags with their gold', () => {
    const seen = { word: 0, cased: 0, runTogether: 0 };
    for (let seed = 1; seed <= 8; seed++) {
      const out = augmentHashtags([s], 1, seed, headword);
      expect(out, `seed ${seed}`).toHaveLength(1);
      const a = out[0]!;
      expect(a.doc).toBe('post-1+tags');
      expect(a.forms.slice(0, s.forms.length)).toEqual(s.forms);
      const tags = a.forms.slice(s.forms.length);
      let words = 0;
      tags.forEach((t, k) => {
        const i = s.forms.length + k;
        expect(t.startsWith('#')).toBe(true);
        const body = t.slice(1).toLowerCase();
        if (headword(body)) {
          // A one-word tag: the word's own reading, never the inflected `Сургутом`.
          const j = s.forms.findIndex((f) => f.toLowerCase() === body);
          expect([a.upos[i], a.feats[i]]).toEqual([s.upos[j], s.feats[j]]);
          expect(a.lemmas[i]!.toLowerCase()).toBe(`#${s.lemmas[j]}`);
          words++;
          if (t !== t.toLowerCase()) seen.cased++;
        } else {
          // Two words run together: X.
          expect([a.upos[i], a.feats[i]]).toEqual(['X', '_']);
          expect(s.forms.join('').toLowerCase()).toContain(body);
          seen.runTogether++;
        }
      });
      // Every copy has a whole-word tag: the sentence holds three headword-like words.
      expect(words, `seed ${seed}: ${tags.join(' ')}`).toBeGreaterThan(0);
      seen.word += words;
      expect(tags.map((t) => t.toLowerCase())).not.toContain('#сургутом');
    }
    // Over the seeds: tags lower-cased and as written, and a pair run together.
    expect(seen.word).toBeGreaterThan(seen.cased);
    expect(seen.cased).toBeGreaterThan(0);
    expect(seen.runTogether).toBeGreaterThan(0);
    expect(s.forms).toHaveLength(7); // the input is not changed
  });

  it('copies about the share asked for, the same ones for the same seed', () => {
    const many = Array.from({ length: 400 }, () => s);
    const a = augmentHashtags(many, 0.25, 7, headword);
    expect(a.length).toBeGreaterThan(60);
    expect(a.length).toBeLessThan(140);
    expect(augmentHashtags(many, 0.25, 7, headword)).toEqual(a);
    expect(augmentHashtags(many, 0, 7, headword)).toEqual([]);
  });

  it('makes no copy of a sentence without a word to tag or two to run together', () => {
    expect(
      augmentHashtags(
        [sentence('Он/PRON спит/VERB ./PUNCT'), sentence('В/ADP 2020/NUM ./PUNCT')],
        1,
        1,
        headword,
      ),
    ).toEqual([]);
  });
});
