import { hashString, mix } from '../../models/features.js';
import type { Token } from '../../schema.js';
import firstNames from './first-names.en.json' with { type: 'json' };
import curated from './gazetteer.json' with { type: 'json' };

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
export const NER_BITS = 18;
const MASK = (1 << NER_BITS) - 1;
const PAD = 0x9e3779b1;
/** First names: the shipped list plus the first word of every person in the curated gazetteer. */
const FIRST_NAMES = new Set<string>(firstNames.names);
for (const e of curated.entries as { type: string; en?: string[] }[])
  if (e.type === 'PER') for (const f of e.en ?? []) if (f.includes(' ')) FIRST_NAMES.add(f.split(' ')[0]!);

/** A short word shape: `Kyiv` → `Xx`, `NATO` → `X`, `U.S` → `X.X`, `2023` → `d`, `G7` → `Xd`. */
export function wordShape(w: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < w.length; i++) {
    const ch = w.charCodeAt(i);
    let c: number;
    if (ch >= 48 && ch <= 57)
      c = 100; // d
    else if (ch >= 97 && ch <= 122)
      c = 120; // x
    else if (ch >= 65 && ch <= 90)
      c = 88; // X
    else if (ch < 128) c = ch;
    else {
      const s = w[i]!;
      c = s !== s.toLowerCase() ? 88 : s !== s.toUpperCase() ? 120 : ch;
    }
    if (c !== last) out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

/**
 * FNV-1a of `w.toLowerCase().slice(from, to)` (clamped like `slice`) without making strings:
 * ASCII words fold A–Z on the fly; at the first other character it takes the slow path.
 */
function hashLower(w: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  const end = Math.min(w.length, to);
  for (let i = Math.max(0, from); i < end; i++) {
    let c = w.charCodeAt(i);
    if (c >= 128) return hashString(w.toLowerCase().slice(from, to));
    if (c >= 65 && c <= 90) c += 32;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  // Non-ASCII before `from` could change the lower-cased length; check the whole word once.
  for (let i = 0; i < Math.max(0, from); i++)
    if (w.charCodeAt(i) >= 128) return hashString(w.toLowerCase().slice(from, to));
  return h >>> 0;
}

/** FNV-1a of the ASCII `w.slice(from, to)` with A–Z lower-cased. */
function hashAsciiLower(w: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The prefix and suffix hashes of token `i` (`hashLower` of the first three, last three and
 * last four characters), checking once that the word is ASCII rather than once per affix.
 */
function hashAffixes(p: NerInput, i: number, w: string): void {
  const n = w.length;
  for (let k = 0; k < n; k++)
    if (w.charCodeAt(k) >= 128) {
      p.pre3[i] = hashLower(w, 0, 3);
      p.suf3[i] = hashLower(w, n - 3, n);
      p.suf4[i] = hashLower(w, n - 4, n);
      return;
    }
  p.pre3[i] = hashAsciiLower(w, 0, Math.min(3, n));
  p.suf3[i] = hashAsciiLower(w, Math.max(0, n - 3), n);
  p.suf4[i] = hashAsciiLower(w, Math.max(0, n - 4), n);
}

/** FNV-1a of `wordShape(w)` without building the shape string (ASCII; others build it). */
function hashShape(w: string): number {
  let h = 0x811c9dc5;
  let last = 0;
  for (let i = 0; i < w.length; i++) {
    const ch = w.charCodeAt(i);
    if (ch >= 128) return hashString(wordShape(w));
    const c = ch >= 48 && ch <= 57 ? 100 : ch >= 97 && ch <= 122 ? 120 : ch >= 65 && ch <= 90 ? 88 : ch;
    if (c === last) continue;
    h ^= c;
    h = Math.imul(h, 0x01000193);
    last = c;
  }
  return h >>> 0;
}

/** True when `w` has an upper-case letter (ASCII fast path). */
function hasUpper(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c >= 128 && w[i] !== w[i]!.toLowerCase()) return true;
  }
  return false;
}

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
  /** 1 when the token is a known first name (`first-names.en.json`, gazetteer people). */
  first: Uint8Array;
  /**
   * What the tagger made of the same word form earlier in the document (set while tagging, see
   * {@link rememberTag}): 0 unseen, 1–4 PER/ORG/LOC/MISC, 5 outside any name.
   */
  hist: Uint8Array;
  /**
   * For a model trained with `train ner --set wc=1` (`meta.clusters`): each token's leaf class + 1
   * in the word clusters of `models/clusters/` (0 = none; filled by `addNerClusters` for
   * candidates and their neighbours), read as its 64-class and 1,024-class ids and the
   * neighbours' 64-class ids.
   */
  cluster?: Uint32Array;
}

/**
 * Document memory of the tagger (Ratinov and Roth's prediction history): before token `i` is
 * scored, `hist[i]` takes the label last given to the same form; after, the form remembers the
 * new label. A name tagged with context early on (`Sabena said`) informs its bare repetitions.
 */
export function recallTag(p: NerInput, i: number, seen: Map<number, number>): void {
  p.hist[i] = seen.get(p.exact[i]!) ?? 0;
}

/** Records tag `t` (an index into `NER_TAGS`) for the form of token `i`; see {@link recallTag}. */
export function rememberTag(p: NerInput, i: number, t: number, seen: Map<number, number>): void {
  seen.set(p.exact[i]!, t === 0 ? 5 : (t + 1) >> 1);
}

/**
 * Builds the tagger input. `sentenceOf[i]` is the sentence index of token `i`; `gazTags[i]` a
 * label such as `B-LOC` from the gazetteer, or undefined; `surfaces` the token texts when the
 * caller has them already. With `reuse`, the arrays come from a pool that the next call
 * overwrites (the analyzer tags one document at a time; training keeps every input).
 */
export function prepareNer(
  text: string,
  tokens: readonly Token[],
  sentenceOf: Int32Array,
  gazTags: readonly (string | undefined)[],
  surfaces?: readonly string[],
  reuse = false,
): NerInput {
  const n = tokens.length;
  const p = reuse ? pooledInput(n) : freshInput(n);
  const words: string[] = new Array(n);
  const upper = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = surfaces ? surfaces[i]! : text.slice(tokens[i]!.start, tokens[i]!.end);
    words[i] = w;
    if (hasUpper(w)) {
      upper[i] = 1;
      if (FIRST_NAMES.has(w)) p.first[i] = 1;
    }
    if (i === 0 || sentenceOf[i] !== sentenceOf[i - 1]) p.initial[i] = 1;
    else if (
      tokens[i - 1]!.end - tokens[i - 1]!.start === 1 &&
      OPENERS.has(text.charCodeAt(tokens[i - 1]!.start))
    )
      p.initial[i] = 1;
  }
  markHeadlines(p, tokens, upper, sentenceOf);
  for (let i = 0; i < n; i++) {
    if (!upper[i] || tokens[i]!.kind === 'punct') continue;
    // `The`, `But`, `He` opening a sentence are capitalised for the sentence, not as names.
    if (p.initial[i] && words[i]!.length <= 5 && OPENING_WORDS.has(words[i]!)) continue;
    p.candidate[i] = 1;
  }
  // Lower-case links and dots inside names: Bank of America, von der Leyen, St. Petersburg.
  for (let i = 1; i + 1 < n; i++) {
    if (p.candidate[i] || !p.candidate[i - 1] || sentenceOf[i] !== sentenceOf[i - 1]) continue;
    const nextCap = (k: number) => k < n && p.candidate[k] === 1 && sentenceOf[k] === sentenceOf[i];
    if (LINKS.has(words[i]!) && (nextCap(i + 1) || (nextCap(i + 2) && LINKS.has(words[i + 1]!))))
      p.candidate[i] = 1;
  }
  // Hash only what the features of candidates read: their own forms, and words and shapes of
  // their neighbours within two tokens. Most tokens of a text are never looked at.
  let hashedUpTo = -1;
  // Lower-cased candidates, to find those that also occur in lower case (`The`, `Republican`).
  const lowered = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (!p.candidate[i]) continue;
    for (let k = Math.max(i - 2, hashedUpTo + 1); k <= Math.min(n - 1, i + 2); k++) {
      const w = words[k]!;
      p.lower[k] = upper[k] ? hashLower(w, 0, w.length) : hashString(w);
      p.shape[k] = hashShape(w);
      hashedUpTo = k;
    }
    const w = words[i]!;
    p.exact[i] = hashString(w);
    hashAffixes(p, i, w);
    if (upper[i]) {
      const l = w.toLowerCase();
      const at = lowered.get(l);
      if (at) at.push(i);
      else lowered.set(l, [i]);
    }
    const g = gazTags[i];
    if (g) p.gaz[i] = hashString(g);
    if (i > 0 && gazTags[i - 1]) p.gaz[i - 1] = hashString(gazTags[i - 1]!);
    if (i + 1 < n && gazTags[i + 1]) p.gaz[i + 1] = hashString(gazTags[i + 1]!);
  }
  if (lowered.size) {
    // Compare by length and first letter before hashing a word: a bit per length (mod 32) by
    // first code unit screens most words out without a set lookup.
    const sig = new Set<number>();
    for (const l of lowered.keys()) {
      sig.add(l.length * 65536 + l.charCodeAt(0));
      LENGTHS_BY_FIRST[l.charCodeAt(0)]! |= 1 << (l.length & 31);
    }
    for (let k = 0; k < n; k++) {
      const t = tokens[k]!;
      if (upper[k]) continue;
      const len = t.end - t.start;
      const c = text.charCodeAt(t.start);
      if (((LENGTHS_BY_FIRST[c]! >>> (len & 31)) & 1) === 0 || !sig.has(len * 65536 + c)) continue;
      const at = lowered.get(words[k] || text.slice(t.start, t.end));
      if (!at) continue;
      for (const i of at) p.lowerSeen[i] = 1;
      // Marked once: the next `the` need not mark every `The` again (quadratic in a book).
      at.length = 0;
    }
    for (const l of lowered.keys()) LENGTHS_BY_FIRST[l.charCodeAt(0)] = 0;
  }
  return p;
}

// Scratch for `prepareNer`: lengths (bit `length % 32`) of lower-cased candidates by their first
// code unit; cleared after each use.
const LENGTHS_BY_FIRST = new Uint32Array(0x10000);

const U32 = ['lower', 'exact', 'shape', 'pre3', 'suf3', 'suf4', 'gaz'] as const;
const U8 = ['initial', 'candidate', 'lowerSeen', 'headline', 'first', 'hist'] as const;

function freshInput(n: number): NerInput {
  const p = { n } as NerInput;
  for (const k of U32) p[k] = new Uint32Array(n);
  for (const k of U8) p[k] = new Uint8Array(n);
  return p;
}

let pool: { u32: Uint32Array; u8: Uint8Array; cap: number } = {
  u32: new Uint32Array(0),
  u8: new Uint8Array(0),
  cap: 0,
};

function pooledInput(n: number): NerInput {
  if (n > pool.cap) {
    const cap = Math.max(1024, n * 2);
    pool = { u32: new Uint32Array(cap * U32.length), u8: new Uint8Array(cap * U8.length), cap };
  }
  pool.u32.fill(0, 0, n * U32.length);
  pool.u8.fill(0, 0, n * U8.length);
  const p = { n } as NerInput;
  U32.forEach((k, i) => {
    p[k] = pool.u32.subarray(i * n, (i + 1) * n);
  });
  U8.forEach((k, i) => {
    p[k] = pool.u8.subarray(i * n, (i + 1) * n);
  });
  return p;
}

/** Words that open sentences; never the first word of a name there. */
const OPENING_WORDS = new Set(
  'The A An In On At But And Or It Its This That These Those He She We They I His Her Their Our My If When While As After For With From By To Of There Here So Yet What Who How Why Where Some Many Most All No Not One Two Then Now Also Still Even Just Only Such Both Each Every Other Any Was Were Is Are Be Has Have Had Do Does Did Will Would Can Could May Might Must Should You Your Me Us Them Him'.split(
    ' ',
  ),
);

/** Lower-case words and marks that occur inside names between capitalised words. */
const LINKS = new Set(
  [
    'of',
    'the',
    'and',
    'for',
    'on',
    'in',
    'de',
    'da',
    'du',
    'des',
    'del',
    'della',
    'der',
    'den',
    'van',
    'von',
  ].concat([
    'la',
    'le',
    'al',
    'el',
    'bin',
    'ibn',
    'y',
    'e',
    'di',
    'do',
    'dos',
    'zu',
    'upon',
    'at',
    '&',
    '.',
    '-',
    "'",
    'St',
  ]),
);
const OPENERS = new Set(['«', '“', '"', '‘', '(', ':', '—', '–', '-'].map((c) => c.charCodeAt(0)));

/** Flags the tokens of headline sentences: most longer words capitalised. */
function markHeadlines(
  p: NerInput,
  tokens: readonly Token[],
  upper: Uint8Array,
  sentenceOf: Int32Array,
): void {
  let s0 = 0;
  for (let i = 0; i <= p.n; i++) {
    if (i < p.n && (i === 0 || sentenceOf[i] === sentenceOf[i - 1])) continue;
    let w = 0;
    let c = 0;
    for (let k = s0; k < i; k++)
      if (tokens[k]!.kind === 'word' && tokens[k]!.end - tokens[k]!.start > 3) {
        w++;
        if (upper[k]) c++;
      }
    if (w >= 3 && c / w > 0.7) for (let k = s0; k < i; k++) p.headline[k] = 1;
    s0 = i;
  }
}

/**
 * Writes the hashed feature buckets of token `i` into `out` and returns how many. The previous
 * two predicted tags make the tagger a greedy left-to-right sequence model.
 */
export function nerFeatures(p: NerInput, i: number, prev: number, prev2: number, out: Int32Array): number {
  const L = p.lower;
  const S = p.shape;
  const n = p.n;
  const w = L[i]!;
  const sh = S[i]!;
  const init = p.initial[i]!;
  // Out-of-range neighbours hash to a fixed padding value.
  const lm1 = i > 0 ? L[i - 1]! : PAD;
  const lp1 = i + 1 < n ? L[i + 1]! : PAD;
  const sm1 = i > 0 ? S[i - 1]! : PAD;
  const sp1 = i + 1 < n ? S[i + 1]! : PAD;
  out[0] = mix(1, 0) & MASK;
  out[1] = mix(2, w) & MASK;
  out[2] = mix(3, p.exact[i]!) & MASK;
  out[3] = mix(4, sh) & MASK;
  out[4] = mix(5, p.pre3[i]!) & MASK;
  out[5] = mix(6, p.suf3[i]!) & MASK;
  out[6] = mix(7, p.suf4[i]!) & MASK;
  out[7] = mix(8, lm1) & MASK;
  out[8] = mix(9, lp1) & MASK;
  out[9] = mix(10, i > 1 ? L[i - 2]! : PAD) & MASK;
  out[10] = mix(11, i + 2 < n ? L[i + 2]! : PAD) & MASK;
  out[11] = mix(12, sm1) & MASK;
  out[12] = mix(13, sp1) & MASK;
  out[13] = mix(14, mix(lm1, w)) & MASK;
  out[14] = mix(15, mix(w, lp1)) & MASK;
  out[15] = mix(16, prev) & MASK;
  out[16] = mix(17, mix(prev, sh)) & MASK;
  out[17] = mix(18, mix(prev, w)) & MASK;
  out[18] = mix(19, mix(prev2 * 16 + prev, sh)) & MASK;
  out[19] = mix(20, mix(init, sh)) & MASK;
  out[20] = mix(21, mix(init, w)) & MASK;
  out[21] = mix(22, mix(p.lowerSeen[i]! * 2 + init, sh)) & MASK;
  out[22] = mix(23, mix(p.headline[i]!, sh)) & MASK;
  out[23] = mix(24, mix(sm1, mix(sh, sp1))) & MASK;
  out[24] = mix(25, mix(p.candidate[i]!, sh)) & MASK;
  out[25] = mix(29, mix(p.headline[i]!, w)) & MASK;
  let k = 26;
  const fn = p.first[i]! + (i > 0 ? 2 * p.first[i - 1]! : 0);
  if (fn) out[k++] = mix(30, mix(fn, sh)) & MASK;
  if (p.hist[i]) out[k++] = mix(31, mix(p.hist[i]!, sh)) & MASK;
  if (p.gaz[i]) out[k++] = mix(26, p.gaz[i]!) & MASK;
  if (i > 0 && p.gaz[i - 1]) out[k++] = mix(27, p.gaz[i - 1]!) & MASK;
  if (i + 1 < n && p.gaz[i + 1]) out[k++] = mix(28, p.gaz[i + 1]!) & MASK;
  const C = p.cluster;
  if (C) {
    // Leaf ids of a 64 → 4 → 4 hierarchy: a sixteenth of the leaf is the 64-class id.
    const c = C[i]!;
    if (c) out[k++] = mix(32, ((c - 1) >>> 4) + 1) & MASK;
    if (c) out[k++] = mix(33, c) & MASK;
    if (i > 0 && C[i - 1]) out[k++] = mix(34, ((C[i - 1]! - 1) >>> 4) + 1) & MASK;
    if (i + 1 < n && C[i + 1]) out[k++] = mix(35, ((C[i + 1]! - 1) >>> 4) + 1) & MASK;
  }
  return k;
}
