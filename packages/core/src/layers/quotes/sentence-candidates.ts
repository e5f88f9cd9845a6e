import { contentStart } from './adverbials.js';
import type { Candidate } from './candidate.js';
import { findCues } from './cue-match.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { accordingTo, kakClause } from './rules/according-to.js';
import { cutAtLaterClauses } from './rules/clause-cut.js';
import type { CueContext } from './rules/context.js';
import { coordinated } from './rules/coordinated.js';
import { noSubjectBefore } from './rules/no-subject.js';
import { participle } from './rules/participle.js';
import { passiveBy } from './rules/passive.js';
import { relay } from './rules/relay.js';
import { sourceBeforeCue } from './rules/source-cue.js';
import { CLOSERS, type Tok, walkBack } from './tok.js';

/**
 * Finds the candidate attributions of one sentence `[a, b)`: each cue goes to the first rule
 * family that fits it — `according to X` and Russian `как сказал X` (source after the cue),
 * participles (`…, adding that`), relays (`Reuters quoted an official`), coordinated verbs
 * (`… and said that`), cues with no subject before them (inverted `“…,” said X`, appositions,
 * asides), and the plain `X said …` / `“…,” X said` — then contents that run into a later cue
 * clause are cut there.
 */
export function sentenceCandidates(
  toks: readonly Tok[],
  a: number,
  b: number,
  sentence: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): Candidate[] {
  const out: Candidate[] = [];
  let consumed = -1;
  for (const h of findCues(toks, a, b, lex, quotes)) {
    if (h.i < consumed) continue;
    const cue = { start: toks[h.i]!.start, end: toks[h.j - 1]!.end };
    const c: CueContext = {
      toks,
      a,
      b,
      quotes,
      lex,
      out,
      h,
      base: { cue, lemma: h.phrase.lemma, sentence },
      prev: h.i - 1 >= a ? toks[h.i - 1]! : undefined,
    };
    if (h.after) {
      consumed = accordingTo(c, consumed);
      continue;
    }
    // `как (дипломатично) сформулировал X, «…»`: a Russian `как` clause names the source first.
    if (lex.lang === 'ru' && [h.i - 1, h.i - 2].some((x) => x >= a && toks[x]!.lw === 'как')) {
      kakClause(c);
      continue;
    }
    const form = toks[h.i]!.lw;
    const prev = c.prev;
    const isParticiple =
      (prev?.w === ',' || (prev !== undefined && CLOSERS.has(prev.w))) &&
      (lex.lang === 'ru' ? lex.words.participles.has(form) : form.endsWith('ing') && h.j === h.i + 1);
    let k = h.i - 1;
    while (k >= a && lex.between.has(toks[k]!.lw)) k--;
    const v = { ...c, k, p: contentStart(toks, h, b, lex) };
    if (isParticiple) participle(v);
    else if (lex.relay.has(h.phrase.lemma)) relay(v);
    else if (k >= a && lex.words.coordinators.has(toks[k]!.lw)) coordinated(v);
    // Passive (`the plan was rejected by the council`): the agent speaks of the subject.
    else if (lex.lang === 'en' && toks[h.j]?.lw === 'by') passiveBy(v);
    else {
      const left = k >= a ? walkBack(toks, k, a, lex) : null;
      if (!left) noSubjectBefore(v);
      else sourceBeforeCue(v, left);
    }
  }
  cutAtLaterClauses(out, quotes);
  return out;
}
