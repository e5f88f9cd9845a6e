import cuesEn from './cues.en.json' with { type: 'json' };
import cuesRu from './cues.ru.json' with { type: 'json' };
import { sentenceWords } from './words.js';

/** A cue list: whole words and multi-word phrases, lower case. */
export interface CueList {
  words: string[];
  phrases: string[];
  /** Words that cancel a cue found up to four words after them (`whether … will`). */
  blockers?: string[];
}

/** The claim-kind cues of one language (`cues.<lang>.json`). */
export interface ClaimCues {
  /** What each kind adds to the model's score when ranking (noisy-or), by kind. */
  priors: Record<string, number>;
  order: string[];
  prediction: CueList;
  causal: CueList;
  statistic: CueList;
  event: CueList;
  report: CueList;
  clauseBreaks: string[];
}

/** A cue list compiled for matching. */
export interface CompiledCues {
  words: Set<string>;
  blockers: Set<string>;
  /** Phrases as lists of feature words, by their first word. */
  phrases: Map<string, string[][]>;
}

const cache = new Map<string, Record<string, CompiledCues>>();

/** The compiled cue lists, in the order of their bits in {@link cueLists}. */
const LIST_NAMES = ['prediction', 'causal', 'statistic', 'event', 'report'];
const starts = new Map<string, Map<string, number>>();

/** The raw cue file for `lang` (English for languages without one). */
export function claimCues(lang: string): ClaimCues {
  return (lang === 'ru' ? cuesRu : cuesEn) as ClaimCues;
}

/** The compiled cue lists of `lang`, by list name (`prediction`, `causal`, …). */
export function compiledCues(lang: string): Record<string, CompiledCues> {
  const key = lang === 'ru' ? 'ru' : 'en';
  let c = cache.get(key);
  if (!c) {
    c = {};
    const raw = claimCues(key) as unknown as Record<string, CueList>;
    for (const name of LIST_NAMES) {
      const list = raw[name]!;
      const phrases = new Map<string, string[][]>();
      for (const p of list.phrases) {
        const ws = sentenceWords(p);
        if (ws.length === 0) continue;
        const same = phrases.get(ws[0]!);
        if (same) same.push(ws);
        else phrases.set(ws[0]!, [ws]);
      }
      c[name] = { words: new Set(list.words), phrases, blockers: new Set(list.blockers ?? []) };
    }
    cache.set(key, c);
  }
  return c;
}

/** The bit of a compiled cue list in {@link cueLists} (0 for a name that is not one). */
export const cueListBit = (name: string): number => {
  const i = LIST_NAMES.indexOf(name);
  return i < 0 ? 0 : 1 << i;
};

/**
 * The cue lists of `lang` (bits by {@link cueListBit}) that may have a cue among `words`: those
 * with a cue word or a phrase's first word there. {@link findCue} finds nothing in the others,
 * so one map lookup per word spares it two per word and list. `at`, when long enough, receives
 * each word's bits, for {@link findCue} to read only the words that may be a list's cue.
 */
export function cueLists(lang: string, words: readonly string[], at?: Uint8Array): number {
  const key = lang === 'ru' ? 'ru' : 'en';
  let m = starts.get(key);
  if (!m) {
    m = new Map<string, number>();
    const c = compiledCues(key);
    for (const name of LIST_NAMES) {
      const bit = cueListBit(name);
      const list = c[name]!;
      for (const w of list.words) m.set(w, (m.get(w) ?? 0) | bit);
      for (const w of list.phrases.keys()) m.set(w, (m.get(w) ?? 0) | bit);
    }
    starts.set(key, m);
  }
  if (at && at.length < words.length) at = undefined;
  let bits = 0;
  for (let i = 0; i < words.length; i++) {
    const b = m.get(words[i]!) ?? 0;
    if (at) at[i] = b;
    bits |= b;
  }
  return bits;
}

/**
 * The first cue of `list` in a clause, given its feature words (`sentenceWords`): a phrase
 * (matched word by word, so punctuation between words does not matter) or else a single cue
 * word, unless one of the list's blockers comes up to four words before it (`whether Kiev
 * will heed` asks, it does not predict). Returns the cue text, or undefined. With `at` and
 * `bit` (the words' bits from {@link cueLists} and the list's bit), only the words whose bits
 * hold `bit` are looked up: no other word can be a cue or a phrase start of the list.
 */
export function findCue(
  list: CompiledCues,
  words: readonly string[],
  at?: Uint8Array,
  bit = 0,
): string | undefined {
  const blocked = (i: number) => {
    if (list.blockers.size === 0) return false;
    for (let j = Math.max(0, i - 4); j < i; j++) if (list.blockers.has(words[j]!)) return true;
    return false;
  };
  const skip = at !== undefined && bit !== 0;
  for (let i = 0; i < words.length; i++) {
    if (skip && (at[i]! & bit) === 0) continue;
    const candidates = list.phrases.get(words[i]!);
    if (!candidates || blocked(i)) continue;
    for (const p of candidates) {
      let k = 1;
      while (k < p.length && words[i + k] === p[k]) k++;
      if (k === p.length) return p.join(' ');
    }
  }
  for (let i = 0; i < words.length; i++) {
    if (skip && (at[i]! & bit) === 0) continue;
    if (list.words.has(words[i]!) && !blocked(i)) return words[i];
  }
  return undefined;
}
