import type { Paragraph, Span } from '../../schema.js';
import { abbreviationsFor } from '../sentences/segment.js';
import { Interviews } from './interview.js';
import type { Lexicon } from './lexicon.js';
import { firstOverlapping, Latest } from './mark-sweep.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { tokenFrom } from './search.js';
import { ExactSpans } from './span-sets.js';
import { npSpan } from './spans.js';
import { describeSpeaker, leadTrimmed } from './speaker.js';
import { resolveSpeaker, type SpeakerMemory } from './speaker-resolve.js';
import { subjectAt } from './subject.js';
import { isTerminal, type NpRange, type Tok } from './tok.js';
import type { Quote } from './types.js';

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
  seen: SpeakerMemory,
): void {
  const attributed = out.filter((q) => q.speaker);
  const overlapping = firstOverlapping(out, marks);
  // The source and relay spans of the attributions (`out` grows below), for marks around one.
  const named = new ExactSpans(out, (q) => [q.source, q.via?.source]);
  // The attribution that ends closest before a mark (a quotation may continue it) …
  const reach = (x: Quote) => Math.max(x.end, x.cue?.end ?? 0, x.source?.end ?? 0);
  const lastAttribution = new Latest(out, reach, (x) => x.speaker !== undefined && x.kind !== 'scare');
  // … and the quoted one among them (`“…,” Ramos said, referring to …. “…”`: an attribution in
  // the trailing clause of the cue's sentence comes between the quotation and its continuation).
  const lastQuoted = new Latest(
    out,
    reach,
    (x) => x.speaker !== undefined && x.kind !== 'scare' && QUOTE_OPENERS.includes(text[x.start]!),
  );
  // … and the nearest attributions before and after it (the nearest speaker of an unclaimed one).
  const lastEnded = new Latest(
    attributed,
    (x) => x.end,
    () => true,
  );
  const byStart = attributed
    .map((_q, i) => i)
    .sort((x, y) => attributed[x]!.start - attributed[y]!.start || x - y);
  const interviews = lex.lang === 'ru' ? new Interviews(text, paragraphs, attributed) : undefined;
  for (let mi = 0; mi < marks.length; mi++) {
    const m = marks[mi]!;
    const prior = lastAttribution.upTo(m.start);
    const quoted = lastQuoted.upTo(m.start);
    const ended = lastEnded.upTo(m.start);
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
    // Dash speech (Russian, `withDashSpeech`) is a speaker's words, however short: no name, no scare quote.
    const dash = text[m.start] === '—' || text[m.start] === '–';
    if (capital && !dash) continue;
    // `Об этом сообщает «обозреватель» со ссылкой на …`: marks around a whole source or relay name
    // it (Russian; in English `said the "expert"` distances).
    if (lex.lang === 'ru' && !dash && named.has(s0, e0)) continue;
    const short = !dash && n <= lex.scareMaxWords && !/[.!?…,;:]/.test(inner.replace(/[.,]+$/, ''));
    const within = overlapping[mi];
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
      if (!seen.has(speaker)) seen.touch(speaker);
      const quote: Quote = {
        start: m.start,
        end: m.end,
        kind: 'direct',
        cue: intro.cue,
        source: intro.source,
        speaker,
        signals: [],
        cueLemma: ':',
        rule: 'colon-quote',
      };
      lastAttribution.add(quote, out.length);
      out.push(quote);
      continue;
    }
    // `“…,” Reed said. “…”`: a quotation right after a quoted attribution continues it.
    const host =
      prior &&
      (continued(text, prior, reach(prior), m, lex.lang) ??
        (quoted &&
        quoted !== prior &&
        quoted.start < prior.start &&
        sameSpeaker(quoted, prior) &&
        inClause(text, reach(quoted), prior)
          ? continued(text, quoted, reach(quoted), m, lex.lang)
          : undefined));
    if (host) {
      host.parts ??= [{ start: host.start, end: host.end }];
      host.parts.push({ start: m.start, end: m.end });
      host.end = m.end;
      lastAttribution.update(host);
      lastQuoted.update(host);
      lastEnded.update(host);
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
    const before = ended && ended.end >= (prevPara?.start ?? para.start) ? ended : undefined;
    const next = attributed[byStart[firstFrom(byStart, attributed, m.end)] ?? -1];
    const after = next && next.start < para.end ? next : undefined;
    const near = dash ? dashSpeaker(text, m, para, prevPara, before, after) : (before ?? after);
    // `«СП»: — …?` then `— …`: an interview's answer is the interviewee's.
    const answered = dash && !near ? interviews?.answered(m, m.paragraph, ended) : undefined;
    const nearest: Quote = {
      start: m.start,
      end: m.end,
      kind: 'direct',
      speaker: (near ?? answered)?.speaker,
      // The speaker as last written before the quotation (PolNeAR links such quotes to that mention).
      source: (near ?? answered)?.source,
      signals: [],
      rule: near ? 'quote-nearest-speaker' : answered ? 'interview-answer' : 'quote-unattributed',
    };
    lastAttribution.add(nearest, out.length);
    out.push(nearest);
  }
}

/** The place in `order` (list indexes sorted by start) of the first attribution starting at or after `pos`. */
function firstFrom(order: readonly number[], list: readonly Quote[], pos: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[order[mid]!]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  const c = tokenFrom(toks, i + 1) - 1;
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
  return {
    np,
    cue: { start: i, end: i + 1 },
    source: npSpan(toks, leadTrimmed(toks, np, text, lex).s, np.e),
  };
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

/**
 * Whether attribution `q` stands in the clause after `tail` (the end of a quoted attribution's
 * cue and source): in the same paragraph, no sentence end between (`“…,” Holt said, referring to
 * the board.`).
 */
function inClause(text: string, tail: number, q: Quote): boolean {
  const at = Math.min(q.start, q.cue?.start ?? q.start);
  return at >= tail && !/[\n.!?]/.test(text.slice(tail, at));
}

/**
 * Whether two attributions have one speaker (`“…,” Ramos said, referring to …` — the participle's
 * attribution is Ramos's again), not another's in the same sentence (`“…,” Ramos said, while Mayor
 * Lee said …`).
 */
function sameSpeaker(a: Quote, b: Quote): boolean {
  if (!a.speaker || !b.speaker) return false;
  return a.speaker === b.speaker || a.speaker.name === b.speaker.name;
}

/** Whether a quotation continues `q`, the attribution that ends (with its cue) closest before it at `tail`: a quoted one, with no other sentence between. */
function continued(text: string, q: Quote, tail: number, m: Span, lang: string): Quote | undefined {
  if (q.start >= m.start || !QUOTE_OPENERS.includes(text[q.parts?.at(-1)?.start ?? q.start]!))
    return undefined;
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

/**
 * The speaker of dash speech (Russian, `withDashSpeech`) that no cue claimed: the nearest one only
 * when the paragraph before introduces it (`…, считает Владимир Пастухов:`), when it resumes after
 * the author's words (`— …! — заявил Лавров. — Мы …`), or when the author's words follow it
 * without a speaker of their own (`— …! — написал глава региона в Telegram.`). Otherwise it may be
 * an interview's answer, whose speaker the interviewer's question does not name ({@link Interviews}).
 */
function dashSpeaker(
  text: string,
  m: Span,
  para: Span,
  prev: Span | undefined,
  before: Quote | undefined,
  after: Quote | undefined,
): Quote | undefined {
  if (prev && /:\s*$/.test(text.slice(prev.start, prev.end))) return before;
  if (before && before.start >= para.start && text.slice(para.start, m.start).trim() !== '') return before;
  if (/^,?[ \u00a0]*[—–][ \u00a0]+[а-яё]/.test(text.slice(m.end, para.end))) return before ?? after;
  return undefined;
}
