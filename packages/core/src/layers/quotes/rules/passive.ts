import { phraseTo } from '../content.js';
import { isTerminal, isWordy, walkForward } from '../tok.js';
import type { VerbContext } from './context.js';

/** Forms of `be` before a passive cue. */
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);
/** Tokens that end the subject of a passive cue read backwards (the clause before it). */
const CLAUSE_MARKS = new Set([',', ';', ':', '—', '–', '--', '(']);
/** A subject longer than this many words is no noun phrase. */
const MAX_SUBJECT_WORDS = 10;

/**
 * `The proposal was rejected by the council`, `Clinton's position is backed by the unions`,
 * `which was first reported by the Times` (rule `passive-by`): a passive cue verb with a `by`
 * agent. The agent is the source; the content is the passive subject, from the last clause mark
 * (or the sentence start) to the form of `be`. English only.
 */
export function passiveBy(v: VerbContext): void {
  const { toks, a, b, lex, out, h, base } = v;
  const w = lex.words;
  if (w.passiveNotStance.has(h.phrase.lemma)) return;
  // The form of `be` among the words allowed between a subject and its verb (`was first`, `has been`).
  let be = -1;
  for (let k = h.i - 1; k >= a && h.i - k <= 4 && lex.between.has(toks[k]!.lw); k--)
    if (BE.has(toks[k]!.lw)) be = k;
  if (be < 0) return;
  let s = be - 1;
  while (s >= a && lex.between.has(toks[s]!.lw)) s--;
  const end = s;
  let words = 0;
  while (s >= a && !CLAUSE_MARKS.has(toks[s]!.w) && !isTerminal(toks[s]!)) {
    if (isWordy(toks[s]!)) words++;
    s--;
  }
  // `But it was never mentioned by …`, `when he was accused by …`: a conjunction opens the clause.
  while (s + 1 < end && w.passiveLeads.has(toks[s + 1]!.lw)) s++;
  // `a Jupiter Democrat who has been endorsed by …`: a relative pronoun stands for the subject.
  if (w.relatives.has(toks[end]!.lw)) s = end - 1;
  if (end < s + 1 || words === 0 || words > MAX_SUBJECT_WORDS) return;
  const np = walkForward(toks, h.j + 1, b, lex) ?? phraseTo(toks, h.j + 1, b);
  if (!np) return;
  out.push({
    ...base,
    content: { start: toks[s + 1]!.start, end: toks[end]!.end },
    np,
    rule: 'passive-by',
    contentAfter: false,
  });
}
