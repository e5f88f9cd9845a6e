import { describe, expect, it } from 'vitest';
import { reasonWords } from './reason-words.js';

describe('reasonWords', () => {
  it('shows a cut-off prefix as the word the text uses most, as written there', () => {
    const text = 'Western officials said. The West and western allies. Officials met Western envoys.';
    expect(reasonWords(['"weste…"', 'fear cue', '"offic…"'], text)).toEqual([
      '"Western"',
      'fear cue',
      '"officials"',
    ]);
  });

  it('keeps a prefix no word starts with, and a reason of another kind, as they are', () => {
    expect(reasonWords(['"xyzzy…"', '"two words"', '2-3 × doubt cue'], 'Nothing here.')).toEqual([
      '"xyzzy…"',
      '"two words"',
      '2-3 × doubt cue',
    ]);
  });

  it('says a word once when two prefixes come to it, and reads Cyrillic', () => {
    expect(reasonWords(['"запад…"', '"запа…"'], 'Западные страны. Западные партнёры.')).toEqual([
      '"Западные"',
    ]);
  });
});
