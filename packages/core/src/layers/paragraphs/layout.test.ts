import { describe, expect, it } from 'vitest';
import { layoutKey } from './layout.js';

describe('layoutKey', () => {
  // What the one-pass scan must give: the regex form it replaced.
  const byRegex = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  it.each([
    ['', ''],
    ['  —  ', ''],
    ['Kiev, West Should Admit Loss', 'kiev west should admit loss'],
    ['  «Москва  готова» — заявил…', 'москва готова заявил'],
    ['İstanbul', 'i stanbul'],
    ['a\u{1D400}b c', 'a\u{1D400}b c'],
    ['café\u0301 x', 'café x'],
    ['١٢٣ Ⅻ ǅ', '١٢٣ ⅻ ǆ'],
    ['lone\ud800surrogate', 'lone surrogate'],
    ['2.5 млн, ЁЖ', '2 5 млн ёж'],
  ])('%j → %j', (input, want) => {
    expect(layoutKey(input)).toBe(want);
    expect(layoutKey(input)).toBe(byRegex(input));
  });
});
