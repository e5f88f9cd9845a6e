const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;
const ONLY_LETTER = /\p{L}/u;

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

// Classes of non-ASCII code units outside the surrogate range, filled on first sight (the
// regular expressions ran once per character of every Cyrillic sentence): 0 unknown, else
// class + 1 in the low two bits and 4 when the unit is a letter (\p{L}).
const SEEN = new Uint8Array(0x10000);

function lookUp(c: number): number {
  let v = SEEN[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = (LETTER.test(ch) ? 2 : DIGIT.test(ch) ? 3 : 1) | (ONLY_LETTER.test(ch) ? 4 : 0);
    SEEN[c] = v;
  }
  return v;
}

// 1: letter or mark, 2: digit, 0: anything else.
function classify(s: string, i: number, c: number): 0 | 1 | 2 {
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return 2;
  if (c < 128) return 0;
  if (c < 0xd800 || c > 0xdfff) return ((lookUp(c) & 3) - 1) as 0 | 1 | 2;
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
  if (c < 0xd800 || c > 0xdfff) return (lookUp(c) & 4) !== 0;
  return ONLY_LETTER.test(s[i]!);
}
