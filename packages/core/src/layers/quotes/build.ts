import type { Paragraph, Span } from '../../schema.js';
import { abbreviationsFor } from '../sentences/segment.js';
import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import {
  accusativeRu,
  describeSpeaker,
  GENITIVE_LEADS,
  genders,
  guessGender,
  nominativeRu,
  resolveSpeaker,
} from './speaker.js';
import { subjectAt } from './subject.js';
import { isTerminal, type NpRange, type Tok } from './tok.js';
import type { Quote, QuoteKind, QuoteSignal, Speaker } from './types.js';

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const npSpan = (toks: readonly Tok[], s: number, e: number): Span => ({
  start: toks[s]!.start,
  end: toks[e - 1]!.end,
});
const WORD = /[\p{L}\p{N}]+/gu;
/** The number of words in `s`, counted up to `max` (a long quotation is not scanned to its end). */
function wordsUpTo(s: string, max: number): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (n < max && WORD.exec(s)) n++;
  return n;
}
const QUOTE_CHARS = new Set(["'", '"', '“', '”', '«', '»', '„', '‘', '’', '‹', '›']);

/** Folds `…, according to AFP` into the attribution it relays, when one covers the same content. */
function foldRelays(cands: Candidate[], toks: readonly Tok[]): Candidate[] {
  const drop = new Set<Candidate>();
  for (const c of cands) {
    if (c.rule !== 'according-to-tail' || c.lemma !== 'according to') continue;
    // The host opens the relayed clause (`A senior official said …, according to Reuters`) or says
    // most of it; an attribution nested deep in it (`… mailings to voters that oppose …`) is no host.
    const host = cands.find((d) => {
      if (d === c || drop.has(d) || d.sentence !== c.sentence || !d.np) return false;
      const src = toks[d.np.s]!.start - c.content.start;
      const shared = overlap(d.content, c.content);
      // `Speaking to reporters, an official said that …, according to AFP`: the host's clause
      // runs to where the relay begins.
      // A speaker right after an opening phrase's comma heads the clause; one nested deeper
      // (`letters to voters that oppose …`) does not.
      const endsTogether =
        src >= 0 && toks[d.np.s - 1]?.w === ',' && Math.abs(d.content.end - c.content.end) <= 2;
      return (
        shared > 0 &&
        ((src >= 0 && src <= 15) || endsTogether || shared >= 0.5 * (c.content.end - c.content.start))
      );
    });
    if (host && !host.viaNp) {
      host.viaNp = c.viaNp ?? c.np;
      drop.add(c);
    }
  }
  return cands.filter((c) => !drop.has(c));
}

/** Direct when quotation marks cover the content (each piece of a discontinuous one), mixed when they cover some. */
function kindOf(q: Quote, marks: readonly QuoteMarkSpan[]): QuoteKind {
  let quoted = 0;
  let len = 0;
  for (const p of q.parts ?? [q]) {
    len += p.end - p.start;
    for (const m of marks) quoted += overlap(m, p);
  }
  if (quoted >= 0.85 * len) return 'direct';
  return quoted > 0 ? 'mixed' : 'indirect';
}

/**
 * Turns candidates and quotation marks into the `quotes` layer: resolves speakers in document
 * order, folds relays, attributes quotations that have no cue of their own to the nearest
 * speaker, sets scare quotes apart, and ties hedges and evaluative verbs to their attribution.
 */
export function buildQuotes(
  text: string,
  toks: readonly Tok[],
  candidates: Candidate[],
  marks: readonly QuoteMarkSpan[],
  paragraphs: readonly Paragraph[],
  lex: Lexicon,
): Quote[] {
  const cands = foldRelays(candidates, toks).sort(
    (a, b) => a.content.start - b.content.start || a.cue.start - b.cue.start,
  );
  const seen: Speaker[] = [];
  const out: Quote[] = [];
  const order = [...cands].sort(
    (a, b) => Math.min(a.cue.start, a.content.start) - Math.min(b.cue.start, b.content.start),
  );
  let last: Quote | undefined;
  let lastSentence = -1;
  for (const c of order) {
    if (
      out.some(
        (q) =>
          q.cue &&
          overlap(q, c.content) > 0.8 * (c.content.end - c.content.start) &&
          q.cue.start === c.cue.start,
      )
    )
      continue;
    const q: Quote = {
      start: c.content.start,
      end: c.content.end,
      kind: 'indirect',
      cue: c.cue,
      signals: [],
      cueLemma: c.lemma,
      rule: c.rule,
    };
    if (c.parts) q.parts = c.parts;
    if (c.np) {
      q.source = npSpan(toks, c.np.s, c.np.e);
      const d = describeSpeaker(toks, c.np, text, lex);
      const earlier = resolveSpeaker(d, seen, lex);
      if (earlier && d.pronoun && (d.pronoun === 'm' || d.pronoun === 'f') && !genders.has(earlier))
        genders.set(earlier, d.pronoun);
      if (earlier && (d.definite || d.pronoun || d.nameSpan)) {
        q.speaker = earlier;
        // `Мария Захарова …` first, `представитель МИД Мария Захарова` later: the role told later.
        if (!earlier.role && d.nameSpan && d.speaker.role) earlier.role = d.speaker.role;
        // The most recently mentioned speaker is the likeliest referent of the next pronoun.
        seen.splice(seen.indexOf(earlier), 1);
        seen.push(earlier);
      } else {
        q.speaker = { ...d.speaker, mention: d.nameSpan ?? q.source };
        // `По словам Дмитрия Пескова, …`: the person is named in the nominative.
        if (lex.lang === 'ru' && d.nameSpan && d.speaker.type === 'person' && GENITIVE_LEADS.has(c.lemma))
          q.speaker.name = nominativeRu(q.speaker.name);
        // `со ссылкой на Марию Захарову`, `ссылаясь на Дмитрия Пескова`: in the accusative.
        else if (lex.lang === 'ru' && d.nameSpan && d.speaker.type === 'person' && citedRu(toks, c.np.s))
          q.speaker.name = accusativeRu(q.speaker.name);
        // `…, said David Greene, director for civil liberties at …`: the apposition is the role.
        if (c.roleNp && d.nameSpan) {
          const r = text
            .slice(toks[c.roleNp.s]!.start, toks[c.roleNp.e - 1]!.end)
            .replace(/^(?:an?|the) /i, '');
          q.speaker.role = q.speaker.role ? `${q.speaker.role}, ${r}` : r;
          if (q.speaker.type === 'person' || q.speaker.type === 'unknown') q.speaker.type = 'person';
        }
        const g =
          q.speaker.type === 'person'
            ? guessGender(q.speaker.name, text.slice(c.cue.start, c.cue.end), lex.lang)
            : undefined;
        if (g) genders.set(q.speaker, g);
        seen.push(q.speaker);
      }
    } else if (!c.impersonal && last?.speaker && text.slice(last.end, c.cue.start).length < 400) {
      // `…, adding that`: the subject of the clause it hangs on speaks.
      q.speaker = last.speaker;
      if (lastSentence === c.sentence) q.source = last.source;
    }
    if (c.viaNp) {
      const vd = describeSpeaker(toks, c.viaNp, text, lex);
      q.via = { ...vd.speaker, source: npSpan(toks, c.viaNp.s, c.viaNp.e) };
    }
    out.push(q);
    last = q;
    lastSentence = c.sentence;
  }
  attachMarks(text, toks, out, marks, paragraphs, lex, seen);
  for (const q of out) if (q.kind !== 'scare') q.kind = kindOf(q, marks);
  attachSignals(text, out, lex);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Quotations no cue claimed: long ones go to the nearest speaker, short ones are scare quotes. */
function attachMarks(
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

/** Whether the phrase at token `s` follows `со ссылкой на` / `ссылаясь на`. */
function citedRu(toks: readonly Tok[], s: number): boolean {
  return toks[s - 1]?.lw === 'на' && (toks[s - 2]?.lw === 'ссылкой' || toks[s - 2]?.lw === 'ссылаясь');
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

/** Ties hedges, distancing phrases and evaluative cues to the attribution whose sentence holds them. */
function attachSignals(text: string, out: Quote[], lex: Lexicon): void {
  const real = out.filter((q) => q.kind !== 'scare');
  for (const q of real) {
    if (q.cue && q.cueLemma && lex.evaluative.has(q.cueLemma))
      q.signals.push({ start: q.cue.start, end: q.cue.end, type: 'evaluative', label: q.cueLemma });
  }
  // Shared compiled regex: analyzers run one document at a time.
  const re = lex.signals;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const type: QuoteSignal['type'] = m[1] !== undefined ? 'hedge' : 'distancing';
    // The attribution whose extent (source, cue, content) is closest around the signal.
    let best: Quote | undefined;
    let bestDist = 200;
    for (const q of real) {
      const lo = Math.min(q.start, q.cue?.start ?? q.start, q.source?.start ?? q.start);
      const hi = Math.max(q.end, q.cue?.end ?? q.end, q.source?.end ?? q.end);
      const dist =
        span.start >= lo && span.end <= hi ? 0 : Math.min(Math.abs(span.start - hi), Math.abs(lo - span.end));
      if (dist < bestDist) {
        best = q;
        bestDist = dist;
      }
    }
    if (!best || bestDist > 60) continue;
    best.signals.push({ ...span, type, label: m[0].toLowerCase() });
    if (type === 'distancing' && best.speaker && best.speaker.type !== 'person')
      best.speaker.type = 'anonymous';
  }
  for (const q of real) q.signals.sort((a, b) => a.start - b.start);
}
