import type { Candidate } from './candidate.js';
import { tokenEndingAfter, wordyCount } from './content-scan.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround, tokenFrom } from './search.js';
import { isCap, isTerminal, isWordy, type Tok } from './tok.js';

/**
 * Ends a content after its cue before a trailing adjunct of the speech event: `endorsed Cruz on
 * Wednesday at a Florida rally`, `repeated the claim in a tweet`, `called it a hoax during a rally
 * in Brooklyn on Monday`, `announced his support last week`. The adjunct tells when, where or
 * through what the words were said; PolNeAR leaves it out of the content. An adjunct is a run of
 * tokens from an event lead (`on`, `at`, `in`, `during`, `last` …) to the content's end made only
 * of leads, determiners, possessives, times and occasions of speech (`Monday`, `interview`,
 * `rally`), names, numbers and commas, holding at least one time or occasion; at least two words
 * of content stay before it. Quoted text and pieces of a discontinuous content are left alone.
 */
export function trimEventTail(
  c: Candidate,
  toks: readonly Tok[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): void {
  const w = lex.words;
  if (!c.contentAfter || c.parts || w.eventLeads.size === 0) return;
  const first = tokenFrom(toks, c.content.start);
  // The last token that ends by the content's end (tokens are sorted by end as by start).
  const last = Math.max(first, tokenEndingAfter(toks, c.content.end) - 1);
  if (last <= first || toks[last]!.end !== c.content.end) return;
  // `plans to make her proposal at a campaign stop`: an infinitive takes its own adjuncts.
  const next = toks[first + 1]!;
  if (toks[first]!.lw === 'to' && !lex.determiners.has(next.lw) && !w.possessives.has(next.lw)) return;
  // Walk back from the end while tokens can belong to an event adjunct; remember the leftmost lead
  // after which only such tokens follow and an occasion or time was seen.
  let cut = -1;
  let occasion = false;
  let words = wordyCount(toks, first, toks[last]!.end);
  for (let k = last; k > first; k--) {
    const t = toks[k]!;
    if (markAround(quotes, t.start) !== undefined) break;
    if (isWordy(t)) words--;
    if (w.eventWords.has(t.lw)) occasion = true;
    if (w.eventLeads.has(t.lw) && occasion && words >= 2) cut = k;
    const fits =
      t.w === ',' ||
      t.kind === 'number' ||
      w.eventLeads.has(t.lw) ||
      w.eventWords.has(t.lw) ||
      lex.determiners.has(t.lw) ||
      w.possessives.has(t.lw) ||
      (t.kind === 'word' && isCap(t));
    if (!fits) break;
  }
  if (cut < 0) return;
  // `says she will sail on Monday`: after a modal the time is the reported event's.
  for (let k = first; k < cut; k++) if (w.eventModals.has(toks[k]!.lw)) return;
  let e = cut - 1;
  while (e > first && toks[e]!.w === ',') e--;
  c.content.end = toks[e]!.end;
}

/**
 * Whether the tokens from `j` (right after a cue) are only an adjunct of the speech event up to
 * a comma or the sentence's end: `…, Hollande said Tuesday in Paris, noting …`, `…, he said on
 * Monday.`. Such a cue reports the content before it; the adjunct is no content of its own. The
 * adjunct opens with an event lead or a time (`Tuesday`, `yesterday`) and holds leads, occasions and
 * times of speech (`week`, `statement`), determiners, possessives, names and numbers; at most eight
 * tokens.
 */
export function eventAdjunctOnly(toks: readonly Tok[], j: number, b: number, lex: Lexicon): boolean {
  const w = lex.words;
  if (w.eventLeads.size === 0 || j >= b) return false;
  const open = toks[j]!;
  // `called LeVell, a former chairman, …`: a name right after the cue is its object, not an adjunct.
  if (!w.eventLeads.has(open.lw) && !w.eventTimes.has(open.lw)) return false;
  for (let k = j; k - j <= 8; k++) {
    if (k >= b) return true;
    const t = toks[k]!;
    if (k > j && (t.w === ',' || isTerminal(t))) return true;
    const fits =
      t.kind === 'number' ||
      w.eventLeads.has(t.lw) ||
      w.eventWords.has(t.lw) ||
      w.cueToThat.has(t.lw) ||
      w.eventTimes.has(t.lw) ||
      lex.determiners.has(t.lw) ||
      w.possessives.has(t.lw) ||
      (t.kind === 'word' && isCap(t));
    if (!fits) return false;
  }
  return false;
}
