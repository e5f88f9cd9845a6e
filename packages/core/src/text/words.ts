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
