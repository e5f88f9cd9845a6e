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
import { speakerCore } from './speaker-guard.js';
import { CLOSERS, capitalName, isCap, type NpRange, OPENERS, type Tok, walkBack } from './tok.js';

/**
 * A Russian subject before a quoted name that ends right before the cue: `Ранее «Газпром»
 * сообщил` (the name is the subject) or `Владимир Евсеев в беседе с «Украиной.ру» допустил` (a
 * prepositional phrase, whose subject stands before it). `k` is the closing mark; the quotation
 * holds one to three words, the first capitalised.
 */
function quotedNameBack(toks: readonly Tok[], k: number, a: number, lex: Lexicon): NpRange | null {
  if (lex.lang !== 'ru' || !CLOSERS.has(toks[k]!.w)) return null;
  let o = k - 1;
  while (o > a && o >= k - 4 && !OPENERS.has(toks[o]!.w)) o--;
  const inner = toks.slice(o + 1, k);
  if (o < a || o === k - 1 || !OPENERS.has(toks[o]!.w) || !isCap(inner[0]!)) return null;
  if (!inner.every((t) => t.kind === 'word' || t.w === '.' || t.w === '-')) return null;
  const before = o - 1 >= a ? toks[o - 1]! : undefined;
  if (before && lex.words.prepositions.has(before.lw)) return walkBack(toks, o - 1, a, lex);
  if (before && before.kind === 'word' && !lex.between.has(before.lw) && !lex.words.asides.has(before.lw))
    return null;
  return { s: o + 1, e: k };
}

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
    // `Theresa May said`, `May said`: a capitalised modal or adverb there is a name.
    const cueAfter = { base: form === h.phrase.lemma };
    while (
      k >= a &&
      lex.between.has(toks[k]!.lw) &&
      !capitalName(toks, k, a, lex, k === h.i - 1 ? cueAfter : undefined)
    )
      k--;
    const v = { ...c, k, p: contentStart(toks, h, b, lex) };
    if (isParticiple) participle(v);
    else if (lex.relay.has(h.phrase.lemma)) relay(v);
    else if (k >= a && lex.words.coordinators.has(toks[k]!.lw)) coordinated(v);
    // Passive (`the plan was rejected by the council`): the agent speaks of the subject.
    else if (lex.lang === 'en' && toks[h.j]?.lw === 'by') passiveBy(v);
    else {
      let left = k >= a ? (quotedNameBack(toks, k, a, lex) ?? walkBack(toks, k, a, lex)) : null;
      // `30 июня заявил министр, что …`: a Russian phrase that only dates the verb is no subject.
      if (left && lex.lang === 'ru' && !speakerCore(toks, left, lex)) left = null;
      if (!left) noSubjectBefore(v);
      else sourceBeforeCue(v, left);
    }
  }
  cutAtLaterClauses(out, quotes);
  return out;
}
