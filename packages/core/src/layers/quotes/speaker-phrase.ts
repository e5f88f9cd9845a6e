import type { Lexicon } from './lexicon.js';
import { CLOSERS, isCap, isTerminal, type NpRange, OPENERS, type Tok } from './tok.js';

/** Dashes that set off an aside or a clause. */
export const DASHES: ReadonlySet<string> = new Set(['—', '–', '--']);

/** `Reed (a pilot for thirty years) says`: a description in parentheses after the name is a role. */
export function parenRole(toks: readonly Tok[], np: NpRange, lex: Lexicon): NpRange | undefined {
  const pr = np.paren;
  return pr && pr[1] - pr[0] > 3 && lex.words.articles.has(toks[pr[0] + 1]!.lw)
    ? { s: pr[0] + 1, e: pr[1] - 1 }
    : undefined;
}

/** The apposition after a comma (or an opening dash or parenthesis) at `c`, up to the next comma or the sentence end (before `b`). */
export function description(toks: readonly Tok[], c: number, b: number): NpRange | undefined {
  const w = toks[c]?.w;
  if (w !== ',' && w !== '(' && !DASHES.has(w ?? '')) return undefined;
  let e = c + 1;
  while (e < b && toks[e]!.w !== ',' && !isTerminal(toks[e]!) && e - c <= 16) e++;
  return e > c + 1 && e - c <= 16 ? { s: c + 1, e } : undefined;
}

/**
 * The index of the dash or parenthesis that opens an aside closed by token `k` (a closing dash
 * or parenthesis right before a cue), or -1. The aside holds no terminal, quotation mark or comma.
 */
export function asideStart(toks: readonly Tok[], k: number, a: number): number {
  const close = toks[k]!.w;
  if (close !== ')' && !DASHES.has(close)) return -1;
  for (let c = k - 1; c > a && k - c <= 20; c--) {
    const w = toks[c]!.w;
    if (close === ')' ? w === '(' : DASHES.has(w)) return c < k - 1 ? c : -1;
    if (isTerminal(toks[c]!) || OPENERS.has(w) || CLOSERS.has(w) || w === ')' || w === '(') return -1;
  }
  return -1;
}

/** Whether a phrase reads as a name or a description of a speaker: a pronoun, or capitalised words, titles, roles and articles only. */
export function nameLike(toks: readonly Tok[], np: NpRange, lex: Lexicon): boolean {
  if (np.e - np.s === 1 && lex.pronouns.has(toks[np.s]!.lw)) return true;
  let role = false;
  // A role word or (Russian) a media noun heads a description (`эксперт`, `газета`).
  const head = (w: string) => lex.roles.has(w) || (lex.lang === 'ru' && lex.mediaNouns.has(w));
  for (let k = np.s; k < np.e; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word') continue;
    if (head(t.lw)) role = true;
    if (
      !isCap(t) &&
      // A Russian role's complement in the genitive (`представитель министерства обороны`).
      !(role && lex.lang === 'ru') &&
      !head(t.lw) &&
      !lex.determiners.has(t.lw) &&
      !lex.words.nameGlue.has(t.lw) &&
      !lex.anonymous.has(t.lw) &&
      // A modifier of a role word (`официальный представитель`, `veteran pilot`).
      !(k + 1 < np.e && lex.roles.has(toks[k + 1]!.lw))
    )
      return false;
  }
  return true;
}
