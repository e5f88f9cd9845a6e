import { charClasses, DIGIT, LETTER, MARK } from '../models/words.js';

/**
 * Words as the document-level layers count them for their minimum length: runs of letters,
 * marks and digits, joined across an inner apostrophe or hyphen (`don't`, `well-known` are one).
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The number of words in `text` (title included), counted up to `limit`: a layer that only asks
 * whether a text reaches its minimum stops there rather than reading a long article through.
 */
export function countWords(text: string, limit = Number.POSITIVE_INFINITY): number {
  // A table scan that counts what the regex finds, several times faster (genre and frames ask
  // of every article); a text with a character outside the BMP before the limit takes the regex.
  const k = charClasses();
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len && n < limit) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return countByRegex(text, limit);
    if (!(k[c]! & WORDISH)) {
      i++;
      continue;
    }
    i++;
    for (;;) {
      if (i >= len) break;
      const d = text.charCodeAt(i);
      if (d >= 0xd800 && d <= 0xdfff) return countByRegex(text, limit);
      if (k[d]! & WORDISH) i++;
      else if ((d === 39 || d === 0x2019 || d === 45) && i + 1 < len && isWordUnit(k, text.charCodeAt(i + 1)))
        i += 2;
      else break;
    }
    n++;
  }
  return n;
}

const WORDISH = LETTER | MARK | DIGIT;
/** A BMP code unit of a word (a surrogate is not: the caller's next look decides). */
const isWordUnit = (k: Uint8Array, c: number) => !(c >= 0xd800 && c <= 0xdfff) && (k[c]! & WORDISH) !== 0;

function countByRegex(text: string, limit: number): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (n < limit && WORD.exec(text) !== null) n++;
  WORD.lastIndex = 0;
  return n;
}

/** `text` cut just after its `n`th word (whole when it has fewer), line breaks kept. */
export function cutAfterWords(text: string, n: number): string {
  let seen = 0;
  for (const m of text.matchAll(WORD)) if (++seen === n) return text.slice(0, m.index + m[0].length);
  return text;
}
