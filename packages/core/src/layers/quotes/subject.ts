import type { Lexicon } from './lexicon.js';
import { isCap, type NpRange, pastRu, type Tok, walkForward } from './tok.js';

/**
 * A sentence subject for coordinated cues and colon introductions: a run of capitalised words, a
 * determiner phrase or a pronoun at the start of the tokens `[a, k)`.
 */
export function subjectAt(toks: readonly Tok[], a: number, k: number, lex: Lexicon): NpRange | null {
  let s = a;
  // Skip a dateline, an opening quote or a connective (`(Reuters) -`, `But`, `And`).
  while (
    s < k &&
    (toks[s]!.kind === 'punct' ||
      lex.words.coordinators.has(toks[s]!.lw) ||
      lex.boundaries.has(toks[s]!.lw) ||
      (lex.lang === 'ru' && lex.between.has(toks[s]!.lw)))
  )
    s++;
  // `На акции Ломджария опротестовала …`: a Russian sentence may open with a place or time phrase.
  if (lex.lang === 'ru' && s < k && lex.words.prepositions.has(toks[s]!.lw)) {
    let t = s + 1;
    while (t < k && toks[t]!.kind === 'word' && !isCap(toks[t]!)) t++;
    if (t > s + 1 && t < k && isCap(toks[t]!)) s = t;
  }
  if (s < k && toks[s]!.w === 'Reuters') s++;
  while (s < k && toks[s]!.kind === 'punct') s++;
  if (s >= k) return null;
  if (lex.pronouns.has(toks[s]!.lw)) return { s, e: s + 1 };
  let np = walkForward(toks, s, k, lex);
  if (np && np.e - np.s > 7) {
    // `President Barack Obama met survivors …`: keep the capitalised run that opens it.
    let e = np.s;
    while (e < np.e && isCap(toks[e]!)) e++;
    np = e > np.s ? { s: np.s, e } : null;
  }
  if (!np) return null;
  // `Вашингтон обнародовал список …`: a Russian past form ends the subject.
  if (lex.lang === 'ru')
    for (let t = np.s + 1; t < np.e; t++)
      if (pastRu(toks[t]!)) {
        np = { s: np.s, e: t };
        break;
      }
  // `The court overruled and said …`: a past form that ends the phrase is the subject's verb.
  const last = toks[np.e - 1]!;
  if (np.e - np.s >= 2 && np.e === k && !isCap(last) && /^[a-z]{3,}ed$/.test(last.w))
    np = { s: np.s, e: np.e - 1 };
  const first = toks[np.s]!;
  // `much of the Western press`, `many of his supporters`: a quantifier opens a subject too.
  const quantified = lex.words.quantifiers.has(first.lw) && toks[np.s + 1]?.lw === 'of';
  return isCap(first) || lex.determiners.has(first.lw) || quantified ? np : null;
}
