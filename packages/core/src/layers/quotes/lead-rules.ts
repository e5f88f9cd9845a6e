import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround } from './search.js';
import { CLOSERS, isCap, isTerminal, OPENERS, type Tok, walkBack } from './tok.js';

const insideQuote = (quotes: readonly QuoteMarkSpan[], i: number) => markAround(quotes, i) !== undefined;

/** The end of a clause from token `p`: the next comma or dash outside quotations, else the sentence end. */
function clauseEnd(toks: readonly Tok[], p: number, e: number, quotes: readonly QuoteMarkSpan[]): number {
  for (let k = p + 2; k < e; k++) {
    const w = toks[k]!.w;
    if ((w === ',' || w === '—' || w === '–' || w === ';') && !insideQuote(quotes, toks[k]!.start)) return k;
  }
  return e;
}

/**
 * Rules for attributions whose clause opens the sentence: a subjectless question
 * (`When asked whether he would run, …` — the question is the content) and a source in a
 * prepositional lead (`In a Des Moines Register poll, Cruz had a 10-point lead`).
 */
export function leadCandidates(
  toks: readonly Tok[],
  a: number,
  b: number,
  sentence: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): Candidate[] {
  if (lex.lang !== 'en') return [];
  const out: Candidate[] = [];
  let e = b;
  while (e > a && (isTerminal(toks[e - 1]!) || CLOSERS.has(toks[e - 1]!.w))) e--;
  let s = a;
  while (s < e && (toks[s]!.kind === 'punct' || toks[s]!.lw === 'but' || toks[s]!.lw === 'and')) s++;
  // `In a CBS News poll last month, …`.
  if (toks[s]?.lw === 'in') {
    let c = s + 1;
    let noun = false;
    while (c < e && c - s <= 14 && toks[c]!.w !== ',') {
      if (lex.words.leadNouns.has(toks[c]!.lw)) noun = true;
      c++;
    }
    if (noun && toks[c]?.w === ',' && e - c > 3 && !insideQuote(quotes, toks[c]!.start))
      out.push({
        content: { start: toks[c + 1]!.start, end: toks[e - 1]!.end },
        cue: { start: toks[s]!.start, end: toks[s]!.end },
        lemma: 'in',
        np: { s: s + 1, e: c },
        rule: 'in-source-lead',
        sentence,
        contentAfter: true,
        clauseStart: toks[s]!.start,
      });
  }
  // `Trump's claim that …`, `her plan to …`: a stance noun after a possessor.
  for (let i = Math.max(a + 1, s); i < e - 3; i++) {
    const open = lex.words.nominalComplements.get(toks[i]!.lw);
    const pos = toks[i - 1]!;
    if (!open || !lex.words.possessors.has(pos.lw) || !open.has(toks[i + 1]!.lw)) continue;
    if (insideQuote(quotes, toks[i]!.start)) continue;
    let from = i - 1;
    if (pos.lw === "'s" || pos.lw === '’s') {
      while (from > a && (isCap(toks[from - 1]!) || toks[from - 1]!.w === '.')) from--;
      if (from === i - 1) continue;
    }
    const end = clauseEnd(toks, i + 1, e, quotes);
    if (end - i < 4) continue;
    out.push({
      content: { start: toks[i + 1]!.start, end: toks[end - 1]!.end },
      cue: { start: toks[i]!.start, end: toks[i]!.end },
      lemma: toks[i]!.lw,
      np: { s: from, e: i },
      rule: 'nominal-stance',
      sentence,
      contentAfter: false,
    });
  }
  // `When asked whether …, he said …`: the question, up to the clause end.
  for (let i = a; i < e - 2; i++) {
    if (toks[i]!.lw !== 'asked' || insideQuote(quotes, toks[i]!.start)) continue;
    const prev = i > a ? toks[i - 1]! : undefined;
    if (
      prev &&
      !lex.words.askedLeads.has(prev.lw) &&
      !(prev.kind === 'punct' && !OPENERS.has(prev.w)) &&
      i !== s
    )
      continue;
    let q = i + 1;
    // `Asked on Monday whether …`, `asked by reporters about …`.
    while (q < Math.min(e, i + 6) && !lex.words.questionWords.has(toks[q]!.lw) && toks[q]!.w !== ',') q++;
    if (q >= e || !lex.words.questionWords.has(toks[q]!.lw)) continue;
    const p = toks[q]!.lw === 'about' ? q + 1 : q;
    const end = clauseEnd(toks, p, e, quotes);
    if (end - p < 2) continue;
    out.push({
      content: { start: toks[p]!.start, end: toks[end - 1]!.end },
      cue: { start: toks[i]!.start, end: toks[i]!.end },
      lemma: 'ask',
      rule: 'asked-question',
      sentence,
      contentAfter: false,
    });
  }
  // `Trump's allegations that the vote was rigged`, `she remains confident that …`: a complement
  // `that` clause after a word no cue list knows. Lowest priority: only where no cue rule found content.
  for (const c of thatClauses(toks, s, e, sentence, quotes, lex)) out.push(c);
  return out;
}

function thatClauses(
  toks: readonly Tok[],
  a: number,
  e: number,
  sentence: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): Candidate[] {
  const out: Candidate[] = [];
  for (let i = a + 1; i < e - 3; i++) {
    const wh = toks[i]!.lw === 'whether';
    if ((toks[i]!.lw !== 'that' && !wh) || insideQuote(quotes, toks[i]!.start)) continue;
    const prev = toks[i - 1]!;
    const next = toks[i + 1]!;
    if (
      prev.kind !== 'word' ||
      isCap(prev) ||
      lex.words.notComplement.has(prev.lw) ||
      lex.words.impersonal.has(prev.lw)
    )
      continue;
    // A complement clause opens with its own subject; a relative `that` is mostly followed by a verb.
    const subj =
      lex.words.leadSubjects.has(next.lw) ||
      lex.determiners.has(next.lw) ||
      isCap(next) ||
      next.kind === 'number';
    if (!subj && !wh) continue;
    // `The fact remains that …`, `The reason is that …`: an impersonal head before a linking verb
    // states no one's stance.
    if (i - 2 >= a && lex.words.linking.has(prev.lw) && lex.words.impersonal.has(toks[i - 2]!.lw)) continue;
    const end = clauseEnd(toks, i + 1, e, quotes);
    if (end - i < 4) continue;
    // `Officials are unsure whether …`: the subject stands before a linking verb; `it remains
    // unclear whether …` has none.
    let k = i - 2;
    if (k > a && lex.words.linking.has(toks[k]!.lw)) k--;
    const expletive = k >= a && lex.words.expletives.has(toks[k]!.lw);
    // `it remains unclear whether …`, `It’s also unclear …`: an open question, no one's stance.
    if (lex.words.openQuestions.has(prev.lw) && openQuestion(toks, i - 2, a, lex)) continue;
    const np = k >= a && !expletive ? walkBack(toks, k, a, lex) : null;
    out.push({
      content: { start: toks[i]!.start, end: toks[end - 1]!.end },
      cue: { start: prev.start, end: prev.end },
      lemma: prev.lw,
      np: np && np.e === k + 1 ? np : undefined,
      impersonal: !np,
      rule: 'that-clause',
      sentence,
      contentAfter: false,
    });
  }
  return out;
}

/** Whether an expletive subject stands before token `k` across linking verbs and adverbs (`It is also`, `it remains`, `It’s`). */
export function openQuestion(toks: readonly Tok[], k: number, a: number, lex: Lexicon): boolean {
  let j = k;
  while (
    j >= a &&
    k - j < 4 &&
    (lex.words.linking.has(toks[j]!.lw) || lex.between.has(toks[j]!.lw) || /^['’]s$/.test(toks[j]!.w))
  )
    j--;
  return j >= a && lex.words.expletives.has(toks[j]!.lw);
}
