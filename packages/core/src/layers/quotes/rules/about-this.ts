import type { Sentence, Span } from '../../../schema.js';
import type { Candidate } from '../candidate.js';
import { phraseTo } from '../content.js';
import type { ContentIndex } from '../content-index.js';
import type { Lexicon } from '../lexicon.js';
import { tokenFrom } from '../search.js';
import { institutionRu } from '../speaker-ru.js';
import { CLOSERS, isCap, isTerminal, type NpRange, OPENERS, type Tok, walkForward } from '../tok.js';
import { citeIn } from './according-to.js';

/**
 * `… Об этом сообщил источник в силовых структурах.` (rule `about-this`, Russian): turns a
 * `source-cue-content` candidate whose "source" is the pronoun `об этом` into one whose speaker
 * follows the cue and whose content is the sentence before (in the same paragraph, when no other
 * attribution holds it), else the pronoun itself.
 */
export function aboutThis(
  c: Candidate,
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  contents: ContentIndex,
  lex: Lexicon,
): void {
  if (!c.np) return;
  const phrase = toks
    .slice(c.np.s, c.np.e)
    .map((t) => t.lw)
    .join(' ');
  const sent = sentences[c.sentence];
  if (!sent || !lex.words.aboutThis.has(phrase) || toks[c.np.s]!.start !== sent.start) return;
  let j = c.np.e;
  while (j < toks.length && toks[j]!.start < c.cue.end) j++;
  let b = j;
  while (b < toks.length && toks[b]!.end <= sent.end) b++;
  const quoted = quotedName(toks, j, b);
  const np = quoted ?? walkForward(toks, j, b, lex);
  if (!np) return;
  // A long description runs past the walk's reach: the name that closes it belongs to it.
  while (np.e < b && isCap(toks[np.e]!) && np.e - np.s < 16) np.e++;
  // `… Сергей Лавров по итогам переговоров`: the speaker ends before a preposition after the name
  // (not after an institution: `Совета Федерации по международным делам Андрей Климов`).
  const personal = (t: Tok) => /^[А-ЯЁ][а-яё]+$/.test(t.w) && !institutionRu(t.w, lex);
  const endAfterName = (r: NpRange) => {
    for (let t = r.s + 2; t < r.e; t++)
      if (lex.words.prepositions.has(toks[t]!.lw) && personal(toks[t - 1]!) && personal(toks[t - 2]!)) {
        r.e = t;
        break;
      }
  };
  endAfterName(np);
  // `Об этом сообщает РБК-Украина со ссылкой на омбудсмена Людмилу Денисову`: the outlet relays.
  const full = phraseTo(toks, np.s, b, 30);
  const cite = full ? citeIn(toks, full) : -1;
  if (full && cite > np.s) {
    c.viaNp = { s: np.s, e: quoted ? quoted.e : cite };
    np.s = cite + (toks[cite]!.lw === 'со' ? 3 : 2);
    np.e = full.e;
    endAfterName(np);
  }
  const pronoun = pronounSpan(c, toks)!;
  const span = previousSentence(c, toks, sentences);
  const content: Span = span && !contents.overlapsOther(span, c) ? span : pronoun;
  c.np = np;
  contents.setContent(c, content);
  c.content = content;
  c.contentAfter = false;
  c.rule = 'about-this';
}

/**
 * `Об этом сообщает «Обозреватель»`, `… сообщает "БЕЛТА"`: an outlet's name in quotation marks
 * right after the cue is the speaker (inside the marks), not a quotation.
 */
function quotedName(toks: readonly Tok[], j: number, b: number): NpRange | null {
  if (j >= b || !OPENERS.has(toks[j]!.w)) return null;
  let e = j + 1;
  while (e < b && e - j <= 5 && toks[e]!.kind !== 'punct') e++;
  return e > j + 1 && e < b && CLOSERS.has(toks[e]!.w) ? { s: j + 1, e } : null;
}

/** The pronoun `об этом` itself, the content when the sentence before cannot be it. */
function pronounSpan(c: Candidate, toks: readonly Tok[]): Span | undefined {
  return c.np && c.np.e > c.np.s ? { start: toks[c.np.s]!.start, end: toks[c.np.e - 1]!.end } : undefined;
}

/** The sentence before `c`'s, up to its last word, when it is in the same paragraph. */
function previousSentence(
  c: Candidate,
  toks: readonly Tok[],
  sentences: readonly Sentence[],
): Span | undefined {
  const sent = sentences[c.sentence];
  const prev = sentences[c.sentence - 1];
  if (!sent || !prev || prev.paragraph !== sent.paragraph || toks.length === 0) return undefined;
  let e = tokenFrom(toks, prev.end) - 1;
  if (e < 0) e = toks.length - 1;
  while (e > 0 && isTerminal(toks[e]!)) e--;
  const span = { start: prev.start, end: toks[e]!.end };
  return span.end > span.start ? span : undefined;
}

/** The contents {@link aboutThis} may give `c`, for the {@link ContentIndex} it consults. */
export function aboutThisContents(
  c: Candidate,
  toks: readonly Tok[],
  sentences: readonly Sentence[],
): Span[] {
  if (c.rule !== 'source-cue-content') return [];
  const out: Span[] = [];
  const pronoun = pronounSpan(c, toks);
  if (pronoun) out.push(pronoun);
  const prev = previousSentence(c, toks, sentences);
  if (prev) out.push(prev);
  return out;
}
