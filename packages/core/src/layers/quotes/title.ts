import type { Candidate } from './candidate.js';
import { matchAt, namingPredicate } from './cue-match.js';
import type { Lexicon } from './lexicon.js';
import { isCap, isTerminal, type Tok } from './tok.js';

/** Words that may sit in a headline's source before its colon (`Wash Post Fact-Check:`). */
const MAX_SOURCE_WORDS = 5;

/**
 * Words that, ending a headline's subject, make its verb no report: `West Should Admit Loss`.
 * (`AFL-CIO to endorse Clinton`, `Sanders will back Clinton` announce one: PolNeAR counts them.)
 */
const MODALS: ReadonlySet<string> = new Set([
  'should',
  'must',
  'would',
  'could',
  'can',
  'may',
  'might',
  'shall',
  'not',
  'never',
]);

/**
 * Question words that open a question headline (`Who Says Inflation Is Over`, `What Putin Says
 * About …`): the headline asks or explains, no one in it (nor a label after its dash) is quoted.
 */
const WH_WORDS: ReadonlySet<string> = new Set([
  'who',
  'whom',
  'whose',
  'what',
  'which',
  'why',
  'how',
  'where',
]);

/** Whether a word is written in capitals only (`WHO`). */
const upper = (t: Tok): boolean => t.w === t.w.toUpperCase();

/** Dashes that set a headline's source off at its end (`… - Expert`): spaced hyphens too. */
const TITLE_DASHES: ReadonlySet<string> = new Set(['-', '–', '—', '--']);

/** Whether the words before a headline cue read as its subject: capitalised words (title case) or a sentence-case phrase. */
function headlineSubject(subj: readonly Tok[], lex: Lexicon): boolean {
  // `Interview: Harbour Master Backs …`: a section label is no part of a subject.
  if (subj.some((x) => x.w === ':')) return false;
  // `Kiev, West Should Admit Loss Of Bakhmut`: a modal makes the verb a demand or a forecast.
  if (MODALS.has(subj[subj.length - 1]!.lw)) return false;
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
  // A question headline (`Who Says Inflation Is Over - Analysis`) quotes no one, nor its label;
  // `When` opens a clause whose subject may speak only before a name (`When District Attorney
  // Andrew Warren said …`; not `When I'm President …`, `When the money …`).
  const next = toks[a + 1];
  if (
    e - a < 3 ||
    // `WHO Says Mpox Is No Longer …`: an acronym in capitals is no question word (in a headline
    // that is not all in capitals, `HOW TRUMP WON`).
    (WH_WORDS.has(toks[a]!.lw) && !(upper(toks[a]!) && next && !upper(next))) ||
    (toks[a]!.lw === 'when' && (!next || !isCap(next) || lex.pronouns.has(next.lw)))
  )
    return [];
  const tail = dashSource(toks, a, e, lex);
  // `Kiev Says Bridge Strike Cut Supply Line - Reports`: the headline's own speaker says it, the
  // source after the dash relays it (an unnamed `Reports`, `Media`, `Source`, or a named one).
  const inner = tail ? titleCandidates(toks, a, tail - 1, sentence, lex) : [];
  if (inner.length) return inner.map((c) => ({ ...c, viaNp: { s: tail, e } }));
  if (tail)
    return [
      {
        content: { start: toks[a]!.start, end: toks[tail - 2]!.end },
        cue: { start: toks[tail - 1]!.start, end: toks[tail - 1]!.end },
        lemma: '-',
        np: { s: tail, e },
        rule: 'title-dash',
        sentence,
        contentAfter: false,
      },
    ];
  // `Source: headline`.
  for (let c = a + 1; c <= Math.min(e - 2, a + MAX_SOURCE_WORDS); c++) {
    if (toks[c]!.w !== ':') continue;
    const src = toks.slice(a, c);
    if (!src.every((t) => t.kind !== 'word' || isCap(t) || lex.determiners.has(t.lw))) break;
    // `Interview: …`, `The Latest: Sanders wins …` (AP's running story): a section label is no
    // source; the headline after it is read as a headline.
    if (sectionLabel(src, lex)) return titleCandidates(toks, c + 1, b, sentence, lex);
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
    // `Баранец назвал фатальную ошибку Киева`: a naming cue reports only with a predicate, as in the body.
    if (
      phrase &&
      lex.words.namingCues.has(phrase.lemma) &&
      !namingPredicate(toks, i + phrase.words.length, e, lex)
    )
      return [];
    if (!headlineSubject(toks.slice(a, i), lex)) return [];
    const last = i + (phrase ? phrase.words.length : 1) - 1;
    let p = last + 1;
    if (toks[p]?.lw === 'that') p++;
    // `Лавров заявил, что …`: a Russian headline's clause opens after the comma and `что`.
    if (lex.lang === 'ru') while (p < e && lex.skipAfterCue.has(toks[p]!.lw)) p++;
    // `Дугин рассказал о газовом «армрестлинге»`: a topic, not a reported proposition.
    if (p >= e || lex.words.topicPreps.has(toks[p]!.lw)) return [];
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

/** A section label before a headline's colon, after an optional determiner: `Analysis`, `The Latest`. */
function sectionLabel(src: readonly Tok[], lex: Lexicon): boolean {
  const words = src.length === 2 && lex.determiners.has(src[0]!.lw) ? src.slice(1) : src;
  return words.length === 1 && lex.words.sectionLabels.has(words[0]!.lw);
}

/**
 * `Kiev, West Should Admit Loss Of Bakhmut - Expert`, `… – Kremlin`, `… - Reports`: wire headlines
 * name their source after a spaced dash at the end. The source (its first token's index, else 0)
 * is one to three words ending in a role or anonymous head (`Expert`, `Senior Official`), a
 * document or media noun (`Reports`, `Media`), or a listed government or media name.
 */
function dashSource(toks: readonly Tok[], a: number, e: number, lex: Lexicon): number {
  for (let d = e - 2; d >= Math.max(a + 3, e - 4); d--) {
    const dash = toks[d]!;
    if (!TITLE_DASHES.has(dash.w) || toks[d - 1]!.end === dash.start || toks[d + 1]!.start === dash.end)
      continue;
    const src = toks.slice(d + 1, e);
    if (!src.every((t) => t.kind === 'word' && isCap(t))) return 0;
    const head = src[src.length - 1]!.lw;
    const name = src.map((t) => t.w).join(' ');
    const listed =
      lex.roles.has(head) ||
      lex.anonymous.has(head) ||
      lex.documents.has(head) ||
      lex.mediaNouns.has(head) ||
      lex.government.has(name) ||
      lex.media.has(name);
    return listed ? d + 1 : 0;
  }
  return 0;
}
