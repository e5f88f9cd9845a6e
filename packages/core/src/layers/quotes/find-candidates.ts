import type { Paragraph, Sentence } from '../../schema.js';
import type { Candidate } from './candidate.js';
import { pruneNested, trimToClause } from './cognition.js';
import { ContentIndex } from './content-index.js';
import { trimEventTail } from './event-tail.js';
import { leadCandidates } from './lead-rules.js';
import { type LearnedCues, learnedCandidates } from './learned.js';
import type { Lexicon } from './lexicon.js';
import { trimToObject } from './objects.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { aboutThis, aboutThisContents, anaphoricCues } from './rules/about-this.js';
import { citedLeadRelays } from './rules/according-to.js';
import { interruptedQuotes } from './rules/interrupted.js';
import { tokenFrom } from './search.js';
import { sentenceCandidates } from './sentence-candidates.js';
import { SpanSet } from './span-sets.js';
import { guardSpeakers, sentenceAntecedent } from './speaker-guard.js';
import { titleCandidates } from './title.js';
import { OPENERS, type Tok } from './tok.js';

/** Layout roles that carry no attributions of the article's own (titles repeat the body). */
const SKIP_ROLES = new Set(['title', 'byline', 'credit', 'caption', 'dateline']);

/**
 * Finds candidate attributions in every sentence of the document: cue rules per sentence
 * (trimmed to their clause and object), lead rules where no cue rule found the content, the
 * learned cue model where no rule found an attribution, headline rules on an English title,
 * and the Russian document-level rules (`Об этом сообщил X`, quotations interrupted by `— cue X. —`).
 */
export function findCandidates(
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  paragraphs: readonly Paragraph[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
  learned?: LearnedCues,
): Candidate[] {
  const out: Candidate[] = [];
  let a = 0;
  sentences.forEach((s, si) => {
    const para = paragraphs[s.paragraph];
    // Russian headlines and standfirsts are written in sentence case: the headline rules first
    // (`Daily Mail: …`, `Лукашенко обвинил Запад …`), else the body rules (`…, пишет FP`).
    const ruHead = lex.lang === 'ru' && (para?.role === 'title' || para?.role === 'standfirst');
    if (para && (para.duplicateOf !== undefined || SKIP_ROLES.has(para.role) || ruHead)) {
      const headline = para.role === 'title' && lex.lang === 'en';
      if ((!headline && !ruHead) || para.duplicateOf !== undefined) return;
      while (a < toks.length && toks[a]!.start < s.start) a++;
      let b = a;
      while (b < toks.length && toks[b]!.end <= s.end) b++;
      const title = titleCandidates(toks, a, b, si, lex);
      for (const c of title) out.push(c);
      if (headline || title.length) {
        a = b;
        return;
      }
    }
    while (a < toks.length && toks[a]!.start < s.start) a++;
    let b = a;
    while (b < toks.length && toks[b]!.end <= s.end) b++;
    if (b > a) {
      // A headline's `заявили о признаке …` announces a topic, no reported proposition; so does
      // `рассказал о переговорах` in the body, and `прокомментировал убийство`, `выразил сожаление`
      // have an object where a clause or a quotation would be the proposition.
      const topic = (c: Candidate) => {
        const k = tokenFrom(toks, c.content.start);
        const first = k < b ? toks[k]! : undefined;
        const preposition = lex.words.topicPreps.has(first?.lw ?? '');
        if (ruHead && preposition) return true;
        if (!c.contentAfter || !first || c.content.start < c.cue.end) return false;
        if (lex.words.topicCues.has(c.lemma) && preposition && toks[k + 1]?.lw !== 'том') return true;
        // `выразил надежду, что …`: a noun whose `что` clause follows is the proposition's frame.
        const clause = [1, 2, 3].some(
          (d) => toks[k + d]?.w === ',' && lex.words.that.has(toks[k + d + 1]?.lw ?? ''),
        );
        const opens =
          OPENERS.has(first.w) || lex.words.that.has(first.lw) || toks[k - 1]?.w === ':' || clause;
        return lex.words.clauseCues.has(c.lemma) && !opens;
      };
      const own = pruneNested(sentenceCandidates(toks, a, b, si, quotes, lex), lex).filter((c) => !topic(c));
      for (const c of own) {
        trimToClause(c, toks, quotes, lex);
        trimToObject(c, toks, quotes, lex);
        out.push(c);
      }
      // Lead rules only where no cue rule found the same content.
      const from = out.length - own.length;
      const leads = leadCandidates(toks, a, b, si, quotes, lex);
      // Many of both (a long sentence of cues): the overlap question by binary search.
      const owned = leads.length && own.length > 8 ? new SpanSet(own.map((d) => d.content)) : undefined;
      for (const c of leads)
        if (
          !(owned
            ? owned.overlaps(c.content.start, c.content.end)
            : own.some((d) => d.content.start < c.content.end && c.content.start < d.content.end))
        )
          out.push(c);
      // The learned cue model only where no rule found an attribution.
      if (learned) out.push(...learnedCandidates(toks, a, b, si, quotes, out.slice(from), lex, learned));
      for (let i = from; i < out.length; i++) sentenceAntecedent(out[i]!, toks, a, lex);
    }
    a = b;
  });
  // `… on Monday`, `… in a tweet`: when and where the words were said is not what was said.
  if (lex.words.eventLeads.size) for (const c of out) trimEventTail(c, toks, quotes, lex);
  if (lex.lang === 'ru') {
    // `Такое мнение высказал X`: a light verb no cue list holds, after an anaphoric phrase.
    const body = (si: number) => {
      const para = paragraphs[sentences[si]!.paragraph];
      return !!para && para.duplicateOf === undefined && !SKIP_ROLES.has(para.role);
    };
    const made = anaphoricCues(toks, sentences, body, out, lex);
    if (out.some((c) => c.rule === 'source-cue-content')) {
      const contents = new ContentIndex(out, (c) => aboutThisContents(c, toks, sentences));
      const cueStarts = out.map((c) => c.cue.start).sort((x, y) => x - y);
      const unresolved = new Set<Candidate>();
      for (const c of out)
        if (
          c.rule === 'source-cue-content' &&
          !aboutThis(c, toks, sentences, contents, lex, cueStarts) &&
          made.has(c)
        )
          unresolved.add(c);
      if (unresolved.size) {
        let w = 0;
        for (const c of out) if (!unresolved.has(c)) out[w++] = c;
        out.length = w;
      }
      dropAbsorbedRelays(out, toks);
    }
    out.push(...interruptedQuotes(toks, sentences, quotes, lex));
    citedLeadRelays(out, toks, lex);
  }
  // `On Tuesday the minister said`, `30 июня заявил …`: times and discourse adverbs name no speaker.
  guardSpeakers(out, toks, lex);
  return out;
}

/**
 * `Об этом сообщает «Обозреватель» со ссылкой на врачей`: a relay that an `about-this` attribution
 * took as its `via` and speaker is no attribution of its own (`according-to-tail` on the same words).
 */
function dropAbsorbedRelays(out: Candidate[], toks: readonly Tok[]): void {
  const spans = out
    .filter((c) => c.rule === 'about-this' && c.viaNp && c.np)
    .map((c) => ({ start: toks[c.viaNp!.s]!.start, end: toks[c.np!.e - 1]!.end }));
  if (!spans.length) return;
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i]!;
    if (c.rule === 'according-to-tail' && spans.some((r) => c.cue.start >= r.start && c.cue.end <= r.end))
      out.splice(i, 1);
  }
}
