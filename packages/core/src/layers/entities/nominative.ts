/**
 * The nominative of a one-word Russian name seen only in an oblique case (`Европе`, `Европы`,
 * `Европу` → `Европа`), read off the Russian syntax model's OpenCorpora lexicon without running
 * the tagger: the word's case ending is replaced by each nominative ending it may stand for, and
 * the name is renamed only when the word itself is no headword-like (nominative or uninflected)
 * form and has a name reading but no adjective one, and exactly one replacement is a headword,
 * with a name reading and no adjective one (`европа`, not `европ`). Anything else keeps the form the article uses: a wrong nominative is
 * worse than an inflected one.
 */

/** What the lexicon answers: `FormClasses` of the Russian syntax model. */
export interface NameLexicon {
  isHeadword(lower: string): boolean;
  classOf(lower: string): string | undefined;
}

// Oblique endings of nouns → the nominative endings they may stand for; the longest ending of a
// word decides. Adjectives (`Кировском`, `Белой`) are left alone: alone they are part of a name.
const RULES: [string, string[]][] = [
  ['ии', ['ия', 'ий', 'ие']],
  ['ию', ['ия']],
  ['ией', ['ия']],
  ['ой', ['а', 'ая']],
  ['ей', ['я', 'ь']],
  ['ом', ['', 'о']],
  ['ем', ['ь', 'й', 'е']],
  ['ью', ['ь']],
  ['е', ['а', 'я', '', 'ь', 'й', 'о']],
  ['у', ['а', '']],
  ['ю', ['я', 'ь', 'й']],
  ['ы', ['а']],
  ['и', ['а', 'я', 'ь']],
  ['а', ['', 'о']],
  ['я', ['ь', 'й', 'е']],
];

const WORD = /^\p{Lu}[\p{Ll}]+$/u;
/** A class with a name reading (`NOUN*`) and no adjective one. */
const NAME = (c: string | undefined) => c?.includes('NOUN*') === true && !c.includes('ADJF');

/** Whether a lower-cased word is a nominative (headword) with a name reading and no adjective one. */
export const isNominativeName = (lower: string, lex: NameLexicon): boolean =>
  lex.isHeadword(lower) && NAME(lex.classOf(lower));

/** The nominative of a capitalised one-word Cyrillic name, or undefined when it is not known. */
export function nominativeRu(word: string, lex: NameLexicon): string | undefined {
  if (!WORD.test(word) || !/[а-яё]$/.test(word)) return undefined;
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  if (lex.isHeadword(lower) || !NAME(lex.classOf(lower))) return undefined;
  const rule = RULES.find(([e]) => lower.endsWith(e) && lower.length - e.length >= 2);
  if (!rule) return undefined;
  const stem = lower.slice(0, -rule[0].length);
  let found: string | undefined;
  // Every headword among the readings counts (`бела` and `белая`): two make it unknown.
  for (const n of rule[1]) {
    const cand = stem + n;
    if (!lex.isHeadword(cand)) continue;
    if (found !== undefined) return undefined;
    found = cand;
  }
  return found === undefined || !NAME(lex.classOf(found))
    ? undefined
    : word.slice(0, stem.length) + found.slice(stem.length);
}
