import { describe, expect, it } from 'vitest';
import { countWords, cutAfterWords } from './words.js';

describe('countWords and cutAfterWords', () => {
  it('counts runs of letters and digits, one across an inner apostrophe or hyphen', () => {
    expect(countWords('US')).toBe(1);
    expect(countWords("Don't stop the well-known 3 trains — now!")).toBe(7);
    expect(countWords('Войска наступают, ракеты бьют')).toBe(4);
    expect(countWords(' — … ')).toBe(0);
    // Counted up to a limit: a long text stops there, a short one gives its whole count.
    expect(countWords("Don't stop the well-known 3 trains — now!", 3)).toBe(3);
    expect(countWords('Войска наступают, ракеты бьют', 10)).toBe(4);
    expect(countWords('one two', 2)).toBe(2);
  });

  it('counts what the regex finds: joins only before a word character, marks, astral text', () => {
    const regex = (t: string) => t.match(/[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu)?.length ?? 0;
    for (const t of [
      "rock 'n' roll -- it's - ok' 'x -y z- a--b a'-b",
      'е\u0301ще de\u0301ja\u0300 ١٢٣ x²',
      'a’b’c ’ ‘q’',
      'emoji 😀 in the 𝐦𝐢𝐝𝐝𝐥𝐞 and 𝐞𝐧𝐝',
      'tail hyphen-',
    ])
      for (const limit of [1, 3, 100]) expect(countWords(t, limit)).toBe(Math.min(limit, regex(t)));
    expect(countWords("rock 'n' roll -- it's")).toBe(4);
  });

  it('cuts just after the nth word and keeps the lines before it', () => {
    const text = 'Port talks resume\n\nThe port reopened on Monday.';
    expect(cutAfterWords(text, 4)).toBe('Port talks resume\n\nThe');
    expect(cutAfterWords(text, 3)).toBe('Port talks resume');
    expect(cutAfterWords(text, 99)).toBe(text);
  });
});
