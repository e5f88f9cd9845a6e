import type { Paragraph } from '../../schema.js';
import { attachMarks } from './attach-marks.js';
import type { Candidate } from './candidate.js';
import { gazetteerFormRu } from './gazetteer-forms-ru.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { foldRelays } from './relays.js';
import { attachSignals } from './signals.js';
import { DisjointCover } from './span-sets.js';
import { npSpan, overlap } from './spans.js';
import { describeSpeaker, leadTrimmed } from './speaker.js';
import { genders, guessGender, lateAntecedentsRu, resolveSpeaker, SpeakerMemory } from './speaker-resolve.js';
import { accusativeRu, citedRu, neuterCueRu, nominativeRu } from './speaker-ru.js';
import type { Tok } from './tok.js';
import type { Quote, QuoteKind } from './types.js';

/** Direct when quotation marks cover the content (each piece of a discontinuous one), mixed when they cover some. */
export function kindOf(q: Quote, marks: DisjointCover): QuoteKind {
  let quoted = 0;
  let len = 0;
  for (const p of q.parts ?? [q]) {
    len += p.end - p.start;
    quoted += marks.covered(p);
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
  const seen = new SpeakerMemory();
  // Attributions already made, by cue offset: a second candidate for the same cue and content is dropped.
  const byCue = new Map<number, Quote[]>();
  const out: Quote[] = [];
  const order = [...cands].sort(
    (a, b) => Math.min(a.cue.start, a.content.start) - Math.min(b.cue.start, b.content.start),
  );
  let last: Quote | undefined;
  let lastSentence = -1;
  for (const c of order) {
    if (byCue.get(c.cue.start)?.some((q) => overlap(q, c.content) > 0.8 * (c.content.end - c.content.start)))
      continue;
    // Content without a word (a lone field-wrapping mark before `"The mayor spoke …`) says nothing.
    if (!/[\p{L}\p{N}]/u.test(text.slice(c.content.start, c.content.end))) continue;
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
      q.source = npSpan(toks, leadTrimmed(toks, c.np, text, lex).s, c.np.e);
      let d = describeSpeaker(toks, c.np, text, lex);
      // `Russian troops … as they seek …`: the plural pronoun is the sentence's own subject.
      const ante = d.pronoun === 'pl' && c.antecedentNp ? c.antecedentNp : undefined;
      if (ante) d = describeSpeaker(toks, ante, text, lex);
      // The person an aide serves is a seen person (before the aide, the likelier referent).
      if (d.served) seen.touch(seen.named(d.served.name) ?? d.served);
      const earlier = resolveSpeaker(d, seen, lex);
      if (earlier && d.pronoun && (d.pronoun === 'm' || d.pronoun === 'f') && !genders.has(earlier))
        genders.set(earlier, d.pronoun);
      if (earlier && (d.definite || d.pronoun || d.nameSpan)) {
        q.speaker = earlier;
        // `Мария Захарова …` first, `представитель МИД Мария Захарова` later: the role told later.
        if (!earlier.role && d.nameSpan && d.speaker.role) earlier.role = d.speaker.role;
        // The most recently mentioned speaker is the likeliest referent of the next pronoun.
        seen.touch(earlier);
      } else {
        q.speaker = { ...d.speaker, mention: d.nameSpan ?? (ante ? npSpan(toks, ante.s, ante.e) : q.source) };
        // `По словам Дмитрия Пескова, …`: the person is named in the nominative.
        if (
          lex.lang === 'ru' &&
          d.nameSpan &&
          d.speaker.type === 'person' &&
          lex.words.genitiveLeads.has(c.lemma)
        )
          // `по данным Всемирного Банка`: a form the gazetteer knows before one the endings give.
          q.speaker.name = gazetteerFormRu(q.speaker.name) ?? nominativeRu(q.speaker.name);
        // `со ссылкой на Марию Захарову`, `ссылаясь на Дмитрия Пескова`: in the accusative.
        else if (lex.lang === 'ru' && d.nameSpan && d.speaker.type === 'person' && citedRu(toks, c.np.s))
          q.speaker.name = gazetteerFormRu(q.speaker.name) ?? accusativeRu(q.speaker.name);
        // `…, said David Greene, director for civil liberties at …`: the apposition is the role.
        if (c.roleNp && d.nameSpan) {
          const r = text
            .slice(toks[c.roleNp.s]!.start, toks[c.roleNp.e - 1]!.end)
            .replace(/^(?:an?|the) /i, '');
          q.speaker.role = q.speaker.role ? `${q.speaker.role}, ${r}` : r;
          if (q.speaker.type === 'person' || q.speaker.type === 'unknown') q.speaker.type = 'person';
        }
        // `Ранее Forbes заявило, что …`: a neuter past cue agrees with no person.
        if (
          lex.lang === 'ru' &&
          q.speaker.type === 'person' &&
          !c.roleNp &&
          neuterCueRu(text.slice(c.cue.start, c.cue.end)) &&
          !citedRu(toks, c.np.s) &&
          !lex.words.genitiveLeads.has(c.lemma)
        )
          q.speaker.type = 'organization';
        const g =
          q.speaker.type === 'person'
            ? guessGender(q.speaker.name, text.slice(c.cue.start, c.cue.end), lex.lang)
            : undefined;
        if (g) genders.set(q.speaker, g);
        seen.touch(q.speaker);
      }
    } else if (!c.impersonal && last?.speaker && c.cue.start - last.end < 400) {
      // `…, adding that`: the subject of the clause it hangs on speaks.
      q.speaker = last.speaker;
      if (lastSentence === c.sentence) q.source = last.source;
    }
    if (c.viaNp) {
      const vd = describeSpeaker(toks, c.viaNp, text, lex);
      q.via = { ...vd.speaker, source: npSpan(toks, c.viaNp.s, c.viaNp.e) };
    }
    out.push(q);
    const same = byCue.get(c.cue.start);
    if (same) same.push(q);
    else byCue.set(c.cue.start, [q]);
    last = q;
    lastSentence = c.sentence;
  }
  attachMarks(text, toks, out, marks, paragraphs, lex, seen);
  if (lex.lang === 'ru') lateAntecedentsRu(text, out, lex);
  // Marks are sorted and disjoint (`findQuoteMarks`, `withDashSpeech`).
  const cover = new DisjointCover(marks);
  for (const q of out) if (q.kind !== 'scare') q.kind = kindOf(q, cover);
  attachSignals(text, out, lex);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
