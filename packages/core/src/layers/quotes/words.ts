import en from './words.en.json' with { type: 'json' };
import ru from './words.ru.json' with { type: 'json' };

/**
 * The shape of a `words.<lang>.json` file: the closed word classes the cue rules read (lower
 * case). Reporting verbs, sources and speaker words live in `cues.<lang>.json`; these are the
 * function words and small lists around them. A list a language does not use is empty.
 */
export interface WordFile {
  /** Adverbial participles that continue a clause with a cue (`добавив`, `заявив`); English uses `-ing`. */
  participles: string[];
  /** The complementiser that opens reported content (`that`, `что`). */
  that: string[];
  /** Cue forms that are also nouns (`a similar report`, `media reports that`). */
  ambiguousCues: string[];
  /** Cue participles that also modify nouns (`pledged delegates`); a verb is followed by its complement. */
  adjectivalCues: string[];
  /** Words that may follow an adjectival cue form used as a verb (`promised to`, `pledged that`). */
  complementOpeners: string[];
  /** Articles that make a following cue form a noun or adjective (`the announced offensive`). */
  articles: string[];
  /** Possessives that make a following cue form a noun (`his claims`). */
  possessives: string[];
  /** Words after a comma that start a new clause and so end reported content (`…, but`, `…, however`). */
  clauseAfterComma: string[];
  /** Words after a comma that open a trailing apposition (`…, a charge that X denied`). */
  trailers: string[];
  /** Auxiliaries that mark a new verb phrase after `and` (`and is begging`). */
  auxiliaries: string[];
  /** Coordinating conjunctions before a second verb (`… and said that`). */
  coordinators: string[];
  /** Words that open a relative clause on a source (`According to Gates, who …,`). */
  relativeClause: string[];
  /** Quantifiers that open a subject (`many of his supporters`). */
  quantifiers: string[];
  /** Words that open an adverbial after a cue (`said on Friday`, `told reporters in an interview`). */
  adverbials: string[];
  /** Lower-case words allowed between a cue and `that` (`told reporters in a statement that`). */
  cueToThat: string[];
  /** Subject pronouns that open a reported clause without `that` after an adverbial. */
  subjectPronouns: string[];
  /** Lower-case words inside names and speaker descriptions (`Secretary of State`, `van`). */
  nameGlue: string[];
  /** Object pronouns that open a sentence whose speaker follows the cue (`Об этом сообщил X`). */
  aboutThis: string[];
}

/** The compiled word lists of one language: each list of {@link WordFile} as a set. */
export type RuleWords = { readonly [K in keyof WordFile]: ReadonlySet<string> };

const FILES: Record<string, WordFile> = { en, ru };

/**
 * The rule word lists of a lexicon language (`en` or `ru`; any other code gets English, as
 * `lexiconFor` does).
 */
export function ruleWords(lang: string): RuleWords {
  const f = FILES[lang] ?? en;
  const out = {} as Record<keyof WordFile, ReadonlySet<string>>;
  for (const k of Object.keys(f) as (keyof WordFile)[]) out[k] = new Set(f[k]);
  return out;
}
