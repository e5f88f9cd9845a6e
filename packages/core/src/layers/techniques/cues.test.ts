import { describe, expect, it } from 'vitest';
import { featureWords } from '../../models/features.js';
import { countCues, cueMatcher, findCues } from './cues.js';

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
});
