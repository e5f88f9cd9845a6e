import { describe, expect, it } from 'vitest';
import { featureWords } from '../../models/features.js';
import { cachedCuesOfWord, countCues, countCuesIn, cueMatcher, cuesOfWord, findCues } from './cues.js';

describe('cue lexicons', () => {
  it.each([
    ['en', 'These corrupt traitors say the so-called experts lie, according to our nation.'],
    ['ru', 'Так называемые эксперты якобы заявили, что киевский режим угрожает нашей Родине.'],
  ])('countCues agrees with findCues (%s)', (lang, text) => {
    const m = cueMatcher(lang)!;
    const words = featureWords(text);
    const expected = new Map<string, number>();
    for (const h of findCues(m, words)) expected.set(h.category, (expected.get(h.category) ?? 0) + 1);
    expect(countCues(m, words)).toEqual(expected);
    expect(countCues(m, words)).toEqual(expected); // second time from the memo
    expect(expected.size).toBeGreaterThan(2);
  });

  it('countCuesIn gives countCues of any run of words, in the same order', () => {
    const m = cueMatcher('en')!;
    const words = featureWords(
      'The so-called experts lie. According to our nation, corrupt traitors lie according to',
    );
    const distinct = [...new Set(words)];
    const ids = words.map((w) => distinct.indexOf(w));
    const cues = distinct.map((w) => cuesOfWord(m, w));
    for (let from = 0; from <= words.length; from++)
      for (let to = from; to <= words.length; to++)
        expect([...countCuesIn(words, ids, cues, from, to)]).toEqual([
          ...countCues(m, words.slice(from, to)),
        ]);
  });

  it('gives the cues of a word through the cache, when words share a slot too', () => {
    const m = cueMatcher('en')!;
    const words = ['corrupt', 'according', 'the', 'corrupted', 'experts', 'lie'];
    for (let round = 0; round < 2; round++)
      for (const w of words) {
        expect(cachedCuesOfWord(m, w, 7)).toEqual(cuesOfWord(m, w));
        expect(cachedCuesOfWord(m, w, w.length)).toEqual(cuesOfWord(m, w));
      }
  });

  it('matches stems, phrases and whole words', () => {
    const m = cueMatcher('en')!;
    const hits = findCues(m, featureWords('Corrupted elites, according to insiders'));
    expect(hits).toEqual(
      expect.arrayContaining([
        { category: 'loaded', from: 0, to: 1 },
        { category: 'namecall', from: 1, to: 2 },
        { category: 'authority', from: 2, to: 4 },
      ]),
    );
    expect(cueMatcher('sv')).toBeNull();
  });

  it.each([
    // A phrase whose last word is a stem (`double standard*`): the other words must be whole.
    ['the double standards here', [{ category: 'hypocrisy', from: 1, to: 3 }]],
    ['double standard', [{ category: 'hypocrisy', from: 0, to: 2 }]],
    ['doubles standards here', []],
    ['a double', []],
    // A single word without `*` is whole (`die`, `crisis`); with it, a stem (`threat*`).
    [
      'a diet of threatening crisis',
      [
        { category: 'fear', from: 3, to: 4 },
        { category: 'fear', from: 4, to: 5 },
      ],
    ],
    ['crisisland dies', [{ category: 'fear', from: 1, to: 2 }]],
    [
      'our nations our nation',
      [
        { category: 'we', from: 0, to: 1 },
        { category: 'flag', from: 2, to: 4 },
        { category: 'we', from: 2, to: 3 },
        { category: 'flag', from: 3, to: 4 },
      ],
    ],
    // A phrase of whole words (`war on`): each word whole, the last too.
    ['the war on drugs', [{ category: 'loaded', from: 1, to: 3 }]],
    ['the war one day', []],
    [
      'they said what about',
      [
        { category: 'authority', from: 1, to: 2 },
        { category: 'said', from: 1, to: 2 },
        { category: 'whatabout', from: 2, to: 4 },
      ],
    ],
  ])('finds exactly the cues of %j', (text, expected) => {
    const m = cueMatcher('en')!;
    expect(findCues(m, featureWords(text))).toEqual(expected);
    expect(cuesOfWord(m, 'double')).toEqual({
      exact: [{ words: ['double', 'standard'], prefix: true, category: 'hypocrisy' }],
      stems: [],
    });
  });
});
