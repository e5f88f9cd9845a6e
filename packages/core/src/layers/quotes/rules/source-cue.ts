import type { Span } from '../../../schema.js';
import { commaBeforeQuote, resumed } from '../adverbials.js';
import { contentAfter, contentBefore, text0, wordsIn } from '../content.js';
import { eventAdjunctOnly } from '../event-tail.js';
import type { Lexicon } from '../lexicon.js';
import { parenRole } from '../speaker-phrase.js';
import { CLOSERS, type NpRange, OPENERS, type Tok } from '../tok.js';
import type { VerbContext } from './context.js';

/**
 * `Высокую инфляцию в США он назвал «путинским подорожанием»`: a Russian naming cue (`назвал`)
 * whose object opens the sentence, before its subject — the object is the content's first part.
 * Two words at least, no punctuation, not an adverbial (`В интервью он назвал …`, `Тогда он …`).
 */
function frontedObject(c: VerbContext, left: NpRange): Span | undefined {
  const { toks, a, lex, base } = c;
  if (!lex.words.namingCues.has(base.lemma) || left.s <= a) return undefined;
  const first = toks[a]!;
  if (lex.words.prepositions.has(first.lw) || lex.between.has(first.lw) || lex.words.asides.has(first.lw))
    return undefined;
  let words = 0;
  for (let k = a; k < left.s; k++) {
    if (toks[k]!.kind !== 'word') return undefined;
    words++;
  }
  return words >= 2 ? { start: first.start, end: toks[left.s - 1]!.end } : undefined;
}

/**
 * Whether a lead from token `a` is a clause of its own: a finite verb or auxiliary of the
 * language's closed list after its first word (`Sales were great`, `The harbour will reopen`).
 */
function finiteClause(toks: readonly Tok[], a: number, s: Span, verbs: ReadonlySet<string>): boolean {
  for (let k = a + 1; k < toks.length && toks[k]!.end <= s.end; k++) if (verbs.has(toks[k]!.lw)) return true;
  return false;
}

/** Whether the sentence from `a` opens with a question put to the source (`Asked …,`, `When asked …,`) that ends before token `s`. */
function askedLead(toks: readonly Tok[], a: number, s: number, lex: Lexicon): boolean {
  const k = lex.words.askedLeads.has(toks[a]?.lw ?? '') ? a + 1 : a;
  return k < s - 1 && toks[k]!.lw === 'asked' && toks[s - 1]!.w === ',';
}

/**
 * Where a content before a cue at token `e` may start: the sentence start, or past the last
 * semicolon that closes an earlier attribution's cue clause (`A, officials said; B, they added`:
 * the second content is `B`).
 */
function afterClosedCue(c: VerbContext, e: number): number {
  const { toks, a, out } = c;
  for (let k = e - 1; k > a; k--)
    if (toks[k]!.w === ';' && out.some((d) => d.cue.end === toks[k - 1]!.end)) return k + 1;
  return a;
}

/**
 * A source right before its verb: `X said (that) …` (rule `source-cue-content`), or after a
 * content that closes at a comma, dash or quotation mark, `“…,” X said` (`content-source-cue`),
 * possibly resumed after the cue (`“…,” X said, “…”`).
 */
export function sourceBeforeCue(c: VerbContext, left: NpRange): void {
  const { toks, a, b, quotes, lex, out, h, base, p } = c;
  const lead = left.s - 1 >= a ? toks[left.s - 1]! : undefined;
  // `Asked if he was bullied, the candidate said no.`: the lead is the question (rule
  // `asked-question`); the answer after the cue is the content, one word or more.
  const asked = askedLead(toks, a, left.s, lex);
  const leadIsClause =
    !asked &&
    lead !== undefined &&
    (lead.w === ',' || lead.w === '—' || lead.w === '–' || CLOSERS.has(lead.w));
  // `…, the official added, noting that …` and `…, Kirby said on Friday.`: the content is before.
  // (`Говоря об Украине, X отметил, что …`: a Russian `, что` after the cue opens its content.)
  const thatNext = lex.lang === 'ru' && lex.words.that.has(toks[h.j + 1]?.lw ?? '');
  // `…, officials in Kyiv said; the siege …`: a semicolon after the cue closes its clause, as a
  // sentence end does; the clause after it is no content of this cue.
  const closed = toks[h.j]?.w === ';';
  const after =
    closed ||
    (leadIsClause &&
      ((toks[h.j]?.w === ',' && !thatNext) ||
        (CLOSERS.has(lead.w) && commaBeforeQuote(toks, h.j, b, lex)) ||
        eventAdjunctOnly(toks, h.j, b, lex)))
      ? null
      : contentAfter(toks, p, a, b, quotes, lex, asked ? 1 : 2);
  if (after && !(leadIsClause && !thatNext && wordsIn(toks, after, p) < 4)) {
    // A subject after `when`, `as`, `,` opens a new clause: earlier content stops there.
    const clauseStart = lead && (lead.w === ',' || lex.boundaries.has(lead.lw)) ? lead.start : undefined;
    const object = frontedObject(c, left);
    out.push({
      ...base,
      content: object ? { start: object.start, end: after.end } : after,
      parts: object ? [object, after] : undefined,
      np: left,
      roleNp: parenRole(toks, left, lex),
      rule: 'source-cue-content',
      contentAfter: true,
      clauseStart: lead?.w === ',' ? clauseStart : undefined,
    });
    return;
  }
  if (!leadIsClause) return;
  const from = afterClosedCue(c, left.s - 1);
  let content = contentBefore(toks, from, left.s - 1, quotes);
  // `After all, Sanders seems …`: a short lead that is not a quotation is an adverbial, not content
  // — unless it is a clause with a finite verb of its own (`The harbour will reopen, he said.`), or
  // the cue's clause is closed by a semicolon (`Prices rose, Smith said; Jones disagreed.`).
  if (
    content &&
    !closed &&
    !OPENERS.has(text0(toks, content)) &&
    wordsIn(toks, content, from) < 5 &&
    !finiteClause(toks, from, content, lex.words.finiteVerbs) &&
    !resumed(toks, h.j, a, b, quotes, lex, content, true)
  )
    content = null;
  if (!content && after) {
    out.push({ ...base, content: after, np: left, rule: 'source-cue-content', contentAfter: true });
    return;
  }
  const parts = content ? resumed(toks, h.j, a, b, quotes, lex, content, true) : undefined;
  if (content)
    out.push({
      ...base,
      content: parts ? { start: content.start, end: parts[1]!.end } : content,
      parts,
      np: left,
      rule: 'content-source-cue',
      contentAfter: false,
      clauseStart: lead.start,
    });
}
