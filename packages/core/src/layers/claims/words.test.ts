import { describe, expect, it } from 'vitest';
import { featureWords } from '../../models/features.js';
import { sentenceWords } from './words.js';

// The scan must give exactly the regex tokenizer's words: the models were trained on them.
describe('sentenceWords', () => {
  it.each([
    [
      'The $2.5 billion package, approved on Friday.',
      ['the', '2', '5', 'billion', 'package', 'approved', 'on', 'friday'],
    ],
    ["Don't say rock’n’roll isn't dead", ["don't", 'say', 'rock’n’roll', "isn't", 'dead']],
    ["trailing apostrophe' and 'quoted'", ['trailing', 'apostrophe', 'and', 'quoted']],
    ['Ünïcödé мир 12,5 км²', ['ünïcödé', 'мир', '12', '5', 'км', '²']],
    ['math 𝐀𝐁𝐂 and digits 𝟘𝟙', ['math', '𝐀𝐁𝐂', 'and', 'digits', '𝟘𝟙']],
    ['', []],
  ])('%s', (text, words) => {
    expect(sentenceWords(text)).toEqual(words);
    expect(sentenceWords(text)).toEqual(featureWords(text));
  });
});
