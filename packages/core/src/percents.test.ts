import { describe, expect, it } from 'vitest';
import { tenthPercents, voicePercents, wholePercents } from './percents.js';

describe('wholePercents', () => {
  it('writes shares of one whole as percentages adding up to 100, a tie to the earlier share', () => {
    expect(wholePercents([0.4649, 0.5351, 0])).toEqual([46, 54, 0]);
    expect(wholePercents([0.535, 0.465])).toEqual([54, 46]);
    expect(wholePercents([0.465, 0.535])).toEqual([47, 53]);
    expect(wholePercents([0.333, 0.333, 0.334])).toEqual([33, 33, 34]);
    expect(wholePercents([0.571, 0.2405, 0.1885])).toEqual([57, 24, 19]);
    expect(wholePercents([0.125, 0.125, 0.75])).toEqual([13, 12, 75]);
  });

  it('lets no float noise decide a tie, and rounds each share half up when they are no whole', () => {
    // 0.285 * 100 is 28.499999999999996.
    expect(wholePercents([0.285, 0.715])).toEqual([29, 71]);
    expect(wholePercents([0.2, 0.3])).toEqual([20, 30]);
    expect(wholePercents([0.285])).toEqual([29]);
  });
});

describe('voicePercents', () => {
  it.each([
    [0.535, 54, 46],
    [0.125, 13, 87],
    [0.375, 38, 62],
    [0.625, 63, 37],
    [0.285, 29, 71],
  ])('attributed %s reads %s % attributed and %s % own', (attributed, a, own) => {
    expect(
      voicePercents({ attributedShare: attributed, ownVoiceShare: 1 - attributed, anonymousShare: 0 }),
    ).toEqual({
      attributed: a,
      own,
      named: a,
      anonymous: 0,
    });
  });

  it('splits the attributed percentage into named and anonymous adding up to it', () => {
    expect(voicePercents({ attributedShare: 0.535, ownVoiceShare: 0.465, anonymousShare: 0.5 })).toEqual({
      attributed: 54,
      own: 46,
      named: 27,
      anonymous: 27,
    });
    expect(voicePercents({ attributedShare: 0.4, ownVoiceShare: 0.6, anonymousShare: 0.6 })).toEqual({
      attributed: 40,
      own: 60,
      named: 16,
      anonymous: 24,
    });
  });
});

describe('tenthPercents', () => {
  it('adds up to 100.0 where each part rounded alone would not', () => {
    expect(tenthPercents([0.61742, 0.36713, 0.01545])).toEqual([61.7, 36.7, 1.6]);
    expect(tenthPercents([0.6, 0.3, 0.1])).toEqual([60, 30, 10]);
    // No whole: each part rounded alone.
    expect(tenthPercents([0.25, 0.25])).toEqual([25, 25]);
  });
});
