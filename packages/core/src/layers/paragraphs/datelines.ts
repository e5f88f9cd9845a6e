import { parseMonthDay } from '../../text/dates.js';
import { datelineCues } from './cues.js';
import type { KnownNames } from './outlets.js';

/** A relative span inside the matched paragraph. */
interface Rel {
  start: number;
  end: number;
}

/** A dateline found at the start of a paragraph; offsets are relative to the paragraph. */
export interface DatelineMatch {
  /** Length of the dateline's own text, ending on its closing mark (`)`, `/`, `.`). */
  length: number;
  /** Where the body starts: after the dateline and its separator (` - `, ` — `). */
  bodyStart: number;
  place?: string;
  placeSpan?: Rel;
  /** Outlets and agencies as written, in order. */
  agencies: string[];
  /** The date as written. */
  date?: string;
  author?: string;
  authorSpan?: Rel;
  /** Which convention matched (`paren`, `dash-agency`, `dot-agency`, `comma-agency`, `slash`, `agency-dash`, `place-dash`). */
  rule: string;
}

const CAPS_WORD = /^[\p{Lu}\p{M}.'’-]+$/u;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}.'’-]*$/u;
/** A place written in capitals with at least three capital letters (`MOSCOW`, `NEW YORK`, `КИЕВ`). */
const isCapsPlace = (s: string): boolean =>
  /\p{Lu}{3}/u.test(s) && s.split(/\s+/).every((w) => CAPS_WORD.test(w)) && !datelineCues.notPlaces.has(s);
/** Every word capitalised: `Washington`, `Kalamazoo`, `Mich.`, `D.C.`. */
const isNamePlace = (s: string): boolean => s.length > 0 && s.split(/\s+/).every((w) => NAME_WORD.test(w));
const isDatePart = (s: string): boolean =>
  /\d/.test(s) && (parseMonthDay(s) !== undefined || /^\d{4}$/.test(s));

const PAREN = /^([^()\n]{0,70}?)\s*\(([^()\n]{2,80})\)/u;
const RU_DATE = String.raw`\d{1,2}\s+\p{L}{3,}\.?(?:\s+\d{4}(?:\s*г(?:ода)?\.?)?)?`;
/** `August 14th`, `Sept. 23, 2023`: the English order, as TASS and Trend write it in English. */
const EN_DATE = String.raw`\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?`;
const RU_PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}-]*(?:[ -]\p{Lu}[\p{Lu}\p{M}-]*){0,3}`;
const DASH_AGENCY = new RegExp(
  String.raw`^(${RU_PLACE})[,.]\s*(${RU_DATE})[.,]?\s*[-–—]\s*([^.,\n]{2,40}?)(?:,\s*(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}))?\.(?=\s|$)`,
  'u',
);
/** `Грузия, 10 июня, ГРУЗИНФОРМ.`: a place in title case and an agency in capitals after a comma. */
const COMMA_AGENCY = new RegExp(
  String.raw`^(\p{Lu}[\p{L}\p{M}-]*(?:[ -]\p{Lu}[\p{L}\p{M}-]*){0,2}),\s*(${RU_DATE}),\s*(\p{Lu}[\p{Lu}\p{M}-]{2,30}(?: \p{Lu}[\p{Lu}\p{M}-]*){0,2})\.(?=\s|$)`,
  'u',
);
const DOT_AGENCY = new RegExp(
  String.raw`^(${RU_PLACE})[,.]\s*(${RU_DATE})[.,]\s*([\p{L}.]{2,20})\s*[-–—](?=\s)`,
  'u',
);
const SLASH = new RegExp(
  String.raw`^(?:(${RU_PLACE})[,.]\s*)?(?:(${RU_DATE}|${EN_DATE})[.,]?\s*)?\/\s*([^/\n]{2,60}?)\s*\/\.?`,
  'u',
);
// `NEW YORK —`, `NEW YORK—`, `ISLAMABAD-Pakistan needs`, `KALAMAZOO, Mich. –`, `BAKU, Azerbaijan, April 23.`, `NEW YORK, Sept. 23, 2023`.
const PLACE_DASH =
  /^(\p{Lu}[\p{Lu}\p{M}.'’-]*(?: \p{Lu}[\p{Lu}\p{M}.'’-]*){0,3})(?:,\s*(\p{Lu}[\p{L}\p{M}.'’]*(?: \p{Lu}[\p{L}\p{M}.'’]*){0,2}))?(?:,\s*((?:\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+\p{L}{3,}\.?)(?:,?\s+\d{4})?\.?))?(\s+[-–—]{1,2}\s+|\s*[—–]\s*|-(?=\p{Lu}\p{Ll})|\s+)(?=[\p{Lu}"“«'‘])/u;
/** `Dallas, TX —`: a place in title case is a dateline only with a state code and a dash. */
const TITLE_PLACE_DASH =
  /^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?), ([A-Z]{2}|[A-Z][a-z]{1,4}\.)\s+[-–—]{1,2}\s+(?=\p{Lu})/u;

/** `Monrovia, Liberia — …`: a place and its country in title case and a dash; one of them must be a known place. */
const TITLE_REGION_DASH =
  /^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?), (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)\s+[-–—]{1,2}\s+(?=\p{L})/u;
/** `4 июля. Interfax-Russia.ru - …`: a date and a known agency before a dash, with no place. */
const DATE_AGENCY = new RegExp(String.raw`^(${RU_DATE})[.,]\s*([\p{L}][\p{L}.-]{1,30})\s+[-–—]\s`, 'u');

/** `LOS ANGELES: …`, `Beijing: …`, `Mexico City: …`: a place and a colon, as Indian and Gulf outlets write it. */
const PLACE_COLON = /^(\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,2}):\s+(?=[\p{Lu}"“«])/u;

/** The two words after `at` are in capitals: a headline (`TRUMP SAYS: HUNTER MAKES …`), not a sentence. */
function capsNext(text: string, at: number): boolean {
  const next =
    text
      .slice(at)
      .match(/[\p{L}\p{N}'’]+/gu)
      ?.slice(0, 2) ?? [];
  return next.length === 2 && next.every((w) => /\p{Lu}{2}/u.test(w) && w === w.toUpperCase());
}

/** Length of the separator after a dateline (` - `, ` — `, `: `) up to the body. */
const separator = (s: string, at: number): number => /^[\s\-–—:.]*/.exec(s.slice(at))![0].length;

/** Splits `ТАСС Константин Прибытков` into the longest known outlet prefix and an author. */
function agencyAndAuthor(s: string, known: KnownNames): { agency: string; author?: string } | undefined {
  const words = s.split(/\s+/);
  for (let k = words.length; k >= 1; k--) {
    const agency = words.slice(0, k).join(' ');
    if (!known.outlet(agency)) continue;
    const author = words.slice(k).join(' ');
    if (!author) return { agency };
    return /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u.test(author) ? { agency, author } : undefined;
  }
  return undefined;
}

/** `PLACE[, Region][, date] (Agency[ / Agency][ - date]) -`, `(CNN)`, `Feb 9 (Reuters) -`. */
function matchParen(text: string, names: KnownNames): DatelineMatch | undefined {
  const m = PAREN.exec(text);
  if (!m) return undefined;
  const after = text.slice(m[0].length);
  // `Sen. Rand Paul (R-Ky.) says`: a dateline is followed by a dash or a new sentence.
  if (after && !/^\s*([-–—:]|\s\p{Lu}|\s["“«]|$)/u.test(after)) return undefined;
  const inner = m[2]!;
  const dash = inner.search(/\s[-–—]\s/);
  const agencies = (dash >= 0 ? inner.slice(0, dash) : inner)
    .split(/\s*\/\s*|\s+and\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const known = agencies.some((a) => names.outlet(a) !== undefined);
  // `ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО`: an unknown agency needs a dash or a sentence after it.
  if (!known && after && !/^\s*([-–—:]|\s\p{Lu}\p{Ll}|\s["“«])/u.test(after)) return undefined;
  const innerDate =
    dash >= 0
      ? inner
          .slice(dash)
          .replace(/^\s*[-–—]\s*/, '')
          .trim()
      : undefined;
  if (innerDate && !parseMonthDay(innerDate)) return undefined;
  // `KIEV (ve lo ricordate ancora dov’è, giusto?)`: an agency is a name.
  if (agencies.length === 0 || agencies.length > 3 || agencies.some((a) => !/^[\p{Lu}\d]/u.test(a)))
    return undefined;
  // Head parts: a place, a region, a date (`February 8, 2018` is two comma parts).
  const head = m[1]!;
  const parts: { s: string; at: number }[] = [];
  const re = /[^,]+/g;
  for (let p = re.exec(head); p; p = re.exec(head)) {
    const s = p[0].trim();
    if (s) parts.push({ s, at: p.index + p[0].indexOf(s) });
  }
  const places: typeof parts = [];
  let date: string | undefined;
  for (const p of parts) {
    if (isDatePart(p.s)) date = date && /^\d{4}$/.test(p.s) ? `${date}, ${p.s}` : (date ?? p.s);
    else if (date === undefined && isNamePlace(p.s)) places.push(p);
    else return undefined;
  }
  const first = places[0];
  // `(Adnkronos) – The …`: an agency unknown to the gazetteer, alone, opening the text before a dash.
  const bareAgency =
    !first &&
    !date &&
    agencies.length === 1 &&
    /^\p{Lu}[\p{L}-]+$/u.test(agencies[0]!) &&
    /^\s*[-–—]\s/u.test(after);
  if (first ? !isCapsPlace(first.s) && !known : !known && !bareAgency) return undefined;
  const length = m[0].length;
  return {
    length,
    bodyStart: length + separator(text, length),
    place: first ? head.slice(first.at, places.at(-1)!.at + places.at(-1)!.s.length) : undefined,
    placeSpan: first ? { start: first.at, end: first.at + first.s.length } : undefined,
    agencies,
    date: innerDate ?? date,
    rule: 'paren',
  };
}

const COMMA_DIGIT = /,\s*\d/uy;

/**
 * `COMMA_AGENCY.exec(text)`, asked only when the text's first comma is followed by a digit, as
 * the pattern needs (its place has no comma): most paragraphs are then settled by `indexOf`
 * instead of the Unicode-class pattern, which is run on every body paragraph.
 */
function commaAgency(text: string): RegExpExecArray | null {
  const comma = text.indexOf(',');
  if (comma < 0) return null;
  COMMA_DIGIT.lastIndex = comma;
  return COMMA_DIGIT.test(text) ? COMMA_AGENCY.exec(text) : null;
}

/** `МОСКВА, 8 июл — РИА Новости[, Имя Фамилия].` and `МОСКВА. 8 июля. ИНТЕРФАКС -`. */
function matchDashAgency(text: string, known: KnownNames): DatelineMatch | undefined {
  let m = DASH_AGENCY.exec(text);
  let rule = 'dash-agency';
  if (!m) {
    m = DOT_AGENCY.exec(text);
    rule = 'dot-agency';
    if (m && !known.outlet(m[3]!)) m = null;
  }
  if (!m) {
    m = commaAgency(text);
    rule = 'comma-agency';
    if (!m) return undefined;
  }
  if ((rule !== 'comma-agency' && !isCapsPlace(m[1]!)) || !parseMonthDay(m[2]!)) return undefined;
  const agency = m[3]!.trim();
  if (!/^\p{L}/u.test(agency)) return undefined;
  // `ИНТЕРФАКС -`: the dash separates; the dateline ends on the agency.
  const length = m[0].replace(/[\s\-–—]+$/, '').length;
  const out: DatelineMatch = {
    length,
    bodyStart: length + separator(text, length),
    place: m[1]!,
    placeSpan: { start: 0, end: m[1]!.length },
    agencies: [agency],
    date: m[2]!.trim(),
    rule,
  };
  if (m[4]) {
    const at = m[0].lastIndexOf(m[4]);
    out.author = m[4];
    out.authorSpan = { start: at, end: at + m[4].length };
  }
  return out;
}

/** `4 июля. Interfax-Russia.ru - …`: a regional agency site's dateline, the date and the agency. */
function matchDateAgency(text: string, known: KnownNames): DatelineMatch | undefined {
  const m = DATE_AGENCY.exec(text);
  if (!m || !parseMonthDay(m[1]!) || !known.outlet(m[2]!)) return undefined;
  const length = m[0].replace(/[\s\-–—]+$/, '').length;
  return {
    length,
    bodyStart: length + separator(text, length),
    agencies: [m[2]!],
    date: m[1]!.trim(),
    rule: 'date-agency',
  };
}

/** `МОСКВА, 22 мая. /ТАСС/.`, `/корр. ТАСС Имя Фамилия/`, `/ТАСС/`. */
function matchSlash(text: string, known: KnownNames): DatelineMatch | undefined {
  const m = SLASH.exec(text);
  if (!m) return undefined;
  if (m[1] && !isCapsPlace(m[1])) return undefined;
  if (m[2] && !parseMonthDay(m[2])) return undefined;
  let inner = m[3]!;
  const corr = datelineCues.correspondent.find((c) => inner.toLowerCase().startsWith(c));
  if (corr) inner = inner.slice(corr.length).trim();
  const split = agencyAndAuthor(inner, known);
  if (!split) return undefined;
  const length = m[0].length;
  const out: DatelineMatch = {
    length,
    bodyStart: length + separator(text, length),
    agencies: [split.agency],
    date: m[2]?.trim(),
    rule: 'slash',
  };
  if (m[1]) {
    out.place = m[1];
    out.placeSpan = { start: 0, end: m[1].length };
  }
  if (split.author) {
    const at = m[0].lastIndexOf(split.author);
    out.author = split.author;
    out.authorSpan = { start: at, end: at + split.author.length };
  }
  return out;
}

/** `NEW YORK —`, `KALAMAZOO, Mich. –`, `Beijing:`: a place and a dash or colon, with no agency. */
function matchPlaceDash(text: string, known: KnownNames): DatelineMatch | undefined {
  const r = TITLE_REGION_DASH.exec(text);
  if (r && (known.placeKind(r[1]!) !== undefined || known.placeKind(r[2]!) !== undefined))
    return {
      length: r[1]!.length + 2 + r[2]!.length,
      bodyStart: r[0].length,
      place: `${r[1]}, ${r[2]}`,
      placeSpan: { start: 0, end: r[1]!.length },
      agencies: [],
      rule: 'place-dash',
    };
  const t = TITLE_PLACE_DASH.exec(text);
  if (t)
    return {
      length: t[1]!.length + 2 + t[2]!.length,
      bodyStart: t[0].length,
      place: `${t[1]}, ${t[2]}`,
      placeSpan: { start: 0, end: t[1]!.length },
      agencies: [],
      rule: 'place-dash',
    };
  const c = PLACE_COLON.exec(text);
  // A country before a colon heads a headline (`Spain: Thousands evacuated …`); a city is a dateline.
  if (
    c &&
    (isCapsPlace(c[1]!) || !/^(state)?$/.test(known.placeKind(c[1]!) ?? '')) &&
    !capsNext(text, c[0].length)
  )
    return {
      length: c[1]!.length,
      bodyStart: c[0].length,
      place: c[1]!,
      placeSpan: { start: 0, end: c[1]!.length },
      agencies: [],
      rule: 'place-colon',
    };
  const m = PLACE_DASH.exec(text);
  if (!m) return undefined;
  // `AGI - L'esercito russo …`: an agency alone before the dash.
  if (!m[2] && !m[3] && /[-–—]/.test(m[4]!) && known.outlet(m[1]!)) {
    const length = m[1]!.length;
    return { length, bodyStart: m[0].length, agencies: [m[1]!], rule: 'agency-dash' };
  }
  if (!isCapsPlace(m[1]!)) return undefined;
  // `DRAGHI CADE, PUTIN GODE - GRAMELLINI: …`: a headline in capitals, not a dateline before a sentence.
  if (capsNext(text, m[0].length)) return undefined;
  if (m[3] && !isDatePart(m[3])) return undefined;
  // Without a dash, only a date ends the dateline: `BAKU, Azerbaijan, April 23.`, `NEW YORK, Sept. 23, 2023`.
  if (!/[-–—]/.test(m[4]!) && !m[3]) return undefined;
  const own = m[0].replace(/[\s\-–—]+$/, '');
  return {
    length: own.length,
    bodyStart: m[0].length,
    place: m[2] ? `${m[1]}, ${m[2]}` : m[1],
    placeSpan: { start: 0, end: m[1]!.length },
    agencies: [],
    date: m[3]?.trim(),
    rule: 'place-dash',
  };
}

/**
 * Finds a dateline at the start of a paragraph, in the agency and outlet conventions of English
 * and Russian copy: `LONDON (Reuters) -`, `WASHINGTON, Jan 5 (Reuters) -`, `KYIV, Ukraine (AP) —`,
 * `(CNN)`, `MOSCOW (UrduPoint News / Sputnik - 22nd May, 2023)`, `NEW YORK —`,
 * `МОСКВА, 8 июл — РИА Новости.`, `МОСКВА, 21 июн — РИА Новости, Николай Гурьянов.`,
 * `МОСКВА, 22 мая. /ТАСС/.`, `ЖЕНЕВА, 12 июня. /Корр. ТАСС Имя Фамилия/.`. Offsets are relative.
 */
export function matchDateline(text: string, known: KnownNames): DatelineMatch | undefined {
  return (
    matchDashAgency(text, known) ??
    matchSlash(text, known) ??
    matchDateAgency(text, known) ??
    matchParen(text, known) ??
    matchPlaceDash(text, known)
  );
}
