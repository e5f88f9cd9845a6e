/**
 * Words as the document-level layers count them for their minimum length: runs of letters,
 * marks and digits, joined across an inner apostrophe or hyphen (`don't`, `well-known` are one).
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** The number of words in `text` (title included). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** `text` cut just after its `n`th word (whole when it has fewer), line breaks kept. */
export function cutAfterWords(text: string, n: number): string {
  let seen = 0;
  for (const m of text.matchAll(WORD)) if (++seen === n) return text.slice(0, m.index + m[0].length);
  return text;
}
