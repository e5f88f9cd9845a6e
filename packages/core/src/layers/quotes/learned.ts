import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hashString, type SparseVector } from '../../models/features.js';
import { type LinearModel, loadLinearModel } from '../../models/linear.js';
import { type Candidate, matchAt, subjectAt } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { isCap, isTerminal, type NpRange, OPENERS, type Tok, walkBack } from './tok.js';

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

/** Words that never end a cue (articles, pronouns, forms of `be`, conjunctions): not scored. */
const NEVER = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'i',
  'he',
  'she',
  'it',
  'we',
  'they',
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'this',
  'these',
  'those',
  'which',
  'who',
  'whom',
  'there',
  'not',
  'also',
  'very',
  'more',
  'most',
  'than',
  'then',
  'so',
  'if',
  'while',
  'when',
  'where',
  'because',
  'after',
  'before',
  'since',
  'mr',
  'ms',
  'mrs',
  'dr',
]);

/** Words that open a clause or an infinitive as reported content. */
const CLAUSE_OPENERS = new Set(['that', 'to', 'whether', 'if', 'how', 'what', 'why', 'who', 'when', 'where']);
/** Words that open an adjunct after a noun-phrase content (`… the race before making …`). */
const ADJUNCTS = new Set(['before', 'after', 'despite', 'during', 'while', 'because', 'since', 'until']);

/** Marks that end a learned content. */
const CLAUSE_MARKS = new Set([',', ';', '(', '—', '–', '--']);

const shape = (t: Tok | undefined): string => {
  if (!t) return '$';
  if (t.kind === 'punct') return t.w;
  if (t.kind === 'number') return '0';
  return isCap(t) ? 'X' : 'x';
};
const form = (t: Tok | undefined): string => (t ? (t.kind === 'word' ? t.lw : shape(t)) : '$');
const bucket = (n: number): string =>
  n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+';

/** A crude stem, so `trashes`, `trashed` and `trashing` share a weight. */
const stem = (w: string): string => w.replace(/(?:ing|ed|es|s)$/, '');

/** Seeds of the feature families, hashed once: a feature is its family seed followed by its value. */
const SEEDS = Object.fromEntries(
  ['w', 'st', 's', 'p', 'ps', 'pp', 'n', 'ns', 'n2', 'wn', 'pw', 'pos', 'rest', 'lex', 'subj'].map((f) => [
    f,
    hashString(`${f}=`),
  ]),
) as Record<string, number>;

/**
 * Features of token `i` as the last word of a cue, in the sentence `[a, b)`. Names are kept
 * (for training reports) when `names` is given.
 */
function cueFeatures(
  toks: readonly Tok[],
  i: number,
  a: number,
  b: number,
  lex: Lexicon,
  mask: number,
  names?: string[],
): SparseVector {
  const idx: number[] = [];
  const t = toks[i]!;
  const prev = i > a ? toks[i - 1] : undefined;
  const next = i + 1 < b ? toks[i + 1] : undefined;
  const next2 = i + 2 < b ? toks[i + 2] : undefined;
  const w = t.lw;
  // Is there a speaker-like word (a pronoun or a capitalised word) in the three words before?
  let subj = 'none';
  for (let k = i - 1; k >= a && k >= i - 3; k--) {
    const u = toks[k]!;
    if (lex.pronouns.has(u.lw)) {
      subj = 'pron';
      break;
    }
    if (isCap(u) && k > a) {
      subj = 'cap';
      break;
    }
  }
  const add = (f: string, v: string) => {
    idx.push(hashString(v, SEEDS[f]) & mask);
    if (names) names.push(`${f}=${v}`);
  };
  add('w', w);
  add('st', stem(w));
  add('s', w.length > 4 ? w.slice(-3) : w);
  add('p', form(prev));
  add('ps', shape(prev));
  add('pp', form(i > a + 1 ? toks[i - 2] : undefined));
  add('n', form(next));
  add('ns', shape(next));
  add('n2', form(next2));
  add('wn', `${w}_${form(next)}`);
  add('pw', `${form(prev)}_${w}`);
  add('pos', bucket(i - a));
  add('rest', bucket(b - i));
  add('lex', lex.verbs.has(w) ? 'verb' : lex.evaluative.has(w) ? 'eval' : '-');
  add('subj', `${subj}_${shape(next)}`);
  idx.push(0);
  if (names) names.push('bias');
  return { idx, val: idx.map(() => 1), ...(names ? { names } : {}) };
}

/** Whether token `i` of the sentence `[a, b)` is scored at all: a lower-case word with words after it. */
function cueCandidate(toks: readonly Tok[], i: number, b: number): boolean {
  const t = toks[i]!;
  if (t.kind !== 'word' || NEVER.has(t.lw) || t.w[0] !== t.lw[0]) return false;
  const n = toks[i + 1];
  return i + 1 < b && !!n && (n.kind === 'word' || n.kind === 'number' || OPENERS.has(n.w));
}

/** The content after a cue ending at token `i`: to the quotation's end, the next clause mark or the sentence end. */
function learnedContent(
  toks: readonly Tok[],
  i: number,
  b: number,
  marks: readonly QuoteMarkSpan[],
): { start: number; end: number } | null {
  const first = toks[i + 1]!;
  const start = first.start;
  if (OPENERS.has(first.w)) {
    const q = marks.find((m) => m.start === start);
    if (q) return { start, end: q.end };
  }
  // A noun-phrase object (`touting his recent wins in …`) ends before an adjunct; a clause runs on.
  const clause = CLAUSE_OPENERS.has(first.lw);
  let k = i + 1;
  let inQuote: QuoteMarkSpan | undefined;
  for (; k < b; k++) {
    const u = toks[k]!;
    if (inQuote && u.start >= inQuote.end) inQuote = undefined;
    if (!inQuote && OPENERS.has(u.w)) inQuote = marks.find((m) => m.start === u.start);
    if (inQuote) continue;
    if (isTerminal(u) || CLAUSE_MARKS.has(u.w)) break;
    if (!clause && k >= i + 3 && ADJUNCTS.has(u.lw)) break;
  }
  let e = k - 1;
  while (e > i && toks[e]!.kind === 'punct' && !inQuoteEnd(marks, toks[e]!)) e--;
  return e > i ? { start, end: toks[e]!.end } : null;
}

const inQuoteEnd = (marks: readonly QuoteMarkSpan[], t: Tok) => marks.some((m) => m.end === t.end);

/** The speaker of a learned cue: the noun phrase or pronoun just before it (past a few adverbs and auxiliaries). */
function speakerBefore(toks: readonly Tok[], i: number, a: number, lex: Lexicon): NpRange | undefined {
  let k = i - 1;
  while (k >= a && i - k <= 4 && (lex.between.has(toks[k]!.lw) || toks[k]!.kind !== 'word')) k--;
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
  collect?: (i: number, x: SparseVector) => void;
  /** Keep feature names on collected vectors. */
  keepNames?: boolean;
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
  const threshold = model?.thresholds[0] ?? 1;
  const covered = (s: number, e: number) =>
    taken.some((c) => (c.content.start < e && s < c.content.end) || (c.cue.start < e && s < c.cue.end)) ||
    out.some((c) => c.content.start < e && s < c.content.end);
  for (let i = a; i < b - 1; i++) {
    // `who asked not to be named`: the verb of a distancing phrase reports nothing.
    const distancing = matchAt(toks, i, b, lex.distancing);
    if (distancing) {
      i += distancing.words.length - 1;
      continue;
    }
    if (!cueCandidate(toks, i, b)) continue;
    const t = toks[i]!;
    if (covered(t.start, t.end) || marks.some((m) => m.start < t.start && t.end < m.end)) continue;
    const x = cueFeatures(toks, i, a, b, lex, mask, learned.keepNames ? [] : undefined);
    if (learned.collect) {
      learned.collect(i, x);
      continue;
    }
    if (!model || model.probabilities(x)[0]! < threshold) continue;
    const content = learnedContent(toks, i, b, marks);
    if (!content || covered(content.start, content.end)) continue;
    const np = speakerBefore(toks, i, a, lex);
    const c: Candidate = {
      content,
      cue: { start: t.start, end: t.end },
      lemma: t.lw,
      rule: 'learned-cue',
      sentence: si,
      contentAfter: true,
    };
    if (np) c.np = np;
    else c.impersonal = true;
    out.push(c);
  }
  return out;
}

const cache = new Map<string, LinearModel | null>();

/**
 * The learned-cue model of a language: `path` when given (`off` = none), else the shipped
 * `models/quotes/cues.<lang>.json` when the project trained one, else none.
 */
export function learnedCueModel(lang: string, path = ''): LinearModel | null {
  if (path === 'off') return null;
  const where =
    path || fileURLToPath(new URL(`../../../../../models/quotes/cues.${lang}.json`, import.meta.url));
  let m = cache.get(where);
  if (m === undefined) {
    m =
      path || existsSync(where)
        ? loadLinearModel(where, 'npx newsprism train quotes-learned --data ../shared/data/polnear')
        : null;
    cache.set(where, m);
  }
  return m;
}
