import { describe, expect, it } from 'vitest';
import { COUNTRY_US, cueWords, featureWordSpans, featureWords, isCountryUs } from './words.js';

describe('cueWords: US in capitals is the country, not the pronoun', () => {
  it.each([
    ['The US said it would help us.', ['the', COUNTRY_US, 'said', 'it', 'would', 'help', 'us']],
    [
      'Let us see what US-led talks bring.',
      ['let', 'us', 'see', 'what', COUNTRY_US, 'led', 'talks', 'bring'],
    ],
    ['Us against them: the US’s view.', ['us', 'against', 'them', 'the', 'us’s', 'view']],
    ['The U.S. and us.', ['the', 'u', 's', 'and', 'us']],
    ['USA, USSR and Us.', ['usa', 'ussr', 'and', 'us']],
    ['Σ US Σ', ['σ', COUNTRY_US, 'σ']],
    ['😀 US 😀 us', [COUNTRY_US, 'us']],
  ])('%j', (text, want) => {
    expect(cueWords(text, featureWords(text))).toEqual(want);
  });

  it('returns the words themselves when there is no US in capitals', () => {
    const words = featureWords('They told us that the US… no: us.'.toLowerCase());
    expect(cueWords('they told us that the us… no: us.', words)).toBe(words);
  });

  it('reads the offsets when the caller has them, with the same result', () => {
    const text = 'We and the US, US and us.';
    const spans = featureWordSpans(text)!;
    expect(cueWords(text, spans.words, spans)).toEqual(cueWords(text, featureWords(text)));
    expect(cueWords(text, spans.words, spans).filter((w) => w === COUNTRY_US)).toHaveLength(2);
  });

  it('leaves the words alone when they are not the text’s words', () => {
    const words = ['us'];
    expect(cueWords('US and more words', words)).toBe(words);
  });

  it('isCountryUs looks at the original case and length', () => {
    const t = 'US us Us USA';
    expect(isCountryUs(t, 0, 2)).toBe(true);
    expect(isCountryUs(t, 3, 5)).toBe(false);
    expect(isCountryUs(t, 6, 8)).toBe(false);
    expect(isCountryUs(t, 9, 12)).toBe(false);
  });
});
