import type { Paragraph, Span } from '../../schema.js';
import { bylineOutlet, type CreditMatch, isOpeningCredit, matchCredit, matchSignature } from './credits.js';
import { type DatelineMatch, matchDateline } from './datelines.js';
import cues from './layout.json' with { type: 'json' };
import type { KnownNames } from './outlets.js';

/** The layout cue file, for provenance checksums. */
export const layoutData: unknown = cues;

const creditMarkers = cues.creditMarkers.map((s) => s.toLowerCase());
const bylinePrefixes = cues.bylinePrefixes.map((s) => s.toLowerCase());

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

/**
 * Lower-cases and keeps letters and digits only, so layout copies compare equal: the runs of
 * letters and digits joined by single spaces (`s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')
 * .trim()`), made in one pass that tests ASCII and Cyrillic by code and cuts a piece only where
 * the text's gap is not one space already (it runs on every paragraph).
 */
export function layoutKey(s: string): string {
  const l = s.toLowerCase();
  const n = l.length;
  let out = '';
  let from = -1; // start of the piece being kept: runs separated by single spaces
  let to = -1; // end of its last run
  let i = 0;
  while (i < n) {
    const c = l.charCodeAt(i);
    let w: number; // code units of a letter or digit at i, else 0
    if (c < 128) w = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
    else if (c >= 0x430 && c <= 0x45f) w = 1;
    else {
      LETTER_OR_DIGIT.lastIndex = i;
      w = LETTER_OR_DIGIT.test(l) ? LETTER_OR_DIGIT.lastIndex - i : 0;
    }
    if (w === 0) {
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (l.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      i += pair ? 2 : 1;
      continue;
    }
    if (from < 0) from = i;
    else if (to !== i && !(i - to === 1 && l.charCodeAt(to) === 32)) {
      out += out ? ` ${l.slice(from, to)}` : l.slice(from, to);
      from = i;
    }
    i += w;
    to = i;
  }
  if (from >= 0) out += out ? ` ${l.slice(from, to)}` : l.slice(from, to);
  return out;
}

/**
 * Where the photo credit in a line starts (`… © Spencer Platt / Getty Images` → at `©`), or -1.
 * Credits open a caption line (`Photo: …`) or close it; a marker mid-paragraph is not a credit.
 */
export function creditStart(line: string): number {
  const l = line.toLowerCase();
  let best = -1;
  for (const m of creditMarkers) {
    const at = l.indexOf(m);
    if (at >= 0 && (at < 15 || at > l.length - 70) && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** True when most longer words are capitalised, as in `Kiev, West Should Admit Loss Of Bakhmut`. */
export function isTitleCase(line: string): boolean {
  const words = line.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 2) return false;
  const caps = words.filter((w) => w[0] !== w[0]!.toLowerCase()).length;
  return caps / words.length >= 0.75;
}

const wordCount = (s: string): number => (s.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).length;

/**
 * A clock time a news feed put before or after the headline (`09:00 Стариков прокомментировал…`,
 * `Азаров рассказал о … 11:59`, `… at UN’s top court06:35`): not part of the title. A time after
 * a preposition (`Матч перенесли на 19:00`, `Talks resume at 10:30`) is the headline's own, and so
 * is a score after a result (`Zenit beat Dynamo 23:19`, `«Зенит» обыграл «Динамо» 2:10`,
 * `Зенит — Динамо 23:19`). Digits glued to a word (`court06:35`) are always a feed's time. Scores
 * such as `3:1` or `101:99` are no clock times at all.
 */
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d';
const LEADING_TIME = new RegExp(`^${CLOCK}\\s+(?=[\\p{Lu}«"“„'‘])`, 'u');
const TRAILING_TIME = new RegExp(`(?<=[\\p{L}.!?»"”’)])(\\s*)${CLOCK}$`, 'u');
const TIME_PREPOSITION =
  /(?:^|\s)(?:в|во|на|до|с|со|к|ко|по|после|около|at|by|until|till|before|after|from|to|since|around)\s*$/iu;
/** A result's verb or word (`beat`, `drew`, `обыграл`, `вничью`, `счёт`): a trailing time is its score. */
const SCORE_CUE =
  /(?<!\p{L})(?:beat|beats|beaten|defeat|defeats|defeated|edge|edges|edged|thrash\p{L}*|rout|routs|routed|draw|draws|drew|win|wins|won|lose|loses|lost|score|scores|scored|vs?\.?|обыгра\p{L}*|побед\p{L}*|проигра\p{L}*|разгроми\p{L}*|уступи\p{L}*|одолел\p{L}*|сыгра\p{L}*|вничью|сч[её]т\p{L}*|матч\p{L}*)(?!\p{L})/iu;
/** Two short names set against each other by a dash (`Зенит — Динамо`, `Real Madrid - Barcelona`). */
const FIXTURE = /^[«"“]?\p{Lu}\S*(?:\s+\S+){0,2}\s+[-–—]\s+[«"“]?\p{Lu}\S*(?:\s+\S+){0,2}$/u;

/** The title of line `line`: without a news feed's clock time before or after it. */
export function titleText(line: string): string {
  const t = line.trim();
  const lead = LEADING_TIME.exec(t);
  if (lead) return t.slice(lead[0].length);
  const trail = TRAILING_TIME.exec(t);
  if (!trail) return t;
  const head = t.slice(0, trail.index).trimEnd();
  if (trail[1] === '' && /\p{L}$/u.test(head)) return head;
  if (TIME_PREPOSITION.test(head) || SCORE_CUE.test(head) || FIXTURE.test(head)) return t;
  return head;
}

/** A byline line: `By Jane Doe`, `By Jane Doe and John Roe, Reuters`. */
export function bylineName(line: string): string | undefined {
  const l = line.toLowerCase();
  const p = bylinePrefixes.find((b) => l.startsWith(b));
  if (!p || line.length > 120 || /[.!?]$/.test(line.trim())) return undefined;
  const rest = line.slice(p.length).trim();
  return /^\p{Lu}/u.test(rest) && wordCount(rest) <= 12 ? rest : undefined;
}

/** Detected layout facts about an article. */
export interface Layout {
  paragraphs: Paragraph[];
  title?: string;
  standfirst?: string;
  byline?: string;
  /** The first dateline, with its paragraph's start (offsets of the match are relative to it). */
  dateline?: { at: number; match: DatelineMatch };
  /**
   * A second dateline in the lead when the first has no date: `(Adnkronos) – …` then `NEW DELHI,
   * Aug. 7, 2023 /PRNewswire/ — …` (a press release relayed by an agency).
   */
  second?: { at: number; match: DatelineMatch };
  /** Closing credits, in text order, with their paragraph's start. */
  credits: { at: number; match: CreditMatch }[];
}

/**
 * Assigns layout roles to paragraph spans: title, standfirst, byline, captions and credits,
 * and repeated paragraphs (a duplicated title or lead). `titleFirst` says the input follows the
 * research-corpus convention of a title on line 1; `knownTitle` is a title given by the input.
 */
export function detectLayout(
  text: string,
  spans: Span[],
  titleFirst: boolean,
  known: KnownNames,
  knownTitle?: string,
): Layout {
  const paras: Paragraph[] = spans.map((s) => ({ start: s.start, end: s.end, role: 'body' }));
  const out: Layout = { paragraphs: paras, credits: [] };
  if (paras.length === 0) return out;
  const surface = (i: number) => text.slice(paras[i]!.start, paras[i]!.end);
  const keys: string[] = [];
  const head = Math.min(paras.length, 12);
  let bylineCredit: Layout['credits'][number] | undefined;

  for (let i = 0; i < head; i++) {
    const s = surface(i);
    const credit = creditStart(s);
    if (credit >= 0 && wordCount(s) <= 60 && !/[.!?]["”»]?$/.test(s)) {
      paras[i]!.role = wordCount(s) <= 8 ? 'credit' : 'caption';
      if (paras[i]!.role === 'caption' && credit > 0)
        paras[i]!.credit = { start: paras[i]!.start + credit, end: paras[i]!.end };
    } else if (bylineName(s)) {
      paras[i]!.role = 'byline';
      // `by Jeff Crouere, The Liberty Daily:` names the author and, as a credit, the outlet.
      const split = bylineOutlet(bylineName(s)!, known);
      if (split && !bylineCredit)
        bylineCredit = {
          at: paras[i]!.start,
          match: {
            start: 0,
            end: s.length,
            kind: 'outlet',
            names: [split.outlet],
            authors: [split.author],
            cue: 'by',
          },
        };
      out.byline ??= split ? split.author : bylineName(s);
    }
  }

  // Title: the known title, or line 1 under the corpus convention unless it reads as a standfirst.
  const first = surface(0);
  if (knownTitle !== undefined) {
    if (layoutKey(first) === layoutKey(knownTitle)) paras[0]!.role = 'title';
  } else if (titleFirst && paras[0]!.role === 'body' && wordCount(first) <= 40) {
    const nextIsCaption = paras.length > 1 && (paras[1]!.role === 'caption' || paras[1]!.role === 'credit');
    const adjacent = paras.length > 1 && !/\n\s*\n/.test(text.slice(paras[0]!.end, paras[1]!.start));
    // A long sentence-case line set directly above a photo caption is a standfirst, as on RT
    // (whose pages put the headline in markup a text copy loses). It is still the only heading
    // the article has: it stands in for the title, so the article is not shown untitled.
    if (nextIsCaption && adjacent && !isTitleCase(first) && wordCount(first) >= 12)
      paras[0]!.role = 'standfirst';
    else paras[0]!.role = 'title';
    out.title = titleText(first);
  }

  const leads = paras
    .map((p, k) => (k < head && p.role === 'body' ? k : -1))
    .filter((k) => k >= 0)
    .slice(0, 2);
  // Repeats: a paragraph whose letters and digits equal an earlier one's, ignoring a dateline.
  let dlIndex = -1;
  for (let i = 0; i < head; i++) {
    let s = surface(i);
    let dl = paras[i]!.role === 'body' ? matchDateline(s, known) : undefined;
    // A paragraph wrapped in quotes by a CSV export (`"4 июля. Interfax-Russia.ru - …`): the
    // dateline starts after the quote.
    let q = 0;
    if (!dl && paras[i]!.role === 'body' && /^["“«]/.test(s)) {
      dl = matchDateline(s.slice(1), known);
      if (dl) q = 1;
    }
    // A dateline without an agency (`NEW YORK —`) opens the lead (after a standfirst, at most);
    // capitals further down are subheadings.
    if (dl && /^(place-|agency-dash)/.test(dl.rule) && !leads.includes(i)) dl = undefined;
    // `… Associated Press, August 10, 2018:` then `TAOS, N.M. (AP) — …`: another outlet's copy quoted.
    if (dl && i > 0 && /:["”»]?$/.test(surface(i - 1)) && paras[i - 1]!.role !== 'title') dl = undefined;
    const mark = (p: Paragraph, m: DatelineMatch) => {
      // A dateline alone on its line is a paragraph of its own; one opening the lead is a span
      // of the body paragraph, whose rest stays body.
      if (q + m.bodyStart >= s.length) p.role = 'dateline';
      else p.dateline = { start: p.start + q, end: p.start + q + m.length };
    };
    if (dl && out.dateline && !out.second && !out.dateline.match.date && dl.date && i <= dlIndex + 2) {
      out.second = { at: paras[i]!.start + q, match: dl };
      mark(paras[i]!, dl);
    }
    if (dl && !out.dateline) {
      dlIndex = i;
      out.dateline = { at: paras[i]!.start + q, match: dl };
      mark(paras[i]!, dl);
    }
    if (dl) s = s.slice(q + dl.bodyStart);
    keys.push(layoutKey(s));
    for (let j = 0; j < i; j++) {
      if (keys[i] && keys[i] === keys[j]) {
        paras[i]!.duplicateOf = j;
        if (paras[j]!.role === 'title') paras[i]!.role = 'title';
        break;
      }
    }
  }

  const opening = findOpeningCredit(text, paras, known);
  // Standfirst: a body paragraph between the title and the lead that the lead repeats, or that
  // precedes a dateline paragraph.
  const dlPara = out.dateline ? paras.findIndex((p) => p.start === out.dateline!.at) : -1;
  for (let i = 0; i < head; i++) {
    const p = paras[i]!;
    if (p.role !== 'body' || p.duplicateOf !== undefined) continue;
    const repeated = paras.some((q, k) => k > i && q.duplicateOf === i);
    if (repeated || (dlPara > i && i <= 4 && wordCount(text.slice(p.start, p.end)) >= 8))
      p.role = 'standfirst';
    else break;
  }
  const sf = paras.find((p) => p.role === 'standfirst');
  if (sf) out.standfirst = text.slice(sf.start, sf.end);
  findCredits(text, paras, out, opening ? paras.findIndex((p) => p.start === opening.at) + 1 : 1, known);
  if (opening) out.credits.unshift(opening);
  if (bylineCredit) out.credits.unshift(bylineCredit);
  return out;
}

/** `This article was originally published by Jane Doe at Example News` on a line near the top. */
function findOpeningCredit(
  text: string,
  paras: Paragraph[],
  known: KnownNames,
): Layout['credits'][number] | undefined {
  for (let i = 0; i < Math.min(paras.length - 1, 4); i++) {
    const p = paras[i]!;
    if (p.role !== 'body') continue;
    const c = matchCredit(text.slice(p.start, p.end), known);
    if (c && isOpeningCredit(c)) {
      p.role = 'credit';
      return { at: p.start, match: c };
    }
  }
  return undefined;
}

/**
 * Closing credits in the last paragraphs, read from the end: a credit line becomes a `credit`
 * paragraph, a parenthesised credit closing a body paragraph its `credit` span. Up to two short
 * trailing lines are passed over (`The Best of Jacob Doe`, `Read all the latest news here`, a
 * promotional `Visit … at …` line between two credit lines); a separator (`———`) above a credit
 * ends them. After that, reading stops at the first paragraph without a credit, so a `Source:` line
 * mid-article is no closing credit.
 */
function findCredits(text: string, paras: Paragraph[], out: Layout, from: number, known: KnownNames): void {
  const found: Layout['credits'] = [];
  let skipped = 0;
  for (let i = paras.length - 1; i >= Math.max(from, paras.length - 6); i--) {
    const p = paras[i]!;
    if (p.duplicateOf !== undefined || p.role === 'title' || p.role === 'dateline') break;
    const s = text.slice(p.start, p.end);
    // `———` above the credits closes the text: the outlet's name above it is a signature line.
    if (found.length && !/[\p{L}\p{N}]/u.test(s)) break;
    // A closing `©` line was taken for a photo caption by the head rules; a real caption stays one.
    let c =
      p.role === 'body' || p.role === 'caption' || p.role === 'credit' ? matchCredit(s, known) : undefined;
    // `… по всей России. С. Шилов`: an initial-and-surname signature closing the text.
    if (!c && i === paras.length - 1) c = matchSignature(s);
    if (!c) {
      // `Visit The Virginian-Pilot at pilotonline.com` between `©2018 …` and `Distributed by …`.
      if (skipped < 2 && wordCount(s) <= (found.length ? 12 : 30)) {
        skipped++;
        continue;
      }
      break;
    }
    found.unshift({ at: p.start, match: c });
    if (c.start === 0) p.role = 'credit';
    else {
      p.credit = { start: p.start + c.start, end: p.start + c.end };
      break;
    }
  }
  out.credits = found;
}
