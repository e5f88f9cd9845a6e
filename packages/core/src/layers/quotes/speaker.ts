import type { Span } from '../../schema.js';
import type { Lexicon } from './lexicon.js';
import {
  afterPlatformRu,
  baseFormRu,
  institutionRu,
  PLATFORM_LEAD_RU,
  PLATFORM_RU,
  pluralRoleRu,
  roleFormRu,
} from './speaker-ru.js';
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
  /** The person an unnamed aide serves (`an adviser to Senator Chuck Schumer`): remembered, not quoted. */
  served?: Speaker;
}

/** A lower-case adverb in -ly (`wrongly`, `publicly`), not a noun such as `rally` or `family`. */
const ADVERB = /^[a-z]{2,}[^ai]ly$/;

/** Prepositions of where a described speaker comes from or is. */
const FROM_PLACE = new Set(['from', 'near', 'outside']);

/** A person noun in English (`philanthropist`, `delegate`, `salesman`): a role, an unnamed head or an occupation's ending. */
const personNoun = (t: Tok, lex: Lexicon): boolean =>
  t.kind === 'word' &&
  !isCap(t) &&
  (lex.roles.has(t.lw) || lex.anonymous.has(t.lw) || /\p{Ll}(?:ist|ian|man|woman)$/u.test(t.lw));

/** An English clitic token (`’s` of `He’s`, `’d` of `they’d`). */
const CLITIC = /^['’](?:s|re|ve|d|ll|m)$/;

const words = (toks: readonly Tok[], s: number, e: number, text: string) =>
  s < e ? text.slice(toks[s]!.start, toks[e - 1]!.end) : '';

function typeOfWords(ws: readonly string[], lex: Lexicon): SpeakerType | undefined {
  const joined = ws.join(' ');
  if (ws.some((w) => lex.media.has(w)) || lex.mediaPhrases.some((m) => joined.includes(m))) return 'media';
  if (ws.some((w) => lex.mediaNouns.has(w))) return 'media';
  if (ws.some((w) => lex.government.has(w)) || lex.governmentPhrases.some((g) => joined.includes(g)))
    return 'government';
  if (ws.some((w) => lex.organization.has(w))) return 'organization';
  if (ws.length <= 2 && ws.every((w) => lex.words.states.has(w))) return 'government';
  return undefined;
}

/** Time adverbs that open a sentence before a name but never begin one (`soon`, `too` do: `Soon Yi Previn`). */
const notLead = new Set(['soon', 'too']);

/**
 * A token after which a phrase starts a sentence or a clause (`. Then`, `, then`, `And then`,
 * `… Then`, `... Then`): a word `and`/`but`, or a token ending in such punctuation.
 */
const OPENER = /(?:^(?:and|but)|[.!?,;:"“”‘’«»—–…])$/i;

/**
 * A source phrase without the time adverb opening its sentence or clause: `Then Brafman
 * (exposed)`, `Now Clinton (says)`, `…, then Brafman` are `Brafman`, `Clinton` (it became a
 * source `Then Brafman` with 29 attributions), but not a name's own word inside a sentence
 * (`the Tonight Show host Jimmy Fallon`) or a leading `Soon`/`Too` (`Soon Yi Previn`). The quote's
 * source span and its speaker's name are both cut so (they agree).
 */
export function leadTrimmed(toks: readonly Tok[], np: NpRange, text: string, lex: Lexicon): NpRange {
  let { s } = np;
  const opens = (k: number) =>
    k === 0 || OPENER.test(toks[k - 1]!.w) || text.slice(toks[k - 1]!.end, toks[k]!.start).includes('\n');
  while (
    np.e - s > 1 &&
    lex.lang === 'en' &&
    lex.words.timeAdverbs.has(toks[s]!.lw) &&
    !notLead.has(toks[s]!.lw) &&
    isCap(toks[s + 1]!) &&
    opens(s)
  )
    s++;
  if (lex.lang === 'ru') {
    // `В своем Telegram-канале Медведев`, `В соцсетях Лавров`: the channel is where the speaker
    // speaks, not part of the name.
    let k = s;
    while (k < np.e - 1 && PLATFORM_LEAD_RU.has(toks[k]!.lw)) k++;
    // (The phrase may start after the channel word: `В эфире | Первого канала Песков`.)
    if (k === s && s > 0 && !PLATFORM_RU.test(toks[s]!.lw) && PLATFORM_RU.test(toks[s - 1]!.lw)) k = s - 1;
    // (`В эфире Первого канала Песков`, `В интервью Такеру Карлсону Путин`: the channel's or the
    // interviewer's name is part of the place.)
    const j = k < np.e - 1 && PLATFORM_RU.test(toks[k]!.lw) ? afterPlatformRu(toks, k, np.e, lex) : k;
    if (j > k && isCap(toks[j]!)) s = j;
  }
  return s === np.s ? np : { ...np, s };
}

/** Capitalised heads of a body's name that a `for` phrase completes (`Commission for …`, `Center for …`). */
const FOR_BODY_HEAD =
  /^(?:Commission|Committee|Council|Center|Centre|Institute|Foundation|Association|Agency|Fund|Office|Coalition|Alliance|Campaign|Society|League|Tribunal|Organi[sz]ation|Project|Network|Partnership|Union|Board|Bureau|Forum)$/;

/**
 * Whether `for` at `h` completes the body's name before it with capitalised words to the phrase
 * end `e` (`Commission for the Conservation of Atlantic Tunas`): past an opening article, only
 * capitalised words and name glue, ending in a capitalised word.
 */
function bodyForTail(toks: readonly Tok[], h: number, e: number): boolean {
  if (h < 1 || e - h < 2 || toks[h]!.lw !== 'for' || !FOR_BODY_HEAD.test(toks[h - 1]!.w)) return false;
  let k = h + 1;
  if (/^(?:the|a|an)$/.test(toks[k]!.lw)) k++;
  if (k >= e || !isCap(toks[e - 1]!)) return false;
  for (; k < e; k++)
    if (!isCap(toks[k]!) && !/^(?:of|the|and|for|on|in|to|de|&)$/.test(toks[k]!.lw)) return false;
  return true;
}

/**
 * Reads a source noun phrase: its name (a trailing run of capitalised words after any title or
 * role word), its role (the description around the name), its type and whether it refers back.
 */
export function describeSpeaker(toks: readonly Tok[], np: NpRange, text: string, lex: Lexicon): SpeakerDesc {
  const { s } = leadTrimmed(toks, np, text, lex);
  let e = np.e;
  // `Clinton wrongly (claimed)`, `The budget office now (says)`: a trailing adverb is no part of the name.
  while (
    e - s > 1 &&
    lex.lang === 'en' &&
    ((ADVERB.test(toks[e - 1]!.w) && !lex.words.notAdverbs.has(toks[e - 1]!.w)) ||
      lex.words.timeAdverbs.has(toks[e - 1]!.w))
  )
    e--;
  const first = toks[s]!;
  // `He’s not saying …`: a pronoun and its clitic (a token of its own) are the pronoun.
  if (e - s === 2 && lex.lang === 'en' && lex.pronouns.has(first.lw) && CLITIC.test(toks[s + 1]!.w))
    e = s + 1;
  if (e - s === 1 && lex.pronouns.has(first.lw)) {
    return {
      speaker: { name: first.w, type: 'unknown' },
      definite: true,
      pronoun: lex.pronouns.get(first.lw),
    };
  }
  // Head region: up to the first preposition that opens a lower-case phrase (`official in the administration`).
  let h = e as number;
  // `Aides to Clinton`, `an adviser to Mayor Ruiz`: the aides speak, a group of the person named
  // after `to`, not that person; the phrase is an unnamed description. When a person's name
  // follows the one served (`Senior adviser to the president Anita Dunn`), that name speaks and
  // the aide phrase is its role (`aideName`, where the name starts).
  let aides = false;
  let aideName: number | undefined;
  let served: number | undefined;
  for (let k = s + 1; k < e; k++) {
    const t = toks[k]!;
    if (t.w === '(') {
      h = k;
      break;
    }
    // `полковник в отставке Михаил Ходаренок`: a phrase completing the rank, not a place.
    if (k + 2 < e && lex.words.roleAdjuncts.has(`${t.lw} ${toks[k + 1]!.lw}`)) {
      k++;
      continue;
    }
    if (lex.lang === 'en' && t.w === 'to' && lex.words.aidesTo.has(toks[k - 1]!.lw)) {
      aideName = nameAfterServed(toks, k + 1, e, lex);
      if (aideName !== undefined) continue;
      h = k;
      aides = true;
      served = k + 1;
      break;
    }
    if (lex.words.speakerPreps.has(t.w) && (t.w === 'by' || !isCap(toks[k + 1] ?? t))) {
      h = k;
      break;
    }
    // `a philanthropist from Monsey, New York`: after a lower-case person noun the capitalised
    // words of `from`/`near`/`outside` are a place, not the speaker's name (`a report from
    // Bloomberg`, `a pardon from President Trump` name their source).
    if (lex.lang === 'en' && FROM_PLACE.has(t.w) && personNoun(toks[k - 1]!, lex)) {
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
  if (aideName !== undefined) n = Math.max(n, aideName);
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
    toks.slice(n, h).every((t) => lex.words.states.has(t.w) || t.w === '.') &&
    toks.slice(s, n).some((t) => lex.roles.has(t.lw) || lex.titles.has(t.w) || lex.titles.has(t.lw))
  )
    n = h;
  // `Канцлер отметил`, `Ранее зампред Совбеза заявил`: a capitalised role word or an institution
  // alone names no person.
  // (`по мнению зампреда Совбеза`: a Russian role word in the genitive is one too.)
  const roleBefore = toks
    .slice(s, n)
    .some(
      (t) =>
        lex.roles.has(t.lw) ||
        lex.titles.has(t.lw) ||
        (lex.lang === 'ru' && roleFormRu(t.lw, lex) !== undefined),
    );
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
  // `Глава Росатома`: one capitalised word in the genitive after a role word is the institution it
  // heads (`-а`/`-я`, unless a woman's surname or name: `представитель Захарова`, `Мария`).
  if (
    lex.lang === 'ru' &&
    roleBefore &&
    h - n === 1 &&
    /[а-яё][ая]$/.test(toks[n]!.w) &&
    !/(ова|ева|ёва|ина|ына|ая|ия|ья)$/.test(toks[n]!.w)
  )
    n = h;
  // `глава Центра украинских исследований Института Европы РАН`: capitalised words after a role
  // that end in an acronym name an institution, not a person.
  const last = toks[h - 1];
  if (
    lex.lang === 'ru' &&
    roleBefore &&
    n < h - 1 &&
    last !== undefined &&
    /^\p{Lu}{2,}$/u.test(last.w) &&
    !toks.slice(n, h).every((t) => /^\p{Lu}{2,}$/u.test(t.w))
  )
    n = h;
  const headWords = toks.slice(s, h).map((t) => t.w);
  const lowerHead = toks.slice(s, h).filter((t) => !isCap(t) && t.kind === 'word');
  // `International Commission for the Conservation of Atlantic Tunas`, `Committee for a Responsible
  // Federal Budget`: a body's `for` phrase of capitalised words is part of its name.
  if (lex.lang === 'en' && n < h && bodyForTail(toks, h, e)) h = e;
  const nameWords = toks.slice(n, h).map((t) => t.w);
  // `Президент Украины заявил`, `Глава МИД отметил`: a Russian role word capitalised by its place
  // at the sentence start is the head all the same.
  const capRole =
    lex.lang === 'ru' &&
    !lowerHead.length &&
    n === h &&
    (lex.roles.has(first.lw) || lex.titles.has(first.lw));
  const headWord = lowerHead.length ? lowerHead[lowerHead.length - 1]!.lw : capRole ? first.lw : undefined;
  // A Russian role word in the genitive (`зампреда`) refers back by its listed form (`Зампред …`).
  const head = headWord && lex.lang === 'ru' ? (roleFormRu(headWord, lex) ?? headWord) : headWord;
  let roleStart = s;
  while (
    roleStart < Math.max(n, e - 1) &&
    ((lex.determiners.has(toks[roleStart]!.lw) &&
      toks[roleStart]!.lw !== 'senior' &&
      toks[roleStart]!.lw !== 'top' &&
      // `some of his rivals`, `one in four voters`: a quantifier before `of`/`in` heads the phrase.
      !(lex.lang === 'en' && /^(?:of|in)$/.test(toks[roleStart + 1]?.lw ?? ''))) ||
      // `Ранее зампред Совбеза`, `Поэтому канцлер ФРГ`: a sentence adverb opens no description.
      (lex.lang === 'ru' &&
        (lex.between.has(toks[roleStart]!.lw) || lex.boundaries.has(toks[roleStart]!.lw))))
  )
    roleStart++;
  const roleText = [words(toks, roleStart, n, text), h < e ? words(toks, h, e, text) : '']
    .filter(Boolean)
    .join(n < h && !ofTail ? ', ' : ' ');
  const definite = lex.words.definite.has(first.lw) || (lex.lang === 'ru' && n === h);
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
    // `планам НАТО`, `данным Минобороны`: words before an institution's name that name no role
    // (a case form of what it owns or says) are no role of it.
    const ownerWords =
      lex.lang === 'ru' &&
      nameType !== undefined &&
      roleStart < n &&
      toks
        .slice(roleStart, n)
        .every(
          (t) =>
            t.kind === 'word' &&
            !isCap(t) &&
            !lex.roles.has(t.lw) &&
            !lex.titles.has(t.lw) &&
            !lex.anonymous.has(t.lw),
        );
    const role = ownerWords ? (h < e ? words(toks, h, e, text) : '') : roleText;
    const roleWordsPresent =
      n > s && toks.slice(s, n).some((t) => lex.roles.has(t.lw) || lex.titles.has(t.w));
    // `СКР`, `NATO`: a name in capitals only is an organisation's, not a person's.
    const acronym = nameWords.every((w) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
    // `Reports say …`, `Polls show …` opening a sentence, `… - Reports` ending a headline: a
    // document noun capitalised by its position.
    const docName = nameWords.length === 1 && lex.documents.has(toks[n]!.lw);
    // `Медийные эксперты офиса Зеленского утверждают`: a plural role speaks, a group of the person
    // named after it, not that person (as `Aides to Clinton`).
    if (lex.lang === 'ru' && !nameType && toks.slice(s, n).some((t) => pluralRoleRu(t.lw, lex))) {
      const group = words(toks, roleStart, e, text);
      return { speaker: { name: group, type: 'anonymous', role: group }, definite: false, head };
    }
    const type: SpeakerType =
      roleWordsPresent && !nameType
        ? 'person'
        : (nameType ?? (docHead || docName ? 'document' : acronym ? 'organization' : 'person'));
    return {
      speaker: { name: nameText, type, role: role || undefined },
      definite: false,
      nameSpan,
      head,
    };
  }
  let desc = words(toks, roleStart, e, text);
  // `В ведомстве указали`: an institution noun in another case, in the nominative.
  const baseDesc = lex.lang === 'ru' && e - roleStart === 1 ? baseFormRu(desc, lex) : undefined;
  if (baseDesc) desc = baseDesc[0];
  // `По словам представителя МО`: a Russian role word in the genitive opening the description is
  // named in its listed form (`представитель МО`), as the reader sees it in the nominative.
  const leadTok = roleStart < e ? toks[roleStart]! : undefined;
  const leadRole = lex.lang === 'ru' && leadTok ? roleFormRu(leadTok.lw, lex) : undefined;
  if (leadTok && leadRole && leadRole !== leadTok.lw) {
    const listed = isCap(leadTok) ? leadRole[0]!.toUpperCase() + leadRole.slice(1) : leadRole;
    desc = listed + text.slice(leadTok.end, toks[e - 1]!.end);
  }
  let type: SpeakerType = byWords ?? baseDesc?.[1] ?? 'unknown';
  // `Собеседник агентства`, `Источник в правительстве`, `Sources close to the ministry`: an
  // anonymous head first, whatever institution follows it.
  const lead = roleStart < e ? toks[roleStart]! : undefined;
  const afterLead = toks[roleStart + 1];
  const leadIsHead =
    lead !== undefined &&
    lex.anonymous.has(lead.lw) &&
    // English puts modifiers first: `Official data` is data; `Sources close to …` are sources.
    (lex.lang !== 'en' ||
      roleStart + 1 >= e ||
      lex.words.speakerPreps.has(afterLead!.w) ||
      lex.words.closeSources.has(afterLead!.lw));
  // `Глава МИД`, `представитель Минобороны`: a person's role in an institution, not the institution.
  const roleOf = lex.lang === 'ru' && byWords !== undefined && lead !== undefined && officeRu(lead, lex);
  if (docHead) type = 'document';
  else if (roleOf) type = 'unknown';
  else if (leadIsHead || aides) type = 'anonymous';
  else if (head && lex.anonymous.has(head) && !byWords) type = 'anonymous';
  else if (head && lex.anonymous.has(head) && byWords === 'government' && /officials?$/.test(head))
    type = 'anonymous';
  else if (!byWords && head && lex.roles.has(head)) type = definite ? 'unknown' : 'anonymous';
  const out: SpeakerDesc = {
    speaker: { name: desc || first.w, type, role: desc || undefined },
    definite,
    head,
  };
  // `Aides to Governor Gavin Newsom`: a later `Newsom said`, `the governor said` is the governor.
  if (served !== undefined && served < e) {
    const sd = describeSpeaker(toks, { s: served, e }, text, lex);
    if (sd.nameSpan && sd.speaker.type === 'person') out.served = { ...sd.speaker, mention: sd.nameSpan };
  }
  return out;
}

/**
 * Where a person's name starts after the one a single aide serves (`to` at `k - 1`): `the
 * president Anita Dunn`, `the Kremlin Sergei Karaganov` — `the`, a title, role or institution
 * word (no `late`, and no capitalised title right before the name unless the aide's is a formal
 * title in capitals, `Assistant to the President Jake Sullivan`), then two or three capitalised
 * words that are no title, role or institution. A named one served (`Mayor Ana Ruiz`, `Clinton`) or a description alone (`the
 * president`) leaves none: the aides are an unnamed group.
 */
function nameAfterServed(toks: readonly Tok[], k: number, e: number, lex: Lexicon): number | undefined {
  if (toks[k]?.lw !== 'the') return undefined;
  const office = (t: Tok) =>
    lex.titles.has(t.w) || lex.titles.has(t.lw) || lex.roles.has(t.lw) || lex.government.has(t.w);
  let m = k + 1;
  // `the prime minister`: lower-case words of the office count with it.
  while (m < e && (office(toks[m]!) || (toks[m]!.kind === 'word' && !isCap(toks[m]!)))) m++;
  const name = toks.slice(m, e);
  if (m === k + 1 || name.length < 2 || name.length > 3) return undefined;
  // `Aides to the president Joe Biden`, `an aide to the late Senator John McCain`, `an adviser to
  // the Chancellor Olaf Scholz`: plural aides, `late` or a capitalised title before the name make
  // the name the one served.
  if (/s$/.test(toks[k - 2]!.lw) || toks.slice(k + 1, m).some((t) => t.lw === 'late')) return undefined;
  // A formal title in capitals (`Assistant to the President Jake Sullivan`) keeps its name.
  const aide = toks[k - 2]!;
  const formal = isCap(aide) && !lex.determiners.has(toks[k - 3]?.lw ?? '');
  if (!formal && isCap(toks[m - 1]!) && lex.titles.has(toks[m - 1]!.w)) return undefined;
  if (!name.every((t) => t.kind === 'word' && isCap(t) && !office(t))) return undefined;
  return typeOfWords(
    name.map((t) => t.w),
    lex,
  )
    ? undefined
    : m;
}

/**
 * A Russian office or role word as written or in the genitive, not an anonymous one (`глава`,
 * `представителя`; not `источник`).
 */
function officeRu(t: Tok, lex: Lexicon): boolean {
  const f = roleFormRu(t.lw, lex);
  return f !== undefined && !lex.anonymous.has(f);
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
