import type { Span } from '../../../schema.js';
import type { Candidate, CueHit } from '../candidate.js';
import type { Lexicon } from '../lexicon.js';
import type { QuoteMarkSpan } from '../quote-marks.js';
import type { Tok } from '../tok.js';

/**
 * What a cue rule reads: the sentence `[a, b)` of the token view, the document's quotations,
 * the lexicon, the cue hit, and the candidates found so far in the sentence (`out`, in cue
 * order; a rule reads earlier ones and appends its own).
 */
export interface CueContext {
  toks: readonly Tok[];
  a: number;
  b: number;
  quotes: readonly QuoteMarkSpan[];
  lex: Lexicon;
  out: Candidate[];
  h: CueHit;
  /** The fields every candidate of this cue shares. */
  base: { cue: Span; lemma: string; sentence: number };
  /** The token before the cue, inside the sentence. */
  prev: Tok | undefined;
}

/**
 * A reporting-verb cue: `k` is the last token before the cue once the words allowed between
 * a source and its verb are skipped (`also`, `has`), `p` the token where the content starts
 * (past `that`, an addressee or adverbials).
 */
export interface VerbContext extends CueContext {
  k: number;
  p: number;
}
