import { describe, expect, it } from 'vitest';
import { analyzerSets } from './analyzer-sets.js';

describe('analyzerSets', () => {
  it.each([
    [undefined, undefined],
    [[], undefined],
    [['genre.prior=news-wire'], { genre: { prior: 'news-wire' } }],
    [['genre.minWords=0', 'genre.why=2'], { genre: { minWords: 0, why: 2 } }],
    [
      ['genre.prior={"reporting":0.7,"opinion":0.28,"satire":0.02}', 'frames.minWords={"fr":300}'],
      {
        genre: { prior: { reporting: 0.7, opinion: 0.28, satire: 0.02 } },
        frames: { minWords: { fr: 300 } },
      },
    ],
    [['genre.model=my model.json'], { genre: { model: 'my model.json' } }],
  ])('%j → %j', (sets, want) => {
    expect(analyzerSets(sets)).toEqual(want);
  });

  it.each([['prior=news-wire'], ['genre.prior'], ['.prior=x'], ['genre.=x']])(
    'rejects %j with a one-line E_USAGE naming the form',
    (s) => {
      expect(() => analyzerSets([s])).toThrow(/--set takes <analyzer>.<option>=<value>/);
      try {
        analyzerSets([s]);
      } catch (e) {
        expect((e as { code: string }).code).toBe('E_USAGE');
      }
    },
  );
});
