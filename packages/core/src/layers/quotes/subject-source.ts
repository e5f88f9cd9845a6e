import type { Token } from '../../schema.js';
import type { SyntaxLayer } from '../syntax/syntax.js';
import { subtreeEnd, subtreeStart, tokensIn } from './clause-end.js';
import type { Quote } from './types.js';

/** How {@link sourcesFromSubjects} uses the cue's subject: only where no source was found, or also over a source elsewhere. */
export type SubjectMode = 'fill' | 'replace';

/** Relative pronouns: as a subject they stand for a noun before them, which the rules find better. */
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);

/**
 * The subject of an attribution's one-word cue verb in the dependency parse (`syntax` with
 * `deps`): the span of the cue's `nsubj` subtree, punctuation at its edges left out; undefined
 * when the cue has none, is not a verb, or the subject is a relative pronoun.
 */
export function cueSubject(text: string, tokens: readonly Token[], syntax: SyntaxLayer, q: Quote) {
  const { head, deprel, upos } = syntax;
  if (!q.cue || !head || !deprel || head.length !== tokens.length) return undefined;
  const [c0, c1] = tokensIn(tokens, q.cue.start, q.cue.end);
  if (c1 !== c0 + 1 || upos[c0] !== 'VERB') return undefined;
  let subj = -1;
  for (let i = Math.max(0, c0 - 60); i < Math.min(tokens.length, c0 + 30) && subj < 0; i++)
    if (head[i] === c0 && deprel[i] === 'nsubj') subj = i;
  if (subj < 0) return undefined;
  let a = subtreeStart(head, subj);
  let b = subtreeEnd(head, subj);
  while (a < b && upos[a] === 'PUNCT') a++;
  while (b > a && upos[b] === 'PUNCT') b--;
  if (a === b && RELATIVES.has(text.slice(tokens[a]!.start, tokens[a]!.end).toLowerCase())) return undefined;
  return { start: tokens[a]!.start, end: tokens[b]!.end };
}

/**
 * Experiment (eval `--set subj=fill|replace`): an attribution's source from its cue verb's
 * subject in the parse — where the rules found none (`fill`), or also where the rules' source
 * does not overlap the subject (`replace`). A passive cue's subject is what is spoken of, not
 * the speaker: `passive-by` attributions are left alone. Returns the quotes changed.
 */
export function sourcesFromSubjects(
  text: string,
  tokens: readonly Token[],
  syntax: SyntaxLayer,
  quotes: Quote[],
  mode: SubjectMode,
): Quote[] {
  const changed: Quote[] = [];
  for (const q of quotes) {
    if (q.kind === 'scare' || q.rule === 'passive-by') continue;
    if (mode === 'fill' && q.source) continue;
    const s = cueSubject(text, tokens, syntax, q);
    if (!s || (q.source && q.source.start < s.end && s.start < q.source.end)) continue;
    // A subject inside the content is the content's own clause, not the speaker.
    if (s.start < q.end && q.start < s.end) continue;
    q.source = s;
    changed.push(q);
  }
  return changed;
}
