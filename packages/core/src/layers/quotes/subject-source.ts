import type { Span } from '../../schema.js';
import type { Candidate } from './candidate.js';
import { subtreeEnd, subtreeStart, tokensIn } from './clause-end.js';
import type { Lexicon } from './lexicon.js';
import { speakerCore } from './speaker-guard.js';
import type { NpRange, Tok } from './tok.js';

/** The parse of some sentences: tag, head and relation per token (`''`, −1, `''` where not parsed). */
export interface SentenceParse {
  upos: readonly string[];
  head: readonly number[];
  deprel: readonly string[];
}

/** Relative pronouns: as a subject they stand for a noun before them, which the rules find better. */
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);

/**
 * The subject of the cue verb at token `c0` in the dependency parse: the token range of the
 * cue's `nsubj` subtree, punctuation at its edges left out; undefined when the cue is no verb
 * or has no subject, or the subject is a relative pronoun.
 */
export function cueSubject(toks: readonly Tok[], parse: SentenceParse, c0: number): NpRange | undefined {
  const { head, deprel, upos } = parse;
  if (upos[c0] !== 'VERB') return undefined;
  let subj = -1;
  for (let i = Math.max(0, c0 - 60); i < Math.min(toks.length, c0 + 30) && subj < 0; i++)
    if (head[i] === c0 && deprel[i] === 'nsubj') subj = i;
  if (subj < 0) return undefined;
  let a = subtreeStart(head, subj);
  let b = subtreeEnd(head, subj);
  while (a < b && upos[a] === 'PUNCT') a++;
  while (b > a && upos[b] === 'PUNCT') b--;
  if (a === b && RELATIVES.has(toks[a]!.lw)) return undefined;
  return { s: a, e: b + 1 };
}

const inside = (np: NpRange, toks: readonly Tok[], c: Candidate) =>
  (c.parts ?? [c.content]).some((p) => toks[np.s]!.start < p.end && p.start < toks[np.e - 1]!.end);

/**
 * Tokens parsed past a sentence's last cue: the parse stops there (its subject stands before it).
 * PolNeAR tune, 5 folds: the same sources per fold as the whole sentence's parse (0 tokens: within
 * ±0.0012 of it), at about half the parser's cost (session 15).
 */
const AFTER_CUE = 3;

/** Tags and parses token ranges of a document on demand (`PartialParse` in `syntax.ts`). */
export interface SubsetParser extends SentenceParse {
  /** Tags a sentence's tokens; returns them as `[from, to)`. */
  tagSentence(sentence: Span): [number, number];
  /** Parses tokens `[from, to)`, tagged before, as one sentence. */
  parse(from: number, to: number): void;
}

/**
 * Where the cue rules found no speaker phrase, the subject of the cue verb in the parse is the
 * source (`Asked whether …, the Republican candidate said no`): only for a cue of one word, not
 * for a passive `by` cue (its subject is what is spoken of), not an expletive (`It was said`), a
 * relative pronoun, or a subject inside the content; the phrase passes the same guard as the
 * rules' ones (`speakerCore`). A sentence holding such a cue is tagged; one where it is a verb
 * is parsed from its start to `after` tokens past its last such cue (the subject stands before
 * the verb; the parse of the rest would cost and not be read). Sets `np` before the speakers are
 * resolved, so speaker, type and entity follow it. Returns the candidates given a source.
 */
export function sourcesFromSubjects(
  toks: readonly Tok[],
  sentences: readonly Span[],
  candidates: readonly Candidate[],
  lex: Lexicon,
  parser: () => SubsetParser,
  after = AFTER_CUE,
): Candidate[] {
  const bySentence = new Map<number, [Candidate, number][]>();
  for (const c of candidates) {
    if (c.np || c.rule === 'passive-by') continue;
    const [c0, c1] = tokensIn(toks, c.cue.start, c.cue.end);
    const [s0, s1] = tokensIn(sentences, c.cue.start, c.cue.end);
    if (c1 !== c0 + 1 || s1 <= s0) continue;
    const open = bySentence.get(s0);
    if (open) open.push([c, c0]);
    else bySentence.set(s0, [[c, c0]]);
  }
  if (bySentence.size === 0) return [];
  const p = parser();
  const changed: Candidate[] = [];
  for (const [s, open] of bySentence) {
    const [from, to] = p.tagSentence(sentences[s]!);
    const verbs = open.filter(([, c0]) => p.upos[c0] === 'VERB');
    if (verbs.length === 0) continue;
    const last = Math.max(...verbs.map(([, c0]) => c0));
    p.parse(from, Math.min(to, last + 1 + after));
    for (const [c, c0] of verbs) {
      const subj = cueSubject(toks, p, c0);
      if (!subj || inside(subj, toks, c)) continue;
      if (subj.e - subj.s === 1 && lex.words.expletives.has(toks[subj.s]!.lw)) continue;
      const np = speakerCore(toks, subj, lex);
      if (!np) continue;
      c.np = np;
      delete c.impersonal;
      changed.push(c);
    }
  }
  return changed;
}
