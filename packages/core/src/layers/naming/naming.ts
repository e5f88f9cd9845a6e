import { defineAnalyzer } from '../../analyzer.js';
import { rules } from '../../options.js';
import type { Paragraph, Span, Token } from '../../schema.js';
import { monthOf, parseNewsDate } from '../../text/dates.js';
import { containment, firstStartingAt, spanHolding } from '../../text/span-search.js';
import type { Gazetteer, Provenance } from '../entities/gazetteer.js';
import { gazetteerFor, joinKeys } from '../entities/gazetteer.js';
import type { Entity } from '../entities/group.js';
import { tokenKey } from '../entities/keys.js';
import { CSV_BODY, findQuoteMarks, withDashSpeech } from '../quotes/quote-marks.js';
import type { Quote } from '../quotes/types.js';
import { tokenize } from '../tokens/tokenize.js';
import { buildTerms, type NamingTerm, type StateMention } from './build-terms.js';
import { buildProfile, type NamingProfile, type PolarMention } from './profile.js';

import { readTermFile } from './term-files.js';
import { loadTerms, TERM_FILES } from './terms.js';
import usageFile from './usages.json' with { type: 'json' };
import { contextRules, inQuotation, nameMention, type Quoted } from './voice.js';

export type { NamingProfile } from './profile.js';

/** One variant of a contested name as used in the article. */
export interface NamingVariant {
  form: string;
  provenance: string;
  pole: Provenance['pole'];
  count: number;
  /** Mentions inside quotations (the quoted source's spelling, not the outlet's). */
  quoted: number;
  /**
   * Mentions of the name as a name, outside quotations (`which Kiev calls Bakhmut`,
   * `Артёмовск (по-украински — Бахмут)`): another side's name, not the outlet's usage.
   */
  distanced: number;
  /** Each mention; `rule: 'mention'` on the distanced ones, `rule: 'quotation'` on the quoted ones. */
  mentions: (Span & { rule?: 'mention' | 'quotation' })[];
}

/** The naming choices for one entity with a contested name. */
export interface NamingEntity {
  /** Entity id (the gazetteer id, e.g. `bakhmut`). */
  entity: string;
  name: string;
  variants: NamingVariant[];
}

/** The `naming` layer. */
export interface NamingLayer {
  entities: NamingEntity[];
  /** Contested terms (the war, the territories, the actors, …) by concept, form and voice. */
  terms: NamingTerm[];
  profile: NamingProfile;
}

declare module '../../schema.js' {
  interface LayerMap {
    naming: NamingLayer;
  }
}

interface Usage {
  entity: string;
  lang: string;
  before: string[];
  endings?: string[];
  notBefore?: string[];
  form: string;
  provenance: string;
}
const USAGES = usageFile.usages as Usage[];

// Joined keys of a surface form, kept: an article names the same places again and again.
const keyCache = new Map<string, string>();
function keysOf(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = joinKeys(tokenize(s, 'en').map((t) => tokenKey(s.slice(t.start, t.end))));
    if (keyCache.size >= 10_000) keyCache.clear();
    keyCache.set(s, k);
  }
  return k;
}

// The usages of each entity in a language, by language.
const usagesBy = new Map<string, Map<string, Usage[]>>();
const NO_USAGES: Usage[] = [];
function usagesIn(lang: string): Map<string, Usage[]> {
  let byEntity = usagesBy.get(lang);
  if (!byEntity) {
    byEntity = new Map();
    for (const u of USAGES)
      if (u.lang === lang) byEntity.set(u.entity, [...(byEntity.get(u.entity) ?? []), u]);
    usagesBy.set(lang, byEntity);
  }
  return byEntity;
}
const variantIndex = new WeakMap<Gazetteer, Map<string, Map<string, string>>>();

/** Variant forms of the gazetteer's entries by their joined keys, so declined forms find their variant. */
function variantsIn(gaz: Gazetteer): Map<string, Map<string, string>> {
  let byId = variantIndex.get(gaz);
  if (!byId) {
    byId = new Map();
    for (const e of gaz.entries.values()) {
      const forms = Object.keys(e.variants);
      if (forms.length) byId.set(e.id, new Map(forms.map((f) => [keysOf(f), f])));
    }
    variantIndex.set(gaz, byId);
  }
  return byId;
}

/** Whether an offset is in a repeated paragraph (most articles have none). */
function duplicates(paras: readonly Paragraph[]): (at: number) => boolean {
  const dups = paras.filter((p) => p.duplicateOf !== undefined);
  return dups.length === 0 ? () => false : (at) => spanHolding(dups, at) !== undefined;
}

/** The word before and after offset range `[start, end)`, on the same line. */
function neighbours(text: string, start: number, end: number): [string, string] {
  const before = /(\p{L}+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, start - 20), start));
  const after = /^[ \u00a0]+(\p{L}+)/u.exec(text.slice(end, end + 20));
  return [before?.[1] ?? '', after?.[1] ?? ''];
}

/**
 * The quotations of a text, found by their marks: every closed pair of quotation marks in a
 * paragraph, and a quotation carried over paragraphs (the next paragraph reopens it); a mark
 * never closed otherwise (a field wrapper, a typo) is no quotation. Text exported through CSV,
 * where every straight mark is doubled (`""`) and single ones wrap whole fields, is read with
 * the doubled marks as the quotation marks; so is a body wrapped whole in one pair of straight
 * marks after its title line (a field without inner quotations). A long quotation is the source's words whoever
 * speaks; a mark around little more than the term is the source's only when attributed, else
 * scare quotes (see {@link inQuotation}). Attribution comes from the `quotes` layer when the
 * pipeline has it (a direct quote with a cue or speaker covering the marks), so the layer reads
 * the same quotations with or without it. Reported speech is not a quotation: its wording is
 * the outlet's, and pro-Kremlin outlets put `спецоперация` into Western officials' paraphrased
 * words.
 */
export function markedSpans(
  text: string,
  paras: readonly Paragraph[],
  quotes: readonly Quote[] | undefined,
  lang?: string,
): Quoted[] {
  const read = markText(text);
  const said: Span[] = [];
  for (const q of quotes ?? [])
    if ((q.kind === 'direct' || q.kind === 'mixed') && (q.cue !== undefined || q.speaker !== undefined))
      said.push(...(q.parts ?? [q]));
  const inSaid = containment(said);
  const out: Quoted[] = [];
  for (const q of findQuoteMarks(read, paras)) {
    const next = paras[q.paragraph + 1];
    if (!q.closed && !(next && OPENING.includes(read[next.start] ?? ''))) continue;
    const span = q.closed ? nested(read, q, paras[q.paragraph]!) : q;
    if (out.length && span.start < out[out.length - 1]!.end) continue;
    const attributed = inSaid(span.start + 1, span.end - 1);
    out.push({ start: span.start, end: span.end, attributed });
  }
  return attachFragments(read, paras, out, said, lang);
}

/**
 * The text as its quotation marks are read: text exported through CSV has its doubled marks as
 * the marks (`""` → ` "`, a lone `"`, a field's wrapper, → ` `); same length, so offsets hold.
 */
export function markText(text: string): string {
  const csv = (text.includes('""') && CSV_ESCAPE.test(text)) || CSV_BODY.test(text);
  return csv ? text.replace(/""|"/g, (m) => (m.length === 2 ? ' "' : ' ')) : text;
}

/**
 * A straight-mark quotation with a quotation nested in it in the same marks (`"единый голос
 * стран "Большой семерки", на долю … России"`): the first pair found closes at the inner opening
 * mark (a space before it, a letter after it), which cannot close anything. The outer quotation
 * then runs to the second closing mark after it in the paragraph, when there is one.
 */
function nested(text: string, q: Span, p: Span): Span {
  const at = q.end - 1;
  if (text[at] !== '"' || !/\s/.test(text[at - 1] ?? '') || !/\p{L}/u.test(text[at + 1] ?? '')) return q;
  let closers = 0;
  for (let i = at + 1; i < p.end; i++) {
    if (text[i] !== '"') continue;
    // Another opening mark: the nesting is not what it seemed.
    if (!/[\p{L}\p{N}.,!?…)]/u.test(text[i - 1] ?? '')) return q;
    if (++closers === 2) return { start: q.start, end: i + 1 };
  }
  return q;
}

// A quotation up to this long may be a fragment; a longer one is a statement's words.
const FRAGMENT = 40;

// A sentence end: a stop, maybe a closing mark, spaces and a capital (no `u` flag: see voice.ts).
const SENTENCE_END = /[.!?…]["»”]?\s+(?=["«“„]?[A-ZА-ЯЁ])/g;
const SENTENCE_STOP = /[.!?…]["»”]?(?:\s+["«“„]?[A-ZА-ЯЁ]|\s*$)/;

/**
 * The sentence around `at` within its paragraph, looked for at most 400 characters each side
 * (Russian exports put whole bodies in one paragraph).
 */
function sentenceOf(text: string, paras: readonly Paragraph[], at: number): Span {
  const p = spanHolding(paras, at) ?? { start: 0, end: text.length };
  const from = Math.max(p.start, at - 400);
  let start = from;
  for (const b of text.slice(from, at).matchAll(SENTENCE_END)) start = from + b.index + b[0].length;
  const to = Math.min(p.end, at + 400);
  const rest = SENTENCE_STOP.exec(text.slice(at, to));
  return { start, end: rest ? at + rest.index + 1 : to };
}

/**
 * Fragments of a statement (`It emphasizes that Russia's "military aggression" against Ukraine
 * "will have massive consequences"`): a short quotation no speaker claims is the source's when
 * its sentence also holds a long or attributed quotation (the statement's other words), or an
 * attributed quote of the `quotes` layer (reported speech with quoted words). Scare quotes keep
 * their sentence to themselves.
 */
// A verb of judging that takes the quoted word as its object's name (`condemned the move as an
// "invasion"`, `осудили … как «агрессию»`): the word is the judge's, not the outlet's scare quotes.
// Naming verbs (`calls it a "special military operation"`) are mentions instead (voice.ts).
// The verb starts a word: `Thailand as the "invasion"` holds no `hail … as`.
const JUDGED_AS =
  /(?<![a-zа-яё])(?:condemn|denounc|decr[iy]|critici[sz]|slamm|blast|hail|welcom|осуди|осужда|раскритик|критику|приветств)[a-zа-яё]*[ \u00a0]+(?:[^ \u00a0.!?\n]+[ \u00a0]+){0,5}(?:as|как)[ \u00a0]+(?:an?[ \u00a0]+|the[ \u00a0]+)?["“„«‘]$/i;

function attachFragments(
  text: string,
  paras: readonly Paragraph[],
  out: Quoted[],
  said: Span[],
  lang?: string,
): Quoted[] {
  // Whether a quotation is the source's by itself (before any fragment rule).
  const own = out.map((o) => o.attributed || o.end - o.start > FRAGMENT);
  // `out` is disjoint and in text order; `said` is sorted here once, when a fragment is asked
  // about: the quotations of a sentence are then found by binary search, not by a scan of all.
  let bySaid: { sorted: Span[]; longest: number } | undefined;
  const ownIn = (s: Span, i: number) => {
    for (let j = firstStartingAt(out, s.start); j < out.length && out[j]!.start <= s.end; j++)
      if (j !== i && own[j] && out[j]!.end <= s.end + 1) return true;
    return false;
  };
  const saidIn = (s: Span, len: number) => {
    bySaid ??= {
      sorted: [...said].sort((a, b) => a.start - b.start),
      longest: said.reduce((n, x) => Math.max(n, x.end - x.start), 0),
    };
    const { sorted, longest } = bySaid;
    // A span that ends after `s.start` starts less than its length (the longest's at most) before.
    for (let j = firstStartingAt(sorted, s.start - longest); j < sorted.length; j++) {
      const x = sorted[j]!;
      if (x.start >= s.end) break;
      if (s.start < x.end && x.end - x.start > len) return true;
    }
    return false;
  };
  out.forEach((q, i) => {
    if (own[i]) return;
    // Read when a term asks (most short quotations hold none): finding the sentence is a scan.
    let memo: boolean | undefined;
    Object.defineProperty(q, 'attributed', {
      enumerable: true,
      get: () => {
        if (memo !== undefined) return memo;
        const s = sentenceOf(text, paras, q.start);
        memo =
          JUDGED_AS.test(text.slice(Math.max(s.start, q.start - 100), q.start + 1)) ||
          ownIn(s, i) ||
          saidIn(s, q.end - q.start + 2) ||
          (lang !== undefined && saidAround(text, q, lang));
        return memo;
      },
    });
  });
  return out;
}

const OPENING = '"“„«‘';
const CSV_ESCAPE = /(?:^|[^"])""[^"\s,.;:!?)-]/;

// Reporting verbs of Russian attributions after the words (`…, – отметил Затулин`).
const VERBS_RU =
  '(?:сказа|заяв|отмет|отмеча|подчеркн|подчеркива|добав|поясн|уточн|резюмир|говор|сообщ|написа|пише|считае|полагае|констатир|призна|ответи|отвеча|заключи|указа|указыва|рассказ|предупре|напомн|напомина|продолжи|объясн|убежд|увер|заверя|замети|замеча)[а-яё]*';
// English attributions after the words: `," he said`, `," the statement warned`, `," said Lavrov`.
const VERBS_EN =
  '(?:said|says|warn(?:s|ed)?|add(?:s|ed)|told|wrote|writes|stated?|states|noted?|notes|declared?|declares|insist(?:s|ed)|stress(?:es|ed)|emphasi[sz](?:es|ed)|explain(?:s|ed)|argu(?:es|ed)|claim(?:s|ed)|conclude[sd])\\b';
const SUBJECT_EN =
  "(?:he|she|they|it|we|I|the [a-z]+(?: [a-z]+){0,2}|[A-Z][\\w'’.-]*(?: [A-Z][\\w'’.-]*){0,3})";
const CUE_AFTER: Record<string, RegExp> = {
  ru: new RegExp(`^[,!?…]?[ \\u00a0]*(?:[-–—][ \\u00a0]+)?${VERBS_RU}`, 'i'),
  en: new RegExp(`^[,!?]?[ \\u00a0]+(?:${SUBJECT_EN}[ \\u00a0]+${VERBS_EN}|${VERBS_EN})`),
};
// A reporting verb, then up to a colon right before an opening mark (`Зеленский сказал: «…»`,
// `Zelensky said: "…"`).
const CUE_BEFORE: Record<string, RegExp> = {
  ru: new RegExp(`(?<![а-яё])${VERBS_RU}[^.!?…\\n"«»“”„]{0,80}:[ \\u00a0]*$`, 'i'),
  en: new RegExp(`\\b${VERBS_EN}[^.!?\\n"“”]{0,80}:[ \\u00a0]*$`),
};

/**
 * Whether a short quotation is a speaker's whole statement: one that opens its sentence with an
 * attribution right after its closing mark (`"It is an invasion," Zelensky said`, `«Это
 * вторжение», — сказал Зеленский`; not a name in marks inside a phrase, `the head of the "DPR,"
 * told TASS`), or a reporting verb and a colon right before its opening mark (`Зеленский сказал:
 * «Это вторжение»`). The `quotes` layer, when the pipeline has it, often ends the content before
 * the comma inside the marks, so it does not cover them (session 13).
 */
function saidAround(text: string, q: Span, lang: string): boolean {
  const from = Math.max(0, q.start - 20);
  const pre = text.slice(from, q.start);
  const opens = (from === 0 && /^\s*$/.test(pre)) || /[\n.!?…:]["»”]?[ \u00a0\t]*$/.test(pre);
  return (
    (opens && (CUE_AFTER[lang]?.test(text.slice(q.end, q.end + 80)) ?? false)) ||
    (CUE_BEFORE[lang]?.test(text.slice(Math.max(0, q.start - 120), q.start)) ?? false)
  );
}

const CUE_IN: Record<string, RegExp> = {
  ru: new RegExp(`[,!?…][ \\u00a0]*(?:[-–—][ \\u00a0]+)?${VERBS_RU}`, 'i'),
  en: new RegExp(`[,!?][ \\u00a0]+(?:${SUBJECT_EN}[ \\u00a0]+${VERBS_EN}|${VERBS_EN})`),
};

/**
 * Quotations whose marks were lost at one end, made whole by the attribution that follows the
 * words: a closing mark that closes nothing, right before a reporting verb (`… в ответ", -
 * предупреждают они`, `… in response," they warn`), closes a quotation of the sentence before it;
 * an opening mark never closed in its paragraph opens one that runs to the attribution after it
 * (`"ВС РФ … в ходе СВО, отметил …`). `marks` are the quotations found whole
 * ({@link markedSpans}); without an attribution a stray mark stays no quotation.
 */
export function brokenQuotations(
  text: string,
  paras: readonly Paragraph[],
  lang: string,
  marks: readonly Span[],
): Quoted[] {
  const after = CUE_AFTER[lang];
  const inside = CUE_IN[lang];
  if (!after || !inside) return [];
  // Marks as markedSpans reads them (CSV exports: the doubled ones).
  const read = markText(text);
  const out: Quoted[] = [];
  // Quotations found whole are disjoint and in text order: a binary search finds the one at `at`.
  const covered = (at: number) => {
    let lo = 0;
    let hi = marks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = marks[mid]!;
      if (at < q.start) hi = mid - 1;
      else if (at >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  for (const p of paras) {
    if (p.duplicateOf !== undefined) continue;
    const para = read.slice(p.start, p.end);
    // The paragraph's first character: a mark there that never closes wraps an exported field.
    const ink = p.start + para.search(/\S|$/);
    for (const m of para.matchAll(/["»”“«„]/g)) {
      const at = p.start + m.index;
      if (covered(at)) continue;
      const ch = m[0];
      const before = read[at - 1] ?? ' ';
      const closing = ch !== '«' && ch !== '„' && /[\p{L}\p{N}.,!?…)]/u.test(before);
      if (closing) {
        if (!after.test(read.slice(at + 1, at + 80))) continue;
        const base = Math.max(p.start, at - 400);
        const body = read.slice(base, at);
        const s = /(?:^|[.!?…]["»”]?[ \u00a0]+)(?=[^.!?…]*$)/.exec(body);
        const from = base + (s ? s.index + s[0].length : 0);
        if (!covered(from) && at - from > 1) out.push({ start: from, end: at + 1, attributed: true });
      } else if (at !== ink) {
        // The attribution within 400 characters, and no other mark between.
        const cue = inside.exec(read.slice(at + 1, Math.min(p.end, at + 401)));
        if (!cue || /["»”“«„]/.test(read.slice(at + 1, at + 1 + cue.index))) continue;
        out.push({ start: at, end: at + 1 + cue.index, attributed: true });
      }
    }
  }
  return out;
}

// A dash attribution of Russian direct speech without quotation marks (`…, – отметил Затулин.`):
// a dash after a comma (or at the start of a paragraph) and a reporting verb.
const DASH_HINT = /[-–—][ \u00a0]/;
const DASH_CUE = new RegExp(`(?:^[ \t\u00a0]*|[,!?…][ \u00a0]*)[-–—][ \u00a0]+${VERBS_RU}`, 'i');

/**
 * Direct speech without quotation marks. A paragraph opened by a dash (Russian typography: `—
 * Конечно, …`, interview answers) is read as the quotes layer reads it (`withDashSpeech`): the
 * speaker's words up to the author's words (`, — сказал министр`) and again after them, not a
 * question (the interviewer's, so the outlet's own). Elsewhere a dash attribution (`…, – отмечает
 * Минченко.`) makes the sentence before it the speaker's words, and the rest of the paragraph
 * when a dash resumes the speech after it (`… Минченко. – А что касается …`); one that opens a
 * paragraph (`– резюмировал депутат.`) makes the paragraph before it a quotation (Russian text
 * only: the cues are Russian reporting verbs). Attributions right after a closing quotation mark
 * are left to the marks.
 */
export function dashSpeech(text: string, paras: readonly Paragraph[], lang = 'ru'): Quoted[] {
  const out: Quoted[] = [];
  const opened = new Set<number>();
  for (const d of withDashSpeech(text, paras, [])) {
    opened.add(d.paragraph);
    out.push({ start: d.start, end: d.end, attributed: true });
  }
  if (lang !== 'ru') return out;
  paras.forEach((p, i) => {
    const body = text.slice(p.start, p.end);
    // Russian reporting verbs; the cue needs a dash before a space: most paragraphs have none.
    const cue = DASH_HINT.test(body) ? DASH_CUE.exec(body) : null;
    if (!cue) return;
    if (cue.index === 0 && /^[ \t\u00a0]*[-–—]/.test(cue[0])) {
      const prev = paras[i - 1];
      if (prev && !opened.has(i - 1)) out.push({ start: prev.start, end: prev.end, attributed: true });
      return;
    }
    if (!opened.has(i) && cue.index > 0 && !/["»”“]/.test(body[cue.index - 1]!)) {
      const sentence = /(?:^|[.!?…]["»”]?[ \u00a0]+)(?=[^.!?…]*$)/.exec(body.slice(0, cue.index))!;
      const from = p.start + sentence.index + sentence[0].length;
      const at = p.start + cue.index;
      out.push({ start: from, end: at, attributed: true });
      const after = /^[^.!?…\n]*[.:][ \u00a0]+[-–—][ \u00a0]/.exec(body.slice(cue.index + cue[0].length));
      if (after) out.push({ start: at + cue[0].length + after[0].length, end: p.end, attributed: true });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Every quotation the layer reads a voice from: those found by their marks, those whose marks
 * were lost at one end, and Russian dash speech.
 */
export function quotations(
  text: string,
  paras: readonly Paragraph[],
  lang: string,
  quotes: readonly Quote[] | undefined,
): Quoted[] {
  const marks = markedSpans(text, paras, quotes, lang);
  return [...marks, ...brokenQuotations(text, paras, lang, marks), ...dashSpeech(text, paras, lang)];
}

/**
 * A publication date or time in milliseconds: ISO (`2018-03-04`, `2018-03-04T10:00:00+03:00`,
 * to the minute), or as news metadata and datelines write a day (`March 4, 2018`, `4 марта 2018`,
 * `04.03.2018`, `Sun, 04 Mar 2018 10:00:00 GMT`: that day, midnight UTC), or a month alone
 * (`March 2018`, `март 2018`: its last day, so a month is before a date only when all of it is).
 * Undefined for a missing date or one without a year (`--03-04`), so such a document is treated
 * as undated.
 */
function publishedAt(published: string | undefined): number | undefined {
  if (!published) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(published)) {
    const t = Date.parse(published);
    return Number.isNaN(t) ? undefined : t;
  }
  const day = parseNewsDate(published);
  if (day) return Date.parse(day);
  const m = /(\p{L}{3,})\.?,?\s+((?:19|20)\d\d)\b/u.exec(published);
  const month = m && monthOf(m[1]!);
  return month ? Date.UTC(+m![2]!, month, 0) : undefined;
}

/**
 * Builds the naming layer from the document's entities, tokens and quotations (see
 * {@link naming}). `quoted` may be a function: it is then called once, and only when a term or
 * a contested name is found (most articles have neither, and finding quotations is a pass over
 * the text).
 */
export function buildNaming(
  text: string,
  lang: string,
  ents: readonly Entity[],
  paras: readonly Paragraph[],
  gaz: Gazetteer,
  context: {
    tokens?: readonly Token[];
    quoted?: readonly Quoted[] | (() => readonly Quoted[]);
    terms?: readonly string[];
    /** The document's publication date (`doc.meta.published`, ISO), for `referents.elsewhere[].publishedBefore`. */
    published?: string;
  } = {},
): NamingLayer {
  let found: readonly Quoted[] | undefined;
  const quoted = () => {
    const q = context.quoted;
    found ??= typeof q === 'function' ? q() : (q ?? []);
    return found;
  };
  const skip = duplicates(paras);
  const out: NamingEntity[] = [];
  const names: PolarMention[] = [];
  const rules = contextRules(lang);
  const variants = variantsIn(gaz);
  const usagesOf = usagesIn(lang);
  for (const e of ents) {
    if (!e.gazetteer) continue;
    const forms = variants.get(e.gazetteer);
    const usages = usagesOf.get(e.gazetteer) ?? NO_USAGES;
    if (!forms && usages.length === 0) continue;
    const byForm = new Map<string, NamingVariant>();
    const add = (form: string, provenance: string, m: Span) => {
      const pole = gaz.provenances[provenance]?.pole ?? 'neutral';
      const v = byForm.get(form) ?? {
        form,
        provenance,
        pole,
        count: 0,
        quoted: 0,
        distanced: 0,
        mentions: [],
      };
      const marker = nameMention(text, m, rules);
      const inQuote = inQuotation(m, quoted(), marker);
      const distanced = !inQuote && marker !== undefined;
      v.count++;
      if (inQuote) v.quoted++;
      if (distanced) v.distanced++;
      v.mentions.push(
        distanced
          ? { start: m.start, end: m.end, rule: 'mention' }
          : inQuote
            ? { start: m.start, end: m.end, rule: 'quotation' }
            : { start: m.start, end: m.end },
      );
      byForm.set(form, v);
      names.push({
        start: m.start,
        end: m.end,
        pole,
        provenance,
        quoted: inQuote,
        ...(distanced ? { distanced } : {}),
      });
    };
    for (const m of e.mentions) {
      if (skip(m.start)) continue;
      const surface = text.slice(m.start, m.end);
      const form =
        forms?.get(keysOf(surface)) ??
        (/^[A-Z][A-Z -]+$/.test(surface)
          ? forms?.get(keysOf(surface.replace(/\B[A-Z]+/g, (x) => x.toLowerCase())))
          : undefined);
      if (form) add(form, gaz.entries.get(e.gazetteer)!.variants[form]!, m);
      if (usages.length === 0) continue;
      const [before, after] = neighbours(text, m.start, m.end);
      for (const u of usages) {
        if (!u.before.includes(before)) continue;
        if (u.endings && !u.endings.some((x) => surface.endsWith(x))) continue;
        if (u.notBefore?.includes(after.toLowerCase())) continue;
        add(u.form, u.provenance, m);
      }
    }
    if (byForm.size)
      out.push({
        entity: e.id,
        name: e.name,
        variants: [...byForm.values()].sort((a, b) => b.count - a.count),
      });
  }
  const idx = loadTerms(lang, context.terms);
  let stateMentions: StateMention[] | undefined;
  const states = () =>
    (stateMentions ??= ents.flatMap((e) =>
      e.kind === 'state' && e.gazetteer
        ? e.mentions.map((m) => ({ start: m.start, end: m.end, state: e.gazetteer! }))
        : [],
    ));
  const terms =
    idx && context.tokens
      ? buildTerms(text, lang, context.tokens, idx, quoted, skip, states, publishedAt(context.published))
      : [];
  return { entities: out, terms, profile: buildProfile(names, terms) };
}

/**
 * The `naming` analyzer: for entities whose names are contested (Kyiv/Kiev, Bakhmut/Artyomovsk,
 * `на Украине`/`в Украине`), which variants the article uses; for contested terms of the war
 * (`special military operation`/`invasion`, `liberated`/`occupied territories`, `Kiev regime`,
 * …; `terms.<lang>.json`), which forms it uses and in whose voice — the outlet's, a quoted
 * source's, or kept at a distance (`so-called`, scare quotes, `what Moscow calls …`); and a
 * profile of the whole article. Repeated paragraphs are not counted twice.
 */
export const naming = defineAnalyzer({
  name: 'naming',
  // 3: quotations found by their marks (and Russian dash speech), with or without `quotes`.
  // 4: modifier words and quotation marks between a term's words, `&` words after it.
  // 5: families of session 3 (adjectival `military`, invading forces, capitals for states,
  // waging war on Ukraine, the West at war with Russia, accusations and `якобы` as mentions).
  // 6: `an|the invasion` not before `by` (an invasion by others), the agent after `invasion by`
  // outside the match.
  // 7: other events (`referents.elsewhere`: another war, a year before 2022, another kind of war
  // or another country around a match), `war|wars` for the stem `war*`, more nouns after the army.
  // 8: quotations whose marks were lost at one end (made whole by the attribution after them),
  // straight marks nested in straight marks, fragments of a statement in one sentence, and a
  // term that runs on past an attributed fragment's closing mark; another state right after a
  // match (`referents.elsewhere[].afterState`, from the entities layer), another war inside it.
  // 9: a document published before a rule's date (`referents.elsewhere[].publishedBefore`,
  // from `doc.meta.published`) names another event than this war.
  // 10: dates as written, an agency's special operation, the military operation in Ukraine.
  // 11: a war happening in Ukraine, `Russia War`, Russia at war with the US (proxy), Putin's `his
  // troops`; dismissals and `назвал … актом` are mentions, a word quoted as what a speaker
  // condemned something as is the speaker's; dash speech as the quotes layer reads it.
  // 12: the judging verb of a quoted word starts a word (`Thailand … as the "invasion"` is the
  // outlet's scare quotes, not a `hail … as`).
  // 13: a publication date's month is a month name or its abbreviation, not any word that begins
  // like one (`Mayor 2018` is no May).
  version: 23,
  requires: ['entities', 'paragraphs', 'tokens', 'language'],
  // Quotations are found by their marks either way; `quotes`, when present, tells which short
  // ones are attributed (a source's word rather than scare quotes).
  optional: ['quotes'],
  produces: 'naming',
  // `terms`: terminology files of one's own, added to the shipped ones of their language.
  defaults: { gazetteers: [] as string[], terms: [] as string[] },
  rules: { gazetteers: rules.files, terms: rules.files },
  setup(options, registry) {
    registry.data('naming/usages.json', usageFile);
    for (const [lang, file] of Object.entries(TERM_FILES)) registry.data(`naming/terms.${lang}.json`, file);
    // Every terminology file is compiled now, the shipped ones and one's own: a bad pattern
    // stops the set-up (`E_MODEL_INVALID`, `E_TERMS`) instead of failing each document's run,
    // which would leave a layer without terms. Languages only the user's files have too.
    const langs = new Set([...Object.keys(TERM_FILES), ...options.terms.map((f) => readTermFile(f).lang)]);
    for (const lang of langs) loadTerms(lang, options.terms);
    return gazetteerFor(registry, options.gazetteers);
  },
  run(doc, _ctx, options, gazetteer) {
    return buildNaming(doc.text, doc.language!.code, doc.entities!, doc.paragraphs!, gazetteer, {
      terms: options.terms,
      tokens: doc.tokens!,
      quoted: () => quotations(doc.text, doc.paragraphs!, doc.language!.code, doc.quotes),
      published: doc.meta.published,
    });
  },
});
