import type { SparseVector } from '../../models/features.js';
import type { LinearModel } from '../../models/linear.js';
import type { WordClusters } from '../../models/word-clusters.js';
import type { Span } from '../../schema.js';
import type { Candidate } from './candidate.js';
import { inSubordinateClause, tokenEndingAfter } from './content-scan.js';
import { matchAt } from './cue-match.js';
import { openQuestion } from './lead-rules.js';
import {
  CANDIDATE,
  cueCandidate,
  cueFeatures,
  DISTANCING,
  FEATURE_COUNT,
  FEATURE_COUNT_CLUSTERS,
  sentenceInfo,
  wordFlags,
} from './learned-features.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markEndingFrom, markStartingAt, tokenFrom } from './search.js';
import { DisjointSpans, SpanSet } from './span-sets.js';
import { subjectAt } from './subject.js';
import { capitalName, isCap, isTerminal, type NpRange, OPENERS, type Tok, walkBack } from './tok.js';
import type { VerbClasses } from './wordnet.js';

/**
 * Attributions the cue rules do not know. News text reports speech, thoughts and stances through
 * thousands of words (`balked at`, `trashes`, `is quick to point out`, `pivot sharply from`); a
 * list cannot hold them, but their context gives them away: a subject before, content after.
 * A learned model (`models/quotes/cues.<lang>.json`, trained on PolNeAR by
 * `newsprism train quotes-learned`) scores every word not already inside a rule's attribution
 * as the last word of a cue whose content follows it; the content runs to the next clause
 * mark (`,` `;` `(` dash) or the sentence end, and the speaker is the noun phrase before the cue.
 */

/** Hash bits of the learned-cue model. */
export const LEARNED_CUE_BITS = 16;

/** Marks that end a learned content (a hyphen standing alone, or a horizontal bar, is a dash). */
const CLAUSE_MARKS = new Set([',', ';', '(', '—', '–', '--', '-', '―']);

/** The content after a cue ending at token `i`: to the quotation's end, the next clause mark or the sentence end. */
function learnedContent(
  toks: readonly Tok[],
  i: number,
  b: number,
  marks: readonly QuoteMarkSpan[],
  lex: Lexicon,
): { start: number; end: number } | null {
  const first = toks[i + 1]!;
  const start = first.start;
  if (OPENERS.has(first.w)) {
    const q = markStartingAt(marks, start);
    if (q) return { start, end: q.end };
  }
  // A noun-phrase object (`touting his recent wins in …`) ends before an adjunct; a clause runs on.
  const clause = lex.words.clauseOpeners.has(first.lw);
  // A noun cue after a determiner or possessive (`his attacks on Curiel are …`): its object ends
  // before the sentence's finite verb.
  const nounCue = !clause && nounCueAt(toks, i, lex);
  let k = i + 1;
  let inQuote: QuoteMarkSpan | undefined;
  for (; k < b; k++) {
    const u = toks[k]!;
    if (inQuote && u.start >= inQuote.end) inQuote = undefined;
    if (!inQuote && OPENERS.has(u.w)) inQuote = markStartingAt(marks, u.start);
    if (inQuote) continue;
    if (isTerminal(u) && !abbreviationDot(toks, k) && !innerDot(toks, k, b)) break;
    if (nounCue && k > i + 1 && lex.words.finiteVerbs.has(u.lw)) break;
    // `protested Trump at a rally and started …`: a coordinated predicate or clause ends an object.
    if (!clause && k > i + 1 && newPredicate(toks, k, b, lex)) break;
    // `issues of interest to voters, including equal pay`: examples of the object belong to it, and
    // so do the other items of a list (`his character, business practices and temperament`).
    if (
      CLAUSE_MARKS.has(u.w) &&
      !(
        u.w === ',' &&
        (lex.words.exemplifiers.has(toks[k + 1]?.lw ?? '') || (!clause && listGoesOn(toks, k, b, lex)))
      )
    )
      break;
    if (!clause && k >= i + 2 && lex.words.adjuncts.has(u.lw)) break;
  }
  let e = k - 1;
  while (e > i && toks[e]!.kind === 'punct' && !inQuoteEnd(marks, toks[e]!)) e--;
  return e > i ? { start, end: toks[e]!.end } : null;
}

/** Whether the cue ending at token `i` (a particle's head before it) follows a determiner or possessive: a noun. */
function nounCueAt(toks: readonly Tok[], i: number, lex: Lexicon): boolean {
  const h = lex.words.particles.has(toks[i]!.lw) ? i - 1 : i;
  const pv = toks[h - 1];
  return (
    pv !== undefined &&
    (lex.words.articles.has(pv.lw) || lex.words.possessives.has(pv.lw) || /['’]s$/.test(pv.lw))
  );
}

/** A full stop inside a sentence after initials (`U.S. military`, `George H.W. Bush`) or before a lower-case word. */
function innerDot(toks: readonly Tok[], k: number, b: number): boolean {
  const prev = toks[k - 1];
  const next = toks[k + 1];
  if (toks[k]!.w !== '.' || !prev || prev.end !== toks[k]!.start || k + 1 >= b || next?.kind !== 'word')
    return false;
  return /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(prev.w) || next.w[0] === next.lw[0];
}

/** Adverbs stepped over between `and` and the predicate it coordinates. */
const COORDINATED_ADVERBS = new Set(['also', 'then', 'later']);

/**
 * `… and started having …`, `… and he said …`: at token `k`, `and`/`but` opens a coordinated
 * predicate (a cue verb or an `-ed` form) or a clause (a subject pronoun).
 */
function newPredicate(toks: readonly Tok[], k: number, b: number, lex: Lexicon): boolean {
  if (!lex.words.coordinators.has(toks[k]!.lw)) return false;
  let m = k + 1;
  while (m < b && COORDINATED_ADVERBS.has(toks[m]!.lw)) m++;
  const n = toks[m];
  if (m >= b || n?.kind !== 'word' || n.w[0] !== n.lw[0]) return false;
  return lex.words.subjectPronouns.has(n.lw) || /[a-z]ed$/.test(n.lw) || lex.verbs.has(n.lw);
}

/** Words that close a list. */
const LIST_ENDS = new Set(['and', 'or']);

/**
 * Whether the comma at token `k` goes on with a list: up to six words (and commas) without a
 * finite verb, `and`/`or`, then up to seven words to the next clause mark or the sentence end.
 */
function listGoesOn(toks: readonly Tok[], k: number, b: number, lex: Lexicon): boolean {
  let m = k + 1;
  let n = 0;
  for (; m < b && n < 6 && !LIST_ENDS.has(toks[m]!.lw); m++, n++) {
    const t = toks[m]!;
    if ((t.kind !== 'word' && t.w !== ',') || lex.words.finiteVerbs.has(t.lw)) return false;
  }
  if (m >= b || n === 0 || !LIST_ENDS.has(toks[m]!.lw)) return false;
  for (m++, n = 0; m < b && n < 7; m++, n++) {
    const t = toks[m]!;
    if (isTerminal(t) || CLAUSE_MARKS.has(t.w)) return n > 0;
    if (t.kind !== 'word' || lex.words.finiteVerbs.has(t.lw)) return false;
  }
  return m >= b && n > 0;
}

const inQuoteEnd = (marks: readonly QuoteMarkSpan[], t: Tok) =>
  marks[markEndingFrom(marks, t.end)]?.end === t.end;

/** A full stop inside the sentence glued to a title or initial (`Rep.`, `Mr.`, `D.`): no clause end. */
function abbreviationDot(toks: readonly Tok[], k: number): boolean {
  const prev = toks[k - 1];
  return (
    toks[k]!.w === '.' &&
    prev !== undefined &&
    prev.end === toks[k]!.start &&
    /^[A-Z][a-z]{0,2}$/.test(prev.w) &&
    k + 1 < toks.length &&
    isCap(toks[k + 1]!)
  );
}

/** The speaker of a learned cue: the noun phrase or pronoun just before it (past a few adverbs and auxiliaries). */
function speakerBefore(toks: readonly Tok[], i: number, a: number, lex: Lexicon): NpRange | undefined {
  let k = i - 1;
  // `Theresa May urged`: a capitalised modal after a name is the name's (`capitalName`).
  while (
    k >= a &&
    i - k <= 4 &&
    ((lex.between.has(toks[k]!.lw) && !capitalName(toks, k, a, lex)) || toks[k]!.kind !== 'word')
  )
    k--;
  if (k >= a && lex.pronouns.has(toks[k]!.lw)) return { s: k, e: k + 1 };
  if (k >= a && isCap(toks[k]!)) {
    const np = walkBack(toks, k, a, lex);
    if (np) return np;
  }
  // Else the sentence subject (`Trump, who …, balked at …`).
  return subjectAt(toks, a, i, lex) ?? undefined;
}

/** The learned-cue model of a run, or (for training) a collector of every scored word's features. */
export interface LearnedCues {
  model: LinearModel | null;
  /** WordNet verb classes, a feature of the model. */
  verbs: VerbClasses;
  collect?: (i: number, x: SparseVector) => void;
  /** Keep feature names on collected vectors. */
  keepNames?: boolean;
  /** Word clusters, when the model reads them (four more features). */
  clusters?: WordClusters | null;
}

/** The logit of a probability (thresholds are kept as probabilities). */
const logit = (p: number): number => Math.log(p / (1 - p));
/** A reused buffer for a word's features (the analyzer is synchronous). */
const scratch = new Int32Array(FEATURE_COUNT_CLUSTERS);

/**
 * Sets `skip[k - a]` for each token `k` of the sentence `[a, b)` that overlaps one of `spans`.
 * Past `short` spans (a long sentence of cues with long contents), the covered token ranges are
 * added up in a difference array instead of being marked token by token per span.
 */
export function markCovered(
  toks: readonly Tok[],
  a: number,
  b: number,
  spans: readonly Span[],
  skip: Uint8Array,
  short = 16,
): void {
  const from = toks[a]!.start;
  const to = toks[b - 1]!.end;
  const diff = spans.length > short ? new Int32Array(b - a + 1) : undefined;
  for (const sp of spans) {
    if (!(sp.start < to && from < sp.end)) continue;
    // Only the tokens from the first that ends past the span's start can overlap it.
    const k0 = Math.max(a, tokenEndingAfter(toks, sp.start));
    if (!diff) {
      for (let k = k0; k < b && toks[k]!.start < sp.end; k++) skip[k - a] = 1;
      continue;
    }
    // The tokens from `k0` that start before the span's end.
    const k1 = Math.min(b, Math.max(k0, tokenFrom(toks, sp.end)));
    if (k1 > k0) {
      diff[k0 - a] = diff[k0 - a]! + 1;
      diff[k1 - a] = diff[k1 - a]! - 1;
    }
  }
  if (diff)
    for (let k = 0, run = 0; k < b - a; k++) {
      run += diff[k]!;
      if (run > 0) skip[k] = 1;
    }
}

/**
 * Adds learned-cue candidates for the sentence `[a, b)` (index `si`) where no rule candidate
 * (`taken`) covers the word, its content or its speaker.
 */
export function learnedCandidates(
  toks: readonly Tok[],
  a: number,
  b: number,
  si: number,
  marks: readonly QuoteMarkSpan[],
  taken: readonly Candidate[],
  lex: Lexicon,
  learned: LearnedCues,
): Candidate[] {
  const out: Candidate[] = [];
  const model = learned.model;
  const mask = (1 << (model?.bits ?? LEARNED_CUE_BITS)) - 1;
  const threshold = model ? logit(model.thresholds[0]!) : Infinity;
  // Scored on the int8 table as `LinearModel.logits` does (a quarter of the memory to touch).
  const q = model && !learned.collect ? model.quantizedWeights() : undefined;
  const weights = model && !learned.collect && !q ? model.weights : undefined;
  const scale = q ? model!.scale : 1;
  const bias = model?.bias[0] ?? 0;
  // The contents and cues of rule candidates, and the contents of learned ones (which never
  // overlap one another: a content that overlaps an earlier one is not taken).
  const takenSpans = taken.length > 8 ? new SpanSet(taken.flatMap((c) => [c.content, c.cue])) : undefined;
  const outSpans = new DisjointSpans();
  const covered = (s: number, e: number) =>
    (takenSpans
      ? takenSpans.overlaps(s, e)
      : taken.some(
          (c) => (c.content.start < e && s < c.content.end) || (c.cue.start < e && s < c.cue.end),
        )) || outSpans.overlaps(s, e);
  const flagsOf = wordFlags(lex);
  const info = sentenceInfo;
  info.fill(toks, a, b, flagsOf);
  // Words inside a rule's cue or content, or inside a quotation, are not scored.
  const skip = info.skip;
  const from = toks[a]!.start;
  const to = toks[b - 1]!.end;
  markCovered(
    toks,
    a,
    b,
    taken.flatMap((c) => [c.content, c.cue]),
    skip,
  );
  // The quotations this sentence touches (marks are sorted and disjoint).
  for (let x = markEndingFrom(marks, from + 1); x < marks.length && marks[x]!.start < to; x++) {
    const m = marks[x]!;
    for (let k = Math.max(a, tokenFrom(toks, m.start + 1)); k < b && toks[k]!.start < m.end; k++)
      if (toks[k]!.end < m.end) skip[k - a] = 1;
  }
  // `While the mayor said [the deal was dead], his brother is investigating …`: a content cut at
  // the comma of the adverbial clause that holds its cue used to run over the main clause after
  // it; no learned cue is looked for there (the review of issue 18: junk such as `his brother
  // investigating: other suspects to charge`).
  let cut = to;
  for (const c of taken)
    if (
      c.contentAfter &&
      c.content.end < cut &&
      inSubordinateClause(toks, tokenFrom(toks, c.content.start), a, lex)
    )
      cut = c.content.end;
  const idx = scratch;
  const clusters = learned.clusters;
  const nf = clusters ? FEATURE_COUNT_CLUSTERS : FEATURE_COUNT;
  for (let i = a; i < b - 1; i++) {
    const flags = info.flags[i - a]!;
    // `who asked not to be named`: the verb of a distancing phrase reports nothing.
    const distancing = flags & DISTANCING ? matchAt(toks, i, b, lex.distancing) : undefined;
    if (distancing) {
      i += distancing.words.length - 1;
      continue;
    }
    if (skip[i - a] || !cueCandidate(toks, flags, i, b)) continue;
    const t = toks[i]!;
    if (t.start >= cut) break;
    // `It is also unclear whether …`: an open question, as for the that-clause rule.
    if (lex.words.openQuestions.has(t.lw) && openQuestion(toks, i - 1, a, lex)) continue;
    if (learned.collect) {
      const names = learned.keepNames ? [] : undefined;
      cueFeatures(toks, info, i, a, b, mask, idx, learned.verbs, names, clusters);
      learned.collect(i, {
        idx: [...idx.subarray(0, nf)],
        val: Array(nf).fill(1),
        ...(names ? { names } : {}),
      });
      continue;
    }
    if (!q && !weights) continue;
    cueFeatures(toks, info, i, a, b, mask, idx, learned.verbs, undefined, clusters);
    let sum = 0;
    if (q) for (let f = 0; f < nf; f++) sum += q[idx[f]!]!;
    else for (let f = 0; f < nf; f++) sum += weights![idx[f]!]!;
    const z = bias + scale * sum;
    if (z < threshold) continue;
    if (outSpans.overlaps(t.start, t.end)) continue;
    const content = learnedContent(toks, i, b, marks, lex);
    if (!content || covered(content.start, content.end)) continue;
    // `balked at`, `pointed to`: a particle after a lower-case word completes that word's cue.
    const c0 = lex.words.particles.has(t.lw) && i - 1 > a && info.flags[i - 1 - a]! & CANDIDATE ? i - 1 : i;
    // `focus on the economy`, `introduced a bill`: a topic or a thing, no report.
    if (lex.words.notLearnedCues.has(toks[c0]!.lw)) continue;
    const np = speakerBefore(toks, c0, a, lex);
    const c: Candidate = {
      content,
      cue: { start: toks[c0]!.start, end: t.end },
      lemma: c0 < i ? `${toks[c0]!.lw} ${t.lw}` : t.lw,
      rule: 'learned-cue',
      sentence: si,
      contentAfter: true,
    };
    if (np) c.np = np;
    else c.impersonal = true;
    out.push(c);
    outSpans.add(content);
  }
  return out;
}
