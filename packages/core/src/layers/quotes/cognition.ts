import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround, tokenFrom } from './search.js';
import type { Tok } from './tok.js';

/**
 * Drops candidates whose cue lies inside a speech candidate's content in the same sentence: PolNeAR
 * mostly keeps `X said Y believed Z` (and `X said Y told Z`) as the one outer attribution. A nested
 * cue of `nestedSpeech` (`say`) is the other way round: `X issued a statement saying Y`, `X said Z
 * says Y` — the nested attribution stays and the outer one, whose content would mostly be the
 * nested one's, is dropped.
 */
export function pruneNested(cands: readonly Candidate[], lex: Lexicon): Candidate[] {
  const outer = (c: Candidate) =>
    cands.find(
      (d) =>
        d !== c &&
        d.sentence === c.sentence &&
        !lex.words.cognitionLemmas.has(d.lemma) &&
        // `X said …, according to Reuters` is a relay, folded into the inner attribution later.
        d.rule !== 'according-to-tail' &&
        d.content.start <= c.cue.start &&
        c.cue.end <= d.content.end,
    );
  const outers = new Map(cands.map((c) => [c, outer(c)]));
  const replaced = new Set<Candidate>();
  for (const [c, d] of outers) if (d && lex.words.nestedSpeech.has(c.lemma)) replaced.add(d);
  return cands.filter((c) => !replaced.has(c) && (!outers.get(c) || lex.words.nestedSpeech.has(c.lemma)));
}

/**
 * Ends the content of an intention cue (or of Russian `назвать`) at its first comma or dash
 * outside quotations (`wanted a complete break from the Bush years, centrists who …`; `назвал мост
 * «законной целью», власти …`), unless the comma opens examples or a relative clause of the object.
 */
export function trimToClause(
  c: Candidate,
  toks: readonly Tok[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): void {
  if (!lex.words.oneClauseLemmas.has(c.lemma) || !c.contentAfter) return;
  let k = tokenFrom(toks, c.content.start);
  if (k >= toks.length) return;
  // `называли, что это не «братские», а …`: a content that opens with `что` is a clause, not an object.
  if (lex.lang === 'ru' && lex.words.that.has(toks[k]!.lw)) return;
  for (k += 2; k < toks.length && toks[k]!.end <= c.content.end; k++) {
    const w = toks[k]!.w;
    if (w === ',' && lex.words.exemplifiers.has(toks[k + 1]?.lw ?? '')) continue;
    // `назвал варварством то, что …`: a Russian `что` clause of the object runs to the content's end.
    if (w === ',' && lex.lang === 'ru' && lex.words.that.has(toks[k + 1]?.lw ?? '')) return;
    if ((w === ',' || w === '—' || w === '–') && !markAround(quotes, toks[k]!.start)) {
      c.content.end = toks[k - 1]!.end;
      return;
    }
  }
}
