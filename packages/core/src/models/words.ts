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
/** Class bit of `\p{Lu}` (upper-case letter) code units in {@link charClasses}. */
export const UPPER = 8;
let classes: Uint8Array | undefined;

/** Letter / mark / digit / upper-case class of every BMP code unit, built once (about 25 ms). */
export function charClasses(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(65536);
  const l = /\p{L}/u;
  const m = /\p{M}/u;
  const n = /\p{N}/u;
  const u = /\p{Lu}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    classes[c] =
      (l.test(ch) ? LETTER : 0) |
      (m.test(ch) ? MARK : 0) |
      (n.test(ch) ? DIGIT : 0) |
      (u.test(ch) ? UPPER : 0);
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
  const out: string[] = [];
  return scanWords(t, out) ? out : (t.match(WORD) ?? []);
}

/** The words of {@link featureWords} with where each starts and ends in the text. */
export interface WordSpans {
  words: string[];
  starts: number[];
  ends: number[];
}

/**
 * {@link featureWords} with the offsets of the words in `text`, or undefined when the
 * lower-cased text does not keep the offsets of `text` (its length changes), when lower-casing
 * depends on context (a capital sigma, whose small form depends on the letters around it), or
 * when the text has characters outside the BMP. With the offsets, the words of any span of the
 * text that cuts no word are the ones `featureWords` finds in that span alone.
 */
export function featureWordSpans(text: string): WordSpans | undefined {
  const t = text.toLowerCase();
  if (t.length !== text.length || text.includes('\u03a3')) return undefined;
  const out: WordSpans = { words: [], starts: [], ends: [] };
  return scanWords(t, out.words, out.starts, out.ends) ? out : undefined;
}

/**
 * The scan of {@link featureWords} over lower-cased text `t`, words pushed to `out` (and their
 * offsets to `starts` and `ends` when given). False when `t` has a surrogate: the regex decides.
 */
function scanWords(t: string, out: string[], starts?: number[], ends?: number[]): boolean {
  const k = charClasses();
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return false;
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
      if (i < n && t.charCodeAt(i) >= 0xd800 && t.charCodeAt(i) <= 0xdfff) return false;
      out.push(t.slice(start, i));
      starts?.push(start);
      ends?.push(i);
    } else if (cls & DIGIT) {
      const start = i;
      i++;
      while (i < n && k[t.charCodeAt(i)]! & DIGIT) i++;
      out.push(t.slice(start, i));
      starts?.push(start);
      ends?.push(i);
    } else i++;
  }
  return true;
}

/**
 * The words `[from, to)` of `spans` that make up the span `[start, end)` of the text, or
 * undefined when a word crosses one of its ends (the span's own words would differ).
 */
export function wordRange(
  spans: WordSpans,
  start: number,
  end: number,
): { from: number; to: number } | undefined {
  const from = firstStartingAt(spans.starts, start);
  const to = firstStartingAt(spans.starts, end);
  if (from > 0 && spans.ends[from - 1]! > start) return undefined;
  if (to > from && spans.ends[to - 1]! > end) return undefined;
  return { from, to };
}

/** Index of the first word starting at or after `pos` (binary search). */
function firstStartingAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The word a cue lexicon looks up for `US` written in capitals (the United States): never the
 * pronoun `us`, which every lexicon lists as first person plural. Word features (n-grams, word
 * rates, clusters) keep the lower-cased `us`; only cue lists read this form. `U.S.` needs no
 * such care: it is the words `u` and `s`.
 */
export const COUNTRY_US = 'u.s.';

/** Whether `text[start, end)` is `US` in capitals: the United States, not the pronoun. */
export function isCountryUs(text: string, start: number, end: number): boolean {
  return end - start === 2 && text.charCodeAt(start) === 85 && text.charCodeAt(start + 1) === 83;
}

/**
 * The words of `text` (its {@link featureWords}, lower-cased, in order) as a cue lexicon should
 * read them: each `us` that was written `US` becomes {@link COUNTRY_US}. The one place every
 * layer's cue matcher (genre, techniques, frames, claims, subjectivity) tells the country from
 * the pronoun. `spans`, when the caller has them, are the words' offsets in `text`
 * ({@link featureWordSpans}). Returns `words` itself when nothing changes (text without `US`).
 */
export function cueWords(text: string, words: readonly string[], spans?: WordSpans): readonly string[] {
  if (!text.includes('US')) return words;
  let out: string[] | undefined;
  const hit = (i: number) => {
    if (words[i] !== 'us') return;
    out ??= words.slice();
    out[i] = COUNTRY_US;
  };
  if (spans && spans.starts.length === words.length) {
    for (let i = 0; i < words.length; i++) if (isCountryUs(text, spans.starts[i]!, spans.ends[i]!)) hit(i);
    return out ?? words;
  }
  // Word boundaries do not depend on case: the scan of the original text finds the same words.
  const starts: number[] = [];
  const ends: number[] = [];
  if (scanWords(text, [], starts, ends)) {
    if (starts.length !== words.length) return words;
    for (let i = 0; i < starts.length; i++) if (isCountryUs(text, starts[i]!, ends[i]!)) hit(i);
    return out ?? words;
  }
  const found = [...text.matchAll(WORD)];
  if (found.length !== words.length) return words;
  found.forEach((m, i) => {
    if (m[0] === 'US') hit(i);
  });
  return out ?? words;
}
