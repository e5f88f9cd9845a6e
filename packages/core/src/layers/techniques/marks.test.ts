import { describe, expect, it } from 'vitest';
import { capsCount, textMarks } from './marks.js';

/** The regex definitions the one-pass scan must agree with. */
function byRegex(text: string) {
  return {
    excl: text.match(/!/g)?.length ?? 0,
    quest: text.match(/\?/g)?.length ?? 0,
    quotes: text.match(/["“”«»„]/g)?.length ?? 0,
    numbers: text.match(/\p{N}+/gu)?.length ?? 0,
    ellipsis: /…|\.\.\./.test(text),
    caps: text.match(/\b\p{Lu}{3,}\b/gu)?.length ?? 0,
  };
}

describe('textMarks', () => {
  it.each([
    ['plain', 'A calm sentence.', { excl: 0, quest: 0, quotes: 0, numbers: 0, ellipsis: false, caps: 0 }],
    [
      'marks',
      'Why?! «Now» "here" „so“ ”',
      { excl: 1, quest: 1, quotes: 7, numbers: 0, ellipsis: false, caps: 0 },
    ],
    [
      'numbers',
      'In 2020, 3½ or ٣٤ and 10',
      { excl: 0, quest: 0, quotes: 0, numbers: 4, ellipsis: false, caps: 0 },
    ],
    ['two dots', 'Wait.. then', { excl: 0, quest: 0, quotes: 0, numbers: 0, ellipsis: false, caps: 0 }],
    ['three dots', 'Wait... then', { excl: 0, quest: 0, quotes: 0, numbers: 0, ellipsis: true, caps: 0 }],
    ['ellipsis char', 'Wait… 5!', { excl: 1, quest: 0, quotes: 0, numbers: 1, ellipsis: true, caps: 0 }],
    [
      'capitals',
      'NATO and the USA, ÉCOLE',
      { excl: 0, quest: 0, quotes: 0, numbers: 0, ellipsis: false, caps: 3 },
    ],
    [
      'astral number',
      'Score 𝟙𝟚 and 7?',
      { excl: 0, quest: 1, quotes: 0, numbers: 2, ellipsis: false, caps: 0 },
    ],
  ])('%s', (_, text, expected) => {
    expect(textMarks(text)).toEqual(expected);
    expect(textMarks(text)).toEqual(byRegex(text));
    // A span of a longer text counts as the span alone, whatever surrounds it.
    for (const [before, after] of [
      ['NATO 12..', '34 USA!?'],
      ['x', 'ABC'],
    ]) {
      const whole = before + text + after;
      expect(textMarks(whole, before.length, before.length + text.length)).toEqual(expected);
    }
  });
});

describe('textMarks and capsCount against the regexes, on generated text', () => {
  // Characters at the edges of each test the scan makes: ASCII word characters of every kind
  // (the regex's \b), capitals in and outside ASCII, digits, dots, marks, a code point outside the BMP.
  const ALPHABET = [
    'A',
    'B',
    'Z',
    'É',
    'Ж',
    'a',
    'z',
    'ж',
    '0',
    '9',
    '_',
    ' ',
    '.',
    '!',
    '?',
    '"',
    '«',
    '…',
    '𝟙',
    '@',
    '`',
    '[',
    '{',
    '/',
    ':',
  ];
  let seed = 20;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const texts: string[] = [
    'ABCdef',
    'xABC',
    'ABC_',
    '_ABC',
    'ABC1',
    '1ABC',
    'ABCÉ',
    'ÉCOLEx',
    'ABCD EFG',
    'AB',
    'Z@AZ',
    'AZ`ZZA',
  ];
  // Each end of every ASCII word-character range, next to a run of capitals on either side.
  for (const c of ['a', 'z', 'A', 'Z', '0', '9', '_', '@', '[', '`', '{', '/', ':'])
    texts.push(`ABC${c}`, `${c}ABC`, `${c}ABC${c}`, `ЖЖЖ${c}`);
  for (let i = 0; i < 3000; i++) {
    const len = rand(12);
    let t = '';
    for (let j = 0; j < len; j++) t += ALPHABET[rand(ALPHABET.length)];
    texts.push(t);
  }

  it('counts what the regexes count, for the whole text and for a span of a longer one', () => {
    for (const text of texts) {
      const expected = byRegex(text);
      expect(textMarks(text), text).toEqual(expected);
      expect(capsCount(text), text).toBe(expected.caps);
      const whole = `AB${text}cd`;
      expect(textMarks(whole, 2, 2 + text.length), text).toEqual(expected);
      expect(capsCount(whole, 2, 2 + text.length), text).toBe(expected.caps);
    }
  });
});
