import type { Span, Token } from '../../schema.js';
import type { Candidate } from './candidates.js';

/**
 * Makes the dateline's place (`СИМФЕРОПОЛЬ, 8 авг — РИА Новости.`, `KYIV, Ukraine (AP)`) one
 * location candidate: a word in capitals there names a city, not an organisation's acronym, and
 * whatever a recogniser made of it (`СИМФЕРОПОЛЬ` as ORG) gives way. Returns the candidates
 * sorted by position.
 */
export function withDatelinePlace(
  cands: readonly Candidate[],
  tokens: readonly Token[],
  place: Span | undefined,
): Candidate[] {
  if (!place) return [...cands];
  let i = 0;
  while (i < tokens.length && tokens[i]!.end <= place.start) i++;
  let j = i;
  while (j < tokens.length && tokens[j]!.end <= place.end) j++;
  if (j === i || tokens[i]!.start < place.start) return [...cands];
  const same = cands.find((c) => c.start === tokens[i]!.start && c.end === tokens[j - 1]!.end);
  const loc: Candidate = same
    ? { ...same, type: 'LOC', rule: 'dateline' }
    : { i, j, start: tokens[i]!.start, end: tokens[j - 1]!.end, type: 'LOC', rule: 'dateline' };
  const rest = cands.filter((c) => c.end <= place.start || c.start >= place.end);
  return [...rest, loc].sort((a, b) => a.start - b.start);
}
