import firstNames from '../entities/first-names.en.json' with { type: 'json' };
import { type ClosingKind, datelineCues } from './cues.js';
import type { KnownNames } from './outlets.js';

/** A closing credit found in a paragraph; offsets are relative to the paragraph. */
export interface CreditMatch {
  start: number;
  end: number;
  kind: ClosingKind;
  /** Outlets (for `outlet`, `input`, `copyright`) or people (`author`) as written, in order. */
  names: string[];
  /** A second outlet that distributed the copy (`©2018 Los Angeles Times, Distributed by …`). */
  distributor?: string;
  /** People named besides the outlets (`… Article by Matt Agorist`). */
  authors?: string[];
  /** The agency whose copy the credited outlet republished (`… has supplemented this Reuters article`). */
  relayed?: string;
  /** The cue that matched, lower-cased (`source:`, `with input from`). */
  cue: string;
}

const trimEnd = (s: string): string => s.replace(/[\s.;:,)]+$/, '');
const FIRST_NAMES = new Set(firstNames.names);
/** A web address used as an outlet's name (`vmiresmi.ru`, `example-news.com`). */
const WEB = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-zа-я]{2,6}$/iu;

/** `Robert Spencer`: two or three capitalised words after a known first name, and no outlet. */
const isPersonName = (s: string, names: KnownNames): boolean =>
  /^\p{Lu}\p{Ll}+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Ll}'’-]+){1,2}$/u.test(s) &&
  FIRST_NAMES.has(s.split(' ')[0]!) &&
  !names.outlet(s);

/** Splits `Jane Doe and John Roe, Anna Poe` into names; drops ` in Place` and `Editing by` tails. */
function people(s: string): string[] {
  return s
    .split(/;|\s+(?:editing|writing|additional reporting) by\s/i)[0]!
    .split(/,|\s+and\s+|\s+и\s+/)
    .map((p) => trimEnd(p.replace(/\s+in\s+\p{Lu}.*$/u, '').trim()))
    .filter((p) => /^\p{Lu}/u.test(p) && p.split(/\s+/).length <= 4);
}

/** Splits a list of outlets (`TASS and RIA Novosti`); generic words (`agencies`) name nobody. */
function outlets(s: string): string[] {
  return (
    s
      .split(/\.\s/)[0]!
      .split(/,|;|\s+and\s+|\s+и\s+/)
      // `Trend News Agency's WhatsApp channel` names Trend News Agency.
      .map((p) => stripLegal(trimEnd(p.trim().replace(/['’]s\s.*$/u, '')).replace(/^the\s+(?=\p{Lu})/u, '')))
      .filter(
        (p) =>
          (/^[\p{Lu}\d"«]/u.test(p) || WEB.test(p)) &&
          p.split(/\s+/).length <= 6 &&
          !datelineCues.generic.has(p.toLowerCase()),
      )
  );
}

/** A known outlet, a web address (`vmiresmi.ru`) or a name with a media word (`Example Daily News`). */
function looksLikeOutlet(name: string, names: KnownNames): boolean {
  if (names.outlet(name) || WEB.test(name)) return true;
  return name
    .toLowerCase()
    .split(/[\s-]+/)
    .some((w) => datelineCues.media.has(w));
}

/** Drops a legal designation before a name: `Сетевое издание Сегодня.ру` → `Сегодня.ру`. */
function stripLegal(name: string): string {
  const l = name.toLowerCase();
  const p = datelineCues.legalPrefixes.find((x) => l.startsWith(`${x} `));
  return p ? name.slice(p.length + 1).trim() : name;
}

/** `©2018 Los Angeles Times, Distributed by Tribune Content Agency, LLC.` → outlet and distributor. */
function copyright(rest: string): { names: string[]; distributor?: string } | undefined {
  const body = rest.replace(/^\s*(?:copyright\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4})?)?\s*/i, '');
  // A photo credit (`© Jane Roe / Example Images`) is a caption's, not the article's.
  if (body.includes('/') || !/^\p{Lu}/u.test(body)) return undefined;
  const dist = /,?\s*distributed by\s+([^,.]+(?:,\s*(?:LLC|Inc)\.?)?)/i.exec(body);
  // `CQ-Roll Call, Inc., All Rights Reserved`, `Bennett, Coleman & Company Limited`: the name runs
  // to the rights notice or a sentence end; a company suffix is dropped.
  const name = trimEnd(
    body
      .slice(0, dist ? dist.index : undefined)
      .replace(/\s*\(.*$/, '')
      .split(/\.\s|,?\s+all rights|\s+свидетельство/i)[0]!
      .replace(/,?\s+(?:inc|llc|l\.p|ltd|gmbh)\.?,?$/i, ''),
  );
  if (!name || name.split(/\s+/).length > 6) return undefined;
  return {
    names: [stripLegal(name)],
    distributor: dist ? trimEnd(dist[1]!.replace(/,\s*(LLC|Inc)\.?$/i, '')) : undefined,
  };
}

/** A channel named in quotes: `Telegram-канал ""Лента новостей Харькова""`, `Telegram channel «…»`. */
const CHANNEL =
  /(?:telegram|телеграм|whatsapp|youtube)[- ]?(?:канал|channel)\S*\s+["«“]+([^"«»“”]{2,60})["»”]+/iu;
/**
 * `Константин Бобров, политолог, …, специально для News Front`: an author writing for an outlet,
 * after a sentence end in the last paragraph. The outlet is in quotes, Latin capitalised words (up
 * to the Cyrillic text after it) or one Cyrillic word.
 */
const SPECIAL_FOR =
  /(?:^|(?<=[.!?»"”]\s))(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)(?:,[^.!?]{0,150}?)?,?\s+(?:специально для|эксклюзивно для|exclusively for)\s+(«[^»]{2,40}»|[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,4}|\p{Lu}[\p{L}.-]+)/u;

/** `The Huffington Post has supplemented this Reuters article with …`: an outlet relaying an agency's copy. */
const RELAY =
  /^(.{2,60}?)\s+has\s+(?:supplemented|updated|adapted|edited|expanded)\s+(?:this|the)\s+(.{2,40}?)\s+(?:article|report|story|dispatch)\b/iu;
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}`;
const REPORTED = new RegExp(String.raw`^(${NAME}) reported from \p{Lu}`, 'u');
const STAFF = /^(?:the\s+)?(.+?)\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?)\b/iu;

/**
 * The AP's closing paragraph: `Garcia Cano reported from Las Vegas. Associated Press writers Ken
 * Ritter … contributed to this report. Billeaud reported from Phoenix.` Every sentence must be
 * a `reported from` (an author) or a `contributed` sentence; `<Outlet> writers … contributed`
 * says whose staff wrote the copy, so it names the outlet.
 */
function reportedFrom(line: string, names: KnownNames): CreditMatch | undefined {
  const sentences = line.split(/(?<=\.)\s+(?=\p{Lu})/u);
  const authors: string[] = [];
  let outlet: string | undefined;
  let contributed = false;
  for (const s of sentences) {
    const r = REPORTED.exec(s);
    if (r) {
      authors.push(r[1]!);
      continue;
    }
    const c = datelineCues.contributed.find((k) => s.toLowerCase().includes(k));
    if (!c) return undefined;
    contributed = true;
    const staff = STAFF.exec(s);
    if (staff && names.outlet(staff[1]!)) outlet ??= staff[1]!;
  }
  if (authors.length === 0 && !outlet) return undefined;
  const out: CreditMatch = outlet
    ? { start: 0, end: line.length, kind: 'outlet', names: [outlet], cue: 'contributed to this report' }
    : { start: 0, end: line.length, kind: 'author', names: authors, cue: 'reported from' };
  if (outlet && authors.length) out.authors = authors;
  // A lone `X contributed reporting` line is read by the contributor rule.
  return authors.length || contributed ? out : undefined;
}

/** Reads a credit that is the whole of `line` (relative offsets 0..length). */
function wholeLine(line: string, known: KnownNames): CreditMatch | undefined {
  // Credit lines are short; a long paragraph is body (its closing sentence is tried apart).
  if (line.length > 500) return undefined;
  const l = line.toLowerCase();
  const end = line.length;
  const relay = RELAY.exec(line);
  if (relay) {
    const [outlet] = outlets(relay[1]!);
    const [agency] = outlets(relay[2]!);
    if (outlet && agency && looksLikeOutlet(outlet, known))
      return {
        start: 0,
        end,
        kind: 'outlet',
        names: [outlet],
        relayed: agency,
        cue: 'has supplemented this',
      };
  }
  const reported = reportedFrom(line, known);
  if (reported) return reported;
  const cue = datelineCues.closing.find((c) => l.startsWith(c.cue));
  if (cue) {
    const rest = line.slice(cue.cue.length);
    if (cue.outlet) return { start: 0, end, kind: cue.kind, names: [cue.outlet], cue: cue.cue };
    // `Distributed by Tribune Content Agency, LLC.` on a line of its own.
    if (cue.distributor) {
      const [name] = outlets(rest.replace(/,\s*(LLC|Inc)\.?$/i, ''));
      return name
        ? { start: 0, end, kind: 'copyright', names: [], distributor: name, cue: cue.cue }
        : undefined;
    }
    if (cue.kind === 'copyright') {
      const c = copyright(rest);
      return c && { start: 0, end, kind: 'copyright', ...c, cue: cue.cue };
    }
    // Reuters' credit lines list every reporter and editor; other credits are short.
    if (rest.length > (cue.kind === 'author' ? 400 : 120)) return undefined;
    // `… published by Tyler Durden at Zero Hedge`: an author at an outlet.
    const at = cue.kind === 'outlet' ? /^\s*(.+?)\s+(?:at|for)\s+(\p{Lu}.*)$/u.exec(rest) : null;
    if (at && isPersonName(trimEnd(at[1]!), known)) {
      const out: CreditMatch = { start: 0, end, kind: 'outlet', names: outlets(at[2]!), cue: cue.cue };
      out.authors = [trimEnd(at[1]!)];
      return out.names.length ? out : undefined;
    }
    // `Подписывайтесь на Telegram-канал «Лента новостей Харькова»`: the channel's name, an outlet.
    const channel = cue.kind === 'outlet' ? CHANNEL.exec(rest) : null;
    if (channel) return { start: 0, end, kind: 'outlet', names: [channel[1]!.trim()], cue: cue.cue };
    const names = cue.kind === 'author' ? people(rest) : outlets(rest);
    if (cue.needsOutlet && !names.every((n) => looksLikeOutlet(n, known))) return undefined;
    // `… from The Free Thought Project. Article by Matt Agorist`: the author after the outlet.
    const by = /\.\s+(?:article|story|text|written)\s+by\s+(.+)$/i.exec(rest);
    if (names.length === 0 && !datelineCues.generic.has(trimEnd(rest.trim()).toLowerCase())) return undefined;
    // `Article posted with permission from Robert Spencer`: a person lends the copy, an author.
    const kind =
      cue.kind === 'outlet' && names.length === 1 && isPersonName(names[0]!, known) ? 'author' : cue.kind;
    const out: CreditMatch = { start: 0, end, kind, names, cue: cue.cue };
    if (by && cue.kind !== 'author') out.authors = people(by[1]!);
    return out;
  }
  // `ASSOCIATED PRESS`, `- Reuters.`: a known outlet alone on the closing line.
  const bare = line.replace(/^[-–—\s]+/, '').replace(/[.\s]+$/, '');
  if (bare.split(/\s+/).length <= 4 && known.outlet(bare))
    return { start: 0, end, kind: 'outlet', names: [bare], cue: '' };
  const c = datelineCues.contributed.find((k) => l.includes(k));
  if (c && line.length < 160) {
    const who = trimEnd(line.slice(0, l.indexOf(c)));
    if (!/^\p{Lu}/u.test(who) || who.split(/\s+/).length > 12) return undefined;
    return known.outlet(who.replace(/^The\s+/, ''))
      ? { start: 0, end, kind: 'input', names: [who.replace(/^The\s+/, '')], cue: c }
      : { start: 0, end, kind: 'author', names: people(who.replace(/,.*$/, '')), cue: c };
  }
  return undefined;
}

/** Whether a credit found by `matchCredit` may also stand at the top of an article. */
export const isOpeningCredit = (c: CreditMatch): boolean =>
  c.start === 0 && datelineCues.closing.some((k) => k.opening && k.cue === c.cue);

/**
 * Finds a closing credit in a paragraph near the end of an article: a whole line (`Source:
 * Sputnik`, `With input from TASS`, `Reporting by …; Editing by …`, `Reuters contributed to this
 * report.`, `©2018 Los Angeles Times, Distributed by Tribune Content Agency`, `Источник: …`,
 * `По материалам ТАСС`) or a parenthesised credit closing the paragraph (`… (With input from
 * Reuters)`). Offsets are relative to the paragraph.
 */
export function matchCredit(para: string, known: KnownNames): CreditMatch | undefined {
  // `(With input from Reuters)`, `--additional reporting from Jane Doe.`
  const whole =
    para.length <= 502
      ? wholeLine(
          para
            .replace(/^\(|\)\.?$/g, '')
            .replace(/^[-–—]+\s*/, '')
            .trim(),
          known,
        )
      : undefined;
  // `…Telegram-канал ""Лента новостей Харькова"""`: an odd closing quote ends a CSV field, not the credit.
  const csvEnd = para.endsWith('"') && (para.match(/"/g)?.length ?? 0) % 2 === 1 ? 1 : 0;
  if (whole) return { ...whole, start: 0, end: para.length - csvEnd };
  const m = /\(([^()]{4,400})\)\.?$/.exec(para);
  if (m) {
    const inner = wholeLine(m[1]!.trim(), known);
    if (inner) return { ...inner, start: m.index, end: para.length };
  }
  // `… the investigation. Article posted with permission from Pamela Geller`: a cue sentence
  // closing a hard-wrapped paragraph.
  const from = Math.max(0, para.length - 300);
  const stops = [...para.slice(from).matchAll(/[.!?]["”»]?\s+/g)].map((b) => from + b.index + b[0].length);
  for (const at of stops.reverse().slice(0, 3)) {
    const tail = para.slice(at);
    const l = tail.toLowerCase();
    if (!datelineCues.closing.some((c) => c.kind !== 'copyright' && l.startsWith(c.cue))) continue;
    const inner = wholeLine(tail, known);
    return inner && { ...inner, start: at, end: para.length };
  }
  const sp = SPECIAL_FOR.exec(para.slice(from));
  if (sp) {
    const start = from + sp.index + (sp[0].length - sp[0].trimStart().length);
    const outlet = sp[2]!.replace(/^«|»$/g, '');
    return {
      start,
      end: from + sp.index + sp[0].length,
      kind: 'outlet',
      names: [outlet],
      authors: [sp[1]!],
      cue: 'специально для',
    };
  }
  return undefined;
}

/**
 * A byline naming an outlet after the author: `by Jeff Crouere, The Liberty Daily:` → the author
 * and the outlet (a known outlet, a web address or a name with a media word), else undefined.
 */
export function bylineOutlet(
  rest: string,
  known: KnownNames,
): { author: string; outlet: string } | undefined {
  const m = /^(.+?),\s+(.+?)[:.]?$/.exec(rest.trim());
  if (!m) return undefined;
  // `By Karista Baldwin, Conservative Tribune November 15, 2018:`: the date is no part of the name.
  const outlet = m[2]!.replace(/,?\s+\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}$/u, '');
  return /^\p{Lu}/u.test(outlet) && looksLikeOutlet(outlet.replace(/^The\s+/, ''), known)
    ? { author: m[1]!, outlet }
    : undefined;
}

/**
 * An author's signature closing the last paragraph: `… по всей России. С. Шилов`, `… at home.
 * J. Smith` — initials and a surname after a sentence end. Offsets are relative to the paragraph.
 */
export function matchSignature(para: string): CreditMatch | undefined {
  const m = /[.!?»"”]\s+(\p{Lu}\.\s?(?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)$/u.exec(para);
  if (!m) return undefined;
  const start = para.length - m[1]!.length;
  return { start, end: para.length, kind: 'author', names: [m[1]!], cue: 'signature' };
}
