import { fastSnowball } from './snowball.js';

/**
 * The words of a text for comparing documents: runs of letters and digits, lower-cased with `ё`
 * folded to `е`, each with its span. Punctuation, quote marks and spacing are ignored, so a
 * re-formatted copy (other quotes, line breaks, dashes) has the same words as its original.
 */
export interface WordUnits {
  /** Normalised words, in text order. */
  words: string[];
  /** UTF-16 offset where each word starts. */
  starts: Int32Array;
  /** UTF-16 offset where each word ends (exclusive). */
  ends: Int32Array;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Splits `text` into {@link WordUnits}. */
export function wordUnits(text: string): WordUnits {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const lower = m[0].toLowerCase();
    words.push(lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

const IS_WORD = /^[\p{L}\p{M}\p{N}]$/u;
let wordChar: Uint8Array | undefined;

/** Whether each UTF-16 code unit of the Basic Multilingual Plane is a letter, mark or digit. */
function wordChars(): Uint8Array {
  if (wordChar) return wordChar;
  wordChar = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++)
    if ((c < 0xd800 || c > 0xdfff) && IS_WORD.test(String.fromCharCode(c))) wordChar[c] = 1;
  return wordChar;
}

const FOLD_YO = 0x451; // ё, read as е (0x435)

/**
 * The FNV-1a hash of each word of `text` as {@link wordUnits} normalises it (equal to
 * `fnv1a` of each of its `words`), without making a string per word: the candidate index of
 * reuse detection reads every document of a corpus this way.
 */
export function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  // A few characters lower-case to two (İ → i̇), and Σ by what follows it: the slow way then.
  if (lower.length !== text.length || text.includes('Σ'))
    return Uint32Array.from(wordUnits(text).words, (w) => fnv1a(w));
  const table = wordChars();
  const out = new Uint32Array(Math.ceil(lower.length / 2) + 1);
  let n = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    let width = 1;
    let isWord: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      const cp = lower.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      isWord = IS_WORD.test(String.fromCodePoint(cp));
    } else isWord = table[c] === 1;
    if (!isWord) {
      if (inWord) out[n++] = h >>> 0;
      inWord = false;
      continue;
    }
    if (!inWord) {
      h = 0x811c9dc5;
      inWord = true;
    }
    for (let k = 0; k < width; k++) {
      c = lower.charCodeAt(i + k);
      h ^= c === FOLD_YO ? 0x435 : c;
      h = Math.imul(h, 0x01000193);
    }
    i += width - 1;
  }
  if (inWord) out[n++] = h >>> 0;
  return out.slice(0, n);
}

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of every run of `k` consecutive words (one per start position; none when fewer words). */
export function shingleHashes(words: readonly string[], k: number): Uint32Array {
  return shinglesOf(
    Uint32Array.from(words, (w) => fnv1a(w)),
    k,
  );
}

/** {@link shingleHashes} over words given by their hashes ({@link wordHashes}). */
export function shinglesOf(hw: Uint32Array, k: number): Uint32Array {
  const n = Math.max(0, hw.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ hw[i + j]!, 0x01000193) ^ (h >>> 15);
    out[i] = h >>> 0;
  }
  return out;
}

const CYR = /[\u0400-\u04ff]/;
// The store's full-text index uses the same Snowball Russian stemmer (snowball-stemmers, with
// its field accessors made data properties: snowball.ts).
const russian = fastSnowball().newStemmer('russian');

/**
 * A light stem of a lower-case word: Russian by the Snowball stemmer (`snowball-stemmers`, as
 * the store's index),
 * English plural, past and gerund endings and a final `e` stripped (`invaded`, `invades`,
 * `invade` → `invad`). Only used to compare documents, never shown.
 */
export function lightStem(word: string): string {
  if (CYR.test(word)) return russian.stem(word);
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
