import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround, tokenFrom } from './search.js';
import { isWordy, OPENERS, type Tok } from './tok.js';

/**
 * Ends the content of a stance cue whose content is its object noun phrase (`endorsed Cruz last
 * week`, `supported Sanders in Virginia`, `praised her donors, a crowd of …`) where the noun phrase
 * ends: at a comma, dash or semicolon, or at a preposition, subordinator or time word that opens an
 * adjunct. PolNeAR takes the object alone as the content. A clausal content (`that …`, a
 * quotation) is left as it is.
 */
export function trimToObject(
  c: Candidate,
  toks: readonly Tok[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): void {
  // Curated cues carry their lemma (`endorse`), learned ones their form (`backed`).
  if (!c.contentAfter || !lex.objectCues.has(c.lemma)) return;
  let k = tokenFrom(toks, c.content.start);
  if (k >= toks.length) return;
  const first = toks[k]!;
  if (first.lw === 'that' || first.lw === 'to' || OPENERS.has(first.w)) return;
  let words = 0;
  for (; k < toks.length && toks[k]!.end <= c.content.end; k++) {
    const t = toks[k]!;
    const inQuote = markAround(quotes, t.start) !== undefined;
    if (
      !inQuote &&
      words > 0 &&
      ((t.w === ',' && !lex.words.exemplifiers.has(toks[k + 1]?.lw ?? '')) ||
        t.w === '—' ||
        t.w === '–' ||
        t.w === ';' ||
        lex.objectStops.has(t.lw))
    ) {
      c.content.end = toks[k - 1]!.end;
      return;
    }
    if (isWordy(t)) words++;
  }
}
