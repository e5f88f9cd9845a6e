import { hashString, mix } from '../../models/features.js';
import { wordShape } from '../entities/ner-features.js';

/** Hashed fields kept per word form: lower-cased form, exact form, shape, suffixes, prefixes. */
const F = 10;
const LOWER = 0;
const EXACT = 1;
const SHAPE = 2;
const SUF1 = 3; // SUF1..SUF5 = 3..7
const PRE1 = 8;
const PRE3 = 9;
/** Tag value standing for "before the sentence". */
export const START = 255;
const PAD = 0x9e3779b1;

/** Typographic apostrophes and quotes as the treebanks write them (`’s` → `'s`). */
const normalise = (w: string): string =>
  /[’‘“”]/.test(w) ? w.replace(/[’‘]/g, "'").replace(/[“”]/g, '"') : w;

// Word forms recur (a few thousand distinct ones per hundred articles): their hashes are made
// once per process and kept, up to a bound.
const cache = new Map<string, Uint32Array>();

function wordHashes(form: string): Uint32Array {
  let h = cache.get(form);
  if (h) return h;
  h = new Uint32Array(F);
  const w = normalise(form);
  const l = w.toLowerCase();
  const n = l.length;
  h[LOWER] = hashString(l);
  h[EXACT] = hashString(w);
  h[SHAPE] = hashString(wordShape(w));
  for (let k = 1; k <= 5; k++) h[SUF1 + k - 1] = n >= k ? hashString(l.slice(n - k)) : PAD + k;
  h[PRE1] = hashString(l.slice(0, 1));
  h[PRE3] = hashString(l.slice(0, 3));
  if (cache.size > 200_000) cache.clear();
  cache.set(form, h);
  return h;
}

/** The hashed word fields of one sentence, `F` per token. */
export interface SyntaxInput {
  n: number;
  h: Uint32Array;
}

/** Hashes the word forms of a sentence. */
export function prepareSyntax(forms: readonly string[]): SyntaxInput {
  const n = forms.length;
  const h = new Uint32Array(n * F);
  for (let i = 0; i < n; i++) h.set(wordHashes(forms[i]!), i * F);
  return { n, h };
}

/**
 * Writes the feature buckets of token `i` for the part-of-speech head into `out` (`mask` keeps
 * the table's bits) and returns how many: the word, its affixes and shape, two words of context
 * on each side, and the two tags predicted before it (a greedy left-to-right tagger, after
 * Honnibal's averaged-perceptron tagger, with longer suffixes for Russian inflection).
 */
export function posFeatures(
  p: SyntaxInput,
  i: number,
  prev: number,
  prev2: number,
  mask: number,
  out: Int32Array,
): number {
  const h = p.h;
  const b = i * F;
  const at = (k: number, f: number) => (k >= 0 && k < p.n ? h[k * F + f]! : PAD + f + (k < 0 ? 0 : 64));
  const w = h[b + LOWER]!;
  const lm1 = at(i - 1, LOWER);
  const lp1 = at(i + 1, LOWER);
  out[0] = mix(1, 0) & mask;
  out[1] = mix(2, w) & mask;
  out[2] = mix(3, h[b + EXACT]!) & mask;
  out[3] = mix(4, h[b + SHAPE]!) & mask;
  out[4] = mix(5, h[b + SUF1]!) & mask;
  out[5] = mix(6, h[b + SUF1 + 1]!) & mask;
  out[6] = mix(7, h[b + SUF1 + 2]!) & mask;
  out[7] = mix(8, h[b + SUF1 + 3]!) & mask;
  out[8] = mix(9, h[b + SUF1 + 4]!) & mask;
  out[9] = mix(10, h[b + PRE1]!) & mask;
  out[10] = mix(11, h[b + PRE3]!) & mask;
  out[11] = mix(12, prev) & mask;
  out[12] = mix(13, prev2) & mask;
  out[13] = mix(14, prev * 256 + prev2) & mask;
  out[14] = mix(15, mix(prev, w)) & mask;
  out[15] = mix(16, lm1) & mask;
  out[16] = mix(17, at(i - 1, SUF1 + 2)) & mask;
  out[17] = mix(18, at(i - 2, LOWER)) & mask;
  out[18] = mix(19, lp1) & mask;
  out[19] = mix(20, at(i + 1, SUF1 + 2)) & mask;
  out[20] = mix(21, at(i + 2, LOWER)) & mask;
  out[21] = mix(22, at(i + 1, SHAPE)) & mask;
  out[22] = mix(23, at(i - 1, SHAPE)) & mask;
  out[23] = mix(24, mix(lm1, w)) & mask;
  out[24] = mix(25, mix(w, lp1)) & mask;
  out[25] = mix(26, mix(i === 0 ? 1 : 0, h[b + SHAPE]!)) & mask;
  out[26] = mix(27, mix(prev, h[b + SUF1 + 2]!)) & mask;
  out[27] = mix(28, mix(i === 0 ? 1 : 0, w)) & mask;
  out[28] = mix(29, mix(lm1, lp1)) & mask;
  return 29;
}

/**
 * Appends the features of the morphology heads (case, number, gender) to `out` from `k` on:
 * the predicted part of speech of the token, with its suffixes and form, and the words and
 * morphology before it (a preposition governs a case; an adjective agrees with its noun).
 * `prevMorph` packs the previous token's predicted morphology.
 */
export function morphFeatures(
  p: SyntaxInput,
  i: number,
  upos: number,
  prevUpos: number,
  prevMorph: number,
  mask: number,
  out: Int32Array,
  k: number,
): number {
  const h = p.h;
  const b = i * F;
  const lm1 = i > 0 ? h[b - F + LOWER]! : PAD;
  out[k++] = mix(101, upos) & mask;
  out[k++] = mix(102, mix(upos, h[b + SUF1 + 1]!)) & mask;
  out[k++] = mix(103, mix(upos, h[b + SUF1 + 2]!)) & mask;
  out[k++] = mix(104, mix(upos, h[b + SUF1 + 3]!)) & mask;
  out[k++] = mix(105, mix(upos, h[b + LOWER]!)) & mask;
  out[k++] = mix(106, prevUpos * 256 + upos) & mask;
  out[k++] = mix(107, mix(prevMorph, upos)) & mask;
  out[k++] = mix(108, mix(lm1, upos)) & mask;
  out[k++] = mix(109, mix(i > 1 ? h[b - 2 * F + LOWER]! : PAD, upos)) & mask;
  out[k++] = mix(110, mix(i + 1 < p.n ? h[b + F + SUF1 + 2]! : PAD, upos)) & mask;
  return k;
}
