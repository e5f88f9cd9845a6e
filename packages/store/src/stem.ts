import { fastSnowball } from './snowball.js';

const snowball = fastSnowball();
const english = snowball.newStemmer('english');
const russian = snowball.newStemmer('russian');
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;
const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * The index form of one word: lower-cased, `ё` read as `е`, then stemmed by the Snowball
 * stemmer of its script (Cyrillic → Russian, Latin → English; other scripts are only
 * lower-cased). The script decides rather than the document's language so that a query term
 * and the same word in any document always get the same stem, on both backends.
 */
export function stemWord(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  let stem = lower;
  if (/^\p{N}+$/u.test(lower)) stem = lower;
  else if (CYRILLIC.test(lower)) {
    stem = russian.stem(lower);
    // Snowball reads some names' endings as suffixes (Киев → ки, while Киева → киев): a stem
    // under three letters keeps the word's first four, so that the forms meet again.
    if (stem.length < 3 && lower.length > stem.length) stem = lower.slice(0, 4);
  } else if (/^[a-z]/.test(lower)) stem = english.stem(lower);
  // Words repeat heavily across a corpus; a bounded memo keeps stemming off the ingest profile.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The stems of `text` joined by spaces (what both full-text indexes hold) and its word count.
 * Given `counts`, also adds `weight` to each stem's count there: counting the memo's own stem
 * strings (whose hashes V8 keeps) is far cheaper than splitting the joined string again.
 */
export function stemText(
  text: string,
  counts?: Map<string, number>,
  weight = 1,
): { stems: string; words: number } {
  // match() gives the words as strings (no match objects): the cheapest walk over a long text.
  const words = text.match(WORD);
  if (!words) return { stems: '', words: 0 };
  const stems = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) {
    const stem = stemWord(words[i]!);
    stems[i] = stem;
    if (counts) counts.set(stem, (counts.get(stem) ?? 0) + weight);
  }
  return { stems: `${stems.join(' ')} `, words: words.length };
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
