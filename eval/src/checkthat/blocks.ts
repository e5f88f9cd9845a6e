import { meanSd } from './kfold-calibration.js';
import type { LabelledSentence } from './load.js';

/**
 * Contiguous blocks of sentence ids. CheckThat! 2024 numbers the sentences of its debate
 * transcripts in order (train and dev interleave over ids 16–34,458, 1960–2016 debates;
 * dev-test is 37,436–40,972, the 2020 debates), so a block of neighbouring ids holds whole
 * debates and their topics: leaving a block out is what a test from other debates does. A
 * fold by a hash of the id puts sentences of the same debate on both sides.
 *
 * Returns each row's block number (0…k−1): rows sorted by numeric id, cut into `k` runs of
 * (nearly) equal length. Ids that are not numbers sort after the others, by text.
 */
export function idBlocks(rows: readonly { id: string }[], k: number): number[] {
  const order = rows.map((_, i) => i);
  const num = rows.map((r) => (/^\d+$/.test(r.id) ? Number(r.id) : Number.POSITIVE_INFINITY));
  order.sort(
    (a, b) => num[a]! - num[b]! || (rows[a]!.id < rows[b]!.id ? -1 : rows[a]!.id > rows[b]!.id ? 1 : 0),
  );
  const out = new Array<number>(rows.length);
  order.forEach((row, rank) => {
    out[row] = Math.min(k - 1, Math.floor((rank * k) / rows.length));
  });
  return out;
}

/**
 * The threshold on `probs` with the best F1 of the positive class, in one sweep over the
 * sorted probabilities (the candidates are midpoints between neighbouring distinct values, as
 * in `bestThreshold`; ties go to the one nearest 0.5).
 */
export function bestF1Threshold(
  probs: readonly number[],
  gold: readonly boolean[],
): { threshold: number; score: number } {
  const order = probs.map((_, i) => i).sort((a, b) => probs[b]! - probs[a]!);
  const positives = gold.filter(Boolean).length;
  let tp = 0;
  let predicted = 0;
  let best = { threshold: 0.5, score: -1 };
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    predicted++;
    if (gold[i]) tp++;
    const next = order[j + 1];
    // Only between distinct values: every row at or above the cut is predicted positive.
    if (next === undefined || probs[next]! === probs[i]!) continue;
    const t = (probs[i]! + probs[next]!) / 2;
    const f1 = positives + predicted ? (2 * tp) / (positives + predicted) : 0;
    if (
      f1 > best.score + 1e-12 ||
      (Math.abs(f1 - best.score) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best.threshold - 0.5))
    )
      best = { threshold: t, score: f1 };
  }
  return best;
}

/** F1 of the positive class when `probs ≥ threshold` is predicted positive. */
export function f1At(probs: readonly number[], gold: readonly boolean[], threshold: number): number {
  let tp = 0;
  let predicted = 0;
  let positives = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]! >= threshold;
    if (p) predicted++;
    if (gold[i]) positives++;
    if (p && gold[i]) tp++;
  }
  return positives + predicted ? (2 * tp) / (positives + predicted) : 0;
}

/** What a leave-one-block-out cross-validation measured. */
export interface BlockReport {
  /** Out-of-fold probability of every row (scored by the model that did not see its block). */
  oof: number[];
  /** Per block: its F1 at the threshold tuned on the other blocks' out-of-fold probabilities. */
  perBlock: {
    f1: number;
    threshold: number;
    rows: number;
    positives: number;
    /** Diagnostic only: the block's best threshold and F1 in hindsight (tuned on the block itself). */
    hindsight: { threshold: number; score: number };
  }[];
  f1: { mean: number; sd: number };
  /** The threshold tuned on all out-of-fold probabilities (the one a model fitted on all takes). */
  threshold: number;
}

/**
 * Leave-one-block-out cross-validation: for each block, `fit` on the other blocks and score
 * the block. Each block's decision threshold is tuned (F1) on the out-of-fold probabilities of
 * the *other* blocks only, so neither the model nor the threshold saw the block scored.
 */
export function leaveBlockOut<M>(
  rows: readonly LabelledSentence[],
  blockOf: readonly number[],
  blocks: number,
  fit: (rows: LabelledSentence[]) => M,
  predict: (model: M, rows: LabelledSentence[]) => number[],
  log: (line: string) => void = () => {},
): BlockReport {
  const oof = new Array<number>(rows.length).fill(0);
  const gold = rows.map((r) => r.positive);
  for (let b = 0; b < blocks; b++) {
    const model = fit(rows.filter((_, i) => blockOf[i] !== b));
    const held = rows.map((_, i) => i).filter((i) => blockOf[i] === b);
    predict(
      model,
      held.map((i) => rows[i]!),
    ).forEach((p, j) => {
      oof[held[j]!] = p;
    });
    log(`block ${b + 1}/${blocks} done`);
  }
  const perBlock = Array.from({ length: blocks }, (_, b) => {
    const other = rows.map((_, i) => i).filter((i) => blockOf[i] !== b);
    const own = rows.map((_, i) => i).filter((i) => blockOf[i] === b);
    const { threshold } = bestF1Threshold(
      other.map((i) => oof[i]!),
      other.map((i) => gold[i]!),
    );
    return {
      threshold,
      f1: f1At(
        own.map((i) => oof[i]!),
        own.map((i) => gold[i]!),
        threshold,
      ),
      rows: own.length,
      positives: own.filter((i) => gold[i]).length,
      hindsight: bestF1Threshold(
        own.map((i) => oof[i]!),
        own.map((i) => gold[i]!),
      ),
    };
  });
  return {
    oof,
    perBlock,
    f1: meanSd(perBlock.map((p) => p.f1)),
    threshold: bestF1Threshold(oof, gold).threshold,
  };
}
