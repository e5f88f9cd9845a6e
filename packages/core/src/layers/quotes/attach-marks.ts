import type { Paragraph, Span } from '../../schema.js';
import { abbreviationsFor } from '../sentences/segment.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { npSpan, overlap } from './spans.js';
import { describeSpeaker } from './speaker.js';
import { resolveSpeaker } from './speaker-resolve.js';
import { subjectAt } from './subject.js';
import { isTerminal, type NpRange, type Tok } from './tok.js';
import type { Quote, Speaker } from './types.js';

const WORD = /[\p{L}\p{N}]+/gu;
/** The number of words in `s`, counted up to `max` (a long quotation is not scanned to its end). */
function wordsUpTo(s: string, max: number): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (n < max && WORD.exec(s)) n++;
  return n;
}
const QUOTE_CHARS = new Set(["'", '"', '“', '”', '«', '»', '„', '‘', '’', '‹', '›']);

/** Quotations no cue claimed: long ones go to the nearest speaker, short ones are scare quotes. */
export function attachMarks(
  text: string,
  toks: readonly Tok[],
  out: Quote[],
  marks: readonly QuoteMarkSpan[],
  paragraphs: readonly Paragraph[],
  lex: Lexicon,
  seen: Speaker[],
): void {
  const attributed = out.filter((q) => q.speaker);
  for (const m of marks) {
    let s0 = m.start;
    let e0 = m.end;
    while (s0 < e0 && QUOTE_CHARS.has(text[s0]!)) s0++;
    while (e0 > s0 && QUOTE_CHARS.has(text[e0 - 1]!)) e0--;
    const inner = text.slice(s0, e0);
    const n = wordsUpTo(inner, lex.scareMaxWords + 1);
    if (n === 0) continue;
    // Russian names of parties, firms and outlets stand in guillemets (`«Грузинская мечта»`,
    // `«Ленте.ру»`): neither scare quotes nor quotations to attribute.
    const capital =
      lex.lang === 'ru' && n <= lex.scareMaxWords && /^\p{Lu}/u.test(inner) && !/[!?…,;:]/.test(inner);
    if (capital) continue;
    const short = n <= lex.scareMaxWords && !/[.!?…,;:]/.test(inner.replace(/[.,]+$/, ''));
    const within = out.find((q) => q.kind !== 'scare' && overlap(q, m) > 0);
    if (within) {
      // `Kiev rejected the vote as a “sham.”`: a short quoted word in an attribution whose cue is not a
      // reporting verb (a learned, evaluative cue) is the outlet's distancing, a scare quote too.
      const cueWord = within.cue
        ? text.slice(within.cue.start, within.cue.end).toLowerCase().split(/\s+/)[0]!
        : '';
      const speech = lex.verbs.get(cueWord)?.some((c) => !c.learned) || lex.sourceAfter.has(cueWord);
      if (short && within.cue && !speech)
        out.push({ start: m.start, end: m.end, kind: 'scare', signals: [], rule: 'scare-quote' });
      continue;
    }
    // `Critics put it bluntly: “…”`: a quotation after a colon belongs to the subject of the introduction.
    const intro = colonIntro(text, toks, m, lex);
    if (intro) {
      const d = describeSpeaker(toks, intro.np, text, lex);
      const speaker = resolveSpeaker(d, seen, lex) ?? { ...d.speaker, mention: d.nameSpan ?? intro.source };
      if (!seen.includes(speaker)) seen.push(speaker);
      out.push({
        start: m.start,
        end: m.end,
        kind: 'direct',
        cue: intro.cue,
        source: intro.source,
        speaker,
        signals: [],
        cueLemma: ':',
        rule: 'colon-quote',
      });
      continue;
    }
    // `“…,” Reed said. “…”`: a quotation right after a quoted attribution continues it.
    const host = continued(text, out, m, lex.lang);
    if (host) {
      host.parts ??= [{ start: host.start, end: host.end }];
      host.parts.push({ start: m.start, end: m.end });
      host.end = m.end;
      continue;
    }
    if (short) {
      // `издание «Украинская правда»`, `the newspaper "Kommersant"`: a title after a media noun is a name.
      if (!titleAfterMediaNoun(text, m.start, lex))
        out.push({ start: m.start, end: m.end, kind: 'scare', signals: [], rule: 'scare-quote' });
      continue;
    }
    // The nearest speaker: the last attribution in this or the previous paragraph, else the next one in this one.
    const para = paragraphs[m.paragraph]!;
    const prevPara = paragraphs[m.paragraph - 1];
    // Closest in the text on either side (the list is not in text order).
    const before = attributed
      .filter((q) => q.end <= m.start && q.end >= (prevPara?.start ?? para.start))
      .reduce<Quote | undefined>((best, q) => (!best || q.end > best.end ? q : best), undefined);
    const after = attributed
      .filter((q) => q.start >= m.end && q.start < para.end)
      .reduce<Quote | undefined>((best, q) => (!best || q.start < best.start ? q : best), undefined);
    const near = before ?? after;
    out.push({
      start: m.start,
      end: m.end,
      kind: 'direct',
      speaker: near?.speaker,
      // The speaker as last written before the quotation (PolNeAR links such quotes to that mention).
      source: near?.source,
      signals: [],
      rule: near ? 'quote-nearest-speaker' : 'quote-unattributed',
    });
  }
}

/** Whether the word right before offset `i` is a media noun (`издание`, `newspaper`). */
function titleAfterMediaNoun(text: string, i: number, lex: Lexicon): boolean {
  let e = i;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  let s = e;
  while (s > 0 && /[\p{L}-]/u.test(text[s - 1]!)) s--;
  return s < e && lex.mediaNouns.has(text.slice(s, e).toLowerCase());
}

/** The subject of a sentence that ends with a colon right before the quotation `m`. */
function colonIntro(
  text: string,
  toks: readonly Tok[],
  m: Span,
  lex: Lexicon,
): { np: NpRange; cue: Span; source: Span } | undefined {
  let i = m.start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (i < 0 || text[i] !== ':' || m.start - i > 4) return undefined;
  let c = toks.length - 1;
  while (c >= 0 && toks[c]!.start > i) c--;
  if (c < 0 || toks[c]!.start !== i) return undefined;
  let a = c;
  while (
    a > 0 &&
    !isTerminal(toks[a - 1]!) &&
    !/\n/.test(text.slice(toks[a - 1]!.end, toks[a]!.start)) &&
    c - a < 40
  )
    a--;
  const np = subjectAt(toks, a, c, lex);
  if (!np) return undefined;
  return { np, cue: { start: i, end: i + 1 }, source: npSpan(toks, np.s, np.e) };
}

/**
 * Full stops that end no sentence in a gap: the language's abbreviations (the sentence
 * splitter's list: `Mr.`, `Sen.`, `U.S.`, `Inc.`, `p.m.`), initials, and a US party-state
 * label (`(D-Calif.)`, `(R-Texas)`), dropped before the gap is tested for a sentence end.
 */
const abbreviationRes = new Map<string, RegExp>();
function abbreviationRe(lang: string): RegExp {
  let re = abbreviationRes.get(lang);
  if (!re) {
    const t = abbreviationsFor(lang);
    const words = [...t.titles, ...t.common]
      .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()])
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/\./g, '\\.'));
    re = new RegExp(
      `\\((?:[DRI]|Dem|Rep)[-–][A-Z][A-Za-z. ]{1,14}\\)|(?<!\\p{L})(?:${words.join('|')}|\\p{Lu})\\.`,
      'gu',
    );
    abbreviationRes.set(lang, re);
  }
  return re;
}

/** Marks that open a quotation. */
const QUOTE_OPENERS = '“«"‘\'';
/** Text with at most one sentence end, at its close. */
const ONE_END = /^[^“”"«».!?]{0,250}[.!?]?\s*$/;

/** The attribution a quotation continues: a quoted one ending (with its cue) just before it. */
function continued(text: string, out: readonly Quote[], m: Span, lang: string): Quote | undefined {
  // The attribution that ends closest before the quotation (`out` is not in text order).
  let q: Quote | undefined;
  let tail = -1;
  for (const x of out) {
    if (!x.speaker || x.kind === 'scare' || x.start >= m.start) continue;
    const t = Math.max(x.end, x.cue?.end ?? 0, x.source?.end ?? 0);
    if (t <= m.start && t > tail) {
      q = x;
      tail = t;
    }
  }
  if (!q || !QUOTE_OPENERS.includes(text[q.parts?.at(-1)?.start ?? q.start]!)) return undefined;
  const gap = text.slice(tail, m.start);
  if (/\n\s*\n.*\n\s*\n/s.test(gap)) return undefined;
  // The gap may finish the cue's sentence (` told reporters on Tuesday. `, `, a retired letter carrier
  // who came to hear Mr. Trump. `) but hold no other sentence; abbreviations do not end one, and
  // the word the source ends on joins the gap so that the full stop of `Casey Jr.` reads as one.
  if (/^[\s.,;:]*$/.test(gap)) return q;
  const lead = /[\p{L}.]*$/u.exec(text.slice(Math.max(0, tail - 12), tail))![0];
  const s = lead + gap;
  // No full stop or parenthesis: no abbreviation or party label to take out first.
  const bare = s.includes('.') || s.includes('(') ? s.replace(abbreviationRe(lang), '') : s;
  return ONE_END.test(bare) ? q : undefined;
}
