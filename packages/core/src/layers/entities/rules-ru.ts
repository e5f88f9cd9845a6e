import type { Token } from '../../schema.js';
import type { Candidate } from './candidates.js';
import firstNamesEn from './first-names.en.json' with { type: 'json' };
import type { EntityType } from './gazetteer.js';
import { isCapitalized, tokenKey } from './keys.js';
import { adjacent, type GazetteerMatch } from './match.js';
import rules from './rules.ru.json' with { type: 'json' };

const keySet = (words: readonly string[]) => new Set(words.map((w) => tokenKey(w)));
const NOT_NAMES = keySet(rules.notNames);
const FIRST_NAMES = keySet(rules.firstNames);
const HEADS = keySet(rules.institutionHeads);
const PARTS = keySet(rules.institutionParts);
const NATIONAL = keySet(rules.nationalityAdjectives);
const GROUPS = keySet(rules.groupNouns);
/**
 * Group nouns listed only in the plural (`журналисты`, `военные`): their singular names one
 * person (`американский журналист`), no group. `армия`, `режим`, `военнослужащий` are listed in
 * the singular and match in any form.
 */
const PLURAL_ONLY = (() => {
  const singular = new Set(rules.groupNouns.filter((w) => !/[ыиеИ]$/u.test(w)).map((w) => tokenKey(w)));
  return new Set([...GROUPS].filter((k) => !singular.has(k)));
})();
/** Russian plural endings of nouns and adjectives (`журналисты`, `журналистов`, `военным`, `силами`). */
const PLURAL_FORM = /(?:[ыи]|[ыи]е|ов|ев|ей|[ая]м|[ая]ми|[ая]х|[ыи]х|[ыи]м|[ыи]ми)$/u;
/** Plural oblique endings of nouns (`Искандерами`, `Калибрах`, `Хаймарсам`). */
const PLURAL_OBLIQUE = /[^аеиоуыэюяё](?:ами|ах|ам)$/u;
const CLOSERS: Record<string, string[]> = { '«': ['»'], '„': ['“', '”'], '“': ['”'], '"': ['"'] };
const NATIONALS = keySet(rules.nationalityNouns);
const LEADER_GROUPS = keySet(rules.leaderGroups);
const ACRONYM = /^[\p{Lu}\d-]{2,}$/u;
const INITIAL = /^\p{Lu}$/u;
/** An acronym with a case ending (`МИДа`, `ФАБов`): an organisation or a thing, never a person. */
const DECLINED_ACRONYM = /^\p{Lu}{2,}\p{Ll}{1,3}$/u;

/**
 * A capitalised compound whose last part is in small letters (`Telegram-канале`, `YouTube-канала`):
 * a common noun, which opens no name (`в своем Telegram-канале Медведев`). `Ростов-на-Дону` ends
 * in a capital.
 */
const LOWER_TAIL = /-\p{Ll}+$/u;
/** A Latin name and a Russian noun (`Telegram-канале`, `YouTube-канал`): never a name by itself. */
const LATIN_NOUN = /^[A-Za-z]+-[а-яё]+$/u;

const MEDIA_NOUNS = keySet(rules.mediaNouns);

/** Whether an outlet's noun stands before token `i` (`газета «…»`, `в беседе с «…»`). */
function afterMediaNoun(r: RuleInput, i: number): boolean {
  let k = i - 1;
  if (k >= 0 && (surface(r, k) === 'с' || surface(r, k) === 'со')) k--;
  return k >= 0 && isWord(r, k) && MEDIA_NOUNS.has(r.keys[k]!);
}

/** Facts about the document's tokens the rules need. */
export interface RuleInput {
  text: string;
  tokens: readonly Token[];
  /** Token texts. */
  words: readonly string[];
  keys: readonly string[];
  initial: Uint8Array;
  /** Tokens already inside a gazetteer match. */
  covered: Uint8Array;
}

const surface = (r: RuleInput, i: number): string => r.words[i] ?? '';
const isWord = (r: RuleInput, i: number) => r.tokens[i]!.kind === 'word';
const cand = (r: RuleInput, i: number, j: number, type: EntityType, rule: string): Candidate => ({
  i,
  j,
  start: r.tokens[i]!.start,
  end: r.tokens[j - 1]!.end,
  type,
  rule,
});

/** Prepositions of place before the locative case: `в Женеве`, `на Ближнем Востоке`. */
const LOCATIVE_PREPOSITIONS = new Set(['в', 'во', 'на', 'В', 'Во', 'На']);
/** An adjective in an oblique case (`Ближнем`, `Нагорном`, `Южной`): no first name ends so. */
const OBLIQUE_ADJECTIVE = /(?:ом|ем|ой|ого|его|ому|ему|ую|юю|ых|их|ыми|ими)$/u;
const LATIN_WORD = /^[A-Za-z][A-Za-z'-]*$/;
const LATIN_FIRST_NAMES = new Set(firstNamesEn.names);

/** Guesses the type of an unknown capitalised name from first names and word endings. */
export function guessTypeRu(r: RuleInput, i: number, j: number): EntityType {
  const first = r.keys[i]!;
  if ((ACRONYM.test(surface(r, i)) || DECLINED_ACRONYM.test(surface(r, i))) && j - i === 1) return 'ORG';
  if (FIRST_NAMES.has(first) || INITIAL.test(surface(r, i))) return 'PER';
  // `на Ближнем Востоке`, `в Нагорном Карабахе`, `в Женеве`, `в Метелкине`: a name in the locative
  // after a preposition of place is a place, whatever its endings say.
  const last = surface(r, j - 1);
  if (
    i > 0 &&
    LOCATIVE_PREPOSITIONS.has(surface(r, i - 1)) &&
    /[еи]$/u.test(last) &&
    (j - i === 1 || OBLIQUE_ADJECTIVE.test(surface(r, i)))
  )
    return 'LOC';
  // Latin words in a Russian text are names of outlets, shows and weapons (`Foreign Policy`,
  // `Defense Express`, `Dragon Fire`) unless a known first name opens them (`Scott Ritter`).
  if (j - i >= 2 && LATIN_WORD.test(surface(r, i)) && !LATIN_FIRST_NAMES.has(surface(r, i))) return 'ORG';
  for (let k = i; k < j; k++) {
    const w = surface(r, k).toLowerCase();
    if (rules.placeSuffixes.some((e) => w.endsWith(e))) return 'LOC';
  }
  if (j - i >= 2 && !HEADS.has(first)) return 'PER';
  if (rules.surnameEndings.some((e) => r.keys[j - 1]!.endsWith(e))) return 'PER';
  return j - i >= 2 ? 'ORG' : 'MISC';
}

/**
 * Capitalised word sequences (with initials, `В. Орбан`), acronyms and «quoted names».
 * A capital at a sentence start counts only when the word is not a common sentence opener and
 * is followed by another capitalised word or occurs capitalised mid-sentence elsewhere.
 */
export function capsCandidatesRu(r: RuleInput): Candidate[] {
  const out: Candidate[] = [];
  const n = r.tokens.length;
  const midKeys = new Set<string>();
  for (let i = 0; i < n; i++)
    if (!r.initial[i] && isWord(r, i) && isCapitalized(surface(r, i))) midKeys.add(r.keys[i]!);
  const capWord = (i: number) => i < n && !r.covered[i] && isWord(r, i) && isCapitalized(surface(r, i));
  let i = 0;
  while (i < n) {
    // «Name», "Name": a short quoted run starting with a capital, closed by the matching mark.
    // Every opening mark is one character: longer words skip the property lookup.
    const w = surface(r, i);
    const closer = w.length === 1 ? CLOSERS[w] : undefined;
    if (closer && capWord(i + 1)) {
      let j = i + 1;
      while (j < n && j - i <= 5 && !closer.includes(surface(r, j)) && r.tokens[j]!.kind !== 'punct') j++;
      if (j < n && j - i <= 5 && closer.includes(surface(r, j))) {
        // A one-word name in a plural oblique case (`«Искандерами»`, `«Калибрах»`): things
        // counted (weapons, products), not an organisation.
        // After an outlet's noun it is an outlet's name (`в беседе с «Известиями»`).
        const thing = j === i + 2 && PLURAL_OBLIQUE.test(surface(r, i + 1)) && !afterMediaNoun(r, i);
        out.push(cand(r, i, j + 1, thing ? 'MISC' : 'ORG', 'quoted'));
        i = j + 1;
        continue;
      }
    }
    if (!capWord(i)) {
      i++;
      continue;
    }
    // A known first name inside a run (not its last word) starts a new name (`Звезда Даниил
    // Пионтковский`). Checked as the run grows, so that the run stops there: scanning the whole
    // run before cutting it made a long run of names quadratic (each cut rescanned the rest).
    let j = i + 1;
    let k = i + 1;
    for (;;) {
      const grow =
        capWord(j) && adjacent(r.text, r.tokens, j - 1)
          ? 1
          : INITIAL.test(surface(r, j - 1)) && surface(r, j) === '.' && capWord(j + 1)
            ? 2
            : 0;
      j += grow;
      while (k < j - 1 && !(FIRST_NAMES.has(r.keys[k]!) && !FIRST_NAMES.has(r.keys[k - 1]!))) k++;
      if (k < j - 1) {
        j = k;
        break;
      }
      if (grow === 0) break;
    }
    let a = i;
    // A sentence-initial word before a name is usually a common noun (`Учёный Пьер Анро`).
    if (r.initial[a] && j - a > 1 && !FIRST_NAMES.has(r.keys[a]!) && !midKeys.has(r.keys[a]!)) a++;
    while (
      a < j &&
      ((NOT_NAMES.has(r.keys[a]!) && !FIRST_NAMES.has(r.keys[a]!)) ||
        (j - a > 1 && LOWER_TAIL.test(surface(r, a))))
    )
      a++;
    if (a < j) {
      const only = j - a === 1;
      const acronym = only && ACRONYM.test(surface(r, a));
      const keep =
        !r.initial[a] || !only || acronym || (midKeys.has(r.keys[a]!) && !NOT_NAMES.has(r.keys[a]!));
      if (keep && !(only && (INITIAL.test(surface(r, a)) || LATIN_NOUN.test(surface(r, a)))))
        out.push(cand(r, a, j, guessTypeRu(r, a, j), acronym ? 'acronym' : 'caps'));
    }
    i = j;
  }
  return out;
}

/** Russian plural adjective endings (`украинских`, `американские`). */
const PLURAL_ADJECTIVE = /(?:[ыи]х|[ыи]е|[ыи]ми)$/u;

/**
 * Whether a nationality adjective (`i`) and a group noun (`i + 1`) name a group: a plural-only
 * noun must be plural in the noun or, where the genitive plural has no ending (`украинских
 * спецслужб`), in the adjective — `американский журналист` is one person.
 */
const nationalGroup = (r: RuleInput, i: number): boolean =>
  GROUPS.has(r.keys[i + 1]!) &&
  (!PLURAL_ONLY.has(r.keys[i + 1]!) ||
    PLURAL_FORM.test(surface(r, i + 1).toLowerCase()) ||
    PLURAL_ADJECTIVE.test(surface(r, i).toLowerCase()));

/**
 * Institution names and national groups, which Russian writes with one capital or none:
 * `Министерство обороны РФ`, `Следственный комитет России`, `российские военные`.
 * `next(i)` tells whether a name (a state, an organisation) starts at token `i` and where it ends;
 * `leader(i)` the same for names a body can be named after (`администрация Байдена`).
 */
export function phraseCandidatesRu(
  r: RuleInput,
  next: (i: number) => number | undefined,
  leader: (i: number) => number | undefined = next,
): Candidate[] {
  const out: Candidate[] = [];
  const n = r.tokens.length;
  for (let i = 0; i < n; i++) {
    const k = r.keys[i]!;
    if (HEADS.has(k) && isCapitalized(surface(r, i))) {
      let j = i + 1;
      while (j < n && j - i <= 4 && PARTS.has(r.keys[j]!) && adjacent(r.text, r.tokens, j - 1)) j++;
      const tail = j < n && adjacent(r.text, r.tokens, j - 1) ? next(j) : undefined;
      if (tail !== undefined) j = tail;
      if (j - i >= 2) {
        out.push(cand(r, i, j, 'ORG', 'institution'));
        i = j - 1;
      }
    } else if (NATIONAL.has(k) && i + 1 < n && nationalGroup(r, i) && adjacent(r.text, r.tokens, i)) {
      out.push(cand(r, i, i + 2, 'ORG', 'group'));
      i++;
    } else if (NATIONALS.has(k) && !isCapitalized(surface(r, i))) {
      out.push(cand(r, i, i + 1, 'MISC', 'nationality'));
    } else if (LEADER_GROUPS.has(k) && i + 1 < n && adjacent(r.text, r.tokens, i)) {
      // администрация Байдена, окружение Зеленского: a body named after its leader or state.
      const tail = leader(i + 1);
      if (tail !== undefined) {
        out.push(cand(r, i, tail, 'ORG', 'group'));
        i = tail - 1;
      }
    } else if (
      GROUPS.has(k) &&
      isCapitalized(surface(r, i)) === false &&
      i + 1 < n &&
      adjacent(r.text, r.tokens, i)
    ) {
      // спецслужбы Украины, власти Эстонии: a group noun and the state it belongs to.
      const tail = next(i + 1);
      if (tail !== undefined) {
        out.push(cand(r, i, tail, 'ORG', 'group'));
        i = tail - 1;
      }
    }
  }
  return out;
}

/**
 * Drops a one-word place or organisation match that is really a first name before a surname
 * (`Армен Бадалян` is not Armenia): the word is a known first name and a capitalised word follows.
 */
export function firstNameClash(text: string, tokens: readonly Token[], m: GazetteerMatch): boolean {
  if (m.j - m.i !== 1 || m.form.entry.type === 'PER' || m.j >= tokens.length) return false;
  const w = text.slice(tokens[m.i]!.start, tokens[m.i]!.end);
  const next = text.slice(tokens[m.j]!.start, tokens[m.j]!.end);
  return FIRST_NAMES.has(tokenKey(w)) && isCapitalized(next) && adjacent(text, tokens, m.i);
}

/**
 * Extends a person's gazetteer match over a capitalised word just before it — a first name in a
 * form the gazetteer does not list (`Кайи Каллас`) — unless that word opens the sentence and is
 * not a known first name.
 */
export function extendNames(
  text: string,
  tokens: readonly Token[],
  keys: readonly string[],
  initial: Uint8Array,
  matches: GazetteerMatch[],
): GazetteerMatch[] {
  let prevEnd = 0;
  for (const m of matches) {
    const k = m.i - 1;
    if (m.form.entry.type === 'PER' && k >= prevEnd && tokens[k]?.kind === 'word') {
      const w = text.slice(tokens[k]!.start, tokens[k]!.end);
      const ok =
        isCapitalized(w) &&
        !ACRONYM.test(w) &&
        !LOWER_TAIL.test(w) &&
        adjacent(text, tokens, k) &&
        !NOT_NAMES.has(keys[k]!);
      if (ok && (!initial[k] || FIRST_NAMES.has(keys[k]!))) m.i = k;
    }
    prevEnd = m.j;
  }
  return matches;
}
