/**
 * The word scanner shared by the text models: lower-cased words (letters and marks, joined over
 * an apostrophe) and numbers, exactly as the regex `WORD` finds them.
 */

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\p{N}+/gu;
/** Class bit of `\p{L}` code units in {@link charClasses}. */
export const LETTER = 1;
/** Class bit of `\p{M}` code units in {@link charClasses}. */
export const MARK = 2;
/** Class bit of `\p{N}` code units in {@link charClasses}. */
export const DIGIT = 4;
let classes: Uint8Array | undefined;

/** Letter / mark / digit class of every BMP code unit, built once (about 20 ms). */
export function charClasses(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(65536);
  const l = /\p{L}/u;
  const m = /\p{M}/u;
  const n = /\p{N}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    classes[c] = (l.test(ch) ? LETTER : 0) | (m.test(ch) ? MARK : 0) | (n.test(ch) ? DIGIT : 0);
  }
  return classes;
}

/**
 * Lower-cased words and numbers of `text`, in order (a cheap tokenizer for features): runs of
 * letters and marks, joined over an apostrophe followed by letters (`don't`, `Путин’s`), and
 * runs of digits. A table scan that gives exactly what the regex `WORD` gives, several times
 * faster; text with characters outside the BMP takes the regex.
 */
export function featureWords(text: string): string[] {
  const t = text.toLowerCase();
  const k = charClasses();
  const out: string[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return t.match(WORD) ?? [];
    const cls = k[c]!;
    if (cls & (LETTER | MARK)) {
      const start = i;
      i++;
      while (i < n && k[t.charCodeAt(i)]! & (LETTER | MARK)) i++;
      // An apostrophe joins when letters (not marks) follow; then letters only.
      while (
        i + 1 < n &&
        (t.charCodeAt(i) === 39 || t.charCodeAt(i) === 0x2019) &&
        k[t.charCodeAt(i + 1)]! & LETTER
      ) {
        i += 2;
        while (i < n && k[t.charCodeAt(i)]! & LETTER) i++;
      }
      if (i < n && t.charCodeAt(i) >= 0xd800 && t.charCodeAt(i) <= 0xdfff) return t.match(WORD) ?? [];
      out.push(t.slice(start, i));
    } else if (cls & DIGIT) {
      const start = i;
      i++;
      while (i < n && k[t.charCodeAt(i)]! & DIGIT) i++;
      out.push(t.slice(start, i));
    } else i++;
  }
  return out;
}
