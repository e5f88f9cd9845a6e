import { fastSnowball } from '@newsprism/core/node';

const snowball = fastSnowball();
const english = snowball.newStemmer('english');
const russian = snowball.newStemmer('russian');
const CYRILLIC = /[\u0400-\u04ff]/;

/** A character FTS5's unicode61 tokenizer would split at, other than a space. */
export const ODD = /[^\p{L}\p{N}\p{Co} ]/u;

/**
 * One word form as met in texts: its stem, whether the stem is one FTS5 token that
 * lower-casing leaves alone (see fts-terms.ts), and its count in the text being stemmed (`n`,
 * valid while `pass` is that text's).
 */
interface Form {
  readonly stem: string;
  readonly plain: boolean;
  n: number;
  pass: number;
}

const forms = new Map<string, Form>();
const FORMS_LIMIT = 200_000;
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
  return /^[a-z]/.test(lower) ? english.stem(lower) : lower;
}

function formOf(word: string): Form {
  let f = forms.get(word);
  if (f === undefined) {
    const stem = stemOf(word);
    f = { stem, plain: stem !== '' && !ODD.test(stem) && stem === stem.toLowerCase(), n: 0, pass: -1 };
    // Words repeat heavily across a corpus; a bounded memo keeps stemming off the ingest profile.
    if (forms.size >= FORMS_LIMIT) forms.clear();
    forms.set(word, f);
  }
  return f;
}

/**
 * The index form of one word: lower-cased, `ё` read as `е`, then stemmed by the Snowball
 * stemmer of its script (Cyrillic → Russian, Latin → English; other scripts are only
 * lower-cased). The script decides rather than the document's language so that a query term
 * and the same word in any document always get the same stem, on both backends.
 */
export function stemWord(word: string): string {
  return formOf(word).stem;
}

const WORD = /[\p{L}\p{N}]+/gu;

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
  // match() gives the words as strings (no match objects): the cheapest walk over a long text.
  const words = text.match(WORD);
  if (!words) return { stems: '', words: 0, plain: true };
  const pass = ++passes;
  const stems = new Array<string>(words.length);
  const seen: Form[] = [];
  let plain = true;
  for (let i = 0; i < words.length; i++) {
    const f = formOf(words[i]!);
    stems[i] = f.stem;
    if (f.pass !== pass) {
      f.pass = pass;
      f.n = 0;
      seen.push(f);
      if (!f.plain) plain = false;
    }
    f.n += weight;
  }
  if (counts) for (const f of seen) counts.set(f.stem, (counts.get(f.stem) ?? 0) + f.n);
  return { stems: `${stems.join(' ')} `, words: words.length, plain };
}

/** How many words {@link stemText} finds in `text` (the `words` column), without stemming them. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
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
