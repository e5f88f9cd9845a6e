import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import { isCap, isTerminal, type Tok } from './tok.js';

/** Words that may sit in a headline's source before its colon (`Wash Post Fact-Check:`). */
const MAX_SOURCE_WORDS = 5;

/**
 * Headline attributions, which PolNeAR annotates like body text: `Poll: Sanders Leads …`
 * (a short source before a colon) and `Clinton Says Russians Hacked DNC` (a title-case speech
 * verb after a capitalised subject). Titles are otherwise skipped, since their capitals look
 * like names to the body rules.
 */
export function titleCandidates(
  toks: readonly Tok[],
  a: number,
  b: number,
  sentence: number,
  lex: Lexicon,
): Candidate[] {
  let e = b;
  while (e > a && isTerminal(toks[e - 1]!)) e--;
  if (e - a < 3) return [];
  // `Source: headline`.
  for (let c = a + 1; c <= Math.min(e - 2, a + MAX_SOURCE_WORDS); c++) {
    if (toks[c]!.w !== ':') continue;
    const src = toks.slice(a, c);
    if (!src.every((t) => t.kind !== 'word' || isCap(t) || lex.determiners.has(t.lw))) break;
    if (src.length === 1 && lex.words.sectionLabels.has(src[0]!.lw)) break;
    return [
      {
        content: { start: toks[c + 1]!.start, end: toks[e - 1]!.end },
        cue: { start: toks[c]!.start, end: toks[c]!.end },
        lemma: ':',
        np: { s: a, e: c },
        rule: 'title-colon',
        sentence,
        contentAfter: true,
      },
    ];
  }
  // `Subject Says Content`: the first headline cue after a capitalised subject of a few words.
  for (let i = a + 1; i < Math.min(e - 2, a + 8); i++) {
    const t = toks[i]!;
    if (!lex.words.headlineCues.has(t.lw)) continue;
    const subj = toks.slice(a, i);
    if (!subj.every((x) => x.kind !== 'word' || isCap(x) || lex.pronouns.has(x.lw))) return [];
    let p = i + 1;
    if (toks[p]?.lw === 'that') p++;
    if (e - p < 2) return [];
    return [
      {
        content: { start: toks[p]!.start, end: toks[e - 1]!.end },
        cue: { start: t.start, end: t.end },
        lemma: t.lw,
        np: { s: a, e: i },
        rule: 'title-cue',
        sentence,
        contentAfter: true,
      },
    ];
  }
  return [];
}
