import type { Quote, Span } from '@newsprism/core';
import type { GoldAttribution } from './polnear.js';

/** A predicted attribution as the scorer sees it. */
export interface PredAttribution {
  content: Span;
  /** The pieces of a discontinuous content (as `Quote.parts`); `content` is then their hull. */
  parts?: readonly Span[];
  source?: Span;
  /** The cue, for miss listings. */
  cue?: Span;
  rule: string;
}

/** A quote of the layer as the scorer sees it. */
export function predicted(q: Quote): PredAttribution {
  return {
    content: { start: q.start, end: q.end },
    parts: q.parts,
    source: q.source,
    cue: q.cue,
    rule: q.rule,
  };
}

const len = (xs: readonly Span[]) => xs.reduce((n, s) => n + s.end - s.start, 0);
const inter = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Intersection over union of a predicted and a gold content, in characters; either may be
 * discontinuous (a list of pieces, which do not overlap one another).
 */
export function iou(p: Span | readonly Span[], gold: readonly Span[]): number {
  const ps: readonly Span[] = Array.isArray(p) ? p : [p as Span];
  let i = 0;
  for (const a of ps) for (const g of gold) i += inter(a, g);
  const u = len(ps) + len(gold) - i;
  return u > 0 ? i / u : 0;
}

/** The pieces a prediction's content is scored by. */
export const pieces = (p: PredAttribution): Span | readonly Span[] => p.parts ?? p.content;

/** Counts of one document or a whole run. */
export interface AttributionCounts {
  predicted: number;
  gold: number;
  matched: number;
  /** Matched pairs whose gold attribution has a source. */
  withSource: number;
  /** … of which the predicted source overlaps the gold source. */
  sourceHit: number;
  /** Predicted and matched counts per rule. */
  rules: Record<string, [number, number]>;
}

/** An empty tally. */
export const emptyCounts = (): AttributionCounts => ({
  predicted: 0,
  gold: 0,
  matched: 0,
  withSource: 0,
  sourceHit: 0,
  rules: {},
});

/**
 * Matches predictions to gold one-to-one, best IoU first, pairs with IoU >= `threshold` only,
 * adds the counts to `acc` and returns the matched `[prediction, gold]` index pairs.
 */
export function scoreDoc(
  pred: readonly PredAttribution[],
  gold: readonly GoldAttribution[],
  acc: AttributionCounts,
  threshold = 0.5,
): [number, number][] {
  const pairs: [number, number, number][] = [];
  pred.forEach((p, i) => {
    gold.forEach((g, j) => {
      const v = iou(pieces(p), g.content);
      if (v >= threshold) pairs.push([v, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  acc.predicted += pred.length;
  acc.gold += gold.length;
  for (const p of pred) {
    acc.rules[p.rule] ??= [0, 0];
    acc.rules[p.rule]![0]++;
  }
  const matched: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    matched.push([i, j]);
    acc.matched++;
    acc.rules[pred[i]!.rule]![1]++;
    const g = gold[j]!;
    if (g.source.length) {
      acc.withSource++;
      const src = pred[i]!.source;
      if (src && g.source.some((s) => inter(src, s) > 0)) acc.sourceHit++;
    }
  }
  return matched;
}
