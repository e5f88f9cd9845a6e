import en from './cues.en.json' with { type: 'json' };
import ru from './cues.ru.json' with { type: 'json' };
import { type RuleWords, ruleWords } from './words.js';

/** The shape of a `cues.<lang>.json` file. */
export interface CueFile {
  /** Reporting verbs: lemma → surface forms (multi-word forms allowed: `pointed out`). */
  verbs: Record<string, string[]>;
  evaluative: string[];
  /** Lemmas whose object is the speaker and whose subject relays them (`quoted`, `cited`). */
  relay: string[];
  /** Phrases followed by the source (`according to`, `по словам`). */
  sourceAfter: string[];
  skipAfterCue: string[];
  /** Words allowed between the source and the verb (`also`, `reportedly`, `has`). */
  between: string[];
  hedges: string[];
  distancing: string[];
  /** Words that end a source noun phrase when walking away from the cue. */
  boundaries: string[];
  pronouns: Record<string, string>;
  determiners: string[];
  titles: string[];
  /**
   * Military and civil ranks and the heads of a person's description (`генерал-лейтенант`,
   * `полковник`, `gen`, `lieutenant`), lower case, abbreviations without their dot: they join
   * `titles` (also capitalised) and `roles`, and the `sources` layer reads them as person heads.
   */
  ranks?: string[];
  roles: string[];
  anonymous: string[];
  media: string[];
  mediaNouns: string[];
  government: string[];
  organization: string[];
  documents: string[];
  scareMaxWords: number;
  /** Stance cues (lemmas or forms) whose content is their object noun phrase (`endorsed Cruz`). */
  objectCues?: string[];
  /** Prefixes that make a role word another role (`экс-`, `вице-`: `экс-госсекретарь`, `вице-канцлер`). */
  rolePrefixes?: string[];
  /** Words that end such an object: prepositions, subordinators, time words. */
  objectStops?: string[];
  /** Cue forms learned from PolNeAR train: form → [reliability, gold count] (see `newsprism train quotes-cues`). */
  learned: Record<string, [number, number]>;
}

/** A cue phrase as lower-cased tokens, with its lemma. */
export interface CuePhrase {
  words: string[];
  lemma: string;
  /** Learned from data rather than curated. */
  learned?: boolean;
}

/** A compiled cue list for one language. */
export interface Lexicon {
  lang: string;
  /** Cue phrases by first word (lower case), longest first. */
  verbs: Map<string, CuePhrase[]>;
  sourceAfter: Map<string, CuePhrase[]>;
  evaluative: Set<string>;
  relay: Set<string>;
  skipAfterCue: Set<string>;
  between: Set<string>;
  boundaries: Set<string>;
  pronouns: Map<string, string>;
  determiners: Set<string>;
  titles: Set<string>;
  roles: Set<string>;
  /** The ranks (lower case), also in `titles` and `roles`. */
  ranks: Set<string>;
  anonymous: Set<string>;
  media: Set<string>;
  mediaNouns: Set<string>;
  government: Set<string>;
  organization: Set<string>;
  documents: Set<string>;
  /** The multi-word media and government names (single words are looked up in the sets). */
  mediaPhrases: string[];
  governmentPhrases: string[];
  /** First words of cue phrases: bit 1 distancing, 2 `sourceAfter`, 4 verbs (one lookup per token). */
  cueStarts: Map<string, number>;
  /** Hedges and distancing phrases as one regex (group 1: hedge, group 2: distancing). */
  signals: RegExp;
  /** Distancing phrases by first word: their verbs (`asked not to be named`) are not cues. */
  distancing: Map<string, CuePhrase[]>;
  scareMaxWords: number;
  objectCues: Set<string>;
  objectStops: Set<string>;
  /** Prefixes of role words (`экс-`, `вице-`), whose roles are also in `roles`. */
  rolePrefixes: string[];
  /** The closed word classes the cue rules read (`words.<lang>.json`). */
  words: RuleWords;
}

const FILES: Record<string, CueFile> = { en: en as unknown as CueFile, ru: ru as unknown as CueFile };
/** The cue files by language, for provenance checksums. */
export const lexiconData: Readonly<Record<string, unknown>> = FILES;

/** Splits a phrase into the words the tokenizer will produce (lower case). */
function phraseWords(p: string): string[] {
  return p
    .toLowerCase()
    .split(/\s+/)
    .flatMap((w) => (/^[,:—–]$/.test(w) ? [w] : w.split(/(?=[,:])/)));
}

function addPhrase(map: Map<string, CuePhrase[]>, phrase: string, lemma: string, learned = false): void {
  const words = phraseWords(phrase);
  const list = map.get(words[0]!) ?? [];
  if (!list.some((c) => c.words.join(' ') === words.join(' '))) list.push({ words, lemma, learned });
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(words[0]!, list);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a cue file; learned cues at or above `minReliability` join the verbs. */
export function compileLexicon(lang: string, f: CueFile, minReliability = 0.5, minCount = 3): Lexicon {
  const verbs = new Map<string, CuePhrase[]>();
  for (const [lemma, forms] of Object.entries(f.verbs))
    for (const form of forms) addPhrase(verbs, form, lemma);
  const learned = Object.entries(f.learned ?? {});
  // Single forms first: a learned phrase (`is confident that`) joins only where none of its words
  // is already a cue by itself (`has said` is `said` with an auxiliary the rules read already).
  learned.sort(([a], [b]) => Number(a.includes(' ')) - Number(b.includes(' ')));
  const single = (w: string) => !!verbs.get(w)?.some((c) => c.words.length === 1);
  // `focuses`: verbs of a topic or a thing (`words.<lang>.json` `notLearnedCues`) report nothing.
  const words = ruleWords(lang);
  const notCues = words.notLearnedCues;
  for (const [form, [rel, n]] of learned)
    if (
      (!form.includes(' ') || !phraseWords(form).some(single)) &&
      !phraseWords(form).some((w) => notCues.has(w)) &&
      rel >= minReliability &&
      n >= minCount &&
      !f.between.includes(form) &&
      !f.boundaries.includes(form) &&
      !f.sourceAfter.some((p) => p.startsWith(form))
    )
      addPhrase(verbs, form, form, true);
  const ranks = f.ranks ?? [];
  const roles = [...f.roles, ...ranks];
  const sourceAfter = new Map<string, CuePhrase[]>();
  for (const p of f.sourceAfter) addPhrase(sourceAfter, p, p);
  const distancing = new Map<string, CuePhrase[]>();
  for (const p of f.distancing) addPhrase(distancing, p, p);
  const alt = (xs: string[]) => xs.map(escapeRe).join('|');
  // ASCII word boundaries are much faster than Unicode look-arounds; Cyrillic needs the latter.
  const signals =
    lang === 'en'
      ? new RegExp(`\\b(?:(${alt(f.hedges)})|(${alt(f.distancing)}))\\b`, 'gi')
      : new RegExp(`(?<![\\p{L}])(?:(${alt(f.hedges)})|(${alt(f.distancing)}))(?![\\p{L}])`, 'giu');
  const cueStarts = new Map<string, number>();
  for (const [m, bit] of [
    [distancing, 1],
    [sourceAfter, 2],
    [verbs, 4],
  ] as const)
    for (const w of m.keys()) cueStarts.set(w, (cueStarts.get(w) ?? 0) | bit);
  return {
    lang,
    verbs,
    sourceAfter,
    cueStarts,
    evaluative: new Set(f.evaluative),
    relay: new Set(f.relay),
    skipAfterCue: new Set(f.skipAfterCue),
    between: new Set(f.between),
    boundaries: new Set(f.boundaries),
    pronouns: new Map(Object.entries(f.pronouns)),
    determiners: new Set(f.determiners),
    titles: new Set([...f.titles, ...ranks, ...ranks.map((r) => r[0]!.toUpperCase() + r.slice(1))]),
    roles: new Set([...roles, ...(f.rolePrefixes ?? []).flatMap((x) => roles.map((r) => x + r))]),
    ranks: new Set(ranks),
    anonymous: new Set(f.anonymous),
    media: new Set(f.media),
    mediaNouns: new Set(f.mediaNouns),
    government: new Set(f.government),
    mediaPhrases: f.media.filter((x) => x.includes(' ')),
    governmentPhrases: f.government.filter((x) => x.includes(' ')),
    organization: new Set(f.organization),
    documents: new Set(f.documents),
    signals,
    distancing,
    scareMaxWords: f.scareMaxWords,
    objectCues: new Set(f.objectCues ?? []),
    objectStops: new Set(f.objectStops ?? []),
    rolePrefixes: f.rolePrefixes ?? [],
    words,
  };
}

const cache = new Map<string, Lexicon>();
/** Per learned table of one's own (keyed by the object, so a table read once is compiled once per setting). */
const ownCache = new WeakMap<object, Map<string, Lexicon>>();

/** A learned cue table: form → [reliability, gold count], as `newsprism train quotes-cues` writes it. */
export type LearnedTable = Record<string, [number, number]>;

/**
 * The cue list for a language (`en`, `ru`; Ukrainian and Belarusian use Russian; others English).
 * Learned cues join at or above `minReliability` and `minCount` gold cues; `table` replaces the
 * English learned table (a table of one's own, or one learned on some folds for cross-validation).
 */
export function lexiconFor(lang: string, minReliability = 0.5, minCount = 3, table?: LearnedTable): Lexicon {
  const code = lang === 'ru' || lang === 'uk' || lang === 'be' ? 'ru' : 'en';
  const key = `${code}:${minReliability}:${minCount}`;
  const own = table && code === 'en' ? table : undefined;
  let map = cache;
  if (own) {
    map = ownCache.get(own) ?? new Map<string, Lexicon>();
    ownCache.set(own, map);
  }
  let lex = map.get(key);
  if (!lex) {
    const file = own ? { ...FILES[code]!, learned: own } : FILES[code]!;
    lex = compileLexicon(code, file, minReliability, minCount);
    map.set(key, lex);
  }
  return lex;
}
