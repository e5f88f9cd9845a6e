import type { Lexicon } from './lexicon.js';
import { isCap, type Tok } from './tok.js';
import type { SpeakerType } from './types.js';

/**
 * Russian speaker words: institutions read in any case (`Совбеза`, `в Кремле`) and personal names
 * brought back to the nominative (`по словам Дмитрия Пескова` → `Дмитрий Песков`).
 */

/**
 * The dictionary form of a Russian place or institution word read in another case (`Кремле` →
 * `Кремль`, `Украине` → `Украина`, `России` → `Россия`, `ведомстве` → `ведомство`) and its
 * speaker type, when one of its likely nominative forms is in the lexicon.
 */
export function baseFormRu(w: string, lex: Lexicon): [string, SpeakerType] | undefined {
  const stem = w.slice(0, -1);
  for (const f of [`${stem}а`, `${stem}ь`, `${stem}о`, `${stem}я`, `${w.slice(0, -2)}ия`, `${stem}й`]) {
    const type = lex.words.states.has(f) ? 'government' : listedTypeRu(f, lex);
    if (type) return [f, type];
  }
  return undefined;
}

/** The type the lexicon's institution lists give a Russian word form, if any. */
function listedTypeRu(f: string, lex: Lexicon): SpeakerType | undefined {
  if (lex.government.has(f)) return 'government';
  if (lex.media.has(f)) return 'media';
  if (lex.organization.has(f)) return 'organization';
  return undefined;
}

/** A Russian institution word as written or in the genitive (`Совбеза`, `Минобороны`, `ФРГ`). */
export function institutionRu(w: string, lex: Lexicon): boolean {
  const forms = [w, w.slice(0, -1), `${w.slice(0, -1)}а`, `${w.slice(0, -1)}я`];
  return lex.words.states.has(w) || forms.some((f) => listedTypeRu(f, lex) !== undefined);
}

/** Genitive endings of Russian personal names and what they are in the nominative, tried in order. */
const GENITIVE_NAME: [RegExp, string][] = [
  [/(ов|ев|ёв|ин|ын)ой$/, '$1а'], // Захаровой → Захарова
  [/([сц]к)ой$/, '$1ая'], // Вербицкой → Вербицкая
  [/([сц]к)ого$/, '$1ий'], // Зеленского → Зеленский
  [/ого$/, 'ой'], // Толстого → Толстой
  [/(ович|евич|ич)а$/, '$1'], // Владимировича → Владимирович
  [/(овн|евн|ичн)ы$/, '$1а'], // Владимировны → Владимировна
  [/ии$/, 'ия'], // Марии → Мария
  [/ия$/, 'ий'], // Дмитрия → Дмитрий
  [/ея$/, 'ей'], // Сергея → Сергей
  [/ьи$/, 'ья'], // Натальи → Наталья
  [/([гкхжшчщ])и$/, '$1а'], // Ольги → Ольга
  [/([бвгдзклмнпрстфхц])ы$/, '$1а'], // Анны → Анна
  [/([лнр])я$/, '$1ь'], // Игоря → Игорь, Эммануэля → Эммануэль
  [/([бвгджзклмнпрстфхцчшщ])а$/, '$1'], // Пескова → Песков, Ивана → Иван
];

/** Feminine accusative endings of Russian personal names and their nominative, tried in order. */
const ACCUSATIVE_FEMININE: [RegExp, string][] = [
  [/([сц]к)ую$/, '$1ая'], // Вербицкую → Вербицкая
  [/(ов|ев|ёв|ин|ын)у$/, '$1а'], // Захарову → Захарова
  [/ию$/, 'ия'], // Марию → Мария
  [/ью$/, 'ья'], // Наталью → Наталья
  [/([бвгдзклмнпрстфхц])у$/, '$1а'], // Людмилу → Людмила
];

/**
 * A Russian person's name read in the accusative (`со ссылкой на Марию Захарову`) in the
 * nominative. A man's name in the accusative is its genitive (`на Дмитрия Пескова`); a woman's
 * ends every word in -у/-ю. A lone word in -у changes only with a surname's ending, so that
 * indeclinable names (`Шойгу`) stay as written.
 */
export function accusativeRu(name: string): string {
  const words = name.split(' ');
  const caps = words.filter((w) => /^[А-ЯЁ][а-яё-]+$/.test(w));
  if (!caps.length || !caps.every((w) => /[ую]$/.test(w))) return nominativeRu(name);
  return words
    .map((w) => {
      if (!/^[А-ЯЁ][а-яё-]+$/.test(w)) return w;
      for (const [re, to] of ACCUSATIVE_FEMININE)
        if (re.test(w) && (caps.length > 1 || !to.startsWith('$1а') || /(ов|ев|ёв|ин|ын)у$/.test(w)))
          return w.replace(re, to);
      return w;
    })
    .join(' ');
}

/**
 * A Russian person's name read in the genitive (after `по словам`) in the nominative: each
 * capitalised word by its ending (`Дмитрия Пескова` → `Дмитрий Песков`, `Марии Захаровой` →
 * `Мария Захарова`); indeclinable names (`Шойгу`, `Джо`) stay as written.
 */
export function nominativeRu(name: string): string {
  return name
    .split(' ')
    .map((w) => {
      if (!/^[А-ЯЁ][а-яё-]+$/.test(w)) return w;
      for (const [re, to] of GENITIVE_NAME) if (re.test(w)) return w.replace(re, to);
      return w;
    })
    .join(' ');
}

/** Whether the phrase at token `s` follows `со ссылкой на` / `ссылаясь на`. */
export function citedRu(toks: readonly Tok[], s: number): boolean {
  return toks[s - 1]?.lw === 'на' && (toks[s - 2]?.lw === 'ссылкой' || toks[s - 2]?.lw === 'ссылаясь');
}

/**
 * Whether a Russian cue is a neuter past form (`заявило`, `сообщило`, `сказалось`): its subject
 * is no person (`Ранее Forbes заявило`, an outlet or a body).
 */
export function neuterCueRu(cue: string): boolean {
  return /^\p{L}{2,}ло(?:сь)?$/u.test(cue.toLowerCase());
}

/**
 * A Russian role or office word as written or in the genitive (`зампреда` → `зампред`,
 * `представителя` → `представитель`, `главы` → `глава`), in its listed form, if it is one.
 */
export function roleFormRu(lw: string, lex: Lexicon): string | undefined {
  const listed = (f: string) => lex.roles.has(f) || lex.titles.has(f);
  if (listed(lw)) return lw;
  const stem = lw.slice(0, -1);
  if (/[ая]$/.test(lw)) for (const f of [stem, `${stem}ь`, `${stem}й`]) if (listed(f)) return f;
  if (/[ыи]$/.test(lw) && listed(`${stem}а`)) return `${stem}а`;
  return undefined;
}

/**
 * A Russian plural role word (`эксперты`, `представители`): a group speaks, not the person named
 * after it (`эксперты офиса Зеленского`). `замглавы`, `зампредседателя` are one deputy's title
 * with its genitive complement.
 */
export function pluralRoleRu(lw: string, lex: Lexicon): boolean {
  return lex.roles.has(lw) && /[ыи]$/.test(lw) && !lw.startsWith('зам');
}

/**
 * A Russian channel or platform word in the locative (`Telegram-канале`, `в соцсетях`, `в
 * эфире`, `в блоге`): where a speaker speaks, no part of the speaker's name.
 */
export const PLATFORM_RU =
  /(?:^|-)(?:канале|блоге|микроблоге|аккаунте|соцсетях|соцсети|сетях|эфире|странице|подкасте|твиттере|телеграме|интервью)$/u;

/** Prepositions and possessives that open a platform phrase (`в своем Telegram-канале`). */
export const PLATFORM_LEAD_RU: ReadonlySet<string> = new Set([
  'в',
  'во',
  'на',
  'своем',
  'своём',
  'своей',
  'своих',
  'его',
  'её',
  'ее',
]);

/** Dative and genitive endings of a capitalised word (`Карлсону`, `Первого`), which no nominative name has. */
const OBLIQUE_CAP_RU = /(?:у|ю|ого|его|ому|ему)$/u;

/**
 * Where the speaker starts after a Russian channel or platform word at `k` (`В эфире Первого
 * канала Песков`, `В интервью Такеру Карлсону Путин`): past the channel's or interviewer's
 * complement — a lower-case word that is no role, or a capitalised word in the dative or
 * genitive — while a capitalised word follows it before `e`.
 */
export function afterPlatformRu(toks: readonly Tok[], k: number, e: number, lex: Lexicon): number {
  const capLater = (j: number) => toks.slice(j + 1, e).some((t) => t.kind === 'word' && isCap(t));
  let j = k + 1;
  while (j < e - 1 && toks[j]!.kind === 'word' && capLater(j)) {
    const t = toks[j]!;
    const complement = isCap(t)
      ? OBLIQUE_CAP_RU.test(t.w)
      : !lex.roles.has(t.lw) && !lex.titles.has(t.lw) && !lex.anonymous.has(t.lw);
    if (!complement) break;
    j++;
  }
  return j;
}
