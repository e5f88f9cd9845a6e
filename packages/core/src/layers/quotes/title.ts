import type { Candidate } from './candidate.js';
import { matchAt } from './cue-match.js';
import type { Lexicon } from './lexicon.js';
import { isCap, isTerminal, type Tok } from './tok.js';

/** Words that may sit in a headline's source before its colon (`Wash Post Fact-Check:`). */
const MAX_SOURCE_WORDS = 5;

/** Whether the words before a headline cue read as its subject: capitalised words (title case) or a sentence-case phrase. */
function headlineSubject(subj: readonly Tok[], lex: Lexicon): boolean {
  // `Interview: Harbour Master Backs …`: a section label is no part of a subject.
  if (subj.some((x) => x.w === ':')) return false;
  // `Conservative Icon Morton Blackwell Endorses …`, `She Says …`.
  if (subj.every((x) => x.kind !== 'word' || isCap(x) || lex.pronouns.has(x.lw))) return true;
  // `Rose Bowl skywriters blast Trump`: a capitalised first word, then words only.
  return isCap(subj[0]!) && subj.every((x) => x.kind === 'word' || x.w === '’' || x.w === "'" || x.w === '-');
}

/**
 * Headline attributions, which PolNeAR annotates like body text: `Poll: Sanders Leads …`
 * (a short source before a colon) and `Clinton Says Russians Hacked DNC` or `Rose Bowl
 * skywriters blast Trump` (a headline speech verb or any verb of the cue list after a subject
 * of a few words). Titles are otherwise skipped, since their capitals look like names to the
 * body rules.
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
  for (let i = a + 1; i < Math.min(e - 1, a + 8); i++) {
    const t = toks[i]!;
    // A cue phrase of the list (`Endorses`, `Calls for`) or a headline speech verb.
    const phrase = matchAt(toks, i, e, lex.verbs);
    if (!phrase && !lex.words.headlineCues.has(t.lw)) continue;
    if (!headlineSubject(toks.slice(a, i), lex)) return [];
    const last = i + (phrase ? phrase.words.length : 1) - 1;
    let p = last + 1;
    if (toks[p]?.lw === 'that') p++;
    if (p >= e) return [];
    return [
      {
        content: { start: toks[p]!.start, end: toks[e - 1]!.end },
        cue: { start: t.start, end: toks[last]!.end },
        lemma: phrase?.lemma ?? t.lw,
        np: { s: a, e: i },
        rule: 'title-cue',
        sentence,
        contentAfter: true,
      },
    ];
  }
  return [];
}
