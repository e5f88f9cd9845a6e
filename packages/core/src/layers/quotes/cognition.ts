import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import type { Tok } from './tok.js';

/**
 * Drops candidates whose cue lies inside a speech candidate's content in the same sentence: PolNeAR
 * mostly keeps `X said Y believed Z` (and `X said Y told Z`) as the one outer attribution.
 */
export function pruneNested(cands: readonly Candidate[], lex: Lexicon): Candidate[] {
  return cands.filter(
    (c) =>
      !cands.some(
        (d) =>
          d !== c &&
          d.sentence === c.sentence &&
          !lex.words.cognitionLemmas.has(d.lemma) &&
          // `X said …, according to Reuters` is a relay, folded into the inner attribution later.
          d.rule !== 'according-to-tail' &&
          d.content.start <= c.cue.start &&
          c.cue.end <= d.content.end,
      ),
  );
}

/**
 * Ends the content of an intention cue at its first comma or dash outside quotations
 * (`wanted a complete break from the Bush years, centrists who …`).
 */
export function trimToClause(
  c: Candidate,
  toks: readonly Tok[],
  quotes: readonly { start: number; end: number }[],
  lex: Lexicon,
): void {
  if (!lex.words.oneClauseLemmas.has(c.lemma) || !c.contentAfter) return;
  let k = toks.findIndex((t) => t.start >= c.content.start);
  if (k < 0) return;
  for (k += 2; k < toks.length && toks[k]!.end <= c.content.end; k++) {
    const w = toks[k]!.w;
    if (
      (w === ',' || w === '—' || w === '–') &&
      !quotes.some((q) => q.start < toks[k]!.start && toks[k]!.start < q.end)
    ) {
      c.content.end = toks[k - 1]!.end;
      return;
    }
  }
}
