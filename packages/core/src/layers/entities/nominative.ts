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
  // Plural forms of a thing's name (`«Искандерами»` → `Искандер`).
  ['ами', ['', 'а', 'о']],
  ['ам', ['', 'а', 'о']],
  ['ах', ['', 'а', 'о']],
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

/** A class with a noun reading, a name's or a common noun's, and no adjective one. */
const NOUN = (c: string | undefined) => c?.includes('NOUN') === true && !c.includes('ADJF');

/**
 * The nominative of a capitalised one-word Cyrillic name, or undefined when it is not known.
 * `common`: a common noun's reading counts too (a quoted name of a thing, `«Кинжалами»`).
 */
export function nominativeRu(word: string, lex: NameLexicon, common = false): string | undefined {
  if (!WORD.test(word) || !/[а-яё]$/.test(word)) return undefined;
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  const reading = common ? NOUN : NAME;
  if (lex.isHeadword(lower) || !reading(lex.classOf(lower))) return undefined;
  const rule = RULES.find(([e]) => lower.endsWith(e) && lower.length - e.length >= 2);
  if (!rule) return undefined;
  const stem = lower.slice(0, -rule[0].length);
  let found: string | undefined;
  // Every headword of a noun or an adjective among the readings counts (`бела` and `белая`): two
  // make it unknown. A verb's (`миргородь` beside `миргород`) is no reading of a name.
  for (const n of rule[1]) {
    const cand = stem + n;
    if (!lex.isHeadword(cand) || !/NOUN|ADJ/.test(lex.classOf(cand) ?? 'NOUN')) continue;
    if (found !== undefined) return undefined;
    found = cand;
  }
  return found === undefined || !reading(lex.classOf(found))
    ? undefined
    : word.slice(0, stem.length) + found.slice(stem.length);
}

/** Surname and patronymic endings of a man's name by case → their nominative ending. */
const SURNAME_SUFFIXES = ['ов', 'ев', 'ёв', 'ин', 'ын'];
/** Adjectival surnames (`Айвазовского` → `Айвазовский`, `Хабенскому`), by the stems `-ск-`, `-цк-`. */
const ADJ = (m: string, f?: string): [string, string][] =>
  ['ск', 'цк'].map((k): [string, string] => [k + m, k + (f ?? 'ий')]);
const MAN: Record<string, [string, string][]> = {
  // A man's surname in `-ия` declines as a woman's noun (`Давида Арахамии` → `Арахамия`).
  gen: [
    ['вича', 'вич'],
    ...SURNAME_SUFFIXES.map((s): [string, string] => [`${s}а`, s]),
    ...ADJ('ого'),
    ['ии', 'ия'],
  ],
  dat: [
    ['вичу', 'вич'],
    ...SURNAME_SUFFIXES.map((s): [string, string] => [`${s}у`, s]),
    ...ADJ('ому'),
    ['ии', 'ия'],
  ],
  ins: [
    ['вичем', 'вич'],
    ...SURNAME_SUFFIXES.map((s): [string, string] => [`${s}ым`, s]),
    ...ADJ('им'),
    ['ией', 'ия'],
  ],
  prep: [
    ['виче', 'вич'],
    ...SURNAME_SUFFIXES.map((s): [string, string] => [`${s}е`, s]),
    ...ADJ('ом'),
    ['ии', 'ия'],
  ],
};
/** A man's surname of no suffix above takes the case ending on a consonant (`Спиваком`). */
const MAN_PLAIN: Record<string, string> = { gen: 'а', dat: 'у', ins: 'ом', prep: 'е' };
/** The same of a woman's name: accusative, instrumental, and the other oblique cases. */
const WOMAN: Record<string, [string, string][]> = {
  acc: [
    ['вну', 'вна'],
    ...SURNAME_SUFFIXES.map((s): [string, string] => [`${s}у`, `${s}а`]),
    ...ADJ('ую', 'ая'),
  ],
  ins: [
    ['вной', 'вна'],
    ...SURNAME_SUFFIXES.map((s): [string, string] => [`${s}ой`, `${s}а`]),
    ...ADJ('ой', 'ая'),
  ],
  obl: [
    ['вны', 'вна'],
    ['вне', 'вна'],
    ...SURNAME_SUFFIXES.map((s): [string, string] => [`${s}ой`, `${s}а`]),
    ...ADJ('ой', 'ая'),
  ],
};

/** The case a first name's oblique ending gives, by the gender its nominative shows (`Марией` → ins). */
function caseOf(form: string, nominative: string): ['m' | 'f', string] | undefined {
  if (/[ая]$/.test(nominative)) {
    if (/[ую]$/.test(form)) return ['f', 'acc'];
    if (/[ое]й$/.test(form)) return ['f', 'ins'];
    if (/[ыие]$/.test(form)) return ['f', 'obl'];
    return undefined;
  }
  if (/[ое]м$/.test(form)) return ['m', 'ins'];
  if (/[ая]$/.test(form)) return ['m', 'gen'];
  if (/[ую]$/.test(form)) return ['m', 'dat'];
  if (/е$/.test(form)) return ['m', 'prep'];
  return undefined;
}

/** One later word of a name (patronymic, surname) in the first name's case and gender, in the nominative. */
function laterWord(lower: string, gender: 'm' | 'f', c: string, lex: NameLexicon): string | undefined {
  for (const [from, to] of (gender === 'm' ? MAN : WOMAN)[c]!)
    if (lower.endsWith(from) && lower.length - from.length >= 2) return lower.slice(0, -from.length) + to;
  const plain = gender === 'm' ? MAN_PLAIN[c]! : undefined;
  if (!plain || !lower.endsWith(plain)) return undefined;
  const stem = lower.slice(0, -plain.length);
  // A consonant stem the lexicon knows as a headword (`спивак`), not a suffixed surname the table
  // reads otherwise (`Ивановом` is no form of `Иванов`).
  return /[бвгджзклмнпрстфхцчшщ]$/.test(stem) &&
    stem.length >= 3 &&
    !SURNAME_SUFFIXES.some((s) => stem.endsWith(s)) &&
    lex.isHeadword(stem.replace(/ё/g, 'е'))
    ? stem
    : undefined;
}

/**
 * The nominative of a Russian person's name of two or three words seen only in an oblique case
 * (`Дмитрием Спиваком` → `Дмитрий Спивак`, `Марии Захаровой` → `Мария Захарова`, `Сергея
 * Петровича Иванова`): the first name's nominative as {@link nominativeRu} reads it, its ending
 * giving the case and gender, and every later word in that case and gender by the endings of
 * Russian surnames and patronymics (`-ова`, `-овой`, `-вича`, `-ского`) or, for a man's surname, a consonant
 * stem the lexicon knows (`Спиваком` → `спивак`). Undefined unless every word checks out: a
 * first name already nominative, a surname of another paradigm (`Барака Обамы`, `Ходаренком`).
 */
export function nominativeNameRu(name: string, lex: NameLexicon): string | undefined {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 3 || !words.every((w) => WORD.test(w) && /^[А-ЯЁ]/.test(w)))
    return undefined;
  const first = nominativeRu(words[0]!, lex);
  if (!first) return undefined;
  const c = caseOf(words[0]!.toLowerCase(), first.toLowerCase());
  if (!c) return undefined;
  const out = [first];
  for (const w of words.slice(1)) {
    const n = laterWord(w.toLowerCase(), c[0], c[1], lex);
    if (!n) return undefined;
    out.push(w[0] + n.slice(1));
  }
  return out.join(' ');
}

/** Oblique and nominative endings of Russian adjectives, longest first. */
const ADJ_CASE_ENDING = /(?:ыми|ими|ого|его|ому|ему|ая|яя|ое|ее|ые|ие|ый|ий|ой|ей|ую|юю|ых|их|ым|им|ом|ем)$/u;
/** Nominative endings of an adjective by the gender and number of its noun. */
const ADJ_NOMINATIVE: Record<'m' | 'f' | 'n' | 'pl', string[]> = {
  m: ['ый', 'ий', 'ой'],
  f: ['ая', 'яя'],
  n: ['ое', 'ее'],
  pl: ['ые', 'ие'],
};

/** The gender (or plural) a noun's nominative shows (`партия` f, `суд` m, `силы` pl). */
const genderOf = (noun: string): keyof typeof ADJ_NOMINATIVE =>
  /(?:ий|ой|ый)$/u.test(noun)
    ? 'm'
    : /[ая]$/u.test(noun)
      ? 'f'
      : /[ыи]$/u.test(noun)
        ? 'pl'
        : /[ое]$/u.test(noun)
          ? 'n'
          : /ь$/u.test(noun)
            ? 'f'
            : 'm';

/**
 * The nominative of an adjective (`Демократической`, `мировой`) agreeing with a noun whose
 * nominative is `noun`: the one nominative ending of that gender the lexicon knows as an adjective's
 * form (`второй` → `вторая`), the word's first letter kept; undefined when none or two are.
 */
function adjectiveNominative(word: string, noun: string, lex: NameLexicon): string | undefined {
  const lower = word.toLowerCase();
  const ending = ADJ_CASE_ENDING.exec(lower)?.[0];
  if (!ending || lower.length - ending.length < 2) return undefined;
  const stem = lower.slice(0, -ending.length);
  const gender = genderOf(noun);
  // An ordinal of the `третий` type keeps its soft sign (`Третьей` → `Третья`, `третий`).
  const cands = stem.endsWith('ь')
    ? [gender === 'm' ? `${stem.slice(0, -1)}ий` : stem + { f: 'я', n: 'е', pl: 'и' }[gender]]
    : ADJ_NOMINATIVE[gender].map((e) => stem + e);
  // A form the lexicon lists (it guesses unknown words by their suffix, `отечественняя` too).
  const found = cands.filter((w) => {
    const l = w.replace(/ё/g, 'е');
    return lex.isHeadword(l) && lex.classOf(l)?.includes('ADJ') === true;
  });
  if (found.length !== 1) return undefined;
  const keep = Math.min(stem.length, word.length) - (stem.endsWith('ь') && gender === 'm' ? 1 : 0);
  return word.slice(0, keep) + found[0]!.slice(keep);
}

/**
 * The nominative of a Russian name made of adjectives and their head noun, with what the noun
 * governs after it as written (`Демократической партии` → `Демократическая партия`, `Второй
 * мировой войны` → `Вторая мировая война`, `Всемирной организации здравоохранения` →
 * `Всемирная организация здравоохранения`): `adjectives` agree with `head`, the head noun's
 * nominative. Undefined unless every adjective checks out.
 */
export function nominativePhraseRu(
  adjectives: readonly string[],
  head: string,
  rest: readonly string[],
  lex: NameLexicon,
): string | undefined {
  // The adjectives' number must be the noun's (`Русской православной церкви` is no `церкви` plural).
  const plural = /(?:ых|их|ыми|ими|ые|ие)$/u;
  if (adjectives.some((a) => plural.test(a.toLowerCase()) !== (genderOf(head) === 'pl'))) return undefined;
  const out: string[] = [];
  for (const a of adjectives) {
    const n = adjectiveNominative(a, head, lex);
    if (!n) return undefined;
    out.push(n);
  }
  return [...out, head, ...rest].join(' ');
}

/** Plural oblique endings of nouns, soft first (`Вестями`, `Фактах`, `Курантам`). */
const PLURAL_OBLIQUE = /(?:ями|ях|ям|ами|ах|ам)$/u;

/**
 * The nominative plural of a one-word name in a plural oblique case (`Вестями` → `Вести`,
 * `Известиями` → `Известия`, `Фактах` → `Факты`): the name of a plural-named outlet. A noun the
 * lexicon lists in the plural only (`куранты`) counts as it is; else the one singular headword the
 * stem takes (`весть`, `известие`, `факт`) gives the plural by its ending. Undefined when none or
 * two are headwords.
 */
export function nominativePluralRu(word: string, lex: NameLexicon): string | undefined {
  if (!WORD.test(word)) return undefined;
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  const ending = PLURAL_OBLIQUE.exec(lower)?.[0];
  if (!ending || lower.length - ending.length < 2) return undefined;
  const stem = lower.slice(0, -ending.length);
  const soft = ending.startsWith('я');
  const hushing = /[гкхжшщч]$/u.test(stem);
  const noun = (w: string) => lex.isHeadword(w) && lex.classOf(w)?.includes('NOUN') === true;
  const plain = soft || hushing ? 'и' : 'ы';
  if (noun(stem + plain)) return word.slice(0, stem.length) + plain;
  // Singular endings (after the stem) → the plural's.
  const singular: [string, string][] = soft
    ? [
        ['ь', 'и'],
        ['я', 'и'],
        ['е', 'я'],
        ['й', 'и'],
      ]
    : [
        ['', plain],
        ['а', plain],
        ['о', 'а'],
      ];
  const found = singular.filter(([s]) => noun(stem + s));
  return found.length === 1 ? word.slice(0, stem.length) + found[0]![1] : undefined;
}
