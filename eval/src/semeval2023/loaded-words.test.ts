import { hashString } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import type { SemevalArticle } from './dataset.js';
import { addRates, articleOccurrences, withRates, wordRates } from './loaded-words.js';

/** A hand-made article with gold spans given by the words they cover. */
function article(id: string, text: string, spans: [string, string][]): SemevalArticle {
  return {
    id,
    dir: 'en',
    lang: 'en',
    text,
    spans: spans.map(([technique, words]) => {
      const start = text.indexOf(words);
      return { technique, start, end: start + words.length };
    }),
  } as SemevalArticle;
}

const A = article('1', 'The brutal regime lied. Calm talks went on.', [
  ['Loaded_Language', 'brutal'],
  ['Name_Calling-Labeling', 'regime'],
]);
const B = article('2', 'A brutal attack. The regime spoke.', [['Loaded_Language', 'brutal']]);

describe('loaded words (experiment)', () => {
  it('marks the words inside the spans of each lexical technique', () => {
    const occ = articleOccurrences(A);
    const inside = occ.map((o) => [A.text.slice(o.start, o.start + o.word.length), ...o.inside]);
    expect(inside).toEqual([
      ['The', false, false],
      ['brutal', true, false],
      ['regime', false, true],
      ['lied', false, false],
      ['Calm', false, false],
      ['talks', false, false],
      ['went', false, false],
      ['on', false, false],
    ]);
  });

  it('rates a word by the share of its occurrences inside spans, smoothed to the prior', () => {
    const r = wordRates([articleOccurrences(A), articleOccurrences(B)], 2, 2);
    // 14 words: 2 inside Loaded_Language, 1 inside Name_Calling; "brutal" 0.571 = 4 × the prior.
    expect(r.prior[0]).toBeCloseTo(2 / 14);
    expect(r.prior[1]).toBeCloseTo(1 / 14);
    expect(r.rate.get('brutal')![0]).toBeCloseTo((2 + 2 * (2 / 14)) / 4);
    expect(r.rate.get('regime')![1]).toBeCloseTo((1 + 2 * (1 / 14)) / 4);
    // Seen once: left out.
    expect(r.rate.has('lied')).toBe(false);
  });

  it.each([
    ['a sentence with a loaded word', 0, 23, ['lex:Loaded_Language:4', 'lex:Name_Calling-Labeling:4']],
    ['a sentence without', 24, 43, ['lex:Loaded_Language:0', 'lex:Name_Calling-Labeling:0']],
  ])('gives %s the bucket of its highest rate', (_name, start, end, names) => {
    const r = wordRates([articleOccurrences(A), articleOccurrences(B)], 2, 2);
    const v = withRates({ idx: [1], val: [0.5] }, articleOccurrences(A), start, end, r, 30);
    expect(v.idx).toEqual([1, ...names.map((n) => hashString(n) & ((1 << 30) - 1))]);
    expect(v.val).toEqual([0.5, 0.3, 0.3]);
  });

  it('rates a held-out article from the training articles only', () => {
    const samples = [0, 1, 2, 3].map(() => ({ x: { idx: [], val: [] }, y: [] }));
    const seg = [A, B].map((a) => {
      const cut = a.text.indexOf('.') + 1;
      return {
        paragraphs: [{ start: 0, end: a.text.length }],
        sentences: [
          { start: 0, end: cut, paragraph: 0 },
          { start: cut + 1, end: a.text.length, paragraph: 0 },
        ],
      };
    });
    // B held out, A the only training article: "brutal" is seen once in training, so B's first
    // sentence has no rate above the prior.
    const out = addRates([A, B], seg, samples, (i) => i === 0, 30, 5);
    expect(out).toHaveLength(4);
    const bFirst = withRates(
      { idx: [], val: [] },
      articleOccurrences(B),
      0,
      16,
      wordRates([articleOccurrences(A)]),
      30,
    );
    expect(out[2]!.x).toEqual(bFirst);
  });
});
