import type { Span } from '../../schema.js';
import { firstStartingAt } from '../../text/span-search.js';
import ctxEn from './context.en.json' with { type: 'json' };
import ctxRu from './context.ru.json' with { type: 'json' };

/** Whose word a term is: the outlet's own, a quoted source's, or one the outlet keeps at a distance. */
export type Voice = 'outlet' | 'quoted' | 'distanced';

/** Why a mention got its voice (absent for the outlet's plain usage). */
export type VoiceRule = 'quotation' | 'so-called' | 'scare-quotes' | 'mention' | 'negation';

interface ContextFile {
  soCalled: string[];
  mentionBefore: string[];
  mentionAfter: string[];
  negation: string[];
  nameBefore: string[];
  nameAfter: string[];
}

interface ContextRules {
  soCalled: RegExp;
  mentionBefore: RegExp;
  mentionAfter: RegExp;
  negation: RegExp;
  nameBefore: RegExp;
  nameAfter: RegExp;
}

const OPEN = '"“„«‘\'‹';
const CLOSE = '"”»’\'›“';
const Q_OPEN = '[ \\u00a0]*["“„«‘\'‹]?[ \\u00a0]*$';
const Q_CLOSE = '^[,"”»’\'›“]{0,2}'; // `,"` or `",`: a comma inside or outside the closing mark

// The data files write `\p{L}`; it is spelled out here so the regexes need no `u` flag, which
// makes V8 several times slower on every attempt.
const LETTERS =
  'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u03ff\\u0400-\\u052f';
const re = (src: string) =>
  new RegExp(
    src
      .replaceAll('[^\\p{L}]', `[^${LETTERS}]`)
      .replaceAll('[\\p{L}', `[${LETTERS}`)
      .replaceAll('\\p{L}', `[${LETTERS}]`),
    'i',
  );
const before = (alts: string[]) => re(`(?:${alts.join('|')})${Q_OPEN}`);
const compile = (f: ContextFile): ContextRules => ({
  soCalled: re(`(?:^|[^\\p{L}])(?:${f.soCalled.join('|')})${Q_OPEN}`),
  mentionBefore: before(f.mentionBefore),
  mentionAfter: re(`${Q_CLOSE}(?:${f.mentionAfter.map((a) => a.replace(/^\^/, '')).join('|')})`),
  negation: before(f.negation),
  nameBefore: before(f.nameBefore),
  nameAfter: re(`${Q_CLOSE}(?:${f.nameAfter.map((a) => a.replace(/^\^/, '')).join('|')})`),
});

const RULES: Record<string, ContextRules> = { en: compile(ctxEn), ru: compile(ctxRu) };

/** The context rules of a language (English rules for languages without their own). */
export const contextRules = (lang: string): ContextRules => RULES[lang] ?? RULES.en!;

/** The part of the line before `start` (at most 120 characters). */
function lineBefore(text: string, start: number): string {
  const s = text.slice(Math.max(0, start - 120), start);
  const nl = s.lastIndexOf('\n');
  return nl < 0 ? s : s.slice(nl + 1);
}

// The closing mark of each opening one that cannot be an apostrophe (for the marks around part of a term).
const PAIRED: Record<string, string> = { '«': '»', '"': '"', '“': '”', '„': '“' };

/**
 * Scare quotes: an opening mark right before the term (not an apostrophe inside a word; a
 * guillemet may stand a space apart) and its closing mark within a few words after it, before
 * the sentence ends — or right after a full stop, comma, `!` or `?` that ends the quoted words
 * (American style, `a "special military operation."`) — or inside the term, around its first
 * words (`«специальная» военная операция`; session 14).
 */
function inScareQuotes(text: string, m: Span): boolean {
  // Guillemets may stand a space apart from the word (`« российской агрессии »`).
  const spaced = / |\u00a0/.test(text[m.start - 1] ?? '') && '«‹'.includes(text[m.start - 2] || '-');
  const at = spaced ? m.start - 2 : m.start - 1;
  const open = text[at];
  if (!open || !OPEN.includes(open)) return false;
  if (open === "'" && /\p{L}/u.test(text[at - 1] ?? '')) return false;
  const pair = PAIRED[open];
  if (pair) {
    const inner = text.indexOf(pair, m.start);
    if (inner > m.start && inner < m.end) return true;
  }
  const after = /^[^.!?\n"”»’'›“]{0,25}/u.exec(text.slice(m.end, m.end + 26))![0];
  let close = text[m.end + after.length];
  if (close !== undefined && '.,!?'.includes(close)) close = text[m.end + after.length + 1];
  return close !== undefined && CLOSE.includes(close) && after.split(/\s+/).filter(Boolean).length <= 3;
}

// Naming verbs and nouns of the mention rules, as a cheap test before their costlier patterns.
const NAMING_HINT =
  /call|term|portray|depict|present|characteri|cast|fram|spin|pass|paint|представ|выда|изобра|преподн|dub|label|brand|descri|refer|euphemis|speak|accus|называ|именов|именуе|окрести|велича|назва|вывеск|эвфемизм|термин|слов|обвин|якобы/i;

/**
 * The distancing marker around a term, if any: `so-called`, scare quotes, a mention, a negation.
 * Cues right before the term are looked for in the last few words only (they must touch it).
 */
export function distancing(text: string, m: Span, rules: ContextRules): VoiceRule | undefined {
  const left = lineBefore(text, m.start);
  if (rules.soCalled.test(left.slice(-40))) return 'so-called';
  if (NAMING_HINT.test(left) && rules.mentionBefore.test(left)) return 'mention';
  if (rules.mentionAfter.test(text.slice(m.end, m.end + 80))) return 'mention';
  if (inScareQuotes(text, m)) return 'scare-quotes';
  if (rules.negation.test(left.slice(-30))) return 'negation';
  return undefined;
}

/**
 * Whether a contested entity name is mentioned rather than used: another side's name for the
 * place the outlet names otherwise (`Artyomovsk (called Bakhmut by Ukraine)`, `which Kiev calls
 * Bakhmut`, `known in Ukraine as Bakhmut`, `Bakhmut, as Russia calls it`, `Артёмовск
 * (по-украински — Бахмут)`, `который на Украине называют Бахмутом`). Only the name rules apply
 * (`nameBefore`/`nameAfter`): the term rules' negation, `якобы` or `по словам` before a name say
 * nothing about the name.
 */
export function nameMention(text: string, m: Span, rules: ContextRules): 'mention' | undefined {
  if (rules.nameBefore.test(lineBefore(text, m.start))) return 'mention';
  if (rules.nameAfter.test(text.slice(m.end, m.end + 60))) return 'mention';
  return undefined;
}

/** A quotation: a direct quote's piece or a quoted fragment; `attributed` when it has a speaker or cue. */
export interface Quoted extends Span {
  attributed: boolean;
}

/**
 * Whether a term is a quoted source's word. A quotation that is little more than the term
 * (`"invasion"`, «СВО») is the source's only when attributed and not marked by the outlet as a
 * mention (`what Moscow calls a "special military operation"`); otherwise it is scare quotes.
 * An attributed quotation that holds the term's first word but closes before its end is a
 * fragment of the source's words that the outlet's sentence runs on from (`"военная агрессия"
 * России`); one that closes before the term begins is not (`the "Russian" invasion`).
 */
export function inQuotation(m: Span, quoted: readonly Quoted[], marker?: VoiceRule): boolean {
  const len = m.end - m.start;
  // `attributed` is read last: for short quotations it may be computed on demand.
  const source = (q: Quoted) => (marker === undefined || marker === 'scare-quotes') && q.attributed;
  // Only a quotation that holds the term's start can hold the term: those are found through the
  // index (a book has thousands of quotations and of terms).
  return holding(quoted, m.start).some((q) => {
    if (m.end <= q.end) return q.end - q.start > len + 12 || source(q);
    // The closing mark falls inside the term, after its beginning.
    return m.start < q.end - 1 && source(q);
  });
}

const indexes = new WeakMap<readonly Quoted[], { sorted: Quoted[]; reach: Float64Array }>();

/** The quotations that hold offset `at` (`q.start <= at < q.end`), by an index kept per list. */
function holding(quoted: readonly Quoted[], at: number): Quoted[] {
  let ix = indexes.get(quoted);
  if (!ix) {
    const sorted = [...quoted].sort((a, b) => a.start - b.start);
    // The furthest end among the quotations up to each one: the scan back stops where it is short of `at`.
    const reach = new Float64Array(sorted.length);
    let max = -Infinity;
    sorted.forEach((q, i) => {
      max = Math.max(max, q.end);
      reach[i] = max;
    });
    ix = { sorted, reach };
    indexes.set(quoted, ix);
  }
  const out: Quoted[] = [];
  for (let i = firstStartingAt(ix.sorted, at + 1) - 1; i >= 0 && ix.reach[i]! > at; i--)
    if (ix.sorted[i]!.end > at) out.push(ix.sorted[i]!);
  return out;
}
