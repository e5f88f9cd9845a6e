import type { Span } from '../../schema.js';
import type { CuePhrase } from './lexicon.js';
import type { NpRange } from './tok.js';

/**
 * A candidate attribution found by a cue rule, before speakers are resolved. Token ranges index
 * the document's token view. Every rule family produces these; `build.ts` turns them into quotes.
 */
export interface Candidate {
  content: Span;
  cue: Span;
  lemma: string;
  /** Speaker noun phrase (token range), absent when inherited (`…, adding that`). */
  np?: NpRange;
  /** Relaying outlet or document noun phrase (`Reuters quoted an official`). */
  viaNp?: NpRange;
  rule: string;
  sentence: number;
  /** Where the clause that carries this cue begins, so an earlier content can stop there. */
  clauseStart?: number;
  /** An apposition describing the speaker (`David Greene, director for civil liberties at …`). */
  roleNp?: NpRange;
  /** Pieces of a content interrupted by its cue (`In his state, Christie said, offenders …`). */
  parts?: Span[];
  /** Content ends are soft for after-content rules and may be cut by later clauses. */
  contentAfter: boolean;
  /** The sentence's own subject a plural pronoun source refers to (`Russian troops … as they seek …`). */
  antecedentNp?: NpRange;
  /** No speaker found and none to inherit from the previous attribution. */
  impersonal?: boolean;
}

/** A cue found in a sentence: tokens `[i, j)`, its phrase, and whether the source follows it (`according to`). */
export interface CueHit {
  i: number;
  j: number;
  phrase: CuePhrase;
  after: boolean;
  /** Russian `по его словам`: the token of the possessive between the cue's words, which is its source. */
  owner?: number;
}
