const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

/**
 * The lower-cased words and numbers of `text`, exactly as `featureWords` gives them (letter
 * runs with inner apostrophes, digit runs), by a character scan with an ASCII fast path: the
 * Unicode regular expression was the single costliest step of scoring a sentence.
 */
export function sentenceWords(text: string): string[] {
  const s = text.toLowerCase();
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const kind = classify(s, i, c);
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    if (kind === 2) {
      // A run of digits (\p{N}+).
      i += width(c);
      while (i < n && classify(s, i, s.charCodeAt(i)) === 2) i += width(s.charCodeAt(i));
      out.push(s.slice(start, i));
      continue;
    }
    // Letters and marks, then (apostrophe + letters)* — an apostrophe joins only when a
    // letter follows it.
    i += width(c);
    for (;;) {
      while (i < n && classify(s, i, s.charCodeAt(i)) === 1) i += width(s.charCodeAt(i));
      const a = s.charCodeAt(i);
      if ((a === 39 || a === 0x2019) && i + 1 < n && isLetterOnly(s, i + 1)) {
        i += 2;
        continue;
      }
      break;
    }
    out.push(s.slice(start, i));
  }
  return out;
}

// Code units of the character starting with `c` (2 for a surrogate pair's high half).
const width = (c: number) => (c >= 0xd800 && c <= 0xdbff ? 2 : 1);

// 1: letter or mark, 2: digit, 0: anything else.
function classify(s: string, i: number, c: number): 0 | 1 | 2 {
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return 2;
  if (c < 128) return 0;
  const ch = s.codePointAt(i)! > 0xffff ? s.slice(i, i + 2) : s[i]!;
  if (LETTER.test(ch)) return 1;
  if (DIGIT.test(ch)) return 2;
  return 0;
}

// After an apostrophe the regex wants \p{L} (a letter, not a mark).
function isLetterOnly(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  return /\p{L}/u.test(s[i]!);
}
