import en from './cues.en.json' with { type: 'json' };
import ru from './cues.ru.json' with { type: 'json' };

/** Cue lexicons by language: category → entries (`word`, `stem*`, `multi word phrase`). */
const LEXICONS: Record<string, Record<string, string[]>> = { en, ru };

interface Entry {
  words: string[];
  /** The last word matches as a prefix. */
  prefix: boolean;
  category: string;
}

/** A compiled lexicon: entries indexed by their first word (or first-word prefix). */
export interface CueMatcher {
  exact: Map<string, Entry[]>;
  prefixes: Map<string, Entry[]>;
  maxPrefix: number;
  /** Category names, in lexicon order. */
  categories: string[];
}

const compiled = new Map<string, CueMatcher | null>();

/** The cue matcher of a language, or null when the project has no lexicon for it. */
export function cueMatcher(lang: string): CueMatcher | null {
  if (compiled.has(lang)) return compiled.get(lang)!;
  const lex = LEXICONS[lang];
  let m: CueMatcher | null = null;
  if (lex) {
    m = { exact: new Map(), prefixes: new Map(), maxPrefix: 0, categories: Object.keys(lex) };
    for (const [category, entries] of Object.entries(lex)) {
      for (const raw of entries) {
        const words = raw.toLowerCase().split(/\s+/);
        const prefix = words[words.length - 1]!.endsWith('*');
        if (prefix) words[words.length - 1] = words[words.length - 1]!.slice(0, -1);
        const e = { words, prefix, category };
        const first = words[0]!;
        if (words.length === 1 && prefix) {
          m.prefixes.set(first, [...(m.prefixes.get(first) ?? []), e]);
          m.maxPrefix = Math.max(m.maxPrefix, first.length);
        } else m.exact.set(first, [...(m.exact.get(first) ?? []), e]);
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

function matchesAt(words: readonly string[], i: number, e: Entry): boolean {
  for (let k = 0; k < e.words.length; k++) {
    const w = words[i + k];
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
    for (const e of m.exact.get(w) ?? [])
      if (matchesAt(words, i, e)) hits.push({ category: e.category, from: i, to: i + e.words.length });
    const top = Math.min(m.maxPrefix, w.length);
    for (let n = 2; n <= top; n++) {
      const es = m.prefixes.get(w.slice(0, n));
      if (es) for (const e of es) hits.push({ category: e.category, from: i, to: i + 1 });
    }
  }
  return hits;
}
