import { hashString } from '../../models/features.js';
import type { Token } from '../../schema.js';

/** Tags of the English tagger, BIO over the four CoNLL types. `O` is 0. */
export const NER_TAGS = [
  'O',
  'B-PER',
  'I-PER',
  'B-ORG',
  'I-ORG',
  'B-LOC',
  'I-LOC',
  'B-MISC',
  'I-MISC',
] as const;
/** Hash bits of the feature table. */
export const NER_BITS = 20;
const MASK = (1 << NER_BITS) - 1;

const mix = (a: number, b: number): number => {
  let h = Math.imul(a ^ (b >>> 15), 0x2c1b3c6d) ^ b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
};

/** A short word shape: `Kyiv` → `Xx`, `NATO` → `X`, `U.S` → `X.X`, `2023` → `d`, `G7` → `Xd`. */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c =
      ch >= '0' && ch <= '9' ? 'd' : ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const hasUpper = (w: string): boolean => w !== w.toLowerCase();

/**
 * Per-document precomputation for the tagger: hashed word forms, shapes and affixes of every
 * token, which tokens are candidates (only they are scored; the rest are `O`), sentence starts
 * and gazetteer tags.
 */
export interface NerInput {
  n: number;
  lower: Uint32Array;
  exact: Uint32Array;
  shape: Uint32Array;
  pre3: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  /** 1 when the token starts a sentence (or follows an opening quote or colon). */
  initial: Uint8Array;
  /** 1 for tokens the tagger scores. */
  candidate: Uint8Array;
  /** 1 when the lower-cased word also occurs in lower case elsewhere in the document. */
  lowerSeen: Uint8Array;
  /** 1 when the token's sentence is in title case or capitals (a headline). */
  headline: Uint8Array;
  /** Gazetteer tag hash of the token (0 = none). */
  gaz: Uint32Array;
}

/**
 * Builds the tagger input. `sentenceOf[i]` is the sentence index of token `i`; `gazTags[i]` a
 * label such as `B-LOC` from the gazetteer, or undefined.
 */
export function prepareNer(
  text: string,
  tokens: readonly Token[],
  sentenceOf: Int32Array,
  gazTags: readonly (string | undefined)[],
): NerInput {
  const n = tokens.length;
  const p: NerInput = {
    n,
    lower: new Uint32Array(n),
    exact: new Uint32Array(n),
    shape: new Uint32Array(n),
    pre3: new Uint32Array(n),
    suf3: new Uint32Array(n),
    suf4: new Uint32Array(n),
    initial: new Uint8Array(n),
    candidate: new Uint8Array(n),
    lowerSeen: new Uint8Array(n),
    headline: new Uint8Array(n),
    gaz: new Uint32Array(n),
  };
  const words: string[] = new Array(n);
  const lowers = new Set<string>();
  const upper = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = text.slice(tokens[i]!.start, tokens[i]!.end);
    words[i] = w;
    const l = w.toLowerCase();
    if (l === w) lowers.add(l);
    else upper[i] = 1;
    p.lower[i] = hashString(l);
    p.exact[i] = hashString(w);
    p.shape[i] = hashString(wordShape(w));
    p.pre3[i] = hashString(l.slice(0, 3));
    p.suf3[i] = hashString(l.slice(-3));
    p.suf4[i] = hashString(l.slice(-4));
    const g = gazTags[i];
    if (g) p.gaz[i] = hashString(g);
    const prev = i > 0 ? words[i - 1]! : '';
    if (i === 0 || sentenceOf[i] !== sentenceOf[i - 1] || /^[«“"‘(:—–-]$/.test(prev)) p.initial[i] = 1;
  }
  // Headlines: most words of the sentence capitalised.
  let s0 = 0;
  for (let i = 0; i <= n; i++) {
    if (i === n || (i > 0 && sentenceOf[i] !== sentenceOf[i - 1])) {
      let w = 0;
      let c = 0;
      for (let k = s0; k < i; k++)
        if (tokens[k]!.kind === 'word' && words[k]!.length > 3) {
          w++;
          if (upper[k]) c++;
        }
      if (w >= 3 && c / w > 0.7) for (let k = s0; k < i; k++) p.headline[k] = 1;
      s0 = i;
    }
  }
  for (let i = 0; i < n; i++) {
    if (upper[i] && tokens[i]!.kind !== 'punct') p.candidate[i] = 1;
    if (lowers.has(words[i]!.toLowerCase())) p.lowerSeen[i] = 1;
  }
  // Lower-case links and dots inside names: Bank of America, von der Leyen, St. Petersburg.
  for (let i = 1; i + 1 < n; i++) {
    if (p.candidate[i] || !p.candidate[i - 1] || sentenceOf[i] !== sentenceOf[i - 1]) continue;
    const nextCap = (k: number) => k < n && p.candidate[k] === 1 && sentenceOf[k] === sentenceOf[i];
    const w = words[i]!;
    if (
      w.length <= 4 &&
      (nextCap(i + 1) || (nextCap(i + 2) && words[i + 1]!.length <= 4 && !hasUpper(words[i + 1]!)))
    )
      p.candidate[i] = 1;
  }
  for (let i = 1; i + 1 < n; i++)
    if (!p.candidate[i] && p.candidate[i - 1] && p.candidate[i + 1]) p.candidate[i] = 2;
  return p;
}

/**
 * Writes the hashed feature buckets of token `i` into `out` and returns how many. The previous
 * two predicted tags make the tagger a greedy left-to-right sequence model.
 */
export function nerFeatures(p: NerInput, i: number, prev: number, prev2: number, out: Int32Array): number {
  const B = 0x9e3779b1;
  const at = (a: Uint32Array, k: number): number => (k >= 0 && k < p.n ? a[k]! : B);
  const L = p.lower;
  const S = p.shape;
  const sh = S[i]!;
  const init = p.initial[i]!;
  let k = 0;
  const f = (t: number, h: number) => {
    out[k++] = mix(t, h) & MASK;
  };
  f(1, 0);
  f(2, L[i]!);
  f(3, p.exact[i]!);
  f(4, sh);
  f(5, p.pre3[i]!);
  f(6, p.suf3[i]!);
  f(7, p.suf4[i]!);
  f(8, at(L, i - 1));
  f(9, at(L, i + 1));
  f(10, at(L, i - 2));
  f(11, at(L, i + 2));
  f(12, at(S, i - 1));
  f(13, at(S, i + 1));
  f(14, mix(at(L, i - 1), L[i]!));
  f(15, mix(L[i]!, at(L, i + 1)));
  f(16, prev);
  f(17, mix(prev, sh));
  f(18, mix(prev, L[i]!));
  f(19, mix(prev2 * 16 + prev, sh));
  f(20, mix(init, sh));
  f(21, mix(init, L[i]!));
  f(22, mix(p.lowerSeen[i]! * 2 + init, sh));
  f(23, mix(p.headline[i]!, sh));
  f(24, mix(at(S, i - 1), mix(sh, at(S, i + 1))));
  f(25, mix(p.candidate[i]!, sh));
  if (p.gaz[i]) f(26, p.gaz[i]!);
  if (i > 0 && p.gaz[i - 1]) f(27, p.gaz[i - 1]!);
  if (i + 1 < p.n && p.gaz[i + 1]) f(28, p.gaz[i + 1]!);
  f(29, mix(p.headline[i]!, L[i]!));
  return k;
}
