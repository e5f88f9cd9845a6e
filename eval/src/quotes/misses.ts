import type { Span } from '@newsprism/core';
import type { GoldAttribution } from './polnear.js';
import { iou, type PredAttribution, pieces } from './score.js';

/** One unmatched prediction or gold attribution, with why it missed. */
export interface Miss {
  doc: string;
  /** `fp`: a prediction matched to no gold; `fn`: a gold attribution no prediction matched. */
  side: 'fp' | 'fn';
  rule: string;
  category: string;
  iou: number;
  pred?: Span;
  gold?: Span;
  /** Lower-cased cue text (gold for `fn`, to rank missed cue families; predicted for `fp`). */
  cue?: string;
  /** Where that cue sits (the hull of its pieces). */
  cueSpan?: Span;
}

const hull = (xs: readonly Span[]): Span => ({
  start: Math.min(...xs.map((s) => s.start)),
  end: Math.max(...xs.map((s) => s.end)),
});
/** A sentence boundary inside a stretch of text (a terminal, then space and a capital or quote). */
const SENTENCE = /[.!?]["”’']?\s+["“‘']?[A-Z]|\n/;
const ATTRIBUTION = /\b(said|says|told|added|according|asked|noted|wrote|explained|stated)\b/i;

/** Names the boundary error on one side: what the longer span holds that the other lacks. */
function sideError(text: string, side: 'start' | 'end', p: Span, g: Span): [string, number] {
  const [a, b, longer] =
    side === 'start'
      ? g.start < p.start
        ? [g.start, p.start, 'gold']
        : [p.start, g.start, 'pred']
      : g.end > p.end
        ? [p.end, g.end, 'gold']
        : [g.end, p.end, 'pred'];
  const extra = text.slice(a, b);
  const size = b - a;
  if (size <= 1 || /^[\s\p{P}]*$/u.test(extra)) return ['', 0];
  const t = extra.trim().toLowerCase();
  let what = 'words';
  if (side === 'start' && /^that$/.test(t)) what = 'that';
  else if (SENTENCE.test(extra)) what = 'sentences';
  else if (ATTRIBUTION.test(extra)) what = 'attribution';
  else if (/^(to|that|whether|if|about|for|of)\b/.test(t) && side === 'start') what = 'opener';
  return [`${longer}-longer-${side}:${what}`, size];
}

/** The dominant boundary error of a prediction against the gold content it overlaps most. */
export function boundaryCategory(text: string, p: Span, gold: readonly Span[]): string {
  const g = hull(gold);
  if (gold.length > 1) return 'gold-discontinuous';
  const [s, ns] = sideError(text, 'start', p, g);
  const [e, ne] = sideError(text, 'end', p, g);
  if (!s && !e) return 'near-miss';
  return ns >= ne ? s : e;
}

/**
 * Why a gold attribution that a prediction overlaps (at IoU < 0.5, or matched to another gold)
 * was missed: `fn-overlapped:pred-taken` (the prediction matched another gold),
 * `fn-overlapped:gold-discontinuous`, or the boundary error of {@link boundaryCategory}.
 */
function overlappedCategory(text: string, p: PredAttribution, taken: boolean, g: GoldAttribution): string {
  if (taken) return 'fn-overlapped:pred-taken';
  return `fn-overlapped:${boundaryCategory(text, p.content, g.content)}`;
}

/** Where the cue of a gold attribution no prediction overlaps sits: before, after or inside its content. */
function unpredictedCategory(g: GoldAttribution): string {
  if (!g.cue.length) return 'fn-no-prediction:no-cue';
  const c = hull(g.cue);
  const x = hull(g.content);
  const where = c.end <= x.start ? 'cue-before' : c.start >= x.end ? 'cue-after' : 'cue-inside';
  return `fn-no-prediction:${where}`;
}

/**
 * Lists the misses of one document: unmatched predictions with the gold content that overlaps
 * them most (a boundary error, a duplicate of a matched gold, or spurious), and unmatched gold
 * attributions (with their cue, to rank the cue families the rules miss), by the prediction that
 * overlaps them most (its boundary error, or that it matched another gold) or, when none does,
 * by where their cue sits.
 */
export function docMisses(
  id: string,
  text: string,
  pred: readonly PredAttribution[],
  gold: readonly GoldAttribution[],
  matched: readonly [number, number][],
): Miss[] {
  const mp = new Set(matched.map(([i]) => i));
  const mg = new Set(matched.map(([, j]) => j));
  const out: Miss[] = [];
  pred.forEach((p, i) => {
    if (mp.has(i)) return;
    let best = -1;
    let bv = 0;
    gold.forEach((g, j) => {
      const v = iou(pieces(p), g.content);
      if (v > bv) [best, bv] = [j, v];
    });
    const g = gold[best];
    const category = !g
      ? 'spurious'
      : mg.has(best)
        ? 'gold-taken'
        : boundaryCategory(text, p.content, g.content);
    const cue = p.cue ? text.slice(p.cue.start, p.cue.end).toLowerCase() : '';
    out.push({
      doc: id,
      side: 'fp',
      rule: p.rule,
      category,
      iou: bv,
      pred: p.content,
      gold: g && hull(g.content),
      cue,
      ...(p.cue ? { cueSpan: p.cue } : {}),
    });
  });
  gold.forEach((g, j) => {
    if (mg.has(j)) return;
    let best = -1;
    let bv = 0;
    pred.forEach((p, i) => {
      const v = iou(pieces(p), g.content);
      if (v > bv) [best, bv] = [i, v];
    });
    const cue = g.cue.map((c) => text.slice(c.start, c.end).toLowerCase()).join(' ');
    out.push({
      doc: id,
      side: 'fn',
      rule: best >= 0 ? pred[best]!.rule : '',
      category: best >= 0 ? overlappedCategory(text, pred[best]!, mp.has(best), g) : unpredictedCategory(g),
      iou: bv,
      pred: best >= 0 ? pred[best]!.content : undefined,
      gold: hull(g.content),
      cue,
      ...(g.cue.length ? { cueSpan: hull(g.cue) } : {}),
    });
  });
  return out;
}

const clip = (text: string, s: Span | undefined, n = 160) => {
  if (!s) return '';
  const t = text.slice(s.start, s.end).replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n / 2)} … ${t.slice(-n / 2)}` : t;
};

/**
 * One tab-separated line per miss (doc, side, rule, category, IoU, cue, predicted, gold, then the
 * character offsets `start-end` of the predicted and the gold content and of the cue, for scripts that measure
 * boundary errors against the article text).
 */
export function missLine(text: string, m: Miss): string {
  return [
    m.doc,
    m.side,
    m.rule,
    m.category,
    m.iou.toFixed(2),
    m.cue ?? '',
    clip(text, m.pred),
    clip(text, m.gold),
    m.pred ? `${m.pred.start}-${m.pred.end}` : '',
    m.gold ? `${m.gold.start}-${m.gold.end}` : '',
    m.cueSpan ? `${m.cueSpan.start}-${m.cueSpan.end}` : '',
  ].join('\t');
}

/** Counts by key, most frequent first, as table rows. */
export function tally(keys: readonly string[], top = 25): [string, number][] {
  const n = new Map<string, number>();
  for (const k of keys) n.set(k, (n.get(k) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1]).slice(0, top);
}
