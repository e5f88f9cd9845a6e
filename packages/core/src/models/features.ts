/**
 * Feature hashing for the project's linear models: named features (`w:fear`, `b:the_enemy`,
 * `cue:doubt`) are hashed into a fixed number of buckets, so a model is a dense weight table
 * and no vocabulary has to be shipped. The same code builds features at training and at run
 * time, which is what keeps the two consistent.
 */

/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units (of its first `end` units when given).
 * FNV is sequential, so `hashString(b, hashString(a)) === hashString(a + b)`: n-gram names can
 * be hashed piece by piece without building the strings.
 */
export function hashString(s: string, seed = 0x811c9dc5, end = s.length): number {
  let h = seed >>> 0;
  const n = Math.min(end, s.length);
  for (let i = 0; i < n; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mixes two 32-bit values into one well-spread hash (the feature ids of the sequence taggers:
 * `mix(templateId, valueHash)`, nested for conjunctions).
 */
export const mix = (a: number, b: number): number => {
  let h = Math.imul(a ^ (b >>> 15), 0x2c1b3c6d) ^ b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
};

export { featureWords } from './words.js';

/**
 * The 32-bit hashes of the n-grams {@link FeatureHasher.addNgrams} makes from `words` (before
 * masking), made once for a text and then taken for any run of its words and any number of
 * bits: `uni[i]` of `p:w`, `bi[i]` of `p:w(i-1)_w` (for i > 0), `pre[i]` of `p~prefix` (for
 * words longer than `prefixLength + 1`).
 */
export interface NgramHashes {
  words: readonly string[];
  p: string;
  prefixLength: number;
  uni: Int32Array;
  bi: Int32Array;
  pre: Int32Array;
}

/**
 * The {@link NgramHashes} of a word list. `unigrams`, when given, are the hashes of the words'
 * `p:` names (`hashString(w, hashString(p + ':'))`), made already by the caller.
 */
export function hashNgrams(
  words: readonly string[],
  p: string,
  prefixLength = 0,
  unigrams?: Int32Array,
): NgramHashes {
  const n = words.length;
  const g: NgramHashes = {
    words,
    p,
    prefixLength,
    uni: unigrams ?? new Int32Array(n),
    bi: new Int32Array(n),
    pre: new Int32Array(n),
  };
  const uni = hashString(`${p}:`);
  const pre = hashString(`${p}~`);
  const sep = 0x5f; // '_'
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const hw = unigrams ? unigrams[i]! >>> 0 : hashString(w, uni);
    g.uni[i] = hw;
    if (i > 0) g.bi[i] = hashString(w, Math.imul(prev ^ sep, 0x01000193) >>> 0);
    if (prefixLength > 0 && w.length > prefixLength + 1) g.pre[i] = hashString(w, pre, prefixLength);
    prev = hw;
  }
  return g;
}

/** A sparse feature vector: bucket indices and their values, duplicates allowed (they add up). */
export interface SparseVector {
  idx: number[];
  val: number[];
  /** Feature names parallel to `idx`, kept only when explanations were asked for. */
  names?: string[];
  /** The name of feature `i`, built on demand (vectors made without `names`). */
  nameAt?(i: number): string;
  /** Whether features `i` and `j` have the same name (what comparing `nameAt`s tells, cheaper). */
  sameName?(i: number, j: number): boolean;
}

/** A run of features named on demand: plain names, or the n-grams of a word list. */
interface Segment {
  from: number;
  plain?: string[];
  /** The n-grams of `words` from index `start` (default 0) on. */
  ngrams?: { words: readonly string[]; p: string; prefixLength: number; start?: number };
}

/**
 * A vector whose feature names are made on demand from what was added (a class, not a
 * closure: vectors are made per paragraph, and closures cost more under some loaders).
 */
class LazyNamedVector implements SparseVector {
  constructor(
    readonly idx: number[],
    readonly val: number[],
    private readonly segments: readonly Segment[],
  ) {}

  /** Per n-gram segment, where each of its features comes from (see {@link ngramIndex}). */
  private tables: (Int32Array | undefined)[] | undefined;

  /** The segment of feature `i` (an index into `segments`). */
  private segmentOf(i: number): number {
    let s = 0;
    while (s + 1 < this.segments.length && this.segments[s + 1]!.from <= i) s++;
    return s;
  }

  /** For feature `i` of n-gram segment `s`: its word's index times 4 plus its kind. */
  private codeAt(s: number, i: number): number | undefined {
    const seg = this.segments[s]!;
    // Reasons name a few dozen features of one vector: index the segment once rather than walk
    // its words again for each name.
    this.tables ??= [];
    let table = this.tables[s];
    if (!table) {
      const g = seg.ngrams!;
      table = ngramIndex(g.words, g.prefixLength, g.start);
      this.tables[s] = table;
    }
    return table[i - seg.from];
  }

  /**
   * Whether features `i` and `j` have the same name, told for the same n-gram of one word list
   * without making the names.
   */
  sameName(i: number, j: number): boolean {
    const s = this.segmentOf(i);
    const seg = this.segments[s];
    if (seg?.ngrams && this.segmentOf(j) === s) {
      const a = this.codeAt(s, i);
      const b = this.codeAt(s, j);
      if (a !== undefined && b !== undefined && (a & 3) === (b & 3)) {
        const words = seg.ngrams.words;
        const wa = a >> 2;
        const wb = b >> 2;
        const kind = a & 3;
        if (kind === 0 && words[wa] === words[wb]) return true;
        if (kind === 1 && words[wa] === words[wb] && words[wa - 1] === words[wb - 1]) return true;
      }
    }
    return this.nameAt(i) === this.nameAt(j);
  }

  nameAt(i: number): string {
    const s = this.segmentOf(i);
    const seg = this.segments[s];
    if (!seg) return '?';
    if (seg.plain) return seg.plain[i - seg.from] ?? '?';
    const g = seg.ngrams!;
    const code = this.codeAt(s, i);
    if (code === undefined) return '?';
    const w = g.words[code >> 2]!;
    const kind = code & 3;
    if (kind === 0) return `${g.p}:${w}`;
    if (kind === 1) return `${g.p}:${g.words[(code >> 2) - 1]}_${w}`;
    return `${g.p}~${w.slice(0, g.prefixLength)}`;
  }
}

/**
 * For each feature {@link wordNgrams} makes from `words` from `start` on (same order), its word's
 * index times 4 plus its kind: 0 the word, 1 the pair ending in it, 2 its prefix.
 */
function ngramIndex(words: readonly string[], prefixLength: number, start = 0): Int32Array {
  // At most three features a word, filled in place (no list of numbers to copy).
  const out = new Int32Array(Math.max(0, words.length - start) * 3);
  let n = 0;
  for (let i = start; i < words.length; i++) {
    out[n++] = i * 4;
    if (i > start) out[n++] = i * 4 + 1;
    if (prefixLength > 0 && words[i]!.length > prefixLength + 1) out[n++] = i * 4 + 2;
  }
  return out.subarray(0, n);
}

/**
 * Collects named features into a {@link SparseVector}. The bucket of a name is its hash masked
 * to `bits` bits; `prefix` namespaces every name (a language tag such as `en|`), so the same
 * model can hold per-language n-grams next to language-independent cues.
 *
 * @example
 * const h = new FeatureHasher(18, true);
 * h.add('w:fear');
 * h.addAll(wordNgrams(['we', 'must', 'act'], 'w'));
 * h.vector(); // { idx: [...], val: [...], names: ['w:fear', ...] }
 */
export class FeatureHasher {
  private readonly mask: number;
  private idx: number[] = [];
  private val: number[] = [];
  private names: string[] | undefined;
  private segments: Segment[] = [];

  constructor(
    readonly bits: number,
    keepNames = false,
  ) {
    this.mask = (1 << bits) - 1;
    if (keepNames) this.names = [];
  }

  /** Adds one feature with a value (default 1). */
  add(name: string, value = 1): void {
    if (value === 0) return;
    if (this.names) this.names.push(name);
    else {
      let seg = this.segments[this.segments.length - 1];
      if (!seg?.plain) {
        seg = { from: this.idx.length, plain: [] };
        this.segments.push(seg);
      }
      seg.plain!.push(name);
    }
    this.idx.push(hashString(name) & this.mask);
    this.val.push(value);
  }

  /**
   * Adds the features of {@link wordNgrams} (same names, same buckets) without building the
   * name strings unless names are kept: the hot path of every text model.
   */
  addNgrams(words: readonly string[], p: string, prefixLength = 0, value = 1): void {
    if (this.names) {
      this.addAll(wordNgrams(words, p, prefixLength), value);
      return;
    }
    this.segments.push({ from: this.idx.length, ngrams: { words, p, prefixLength } });
    const uni = hashString(`${p}:`);
    const pre = hashString(`${p}~`);
    const sep = 0x5f; // '_'
    let prev = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const hw = hashString(w, uni);
      this.idx.push(hw & this.mask);
      this.val.push(value);
      if (i > 0) {
        this.idx.push(hashString(w, Math.imul(prev ^ sep, 0x01000193) >>> 0) & this.mask);
        this.val.push(value);
      }
      if (prefixLength > 0 && w.length > prefixLength + 1) {
        this.idx.push(hashString(w, pre, prefixLength) & this.mask);
        this.val.push(value);
      }
      prev = hw;
    }
  }

  /**
   * Adds the n-grams of words `[from, to)` of hashed n-grams ({@link hashNgrams}): the features
   * {@link addNgrams} adds for those words, in the same order, without hashing them again.
   */
  addNgramHashes(g: NgramHashes, from = 0, to = g.words.length, value = 1): void {
    if (this.names) {
      this.addAll(wordNgrams(g.words.slice(from, to), g.p, g.prefixLength), value);
      return;
    }
    this.segments.push({
      from: this.idx.length,
      ngrams: { words: g.words, p: g.p, prefixLength: g.prefixLength, start: from },
    });
    const mask = this.mask;
    const long = g.prefixLength > 0 ? g.prefixLength + 1 : Infinity;
    for (let i = from; i < to; i++) {
      this.idx.push(g.uni[i]! & mask);
      this.val.push(value);
      if (i > from) {
        this.idx.push(g.bi[i]! & mask);
        this.val.push(value);
      }
      if (g.words[i]!.length > long) {
        this.idx.push(g.pre[i]! & mask);
        this.val.push(value);
      }
    }
  }

  /** Adds each name with the same value. */
  addAll(names: Iterable<string>, value = 1): void {
    for (const n of names) this.add(n, value);
  }

  /** Number of features added so far. */
  get size(): number {
    return this.idx.length;
  }

  /**
   * Scales the values added since index `from` so their squared sum is 1 (cosine length
   * normalisation of one feature group); long and short texts then weigh alike.
   */
  normalize(from = 0, to = this.idx.length): void {
    let s = 0;
    for (let i = from; i < to; i++) s += this.val[i]! * this.val[i]!;
    if (s <= 0) return;
    const k = 1 / Math.sqrt(s);
    for (let i = from; i < to; i++) this.val[i]! *= k;
  }

  /** Multiplies the values added in `[from, to)` by `k` (weighs one feature group). */
  scale(k: number, from = 0, to = this.idx.length): void {
    for (let i = from; i < to; i++) this.val[i]! *= k;
  }

  /** The collected vector. The hasher can be reused after {@link reset}. */
  vector(): SparseVector {
    if (this.names) return { idx: this.idx, val: this.val, names: this.names };
    return new LazyNamedVector(this.idx, this.val, this.segments);
  }

  /** Starts a new vector. */
  reset(): void {
    this.idx = [];
    this.val = [];
    this.segments = [];
    if (this.names) this.names = [];
  }
}

/**
 * Word n-gram feature names: unigrams `p:w`, bigrams `p:w1_w2` and, when `prefixLength` is set,
 * word prefixes `p~pref` (a crude stem that helps inflected languages such as Russian).
 */
export function wordNgrams(words: readonly string[], p: string, prefixLength = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push(`${p}:${w}`);
    if (i > 0) out.push(`${p}:${words[i - 1]}_${w}`);
    if (prefixLength > 0 && w.length > prefixLength + 1) out.push(`${p}~${w.slice(0, prefixLength)}`);
  }
  return out;
}

/** How many times `re` (a global regex) matches in `text`. */
export function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** {@link logBucket} of the counts 0…1023, made once (counts are most of the calls). */
const SMALL_BUCKETS: string[] = [];

/** Maps a number to a coarse bucket name (`0`, `1`, `2-3`, `4-7`, …) for count features. */
export function logBucket(n: number): string {
  if (n >= 0 && n < 1024 && Number.isInteger(n)) {
    if (SMALL_BUCKETS.length === 0) for (let i = 0; i < 1024; i++) SMALL_BUCKETS.push(bucketOf(i));
    return SMALL_BUCKETS[n]!;
  }
  return bucketOf(n);
}

function bucketOf(n: number): string {
  if (n <= 1) return String(Math.max(0, Math.floor(n)));
  const k = Math.floor(Math.log2(n));
  return `${2 ** k}-${2 ** (k + 1) - 1}`;
}
