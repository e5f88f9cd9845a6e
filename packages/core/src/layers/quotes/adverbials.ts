import type { Span } from '../../schema.js';
import type { CueHit } from './candidate.js';
import { contentAfter, wordsIn } from './content.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { tokenStartingAt } from './search.js';
import { isCap, isTerminal, OPENERS, type Tok } from './tok.js';

/**
 * What stands between a cue and its content: adverbials (`said on Friday that`), the addressee of
 * `told`, and the `, X said,` that interrupts a content resumed after it.
 */

/** After an adverbial, content starts at `that`, a colon or an opening quote within reach; else there is none. */
export function pastAdverbial(toks: readonly Tok[], p: number, b: number, lex: Lexicon): number {
  const w = lex.words;
  let plain = true;
  for (let q = p; q < Math.min(b, p + 16); q++) {
    const t = toks[q]!;
    if (t.lw === 'that') return q;
    if (w.that.has(t.lw) || t.w === ':') return q + 1;
    if (OPENERS.has(t.w) && t.w !== '‘') return q;
    if (isTerminal(t)) break;
    // `said in a statement Thursday night they pulled …`: after a plain adverbial, a subject
    // pronoun opens the reported clause (no `that`).
    if (plain && q > p + 1 && w.subjectPronouns.has(t.lw) && toks[q + 1]?.kind === 'word') return q;
    if (
      t.kind === 'word' &&
      !isCap(t) &&
      !w.adverbials.has(t.lw) &&
      !w.cueToThat.has(t.lw) &&
      !lex.determiners.has(t.lw)
    )
      plain = false;
  }
  return b;
}

/**
 * Whether token `k` opens an adverbial (`on Friday`, `in a statement`); a determiner among the
 * adverbial words does so only before a time (`this week`, not `this was …`, `this effect …`).
 */
export function opensAdverbial(toks: readonly Tok[], k: number, lex: Lexicon): boolean {
  const w = lex.words;
  const lw = toks[k]?.lw ?? '';
  if (!w.adverbials.has(lw)) return false;
  return !lex.determiners.has(lw) || w.eventTimes.size === 0 || w.eventTimes.has(toks[k + 1]?.lw ?? '');
}

/** End of the addressee after `told` (`told the Gazette`, `told Sputnik`, `told reporters`). */
export function tellObjectEnd(toks: readonly Tok[], j: number, b: number, lex: Lexicon): number {
  let p = j;
  if (p < b && lex.determiners.has(toks[p]!.lw)) p++;
  const from = p;
  while (p < b && toks[p]!.kind === 'word' && toks[p]!.w[0] !== toks[p]!.lw[0]) p++;
  if (p === from && p < b && toks[p]!.kind === 'word') p++;
  return p;
}

/**
 * `“…,” one aide said late last month, “…”`: the comma after a short adverbial that a resumed
 * quotation follows (its index), if the cue at `p` is followed by one.
 */
export function commaBeforeQuote(
  toks: readonly Tok[],
  p: number,
  b: number,
  lex: Lexicon,
): number | undefined {
  for (let q = p; q < Math.min(b - 1, p + 6); q++) {
    const t = toks[q]!;
    if (t.w === ',') return q > p && OPENERS.has(toks[q + 1]!.w) ? q : undefined;
    if (t.kind !== 'word' || lex.verbs.has(t.lw)) return undefined;
  }
  return undefined;
}

/** The rest of a content after an interrupting `, X said,` (none when a new cue clause follows). */
export function resumed(
  toks: readonly Tok[],
  p: number,
  a: number,
  b: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
  first: Span,
  sourceFirst = false,
): Span[] | undefined {
  const firstQuoted = OPENERS.has(tokenStartingAt(toks, first.start)?.w ?? '');
  if (firstQuoted && toks[p]?.w !== ',') p = commaBeforeQuote(toks, p, b, lex) ?? p;
  if (toks[p]?.w !== ',' || p + 1 >= b) return undefined;
  const next = toks[p + 1]!;
  if (lex.verbs.has(next.lw) || lex.sourceAfter.has(next.lw) || opensAdverbial(toks, p + 1, lex))
    return undefined;
  // `…, he said, wiping sweat off his face`: a participle clause describes the speaker.
  if (lex.lang === 'en' && /^[a-z]+ing$/.test(next.w)) return undefined;
  // `…,'' said David Greene, director of …`: after a quotation only another quotation resumes it;
  // a description of the speaker never does.
  if (firstQuoted && !OPENERS.has(next.w)) return undefined;
  // After `, he noted,` (source before cue) no description can follow: `the world could …` resumes.
  if (!sourceFirst && (lex.determiners.has(next.lw) || lex.roles.has(next.lw) || lex.titles.has(next.w)))
    return undefined;
  const rest = contentAfter(toks, p + 1, a, b, quotes, lex);
  return rest && wordsIn(toks, rest, p + 1) >= 2 ? [first, rest] : undefined;
}

/**
 * Where the content of a verb cue starts: past an addressee or adverbials up to `that`
 * (`told reporters on Friday that …`), the addressee of `told`, the words a cue may be followed
 * by (`:`), and an adverbial with `that` or an opening quote in reach.
 */
export function contentStart(toks: readonly Tok[], h: CueHit, b: number, lex: Lexicon): number {
  const w = lex.words;
  let p = h.j;
  for (let q = h.j; q < Math.min(b, h.j + 8); q++) {
    const tq = toks[q]!;
    // Only an adverbial, an addressee or a name may stand between the cue and its `that`.
    if (
      tq.kind === 'word' &&
      !w.that.has(tq.lw) &&
      !isCap(tq) &&
      !w.adverbials.has(tq.lw) &&
      !lex.determiners.has(tq.lw) &&
      !w.cueToThat.has(tq.lw)
    )
      break;
    if (w.that.has(tq.lw)) {
      // PolNeAR and most readers take `that` as the start of the reported clause.
      p = lex.lang === 'en' ? q : q + 1;
      break;
    }
    if (tq.kind === 'punct' && tq.w !== ',') break;
  }
  if (p === h.j && h.phrase.lemma === 'tell' && h.j < b) p = tellObjectEnd(toks, h.j, b, lex);
  while (p < b && lex.skipAfterCue.has(toks[p]!.lw) && !(lex.lang === 'en' && toks[p]!.lw === 'that')) p++;
  // `vowed to …`, `urged … to`: an infinitive is content, not an adverbial.
  if (p < b && toks[p]!.lw !== 'to' && opensAdverbial(toks, p, lex)) p = pastAdverbial(toks, p, b, lex);
  return p;
}
