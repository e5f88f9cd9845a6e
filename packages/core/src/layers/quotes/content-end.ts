import { FeatureHasher, type SparseVector } from '../../models/features.js';
import type { LinearModel } from '../../models/linear.js';
import { form, shape } from './learned-features.js';
import { CLOSERS, OPENERS, type Tok } from './tok.js';
import type { Quote } from './types.js';

/**
 * The learned content end: a content the rules ran to the end of its clause or sentence may end
 * earlier (`criticized ‖ the tax ‖ in an interview`, `praised ‖ Muslim-Americans ‖ in an email`).
 * Each token end inside the content is a candidate end, the content's own end another; a
 * ranking perceptron (`models/quotes/ends.en.json`, `newsprism train quotes-ends`) scores each,
 * and the content is cut at the best candidate when it beats the content's own end by the
 * model's margin.
 */

/** Hash bits of the content-end model. */
export const CONTENT_END_BITS = 16;

/** One candidate end of a content: the offset it would end at, and its features. */
export interface EndCandidate {
  end: number;
  /** Whether this is the content's own end (no cut). */
  own: boolean;
  x: SparseVector;
}

/** Words that a finite clause holds: a content with one before the cut is a clause, not a noun phrase. */
const FINITE = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  "'s",
  '’s',
  "n't",
  'n’t',
  'am',
  "'re",
  '’re',
]);

const bucket = (n: number): string =>
  n <= 3 ? String(n) : n <= 5 ? '4-5' : n <= 8 ? '6-8' : n <= 12 ? '9-12' : n <= 20 ? '13-20' : '21+';

/** The token index range `[a, b)` of a content span. */
function tokenRange(toks: readonly Tok[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (toks[m]!.end <= start) lo = m + 1;
    else hi = m;
  }
  let b = lo;
  while (b < toks.length && toks[b]!.start < end) b++;
  return [lo, b];
}

/** Whether a quote's content is one the model may cut: continuous, not a quotation in marks. */
export function cuttable(toks: readonly Tok[], q: Quote): boolean {
  if (q.parts || q.kind === 'scare' || q.kind === 'direct') return false;
  const [a, b] = tokenRange(toks, q.start, q.end);
  return b - a >= 3 && !OPENERS.has(toks[a]!.w);
}

/**
 * The candidate ends of a quote's content with their features, the content's own end last. Cuts
 * fall after a word, number or closing mark, outside quotation marks, leaving at least one word.
 */
export function endCandidates(toks: readonly Tok[], q: Quote, keepNames = false): EndCandidate[] {
  const [a, b] = tokenRange(toks, q.start, q.end);
  const out: EndCandidate[] = [];
  const first = toks[a]!;
  const firstForm = form(first);
  const cueWord = q.cueLemma ?? '';
  const rule = q.rule;
  let depth = 0;
  let verb = false;
  let words = 0;
  const totalWords = (() => {
    let n = 0;
    for (let i = a; i < b; i++) if (toks[i]!.kind !== 'punct') n++;
    return n;
  })();
  const feats = (i: number, own: boolean): SparseVector => {
    const h = new FeatureHasher(CONTENT_END_BITS, keepNames);
    const prev = toks[i];
    const next = toks[i + 1];
    const next2 = toks[i + 2];
    const tag = own ? 'own' : 'cut';
    const p = form(prev);
    const n = form(next);
    const v = verb ? 'v' : 'nv';
    h.add(tag);
    h.add(`${tag}|r=${rule}`);
    h.add(`${tag}|k=${q.kind}`);
    h.add(`${tag}|${v}`);
    h.add(`${tag}|r=${rule}|${v}`);
    h.add(`p=${p}`);
    h.add(`n=${n}`);
    h.add(`n2=${form(next2)}`);
    h.add(`pn=${p}|${n}`);
    h.add(`nn2=${n}|${form(next2)}`);
    h.add(`ns=${shape(next)}|${v}`);
    h.add(`n=${n}|${v}`);
    h.add(`n=${n}|r=${rule}`);
    h.add(`n=${n}|f=${firstForm}`);
    h.add(`f=${firstForm}|${tag}`);
    h.add(`f=${firstForm}|${v}|${tag}`);
    h.add(`c=${cueWord}|${tag}`);
    h.add(`c=${cueWord}|n=${n}`);
    h.add(`kw=${bucket(words)}|${tag}`);
    h.add(`rw=${bucket(totalWords - words)}|${tag}`);
    h.add(`kw=${bucket(words)}|${v}|${tag}`);
    // The share of the content's words kept: a content cut to less than half matches another gold.
    const share = totalWords ? Math.min(5, Math.floor((words / totalWords) * 6)) : 5;
    h.add(`sh=${share}|${tag}`);
    h.add(`sh=${share}|${v}|${tag}`);
    h.add(`sh=${share}|n=${n}`);
    // What the cut leaves out: its first segment up to punctuation, with or without a verb of its own.
    let rv = 'rnv';
    for (let j = i + 1; j < b && toks[j]!.kind !== 'punct'; j++) if (FINITE.has(toks[j]!.lw)) rv = 'rv';
    h.add(`${rv}|${v}|${tag}`);
    h.add(`${rv}|n=${n}|${v}`);
    h.add(`n=${n}|n2s=${shape(next2)}|${v}`);
    h.add(`cs=${cueWord}|${v}|${tag}`);
    return h.vector();
  };
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (t.kind === 'punct') {
      // Straight marks toggle; curly ones open and close.
      if (t.w === '"' || t.w === "'") depth = depth ? depth - 1 : depth + 1;
      else if (OPENERS.has(t.w)) depth++;
      else if (CLOSERS.has(t.w)) depth = Math.max(0, depth - 1);
    } else {
      words++;
      if (FINITE.has(t.lw)) verb = true;
    }
    if (i === b - 1) break;
    const closing = t.kind === 'punct' && CLOSERS.has(t.w) && depth === 0;
    if (depth > 0 || (t.kind === 'punct' && !closing)) continue;
    out.push({ end: t.end, own: false, x: feats(i, false) });
  }
  out.push({ end: q.end, own: true, x: feats(b - 1, true) });
  return out;
}

/**
 * Cuts each cuttable content at its best-scoring candidate end when that beats the content's own
 * end by the model's margin (its threshold; scores are a ranking perceptron's, not probabilities).
 * Returns the quotes it cut (their kind may change: a cut can leave the quotation marks out).
 */
export function cutContentEnds(toks: readonly Tok[], quotes: Quote[], model: LinearModel): Quote[] {
  const cut: Quote[] = [];
  const margin = model.thresholds[0]!;
  for (const q of quotes) {
    if (!cuttable(toks, q)) continue;
    const cands = endCandidates(toks, q);
    let best = -1;
    let bestZ = Number.NEGATIVE_INFINITY;
    let ownZ = 0;
    for (const [j, c] of cands.entries()) {
      const z = model.logits(c.x)[0]!;
      if (c.own) ownZ = z;
      else if (z > bestZ) [best, bestZ] = [j, z];
    }
    if (best >= 0 && bestZ > ownZ + margin) {
      q.end = cands[best]!.end;
      cut.push(q);
    }
  }
  return cut;
}
