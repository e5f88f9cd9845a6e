import { hashString } from '../../models/features.js';

/**
 * A compact morphological lexicon shipped inside a syntax model (`lexicon`): the classes a
 * dictionary gives a lower-cased word form (`ADJS|ADVB`, the set of its possible parts of
 * speech), stored as a suffix decision tree plus the forms the tree gets wrong. A form's class
 * is its own entry when it has one, else the entry of its longest listed suffix (a guess for
 * words outside the dictionary, as a morphological analyser's suffix predictor makes). Keys
 * are 32-bit hashes, ascending, so the table holds no strings; a word outside the dictionary
 * whose hash happens to equal a listed form's reads that form's class (a chance of about one
 * in 27,000 per word for the shipped Russian table). Keys are stored as the gaps between them.
 */
export interface FormClassFile {
  /** Where the classes come from, and under which licence (shown in the model card). */
  source: string;
  /** Class names, indexed by the class bytes below. */
  classes: string[];
  /** Longest suffix the tree reads. */
  maxSuffix: number;
  /** Suffix hashes ({@link suffixHash}), ascending, as base64 of their gaps in LEB128 varints (the first from 0). */
  suffixes: string;
  /** base64 of one class byte per suffix. */
  suffixClasses: string;
  /** Form hashes (`hashString` of the lower-cased form), ascending, coded as `suffixes`. */
  forms: string;
  /** base64 of one class byte per form. */
  formClasses: string;
  /**
   * The dictionary's headword-like forms (nominatives and uninflected words: what a one-word
   * hashtag is made of) as a Bloom filter ({@link headwordFilter}); when present, a hashtag
   * whose body is not among them has its class marked `~` (`#~NOUN`: a guess, e.g. for words
   * run together).
   */
  headwords?: HeadwordFilter;
}

/** A Bloom filter of lower-cased forms: `bits` bits (base64), `probes` probes per form. */
export interface HeadwordFilter {
  bits: number;
  probes: number;
  data: string;
}

/** Seed of the second hash of a Bloom probe sequence. */
const PROBE_SEED = 0x5bd1e995;

/** The probe positions of `lower` in a filter of `bits` bits (double hashing). */
function probes(lower: string, bits: number, k: number, each: (bit: number) => void): void {
  const a = hashString(lower);
  const b = hashString(lower, PROBE_SEED) | 1;
  for (let i = 0; i < k; i++) each(((a + Math.imul(i, b)) >>> 0) % bits);
}

/**
 * Builds a {@link HeadwordFilter} of `forms` with `bitsPerForm` bits each and the number of
 * probes that suits it (8 bits: 6 probes, about 2 % false positives).
 */
export function headwordFilter(forms: Iterable<string>, count: number, bitsPerForm: number): HeadwordFilter {
  const bits = Math.max(64, Math.ceil((count * bitsPerForm) / 8) * 8);
  const k = Math.max(1, Math.round(bitsPerForm * Math.LN2));
  const data = new Uint8Array(bits / 8);
  for (const f of forms)
    probes(f, bits, k, (bit) => {
      data[bit >>> 3]! |= 1 << (bit & 7);
    });
  return { bits, probes: k, data: Buffer.from(data).toString('base64') };
}

/** Seed of the suffix hashes: a suffix and a whole form of the same letters are different keys. */
const SUFFIX_SEED = 0x2545f491;

/** The key of a suffix in {@link FormClassFile.suffixes}. */
export const suffixHash = (s: string): number => hashString(s, SUFFIX_SEED);

/** Forms the lexicon reads: those with a Cyrillic letter. */
const CYRILLIC = /[а-яё]/;
/** Pictographs, with their joiners, variation selectors and skin tones only. */
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+$/u;

/** Decodes ascending keys stored as varint gaps. */
function decodeKeys(b64: string): Uint32Array {
  const b = Buffer.from(b64, 'base64');
  const out: number[] = [];
  let key = 0;
  for (let i = 0; i < b.length; ) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = b[i++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    key += gap;
    out.push(key);
  }
  return Uint32Array.from(out);
}

/**
 * Encodes (key, class id) pairs as a {@link FormClassFile}'s keys and classes: sorted by key,
 * a key that occurs twice keeping its first pair.
 */
export function encodeClassTable(entries: [number, number][]): { keys: string; values: string } {
  entries.sort((a, b) => a[0] - b[0]);
  const kept = entries.filter((e, i) => i === 0 || e[0] !== entries[i - 1]![0]);
  const keys: number[] = [];
  let last = 0;
  for (const [k] of kept) {
    let gap = k - last;
    last = k;
    while (gap >= 0x80) {
      keys.push((gap % 0x80) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    keys.push(gap);
  }
  return {
    keys: Buffer.from(keys).toString('base64'),
    values: Buffer.from(kept.map((e) => e[1])).toString('base64'),
  };
}

/** Index of `key` in the ascending `keys`, or -1. */
function find(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A loaded {@link FormClassFile}. */
export class FormClasses {
  private readonly classes: readonly string[];
  private readonly maxSuffix: number;
  private readonly suffixKeys: Uint32Array;
  private readonly suffixValues: Uint8Array;
  private readonly formKeys: Uint32Array;
  private readonly formValues: Uint8Array;
  private readonly headwords?: { bits: number; probes: number; data: Uint8Array };

  constructor(file: FormClassFile) {
    if (file.headwords)
      this.headwords = { ...file.headwords, data: Buffer.from(file.headwords.data, 'base64') };
    this.classes = file.classes;
    this.maxSuffix = file.maxSuffix;
    this.suffixKeys = decodeKeys(file.suffixes);
    this.suffixValues = Buffer.from(file.suffixClasses, 'base64');
    this.formKeys = decodeKeys(file.forms);
    this.formValues = Buffer.from(file.formClasses, 'base64');
    if (
      this.suffixValues.length !== this.suffixKeys.length ||
      this.formValues.length !== this.formKeys.length
    )
      throw new Error('lexicon: keys and classes differ in number');
  }

  /**
   * Whether a lower-cased form is among the table's headword-like forms (true for every form
   * when the table has no filter; about 2 % of other strings pass too).
   */
  isHeadword(lower: string): boolean {
    const h = this.headwords;
    if (!h) return true;
    let all = true;
    probes(lower, h.bits, h.probes, (bit) => {
      all &&= (h.data[bit >>> 3]! & (1 << (bit & 7))) !== 0;
    });
    return all;
  }

  /**
   * The class of a lower-cased form (`ё` written `е`): its dictionary class; for a hashtag or
   * mention, `#` or `@` and its body's class (`#?` when the body has none; with a headword
   * filter, `#~` and the class when a hashtag's Cyrillic body is not a headword-like form);
   * `emoji` for pictographs; undefined for other forms without Cyrillic letters.
   */
  classOf(lower: string): string | undefined {
    const c0 = lower.charCodeAt(0);
    if ((c0 === 35 || c0 === 64) && lower.length > 1) {
      const body = lower.slice(1);
      const c = this.classOf(body);
      if (c === undefined) return `${lower[0]}?`;
      return lower[0]! + (c0 === 35 && this.headwords && !this.isHeadword(body) ? '~' : '') + c;
    }
    if (!CYRILLIC.test(lower)) return EMOJI.test(lower) ? 'emoji' : undefined;
    const f = find(this.formKeys, hashString(lower));
    if (f >= 0) return this.classes[this.formValues[f]!];
    for (let k = Math.min(this.maxSuffix, lower.length); k >= 0; k--) {
      const s = find(this.suffixKeys, suffixHash(lower.slice(lower.length - k)));
      if (s >= 0) return this.classes[this.suffixValues[s]!];
    }
    return undefined;
  }
}
