import { describe, expect, it } from 'vitest';
import { article, LOADED_ARTICLE } from './article.fixture.js';
import { articleOccurrences, ratesByArticle, wordRates } from './loaded-words.js';

const A = LOADED_ARTICLE;
const B = article('2', 'A brutal attack. The regime spoke.', [['Loaded_Language', 'brutal']]);

describe('word rates', () => {
  it('marks the words inside the spans of each lexical technique (other techniques ignored)', () => {
    const occ = articleOccurrences(A);
    expect(occ.map((o) => [A.text.slice(o.start, o.start + o.word.length), o.word, ...o.inside])).toEqual([
      ['The', 'the', false, false],
      ['brutal', 'brutal', true, false],
      ['regime', 'regime', false, true],
      ['lied', 'lied', false, false],
      ['Calm', 'calm', false, false],
      ['talks', 'talks', false, false],
      ['went', 'went', false, false],
      ['on', 'on', false, false],
    ]);
  });

  it('rates a word by the share of its occurrences inside spans, smoothed to the prior', () => {
    const r = wordRates([articleOccurrences(A), articleOccurrences(B)], 2, 2);
    // 14 words: 2 inside Loaded_Language, 1 inside Name_Calling.
    expect(r.labels).toEqual(['Loaded_Language', 'Name_Calling-Labeling']);
    expect(r.prior[0]).toBeCloseTo(2 / 14, 5);
    expect(r.prior[1]).toBeCloseTo(1 / 14, 5);
    expect(r.words.brutal![0]).toBeCloseTo((2 + 2 * (2 / 14)) / 4, 4);
    expect(r.words.regime![1]).toBeCloseTo((1 + 2 * (1 / 14)) / 4, 4);
    // Seen once ("lied"), or below both priors ("the", twice, never inside): left out.
    expect(Object.keys(r.words).sort()).toEqual(['brutal', 'regime']);
  });

  it('rates the techniques asked for, by word stems, and carries the options to the table', () => {
    const options = { labels: ['Doubt'], stem: 4, hot: 3, top: 32 };
    const occ = articleOccurrences(A, options);
    // "Calm talks" is the Doubt span; words cut to 4 characters ("the" stays whole).
    expect(occ.map((o) => [o.word, ...o.inside])).toEqual([
      ['the', false],
      ['brut', false],
      ['regi', false],
      ['lied', false],
      ['calm', true],
      ['talk', true],
      ['went', false],
      ['on', false],
    ]);
    const B2 = article('4', 'Talking calmly.', [['Doubt', 'Talking']]);
    const r = wordRates([occ, articleOccurrences(B2, options)], 2, 2, options);
    // 10 words, 3 inside Doubt: "talk" 2 of 2, "calm" 1 of 2.
    expect(r).toMatchObject({ labels: ['Doubt'], stem: 4, hot: 3, top: 32 });
    expect(r.prior[0]).toBeCloseTo(0.3, 5);
    expect(r.words.talk![0]).toBeCloseTo((2 + 2 * 0.3) / 4, 4);
    expect(r.words.calm![0]).toBeCloseTo((1 + 2 * 0.3) / 4, 4);
    expect(Object.keys(r.words).sort()).toEqual(['calm', 'talk']);
  });

  it('rates a training article from the other inner folds and a held-out one from all training articles', () => {
    const C = article('3', 'A brutal regime.', [['Loaded_Language', 'brutal']]);
    // Held out: B. Training: A and C, in two inner folds: each is rated by the other if they
    // fall in different folds, by nothing if in the same one — never by its own spans.
    const { all, of } = ratesByArticle([A, B, C], (i) => i !== 1, 2);
    expect(of[1]).toBe(all);
    expect(all.words.brutal![0]).toBeCloseTo((2 + 2 * all.prior[0]!) / 4, 4);
    for (const i of [0, 2]) {
      expect(of[i]).not.toBe(all);
      const other = i === 0 ? C : A;
      const alone = wordRates([articleOccurrences(other)]);
      expect([alone, wordRates([])]).toContainEqual(of[i]);
    }
  });
});
