import { ownString } from '../../text/own-string.js';
import en from './cues.en.json' with { type: 'json' };
import ru from './cues.ru.json' with { type: 'json' };

/** Cue lexicons by language: category → entries (`word`, `stem*`, `multi word phrase`). */
const LEXICONS: Record<string, Record<string, string[]>> = { en, ru };
/** The cue files by language, for provenance checksums. */
export const techniqueCueData: Readonly<Record<string, unknown>> = LEXICONS;

interface Entry {
  words: string[];
  /** The last word matches as a prefix. */
  prefix: boolean;
  category: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Single-word stem entries ending at this node. */
  stems?: Entry[];
}

/** A compiled lexicon: exact entries by first word, stems in a character trie. */
export interface CueMatcher {
  exact: Map<string, Entry[]>;
  stems: TrieNode;
  /** Category names, in lexicon order. */
  categories: string[];
  /** Word → what it can start (words repeat: most lookups hit). */
  wordMemo: Map<string, WordCues>;
  /** A direct-mapped cache of {@link cuesOfWord} by a hash of the word: words and their cues. */
  cachedWords: (string | undefined)[];
  cachedCues: WordCues[];
}

/** Slots of {@link CueMatcher.cachedWords} (a power of two). */
const CACHE_SLOTS = 1 << 15;

/** What a word can start: multi-word or exact entries, and the categories of its stems. */
export interface WordCues {
  exact: readonly Entry[] | undefined;
  stems: readonly string[];
}

/** The memo entry of the many words that start no cue at all. */
const NO_CUES: WordCues = { exact: undefined, stems: [] };

const compiled = new Map<string, CueMatcher | null>();

/** The cue matcher of a language, or null when the project has no lexicon for it. */
export function cueMatcher(lang: string): CueMatcher | null {
  if (compiled.has(lang)) return compiled.get(lang)!;
  const lex = LEXICONS[lang];
  let m: CueMatcher | null = null;
  if (lex) {
    m = {
      exact: new Map(),
      stems: { next: new Map() },
      categories: Object.keys(lex),
      wordMemo: new Map(),
      cachedWords: new Array<string | undefined>(CACHE_SLOTS).fill(undefined),
      cachedCues: new Array<WordCues>(CACHE_SLOTS).fill(NO_CUES),
    };
    for (const [category, entries] of Object.entries(lex)) {
      for (const raw of entries) {
        const words = raw.toLowerCase().split(/\s+/);
        const prefix = words[words.length - 1]!.endsWith('*');
        if (prefix) words[words.length - 1] = words[words.length - 1]!.slice(0, -1);
        const e = { words, prefix, category };
        if (words.length === 1 && prefix) {
          let node = m.stems;
          for (let i = 0; i < words[0]!.length; i++) {
            const c = words[0]!.charCodeAt(i);
            let n = node.next.get(c);
            if (!n) {
              n = { next: new Map() };
              node.next.set(c, n);
            }
            node = n;
          }
          node.stems ??= [];
          node.stems.push(e);
        } else m.exact.set(words[0]!, [...(m.exact.get(words[0]!) ?? []), e]);
      }
    }
  }
  compiled.set(lang, m);
  return m;
}

/** A cue found in a word sequence: category and word range `[from, to)`. */
export interface CueHit {
  category: string;
  from: number;
  to: number;
}

/** Whether entry `e` matches `words` at `i` (`end`: where the words stop counting). */
function matchesAt(words: readonly string[], i: number, e: Entry, end = words.length): boolean {
  for (let k = 0; k < e.words.length; k++) {
    const w = i + k < end ? words[i + k] : undefined;
    if (w === undefined) return false;
    const last = k === e.words.length - 1;
    if (last && e.prefix ? !w.startsWith(e.words[k]!) : w !== e.words[k]) return false;
  }
  return true;
}

/** Every cue of the lexicon in `words` (lower-cased, as from `featureWords`). */
export function findCues(m: CueMatcher, words: readonly string[]): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const es = m.exact.get(w);
    if (es)
      for (const e of es)
        if (matchesAt(words, i, e)) hits.push({ category: e.category, from: i, to: i + e.words.length });
    let node: TrieNode | undefined = m.stems;
    for (let k = 0; k < w.length && node; k++) {
      node = node.next.get(w.charCodeAt(k));
      if (node?.stems) for (const e of node.stems) hits.push({ category: e.category, from: i, to: i + 1 });
    }
  }
  return hits;
}

/** Categories of the stem entries `w` starts with, walking the trie. */
function stemCategories(m: CueMatcher, w: string): string[] {
  const out: string[] = [];
  let node: TrieNode | undefined = m.stems;
  for (let k = 0; k < w.length && node; k++) {
    node = node.next.get(w.charCodeAt(k));
    if (node?.stems) for (const e of node.stems) out.push(e.category);
  }
  return out;
}

/**
 * The {@link WordCues} of a word from the language's memo (dropped when it grows too large),
 * copied into `local` when given.
 */
function wordCues(m: CueMatcher, w: string, local?: Map<string, WordCues>): WordCues {
  let cues = m.wordMemo.get(w);
  if (!cues) {
    const exact = m.exact.get(w);
    const stems = stemCategories(m, w);
    cues = exact || stems.length ? { exact, stems } : NO_CUES;
    if (m.wordMemo.size > 100_000) m.wordMemo.clear();
    m.wordMemo.set(ownString(w), cues);
  }
  local?.set(w, cues);
  return cues;
}

/**
 * Hits per cue category in `words`: the counts of {@link findCues}, without the hit objects.
 * `local` is a memo for one article: its paragraphs repeat the article's words, and a map of a
 * few hundred words answers faster than the language's memo of up to 100,000.
 */
export function countCues(
  m: CueMatcher,
  words: readonly string[],
  local?: Map<string, WordCues>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const cues = local?.get(w) ?? wordCues(m, w, local);
    if (cues === NO_CUES) continue;
    if (cues.exact)
      for (const e of cues.exact)
        if (matchesAt(words, i, e)) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
    for (const c of cues.stems) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

/**
 * The {@link WordCues} of a word, looked up afresh (the language memo of {@link countCues} is
 * for callers without a word list of their own).
 */
export function cuesOfWord(m: CueMatcher, w: string): WordCues {
  const exact = m.exact.get(w);
  let stems: string[] | undefined;
  let node: TrieNode | undefined = m.stems;
  for (let k = 0; k < w.length && node; k++) {
    node = node.next.get(w.charCodeAt(k));
    if (node?.stems) {
      stems ??= [];
      for (const e of node.stems) stems.push(e.category);
    }
  }
  return exact || stems ? { exact, stems: stems ?? [] } : NO_CUES;
}

/**
 * {@link cuesOfWord} through the matcher's cache: `hash` is any hash of the word (the same word
 * always gives the same one); a slot keeps the last word that fell in it.
 */
export function cachedCuesOfWord(m: CueMatcher, w: string, hash: number): WordCues {
  const slot = hash & (CACHE_SLOTS - 1);
  if (m.cachedWords[slot] === w) return m.cachedCues[slot]!;
  const cues = cuesOfWord(m, w);
  m.cachedWords[slot] = ownString(w);
  m.cachedCues[slot] = cues;
  return cues;
}

/**
 * {@link countCues} over words `[from, to)` of a text's words, each word's cues given by its
 * distinct-word id (`cues[ids[i]]`): the same counts, in the same order, without a lookup by
 * word. Multi-word entries do not reach past `to`, as if the run were the whole list.
 */
export function countCuesIn(
  words: readonly string[],
  ids: ArrayLike<number>,
  cues: readonly WordCues[],
  from: number,
  to: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const c = cues[ids[i]!]!;
    if (c === NO_CUES) continue;
    if (c.exact)
      for (const e of c.exact)
        if (matchesAt(words, i, e, to)) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
    for (const cat of c.stems) counts.set(cat, (counts.get(cat) ?? 0) + 1);
  }
  return counts;
}
