import { countMatches } from '../../models/features.js';
import { charClasses, DIGIT, LETTER, UPPER } from '../../models/words.js';

/** Punctuation and number counts of a text, as the shape and style features use them. */
export interface TextMarks {
  /** `!` count. */
  excl: number;
  /** `?` count. */
  quest: number;
  /** Quotation marks `"“”«»„`. */
  quotes: number;
  /** Runs of `\p{N}` (what `/\p{N}+/gu` matches). */
  numbers: number;
  /** Whether `…` or `...` occurs. */
  ellipsis: boolean;
  /** Words in capitals: matches of `/\b\p{Lu}{3,}\b/gu` ({@link capsCount}). */
  caps: number;
}

/** The regex form of {@link textMarks}: the definition, used for text outside the BMP. */
function textMarksByRegex(text: string): TextMarks {
  return {
    excl: text.match(/!/g)?.length ?? 0,
    quest: text.match(/\?/g)?.length ?? 0,
    quotes: text.match(/["“”«»„]/g)?.length ?? 0,
    numbers: text.match(/\p{N}+/gu)?.length ?? 0,
    ellipsis: /…|\.\.\./.test(text),
    caps: capsCount(text),
  };
}

/**
 * Counts the marks of {@link TextMarks} in one pass over the code units (five regex scans
 * before, per paragraph and per article, for each of three models). Same counts as the
 * regexes; a surrogate pair (a code point outside the BMP, which may be a number) sends the
 * text to the regexes. `[from, to)`: the span of `text` to count in, as if it were the whole
 * text (a paragraph read in place: a slice is slower to scan).
 */
export function textMarks(text: string, from = 0, to = text.length): TextMarks {
  const k = charClasses();
  const m: TextMarks = { excl: 0, quest: 0, quotes: 0, numbers: 0, ellipsis: false, caps: 0 };
  let inNumber = false;
  let dots = 0;
  // Words in capitals need three upper-case letters in a row: most texts have none.
  let upperRun = 0;
  let capitals = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const cls = k[c]!;
    // Letters (most of a text) are none of the marks, end a number and a run of dots.
    if (cls & LETTER) {
      upperRun = cls & UPPER ? upperRun + 1 : 0;
      if (upperRun === 3) capitals = true;
      inNumber = false;
      dots = 0;
      continue;
    }
    upperRun = 0;
    if (c >= 0xd800 && c <= 0xdfff) return textMarksByRegex(text.slice(from, to));
    const digit = (cls & DIGIT) !== 0;
    if (digit && !inNumber) m.numbers++;
    inNumber = digit;
    dots = c === 0x2e ? dots + 1 : 0;
    if (dots >= 3 || c === 0x2026) m.ellipsis = true;
    else if (c === 0x21) m.excl++;
    else if (c === 0x3f) m.quest++;
    else if (c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e)
      m.quotes++;
  }
  if (capitals) m.caps = capsCount(text, from, to);
  return m;
}

const CAPS = /\b\p{Lu}{3,}\b/gu;

/** Whether `text[i]` is a character of the regex `\w` (ASCII letters, digits, `_`; none outside `[from, to)`). */
function isAsciiWord(text: string, i: number, from: number, to: number): boolean {
  if (i < from || i >= to) return false;
  const c = text.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * Words in capitals: how many times `CAPS` (`/\b\p{Lu}{3,}\b/gu`) matches, found by one scan
 * that does what the regex does (its `\b` is the ASCII word boundary, even next to a capital
 * outside ASCII): at each position, a boundary, the longest run of capitals, given back one by one
 * until a boundary follows it; the next match is sought from its end. Text with characters
 * outside the BMP takes the regex. `[from, to)`: the span of `text` to count in, as if alone.
 */
export function capsCount(text: string, from = 0, to = text.length): number {
  const k = charClasses();
  const n = to;
  let count = 0;
  let a = from;
  while (a < n) {
    const c = text.charCodeAt(a);
    if (c >= 0xd800 && c <= 0xdfff) return countMatches(text.slice(from, to), CAPS);
    if (!(k[c]! & UPPER) || isAsciiWord(text, a - 1, from, to) === isAsciiWord(text, a, from, to)) {
      a++;
      continue;
    }
    let end = a + 1;
    while (end < n && k[text.charCodeAt(end)]! & UPPER) end++;
    let b = end;
    while (b - a >= 3 && isAsciiWord(text, b - 1, from, to) === isAsciiWord(text, b, from, to)) b--;
    if (b - a >= 3) {
      count++;
      a = b;
    } else a++;
  }
  return count;
}
