import type { Span } from '../../schema.js';
import type { Lexicon } from './lexicon.js';
import { isCap, type NpRange, type Tok } from './tok.js';
import type { Speaker, SpeakerType } from './types.js';

/** A speaker as described by one noun phrase, before resolution. */
export interface SpeakerDesc {
  speaker: Speaker;
  /** Lower-case head noun (`official`, `expert`) for definite descriptions. */
  head?: string;
  /** `the official`, `эксперт`: refers back to an earlier speaker. */
  definite: boolean;
  /** A pronoun's class (`m`, `f`, `pl`). */
  pronoun?: string;
  /** The span of the name inside the phrase, if any. */
  nameSpan?: Span;
}

const PREPS = new Set([
  'of',
  'in',
  'at',
  'for',
  'from',
  'with',
  'close',
  'to',
  'on',
  'within',
  'inside',
  'by',
  'из',
  'в',
]);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
/** Words that follow an anonymous head in English (`sources close to`, `people familiar with`). */
const CLOSE = new Set(['close', 'familiar', 'briefed', 'knowledgeable', 'involved', 'who']);
const STATES = new Set([
  'Russia',
  'Ukraine',
  'Kiev',
  'Kyiv',
  'Moscow',
  'Washington',
  'US',
  'U.S',
  'USA',
  'America',
  'Beijing',
  'China',
  'Germany',
  'Berlin',
  'London',
  'Britain',
  'UK',
  'France',
  'Paris',
  'Poland',
  'Warsaw',
  'Israel',
  'Iran',
  'Tehran',
  'Turkey',
  'Ankara',
  'Россия',
  'Москва',
  'Киев',
  'Украина',
  'США',
  'Вашингтон',
  'России',
  'Украины',
  'РФ',
  'ФРГ',
  'Германии',
  'Германия',
  'Франции',
  'Франция',
  'Китая',
  'Китай',
  'Польши',
  'Польша',
  'Британии',
  'Великобритании',
]);

/** A lower-case adverb in -ly (`wrongly`, `publicly`), not a noun such as `rally` or `family`. */
const ADVERB = /^[a-z]{2,}[^ai]ly$/;
const NOT_ADVERBS = new Set([
  'supply',
  'assembly',
  'monopoly',
  'anomaly',
  'rally',
  'tally',
  'reply',
  'bully',
  'folly',
  'elderly',
]);
const TIME_ADVERBS = new Set(['now', 'today', 'yesterday', 'tonight', 'meanwhile', 'instead', 'too', 'soon']);

const words = (toks: readonly Tok[], s: number, e: number, text: string) =>
  s < e ? text.slice(toks[s]!.start, toks[e - 1]!.end) : '';

function typeOfWords(ws: readonly string[], lex: Lexicon): SpeakerType | undefined {
  const joined = ws.join(' ');
  if (ws.some((w) => lex.media.has(w)) || lex.mediaPhrases.some((m) => joined.includes(m))) return 'media';
  if (ws.some((w) => lex.mediaNouns.has(w))) return 'media';
  if (ws.some((w) => lex.government.has(w)) || lex.governmentPhrases.some((g) => joined.includes(g)))
    return 'government';
  if (ws.some((w) => lex.organization.has(w))) return 'organization';
  if (ws.length <= 2 && ws.every((w) => STATES.has(w))) return 'government';
  return undefined;
}

/**
 * Reads a source noun phrase: its name (a trailing run of capitalised words after any title or
 * role word), its role (the description around the name), its type and whether it refers back.
 */
export function describeSpeaker(toks: readonly Tok[], np: NpRange, text: string, lex: Lexicon): SpeakerDesc {
  const { s } = np;
  let e = np.e;
  // `Clinton wrongly (claimed)`, `The budget office now (says)`: a trailing adverb is no part of the name.
  while (
    e - s > 1 &&
    lex.lang === 'en' &&
    ((ADVERB.test(toks[e - 1]!.w) && !NOT_ADVERBS.has(toks[e - 1]!.w)) || TIME_ADVERBS.has(toks[e - 1]!.w))
  )
    e--;
  const first = toks[s]!;
  if (e - s === 1 && lex.pronouns.has(first.lw)) {
    return {
      speaker: { name: first.w, type: 'unknown' },
      definite: true,
      pronoun: lex.pronouns.get(first.lw),
    };
  }
  // Head region: up to the first preposition that opens a lower-case phrase (`official in the administration`).
  let h = e as number;
  for (let k = s + 1; k < e; k++) {
    const t = toks[k]!;
    if (t.w === '(') {
      h = k;
      break;
    }
    if (PREPS.has(t.w) && (t.w === 'by' || !isCap(toks[k + 1] ?? t))) {
      h = k;
      break;
    }
  }
  // Document by someone: `a report by Der Spiegel` speaks for Der Spiegel, as a document.
  if (h < e && toks[h]!.w === 'by' && toks.slice(s, h).some((t) => lex.documents.has(t.lw))) {
    const inner = describeSpeaker(toks, { s: h + 1, e }, text, lex);
    return { ...inner, definite: false };
  }
  let n = h;
  while (
    n > s &&
    (isCap(toks[n - 1]!) || toks[n - 1]!.w === '.' || /^['’]s$/.test(toks[n - 1]!.w)) &&
    // A title or role word stops the name, unless it is a surname after a first name (`Howard
    // Dean`, `Bob Bishop`); a title word before an institution noun names the institution
    // (`Defence Ministry`).
    (surnameRole(toks, n - 1, h, s, lex) ||
      (!(lex.titles.has(toks[n - 1]!.w) && !(n < h && lex.government.has(toks[n]!.w))) &&
        !lex.roles.has(toks[n - 1]!.lw))) &&
    !(lex.determiners.has(toks[n - 1]!.lw) && (n - 1 === s || !isCap(toks[n - 1]!)))
  )
    n--;
  // `President Volodymyr Zelenskyy`: everything up to the last title is role.
  while (n < h && (toks[n]!.w === '.' || /^['’]s$/.test(toks[n]!.w))) n++;
  // An `of` between capitalised words: `Secretary of State John Kerry` (a title's complement),
  // `Sen. Lindsey Graham of South Carolina` (a person and where they are from), `Bank of America`.
  let ofTail = false;
  if (lex.lang === 'en' && n > s + 1 && n < h && toks[n - 1]!.lw === 'of' && isCap(toks[n - 2]!)) {
    const titleWord = (t: Tok) => lex.titles.has(t.w) || lex.roles.has(t.lw);
    let m = n - 2;
    while (m > s && isCap(toks[m - 1]!) && !titleWord(toks[m - 1]!)) m--;
    if (titleWord(toks[n - 2]!)) {
      if (h - n >= 3) n = h - 2;
    } else {
      let before = m - 1;
      if (before >= s && toks[before]!.w === '.') before--;
      const run = toks.slice(m, n - 1).map((t) => t.w);
      const titled = before >= s && titleWord(toks[before]!);
      if (titled || (run.length >= 2 && !typeOfWords(run, lex))) {
        h = n - 1;
        n = m;
        ofTail = true;
      } else if (!titleWord(toks[m]!)) n = m;
      while (n < h && lex.determiners.has(toks[n]!.lw)) n++;
    }
  }
  // Russian: `заместитель секретаря Совета Безопасности РФ Александр Венедиктов` — the genitive
  // organisation belongs to the role; a person's name is two words, three with a patronymic.
  // `Глава Минобороны Сергей Шойгу`: three capitalised words whose last two read as a first name
  // and surname (no abbreviation, no institution word) are an organisation and a name too.
  if (lex.lang === 'ru' && h - n >= 3) {
    const patronymic = /(вич|вна|ична)$/.test(toks[h - 2]!.w);
    const personal = (t: Tok) =>
      /^[А-ЯЁ][а-яё]+$/.test(t.w) && !lex.government.has(t.w) && !lex.media.has(t.w);
    if (h - n > 3 || (!patronymic && personal(toks[h - 2]!) && personal(toks[h - 1]!)))
      n = h - (patronymic ? 3 : 2);
  }
  // An abbreviation in parentheses right after a name belongs to it: `Federal Intelligence Agency (BND)`;
  // a US party label (`Howard Dean (D)`, `(D-Vt.)`) describes the person and stays in the role.
  if (np.paren && np.paren[0] === h && np.paren[1] === e && n < h && !partyLabel(toks, np.paren)) h = e;
  if (lex.lang === 'ru') {
    // `Также Медведев`: a sentence-initial adverb is no part of the name.
    while (n < h - 1 && (lex.between.has(toks[n]!.lw) || lex.boundaries.has(toks[n]!.lw))) n++;
    // `Зампред Совбеза Медведев`: an institution in the genitive before a surname is role.
    // (`РИА Новости` is one outlet's name.)
    if (
      h - n === 2 &&
      institutionRu(toks[n]!.w, lex) &&
      !institutionRu(toks[n + 1]!.w, lex) &&
      !lex.media.has(`${toks[n]!.w} ${toks[n + 1]!.w}`) &&
      !lex.organization.has(`${toks[n]!.w} ${toks[n + 1]!.w}`)
    )
      n++;
  }
  // `канцлер ФРГ`, `the president of Ukraine`: a country after a role word names no person.
  if (
    n < h &&
    n > s &&
    toks.slice(n, h).every((t) => STATES.has(t.w) || t.w === '.') &&
    toks.slice(s, n).some((t) => lex.roles.has(t.lw) || lex.titles.has(t.w) || lex.titles.has(t.lw))
  )
    n = h;
  // `Канцлер отметил`, `Ранее зампред Совбеза заявил`: a capitalised role word or an institution
  // alone names no person.
  const roleBefore = toks.slice(s, n).some((t) => lex.roles.has(t.lw) || lex.titles.has(t.lw));
  if (
    n < h &&
    toks
      .slice(n, h)
      .every(
        (t) =>
          t.w === '.' ||
          lex.roles.has(t.lw) ||
          (lex.lang === 'ru' && (lex.titles.has(t.lw) || (roleBefore && institutionRu(t.w, lex)))),
      )
  )
    n = h;
  const nameWords = toks.slice(n, h).map((t) => t.w);
  const headWords = toks.slice(s, h).map((t) => t.w);
  const lowerHead = toks.slice(s, h).filter((t) => !isCap(t) && t.kind === 'word');
  const head = lowerHead.length ? lowerHead[lowerHead.length - 1]!.lw : undefined;
  let roleStart = s;
  while (
    roleStart < Math.max(n, e - 1) &&
    ((lex.determiners.has(toks[roleStart]!.lw) &&
      toks[roleStart]!.lw !== 'senior' &&
      toks[roleStart]!.lw !== 'top') ||
      // `Ранее зампред Совбеза`, `Поэтому канцлер ФРГ`: a sentence adverb opens no description.
      (lex.lang === 'ru' &&
        (lex.between.has(toks[roleStart]!.lw) || lex.boundaries.has(toks[roleStart]!.lw))))
  )
    roleStart++;
  const roleText = [words(toks, roleStart, n, text), h < e ? words(toks, h, e, text) : '']
    .filter(Boolean)
    .join(n < h && !ofTail ? ', ' : ' ');
  const definite = DEFINITE.has(first.lw) || (lex.lang === 'ru' && n === h);
  const byWords = typeOfWords(headWords, lex);
  const docHead = head !== undefined && lex.documents.has(head);
  if (nameWords.length && n < h) {
    let nameText = words(toks, n, h, text);
    const nameSpan = { start: toks[n]!.start, end: toks[h - 1]!.end };
    let nameType = typeOfWords(nameWords, lex);
    // `В Кремле заявили`, `На Украине утверждают`: a place named in another case, in the nominative.
    const base =
      !nameType && lex.lang === 'ru' && nameWords.length === 1 ? baseFormRu(nameWords[0]!, lex) : undefined;
    if (base) [nameText, nameType] = base;
    const roleWordsPresent =
      n > s && toks.slice(s, n).some((t) => lex.roles.has(t.lw) || lex.titles.has(t.w));
    // `СКР`, `NATO`: a name in capitals only is an organisation's, not a person's.
    const acronym = nameWords.every((w) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
    const type: SpeakerType =
      roleWordsPresent && !nameType
        ? 'person'
        : (nameType ?? (docHead ? 'document' : acronym ? 'organization' : 'person'));
    return {
      speaker: { name: nameText, type, role: roleText || undefined },
      definite: false,
      nameSpan,
      head,
    };
  }
  let desc = words(toks, roleStart, e, text);
  // `В ведомстве указали`: an institution noun in another case, in the nominative.
  const baseDesc = lex.lang === 'ru' && e - roleStart === 1 ? baseFormRu(desc, lex) : undefined;
  if (baseDesc) desc = baseDesc[0];
  let type: SpeakerType = byWords ?? baseDesc?.[1] ?? 'unknown';
  // `Собеседник агентства`, `Источник в правительстве`, `Sources close to the ministry`: an
  // anonymous head first, whatever institution follows it.
  const lead = roleStart < e ? toks[roleStart]! : undefined;
  const afterLead = toks[roleStart + 1];
  const leadIsHead =
    lead !== undefined &&
    lex.anonymous.has(lead.lw) &&
    // English puts modifiers first: `Official data` is data; `Sources close to …` are sources.
    (lex.lang !== 'en' || roleStart + 1 >= e || PREPS.has(afterLead!.w) || CLOSE.has(afterLead!.lw));
  if (docHead) type = 'document';
  else if (leadIsHead) type = 'anonymous';
  else if (head && lex.anonymous.has(head) && !byWords) type = 'anonymous';
  else if (head && lex.anonymous.has(head) && byWords === 'government' && /officials?$/.test(head))
    type = 'anonymous';
  else if (!byWords && head && lex.roles.has(head)) type = definite ? 'unknown' : 'anonymous';
  return { speaker: { name: desc || first.w, type, role: desc || undefined }, definite, head };
}

/** Whether the capitalised title or role word at `k` is the surname of a first name before it: last of the name region, after a capitalised word that is no title, role or determiner. */
function surnameRole(toks: readonly Tok[], k: number, h: number, s: number, lex: Lexicon): boolean {
  const prev = toks[k - 1];
  return (
    k === h - 1 &&
    k - 1 >= s &&
    isCap(toks[k]!) &&
    prev !== undefined &&
    prev.kind === 'word' &&
    isCap(prev) &&
    !lex.roles.has(prev.lw) &&
    !lex.titles.has(prev.w) &&
    !lex.determiners.has(prev.lw)
  );
}

/** A US party label in parentheses: `(D)`, `(R-Texas)`, `(D-Calif.)`. */
function partyLabel(toks: readonly Tok[], paren: [number, number]): boolean {
  const inner = toks
    .slice(paren[0] + 1, paren[1] - 1)
    .map((t) => t.w)
    .join('');
  return /^(?:[DRI]|Dem|Rep|Ind)(?:[-–][A-Z][A-Za-z.]*)?$/.test(inner);
}

/**
 * The dictionary form of a Russian place or institution word read in another case (`Кремле` →
 * `Кремль`, `Украине` → `Украина`, `России` → `Россия`, `ведомстве` → `ведомство`) and its
 * speaker type, when one of its likely nominative forms is in the lexicon.
 */
function baseFormRu(w: string, lex: Lexicon): [string, SpeakerType] | undefined {
  const stem = w.slice(0, -1);
  for (const f of [`${stem}а`, `${stem}ь`, `${stem}о`, `${stem}я`, `${w.slice(0, -2)}ия`, `${stem}й`]) {
    const type = STATES.has(f) ? 'government' : listedTypeRu(f, lex);
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
  return STATES.has(w) || forms.some((f) => listedTypeRu(f, lex) !== undefined);
}

/** Whether `text` contains `word` as a whole word (case-insensitive), without building a RegExp. */
function hasWord(text: string, word: string): boolean {
  const t = text.toLowerCase();
  let i = t.indexOf(word);
  while (i >= 0) {
    const before = i === 0 ? ' ' : t[i - 1]!;
    const after = t[i + word.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    i = t.indexOf(word, i + 1);
  }
  return false;
}

/** Russian relay phrases whose source stands in the genitive (`по словам Дмитрия Пескова`). */
export const GENITIVE_LEADS = new Set([
  'по словам',
  'по мнению',
  'по данным',
  'по информации',
  'по сведениям',
]);

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

/** Grammatical gender of persons, where a pronoun, a Russian verb or surname told it. Internal. */
export const genders = new WeakMap<Speaker, string>();

/** Guesses a Russian person's gender from the surname or the past-tense cue (`заявила`). */
export function guessGender(name: string, cue: string, lang: string): string | undefined {
  if (lang !== 'ru') return undefined;
  const last = name.split(/\s+/).pop() ?? '';
  if (/(ова|ева|ёва|ина|ына|ская|цкая)$/.test(last) || /ла(сь)?$/.test(cue)) return 'f';
  if (/(ов|ев|ёв|ин|ын|ский|цкий)$/.test(last) || /л(ся)?$/.test(cue)) return 'm';
  return undefined;
}

/** Finds the earlier speaker a pronoun, surname or definite description refers to. */
export function resolveSpeaker(d: SpeakerDesc, seen: readonly Speaker[], lex: Lexicon): Speaker | undefined {
  if (d.pronoun) {
    const want = d.pronoun;
    for (let i = seen.length - 1; i >= 0; i--) {
      const sp = seen[i]!;
      if ((want === 'm' || want === 'f') && sp.type === 'person' && (genders.get(sp) ?? want) === want)
        return sp;
      if (want === 's' && sp.type === 'person') return sp;
      if (want === 'pl' && sp.type !== 'person' && sp.type !== 'document') return sp;
      if (
        want === 'n' &&
        (sp.type === 'organization' ||
          sp.type === 'government' ||
          sp.type === 'media' ||
          sp.type === 'document')
      )
        return sp;
    }
    return undefined;
  }
  const name = d.speaker.name;
  if (d.nameSpan && !name.includes(' ')) {
    for (let i = seen.length - 1; i >= 0; i--) {
      const sp = seen[i]!;
      if (sp.name !== name && (sp.name.endsWith(` ${name}`) || sp.name.startsWith(`${name} `))) return sp;
      if (
        lex.lang === 'ru' &&
        sp.name.split(' ').some((w) => w.length > 3 && name.startsWith(w.slice(0, -1)))
      )
        return sp;
    }
  }
  if (d.definite && !d.nameSpan && d.head) {
    // `президент России` is not the `президент Финляндии` named before, nor `the Jeb Bush campaign`
    // `Marco Rubio's campaign`: when both give capitalised modifiers, one must be shared (by stem).
    const caps = (s: string) =>
      s
        .split(' ')
        .slice(1)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w.slice(0, Math.max(3, w.length - 2)));
    const modifiers = caps(name);
    for (let i = seen.length - 1; i >= 0; i--) {
      const sp = seen[i]!;
      if (!sp.role || !hasWord(sp.role, d.head)) continue;
      const theirs = caps(sp.role);
      if (!modifiers.length || !theirs.length || modifiers.some((m) => `${sp.role} ${sp.name}`.includes(m)))
        return sp;
    }
  }
  for (let i = seen.length - 1; i >= 0; i--) if (seen[i]!.name === name) return seen[i];
  return undefined;
}
