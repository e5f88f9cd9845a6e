import { hashString, mix } from '../../models/features.js';
import { wordShape } from '../entities/ner-features.js';

/**
 * Hashed fields kept per word form: lower-cased form, exact form, shape, suffixes, prefixes, and
 * the word's classes in a morphological lexicon (0 without one).
 */
const F = 11;
const LOWER = 0;
const EXACT = 1;
const SHAPE = 2;
const SUF1 = 3; // SUF1..SUF5 = 3..7
const PRE1 = 8;
const PRE3 = 9;
const LEX = 10;
/** Tag value standing for "before the sentence". */
export const START = 255;
const PAD = 0x9e3779b1;

/** Typographic apostrophes and quotes as the treebanks write them (`’s` → `'s`). */
const normalise = (w: string): string =>
  /[’‘“”]/.test(w) ? w.replace(/[’‘]/g, "'").replace(/[“”]/g, '"') : w;

// Word forms recur (a few thousand distinct ones per hundred articles): while training, their
// hashes are made once and kept, up to a bound. (At run time `SyntaxRunner` keeps its own, in
// one typed array: a large heap of small typed arrays makes every garbage collection slower.)
const cache = new Map<string, Uint32Array>();
/** The lexicon and hashtag reading the cached fields were made with. */
let cachedWith: SyntaxLexicon | undefined;
let cachedHashtags: HashtagReading;

/**
 * A morphological lexicon: the possible classes of a lower-cased word form (`ё` written `е`) as
 * one string, or undefined if it has none (`FormClasses.classOf` of a model's `lexicon`).
 */
export type SyntaxLexicon = (lower: string) => string | undefined;

/** Number of hashed fields per word form (the layout {@link hashWord} writes). */
export const WORD_FIELDS = F;

/**
 * Writes the `WORD_FIELDS` hashed fields of a word form into `out` from `at` on: lower-cased
 * form, exact form, shape, suffixes, prefixes and the classes `lexicon` gives it (0 without).
 * Not cached: callers keep the fields per form ({@link prepareSyntax}, the shipped-model
 * `SyntaxRunner`).
 */
export function hashWord(
  form: string,
  out: Uint32Array,
  at = 0,
  lexicon?: SyntaxLexicon,
  hashtags?: HashtagReading,
): void {
  const whole = normalise(form);
  const tag = hashtags === 'body' && isHashtag(whole);
  // A hashtag read through its body: the word's own fields, so `#рыбалка` shares what the
  // tagger knows of `рыбалка`; its shape says it is a hashtag, how long the body is (one word
  // or several run together) and whether it is Cyrillic (Latin tags are X in Russian text),
  // its lexicon class is the body's marked `#`.
  const w = tag ? whole.slice(1) : whole;
  // `ё` is written as `е` as often as not (`ещё`/`еще`): one spelling for the lower-case fields.
  const l = w.toLowerCase().replace(/ё/g, 'е');
  const n = l.length;
  out[at + LOWER] = hashString(l);
  out[at + EXACT] = hashString(w);
  out[at + SHAPE] = hashString(
    tag ? `#${wordShape(w)}${bodyLength(n)}${CYRILLIC.test(l) ? '' : ':lat'}` : wordShape(w),
  );
  for (let k = 1; k <= 5; k++) out[at + SUF1 + k - 1] = n >= k ? hashString(l.slice(n - k)) : PAD + k;
  out[at + PRE1] = hashString(l.slice(0, 1));
  out[at + PRE3] = hashString(l.slice(0, 3));
  const lex = lexicon?.(tag ? `#${l}` : l);
  out[at + LEX] = lex === undefined ? 0 : hashString(lex) || 1;
}

/**
 * How a model reads hashtags: as whole forms (`undefined`, the default and English), or through
 * their body (`'body'`: the Russian model, whose training data reads a one-word hashtag as
 * its word — `SyntaxModelFile.hashtags`).
 */
export type HashtagReading = 'body' | undefined;

const CYRILLIC = /[а-яё]/;

/** `#` and a body with a letter in it (not `#`, `##`, `#1`). */
const isHashtag = (w: string): boolean => w.length > 2 && w[0] === '#' && /\p{L}/u.test(w.slice(1));

/**
 * Whether the tagger decides `form` without the tags before it: a hashtag read through its
 * body. In a list of tags each is read on its own (`#спорт #gopro #снег`: NOUN X NOUN in UD
 * Taiga), so the tag of the one before says little and would chain a run of X.
 */
export const freshTags = (form: string, hashtags: HashtagReading): boolean =>
  hashtags === 'body' && isHashtag(normalise(form));

/**
 * The length class of a hashtag's body: up to 5, 6–8, 9–11, 12 or more letters. Russian words
 * are mostly under nine letters; tags of two or three words run together (`#прогулкавпарке`)
 * are longer.
 */
const bodyLength = (n: number): string => (n <= 5 ? ':s' : n <= 8 ? ':m' : n <= 11 ? ':l' : ':xl');

function wordHashes(form: string): Uint32Array {
  let h = cache.get(form);
  if (h) return h;
  h = new Uint32Array(F);
  hashWord(form, h, 0, cachedWith, cachedHashtags);
  if (cache.size > 20_000) cache.clear();
  cache.set(form, h);
  return h;
}

/** The hashed word fields of one sentence: per token, the `F` fields of its form. */
export interface SyntaxInput {
  n: number;
  words: Uint32Array[];
  /** Per token, 1 when it is decided without the tags before it ({@link freshTags}). */
  fresh?: Uint8Array;
  /**
   * Whether the pair templates also read the lexicon class with the tag before and the classes
   * of the neighbours (`SyntaxModelFile.lexPairs`; only for words with a class).
   */
  lexPairs?: boolean;
}

/**
 * Hashes the word forms of a sentence, with the classes `lexicon` gives them (none without),
 * hashtags read as `hashtags` says, and the lexicon pair templates on when `lexPairs`.
 */
export function prepareSyntax(
  forms: readonly string[],
  lexicon?: SyntaxLexicon,
  hashtags?: HashtagReading,
  lexPairs?: boolean,
): SyntaxInput {
  if (lexicon !== cachedWith || hashtags !== cachedHashtags) {
    cache.clear();
    cachedWith = lexicon;
    cachedHashtags = hashtags;
  }
  const input: SyntaxInput = { n: forms.length, words: forms.map(wordHashes) };
  if (hashtags) input.fresh = Uint8Array.from(forms, (f) => (freshTags(f, hashtags) ? 1 : 0));
  if (lexPairs) input.lexPairs = true;
  return input;
}

/** Hash of the word-identity fields of a word hidden as unknown while training. */
const UNKNOWN = 0x51ed270b;

/**
 * A copy of a word's fields with its identity (lower-cased and exact form) hidden, the affixes
 * and shape kept: the trainer can show rare training words this way now and then
 * (`--set unk=P`), so that the affix features learn to decide words never seen in training.
 */
export function hideWord(w: Uint32Array): Uint32Array {
  const h = Uint32Array.from(w);
  h[LOWER] = UNKNOWN;
  h[EXACT] = UNKNOWN + 1;
  return h;
}

/** The fields of a position before the sentence, and after it (fixed padding values). */
export const PAD_LEFT = Uint32Array.from({ length: F }, (_, f) => (f === LEX ? 0 : PAD + f));
export const PAD_RIGHT = Uint32Array.from({ length: F }, (_, f) => (f === LEX ? 0 : PAD + f + 64));

// The templates of the part-of-speech head, in groups by what they read. The groups that read
// one word at a fixed offset (the token itself, or a neighbour) depend on that word alone, so
// a shipped tagger sums their weights once per word form (`SyntaxTagger`); only the group that
// reads predicted tags or pairs of words is looked up per token. Each writes from `out[k]` on
// and returns the new count.

/** Templates of the token's own word: the word, its affixes and shape (and the bias). */
export function selfFeatures(w: Uint32Array, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(1, 0) & mask;
  out[k++] = mix(2, w[LOWER]!) & mask;
  out[k++] = mix(3, w[EXACT]!) & mask;
  out[k++] = mix(4, w[SHAPE]!) & mask;
  for (let s = 0; s < 5; s++) out[k++] = mix(5 + s, w[SUF1 + s]!) & mask;
  out[k++] = mix(10, w[PRE1]!) & mask;
  out[k++] = mix(11, w[PRE3]!) & mask;
  // Only with a lexicon: models trained without one keep their buckets.
  if (w[LEX]) {
    out[k++] = mix(30, w[LEX]!) & mask;
    out[k++] = mix(31, mix(w[LEX]!, w[SUF1 + 2]!)) & mask;
  }
  return k;
}

/** A template group of one neighbouring word: its lower-cased form, and its 3-letter suffix and shape when given ids. */
function neighbour(lowerId: number, suf3Id = 0, shapeId = 0) {
  return (w: Uint32Array, mask: number, out: Int32Array, k: number): number => {
    out[k++] = mix(lowerId, w[LOWER]!) & mask;
    if (suf3Id) out[k++] = mix(suf3Id, w[SUF1 + 2]!) & mask;
    if (shapeId) out[k++] = mix(shapeId, w[SHAPE]!) & mask;
    if (w[LEX]) out[k++] = mix(lowerId + 200, w[LEX]!) & mask;
    return k;
  };
}

/** Templates of the word one before the token. */
export const leftFeatures = neighbour(16, 17, 23);
/** Templates of the word two before the token. */
export const left2Features = neighbour(18);
/** Templates of the word one after the token. */
export const rightFeatures = neighbour(19, 20, 22);
/** Templates of the word two after the token. */
export const right2Features = neighbour(21);

/** The word at offset `d` from token `i`, or the padding outside the sentence. */
export const wordAt = (p: SyntaxInput, i: number, d: number): Uint32Array =>
  i + d < 0 ? PAD_LEFT : i + d >= p.n ? PAD_RIGHT : p.words[i + d]!;

/** Templates of the two tags predicted before the token. */
export function tagFeatures(prev: number, prev2: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(12, prev) & mask;
  out[k++] = mix(13, prev2) & mask;
  out[k++] = mix(14, prev * 256 + prev2) & mask;
  return k;
}

/** Templates of the token's word with whether it opens the sentence (`first` 1 or 0). */
export function initialFeatures(
  w: Uint32Array,
  first: number,
  mask: number,
  out: Int32Array,
  k: number,
): number {
  out[k++] = mix(26, mix(first, w[SHAPE]!)) & mask;
  out[k++] = mix(28, mix(first, w[LOWER]!)) & mask;
  return k;
}

/** Templates of a predicted tag with the word, and of pairs of neighbouring words. */
export function pairFeatures(
  p: SyntaxInput,
  i: number,
  prev: number,
  mask: number,
  out: Int32Array,
  k: number,
): number {
  const w = p.words[i]!;
  const lm1 = wordAt(p, i, -1)[LOWER]!;
  const lp1 = wordAt(p, i, 1)[LOWER]!;
  out[k++] = mix(15, mix(prev, w[LOWER]!)) & mask;
  out[k++] = mix(24, mix(lm1, w[LOWER]!)) & mask;
  out[k++] = mix(25, mix(w[LOWER]!, lp1)) & mask;
  out[k++] = mix(27, mix(prev, w[SUF1 + 2]!)) & mask;
  out[k++] = mix(29, mix(lm1, lp1)) & mask;
  // The word's dictionary classes with the tag before it and with its neighbours' classes: an
  // ambiguous class (`NOUN|VERB`) resolved by what precedes, agreement-like pairs of classes
  // for words the training data has not seen.
  if (p.lexPairs && w[LEX]) {
    out[k++] = mix(32, mix(prev, w[LEX]!)) & mask;
    out[k++] = mix(33, mix(wordAt(p, i, -1)[LEX]!, w[LEX]!)) & mask;
    out[k++] = mix(34, mix(w[LEX]!, wordAt(p, i, 1)[LEX]!)) & mask;
  }
  return k;
}

/**
 * Writes every feature bucket of token `i` for the part-of-speech head into `out` (`mask` keeps
 * the table's bits) and returns how many: the word, its affixes and shape, two words of context
 * on each side, and the two tags predicted before it (a greedy left-to-right tagger, after
 * Honnibal's averaged-perceptron tagger, with longer suffixes for Russian inflection). A
 * token decided without them (`p.fresh`) reads both as the sentence's start.
 */
export function posFeatures(
  p: SyntaxInput,
  i: number,
  prevTag: number,
  prevTag2: number,
  mask: number,
  out: Int32Array,
): number {
  const fresh = p.fresh?.[i] === 1;
  const prev = fresh ? START : prevTag;
  const prev2 = fresh ? START : prevTag2;
  let k = selfFeatures(p.words[i]!, mask, out, 0);
  k = leftFeatures(wordAt(p, i, -1), mask, out, k);
  k = left2Features(wordAt(p, i, -2), mask, out, k);
  k = rightFeatures(wordAt(p, i, 1), mask, out, k);
  k = right2Features(wordAt(p, i, 2), mask, out, k);
  k = tagFeatures(prev, prev2, mask, out, k);
  k = initialFeatures(p.words[i]!, i === 0 ? 1 : 0, mask, out, k);
  return pairFeatures(p, i, prev, mask, out, k);
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
  const h = p.words[i]!;
  const lm1 = i > 0 ? p.words[i - 1]![LOWER]! : PAD;
  out[k++] = mix(101, upos) & mask;
  out[k++] = mix(102, mix(upos, h[SUF1 + 1]!)) & mask;
  out[k++] = mix(103, mix(upos, h[SUF1 + 2]!)) & mask;
  out[k++] = mix(104, mix(upos, h[SUF1 + 3]!)) & mask;
  out[k++] = mix(105, mix(upos, h[LOWER]!)) & mask;
  out[k++] = mix(106, prevUpos * 256 + upos) & mask;
  out[k++] = mix(107, mix(prevMorph, upos)) & mask;
  out[k++] = mix(108, mix(lm1, upos)) & mask;
  out[k++] = mix(109, mix(i > 1 ? p.words[i - 2]![LOWER]! : PAD, upos)) & mask;
  out[k++] = mix(110, mix(i + 1 < p.n ? p.words[i + 1]![SUF1 + 2]! : PAD, upos)) & mask;
  return k;
}
