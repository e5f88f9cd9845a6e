import { charClasses, DIGIT } from '../../models/words.js';

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
}

/** The regex form of {@link textMarks}: the definition, used for text outside the BMP. */
function textMarksByRegex(text: string): TextMarks {
  return {
    excl: text.match(/!/g)?.length ?? 0,
    quest: text.match(/\?/g)?.length ?? 0,
    quotes: text.match(/["“”«»„]/g)?.length ?? 0,
    numbers: text.match(/\p{N}+/gu)?.length ?? 0,
    ellipsis: /…|\.\.\./.test(text),
  };
}

/**
 * Counts the marks of {@link TextMarks} in one pass over the code units (five regex scans
 * before, per paragraph and per article, for each of three models). Same counts as the
 * regexes; a surrogate pair (a code point outside the BMP, which may be a number) sends the
 * text to the regexes.
 */
export function textMarks(text: string): TextMarks {
  const k = charClasses();
  const m: TextMarks = { excl: 0, quest: 0, quotes: 0, numbers: 0, ellipsis: false };
  let inNumber = false;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return textMarksByRegex(text);
    const digit = (k[c]! & DIGIT) !== 0;
    if (digit && !inNumber) m.numbers++;
    inNumber = digit;
    dots = c === 0x2e ? dots + 1 : 0;
    if (dots >= 3 || c === 0x2026) m.ellipsis = true;
    else if (c === 0x21) m.excl++;
    else if (c === 0x3f) m.quest++;
    else if (c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e)
      m.quotes++;
  }
  return m;
}
