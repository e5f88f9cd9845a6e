import { fastSnowball } from '@newsprism/core/node';
import { stem as english } from 'porter2';

// English words are stemmed by `porter2`, Russian ones by snowball-stemmers' Russian program.
// `porter2` is the same algorithm as Snowball's English stemmer (Porter2) written by hand, with
// the very same stems (stem.test.ts compares both on generated forms; 2.6 million forms of the
// shared corpora, their suffixed variants and random words: none differ), so that a store
// indexed before keeps matching its queries. It is compact code that the JIT makes fast at
// once, where snowball-stemmers' English program, a Java translation, costs 25–30 µs a word for
// the first thousands of words of a process (docs/benchmarks.md, session 15).
const russian = fastSnowball().newStemmer('russian');
const CYRILLIC = /[\u0400-\u04ff]/;

/** A character FTS5's unicode61 tokenizer would split at, other than a space. */
export const ODD = /[^\p{L}\p{N}\p{Co} ]/u;

/**
 * One word form as met in texts: the form, its hash ({@link hashOf}), its stem, whether the
 * stem is one FTS5 token that lower-casing leaves alone (see fts-terms.ts), and its count in the
 * text being stemmed (`n`, valid while `pass` is that text's).
 */
interface Form {
  readonly word: string;
  /** The word's length (kept: a string's own length is read through one of its many shapes). */
  readonly len: number;
  readonly hash: number;
  readonly stem: string;
  readonly plain: boolean;
  n: number;
  pass: number;
}

// The memo of word forms: an open-addressing table looked up by a word's place in its text, so
// that a form met before costs no string of its own (nor a hash of one) — words repeat heavily
// across a corpus. Bounded: emptied when full.
const FORMS_LIMIT = 200_000;
const SLOTS = 1 << 19;
const forms = new Array<Form | undefined>(SLOTS).fill(undefined);
let size = 0;
let passes = 0;

function stemOf(word: string): string {
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  if (/^\p{N}+$/u.test(lower)) return lower;
  if (CYRILLIC.test(lower)) {
    const stem = russian.stem(lower);
    // Snowball reads some names' endings as suffixes (Киев → ки, while Киева → киев): a stem
    // under three letters keeps the word's first four, so that the forms meet again.
    return stem.length < 3 && lower.length > stem.length ? lower.slice(0, 4) : stem;
  }
  return /^[a-z]/.test(lower) ? english(lower) : lower;
}

/** The memo's form for `text.slice(start, end)`, whose hash is `hash` ({@link hashOf}); made when new. */
function formAt(text: string, start: number, end: number, hash: number): Form {
  // 30 bits: a small integer, so that every form keeps one shape (a wider one is a heap number).
  const key = hash & 0x3fffffff;
  const len = end - start;
  let i = key & (SLOTS - 1);
  for (let f = forms[i]; f !== undefined; f = forms[i]) {
    if (f.hash === key && f.len === len && text.startsWith(f.word, start)) return f;
    i = (i + 1) & (SLOTS - 1);
  }
  return addForm(text, start, end, key, i);
}

/**
 * `word` as a string of its own. In V8 a slice of 13 characters or more is a view of the string it
 * was cut from (a SlicedString), which keeps all of it alive: a long word kept in the memo as
 * sliced would keep its whole document text in memory until the memo is emptied (as would its
 * stem, often a slice of the word). Concatenation then slicing makes the cheapest copy of the
 * ways measured (docs/benchmarks.md, session 16); a shorter slice is a copy already.
 */
function own(word: string): string {
  return word.length < 13 ? word : ` ${word}`.slice(1);
}

/** Stems a new form and keeps it in the memo at slot `i` (or in an emptied memo when full). */
function addForm(text: string, start: number, end: number, key: number, i: number): Form {
  if (size >= FORMS_LIMIT) {
    forms.fill(undefined);
    size = 0;
    i = key & (SLOTS - 1);
  }
  const word = own(end - start === text.length ? text : text.slice(start, end));
  const stem = stemOf(word);
  const f: Form = {
    word,
    len: end - start,
    hash: key,
    stem,
    plain: stem !== '' && !ODD.test(stem) && stem === stem.toLowerCase(),
    n: 0,
    pass: -1,
  };
  forms[i] = f;
  size++;
  return f;
}

/** A word's hash: FNV-1a over its UTF-16 code units (stemText takes it as it reads the word). */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The index form of one word: lower-cased, `ё` read as `е`, then stemmed by the Snowball
 * stemmer of its script (Cyrillic → Russian, Latin → English; other scripts are only
 * lower-cased). The script decides rather than the document's language so that a query term
 * and the same word in any document always get the same stem, on both backends.
 */
export function stemWord(word: string): string {
  return formAt(word, 0, word.length, hashOf(word)).stem;
}

/** Matches one word character: what the words of {@link stemText} are made of. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside the surrogates, 1 when it is a word character (made on first use). */
let wordUnits: Uint8Array | undefined;
/** Per code point above U+FFFF met so far, whether it is a word character. */
const astral = new Map<number, boolean>();

function units(): Uint8Array {
  if (wordUnits) return wordUnits;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++)
    if ((c < 0xd800 || c > 0xdfff) && WORD_CHAR.test(String.fromCharCode(c))) t[c] = 1;
  wordUnits = t;
  return t;
}

function astralWord(cp: number): boolean {
  let w = astral.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    astral.set(cp, w);
  }
  return w;
}

/** What {@link stemText} makes of a text. */
export interface StemmedText {
  /** The stems joined by spaces, with a trailing space. */
  stems: string;
  words: number;
  /** Whether every stem is one FTS5 token that lower-casing leaves alone (see fts-terms.ts). */
  plain: boolean;
}

/**
 * The stems of `text` joined by spaces (what both full-text indexes hold) and its word count.
 * Given `counts`, also adds `weight` to each stem's count there. A text's words are counted on
 * their memo entries (no map operation a word) and added to `counts` once a distinct word.
 */
export function stemText(text: string, counts?: Map<string, number>, weight = 1): StemmedText {
  const table = units();
  const pass = ++passes;
  const stems: string[] = [];
  const seen: Form[] = [];
  let plain = true;
  // One pass over the code units: a word is a run of letters and numbers ([\p{L}\p{N}]+, as
  // countWords' expression), its hash (hashOf) taken as it is read, so that the memo is searched
  // without cutting the word out of the text.
  const n = text.length;
  let start = -1;
  let h = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    let w = table[c] === 1;
    let d = 0;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) w = astralWord(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
      else d = 0;
    }
    if (w) {
      if (start < 0) {
        start = i;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ c, 0x01000193);
      if (d !== 0) {
        h = Math.imul(h ^ d, 0x01000193);
        i++;
      }
    } else if (start >= 0) {
      const f = formAt(text, start, i, h);
      start = -1;
      stems.push(f.stem);
      if (f.pass !== pass) {
        f.pass = pass;
        f.n = 0;
        seen.push(f);
        if (!f.plain) plain = false;
      }
      f.n += weight;
    }
  }
  if (stems.length === 0) return { stems: '', words: 0, plain: true };
  if (counts) for (const f of seen) counts.set(f.stem, (counts.get(f.stem) ?? 0) + f.n);
  return { stems: `${stems.join(' ')} `, words: stems.length, plain };
}

/** How many words {@link stemText} finds in `text` (the `words` column), without stemming them. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** How many body words PostgreSQL's rank vector holds (see pg-fts.ts). */
export const LEAD_WORDS = 100;

/** The first `n` words of a space-separated stem string (`stemText(…).stems`). */
export function firstWords(stems: string, n = LEAD_WORDS): string {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = stems.indexOf(' ', at + 1);
    if (at < 0) return stems;
  }
  return stems.slice(0, at + 1);
}

// The full-text index holds at most this much stemmed body per document: PostgreSQL's tsvector
// is limited to 1 MB, and both backends must index the same words.
const FTS_LIMIT = 400_000;

/** The part of a body's stem string (`stemText(…).stems`) that the full-text indexes hold. */
export function indexedBody(stems: string): string {
  return stems.length > FTS_LIMIT ? stems.slice(0, stems.lastIndexOf(' ', FTS_LIMIT)) : stems;
}
