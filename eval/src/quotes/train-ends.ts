import type { NewsDocument } from '@newsprism/core';
import {
  CONTENT_END_BITS,
  cuttable,
  endCandidates,
  LinearModel,
  prng,
  type SparseVector,
  toToks,
} from '@newsprism/core/train';
import type { PolnearDoc } from './polnear.js';
import { iou } from './score.js';

/** Training settings of the content-end model (`newsprism train quotes-ends`). */
export interface EndSettings {
  epochs: number;
  /** A cut must beat the content's own end by this much (the model's threshold). */
  margin: number;
  seed: number;
}

/**
 * The trainer's defaults (the shipped model's card): 8 epochs, margin 1 — read on `tune` by
 * 5-fold cross-validation with the rules' learned parts refitted per fold (`--set refit=1
 * ends=refit margins=…`: margins 0 to 4 within 0.0003 of one another).
 */
export const END_DEFAULTS: EndSettings = { epochs: 8, margin: 1, seed: 7 };

/** An analysed article (with `tokens` and the `quotes` of the rules, uncut) and its gold. */
export interface EndItem {
  gold: PolnearDoc;
  doc: NewsDocument;
}

/** One content to rank: its candidate ends' features (own end last) and the index of the gold one. */
export interface EndExample {
  cands: SparseVector[];
  gold: number;
}

/**
 * The content-end model's examples: each predicted content the model may cut, with the
 * candidate where its best-overlapping gold content ends (the content's own end when the gold
 * runs to it or past it). Contents with no overlapping gold, or whose gold ends where no
 * candidate is (inside a quotation, mid-word), are left out.
 */
export function endExamples(items: readonly EndItem[]): EndExample[] {
  const out: EndExample[] = [];
  for (const { gold, doc } of items) {
    const toks = toToks(doc.text, doc.tokens!);
    for (const q of doc.quotes ?? []) {
      if (!cuttable(toks, q)) continue;
      let best: PolnearDoc['attributions'][number] | undefined;
      let bv = 0;
      for (const g of gold.attributions) {
        const v = iou(q, g.content);
        if (v > bv) [best, bv] = [g, v];
      }
      if (!best) continue;
      const ge = Math.max(...best.content.map((s) => s.end));
      const cands = endCandidates(toks, q);
      let pos = -1;
      if (ge >= q.end - 1) pos = cands.length - 1;
      else {
        let d = 3;
        for (const [j, c] of cands.entries())
          if (!c.own && Math.abs(c.end - ge) < d) [pos, d] = [j, Math.abs(c.end - ge)];
      }
      if (pos >= 0) out.push({ cands: cands.map((c) => c.x), gold: pos });
    }
  }
  return out;
}

const dot = (w: Float64Array, x: SparseVector): number => {
  let s = 0;
  for (let i = 0; i < x.idx.length; i++) s += w[x.idx[i]!]! * x.val[i]!;
  return s;
};

/**
 * Fits the content-end model: an averaged ranking perceptron with a margin of 1 in training
 * (a wrong candidate must score 1 below the gold one), shuffled each epoch; the averaged weights
 * become a one-label linear model whose threshold is the cutting margin.
 */
export function fitEnds(examples: readonly EndExample[], s: EndSettings): LinearModel {
  const n = 1 << CONTENT_END_BITS;
  const w = new Float64Array(n);
  const u = new Float64Array(n);
  const rnd = prng(s.seed);
  const order = examples.map((_, i) => i);
  let t = 1;
  const update = (x: SparseVector, d: number) => {
    for (let i = 0; i < x.idx.length; i++) {
      w[x.idx[i]!]! += d * x.val[i]!;
      u[x.idx[i]!]! += d * t * x.val[i]!;
    }
  };
  for (let e = 0; e < s.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const oi of order) {
      const ex = examples[oi]!;
      let bi = 0;
      let bs = Number.NEGATIVE_INFINITY;
      for (const [j, x] of ex.cands.entries()) {
        const v = dot(w, x) + (j === ex.gold ? 0 : 1);
        if (v > bs) [bi, bs] = [j, v];
      }
      if (bi !== ex.gold) {
        update(ex.cands[ex.gold]!, 1);
        update(ex.cands[bi]!, -1);
      }
      t++;
    }
  }
  const avg = new Float32Array(n);
  for (let i = 0; i < n; i++) avg[i] = w[i]! - u[i]! / t;
  return new LinearModel(
    'multilabel',
    ['end'],
    CONTENT_END_BITS,
    avg,
    new Float32Array(1),
    Float32Array.of(s.margin),
  );
}
