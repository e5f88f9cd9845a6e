import { stemRussian } from './stem-ru.js';

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
  const n = Math.max(0, words.length - k + 1);
  const hw = words.map((w) => fnv1a(w));
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ hw[i + j]!, 0x01000193) ^ (h >>> 15);
    out[i] = h >>> 0;
  }
  return out;
}

const CYR = /[\u0400-\u04ff]/;

/**
 * A light stem of a lower-case word: Russian by the Snowball stemmer,
 * English plural, past and gerund endings and a final `e` stripped (`invaded`, `invades`,
 * `invade` → `invad`). Only used to compare documents, never shown.
 */
export function lightStem(word: string): string {
  if (CYR.test(word)) return stemRussian(word);
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
