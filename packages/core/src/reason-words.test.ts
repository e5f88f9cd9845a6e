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

  it('takes the first form in the text on a tie, and a prefix in any case', () => {
    // "Western" and "western" twice each: the first written wins.
    const text = 'western allies and Western envoys; western states, Western capitals.';
    expect(reasonWords(['"weste…"'], text)).toEqual(['"western"']);
    expect(reasonWords(['"WESTE…"'], `The ${text}`)).toEqual(['"western"']);
    // The most frequent form even when another comes first.
    expect(reasonWords(['"offic…"'], 'officials said. Officials met. Officials left.')).toEqual([
      '"Officials"',
    ]);
  });

  it('reads only a whole reason of one cut-off prefix in quotes', () => {
    const text = 'Western officials met.';
    expect(
      reasonWords(['see "weste…"', '"weste…" cue', '"weste"', 'weste…', '"w"…', '"west ern…"'], text),
    ).toEqual(['see "weste…"', '"weste…" cue', '"weste"', 'weste…', '"w"…', '"west ern…"']);
    // A one-letter prefix is a prefix too; words are letters and digits (the hyphen splits).
    expect(reasonWords(['"o…"', '"met…"'], 'Western officials met-ups.')).toEqual(['"officials"', '"met"']);
    expect(reasonWords(['"2023…"'], 'In 2023a and 2023a.')).toEqual(['"2023a"']);
  });
});
