import { fitPlatt } from '@newsprism/core/train';
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
 * in `bestThreshold`; ties go to the one nearest 0.5). With `beta`, the F-beta-best one (recall
 * counts beta times as much).
 */
export function bestF1Threshold(
  probs: readonly number[],
  gold: readonly boolean[],
  beta = 1,
): { threshold: number; score: number } {
  const b2 = beta * beta;
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
    const f1 = positives + predicted ? ((1 + b2) * tp) / (b2 * positives + predicted) : 0;
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

/**
 * Ways of choosing block k's threshold from the *other* blocks' out-of-fold probabilities
 * (`train claims --set fit=blocks --set rules=1`): does a rule transfer to unseen debates better
 * than the F1-best point of the pooled others (`pooled`, the shipped rule)?
 * - `mean-best`, `median-best`: the mean or median of the other blocks' own F1-best thresholds;
 * - `maximin`: the threshold (on a grid of 0.005) whose worst F1 over the other blocks is highest;
 * - `f1.25`: the F-beta-best point with β = 1.25 (recall counts more: scores of newer debates run low);
 * - `platt-0.5`: where a Platt scaling fitted on the others reaches 0.5 (the calibrated-probability rule);
 * - `break-even`: as many sentences flagged in the others as they hold `Yes`.
 */
export const THRESHOLD_RULES = [
  'pooled',
  'mean-best',
  'median-best',
  'maximin',
  'f1.25',
  'platt-0.5',
  'break-even',
] as const;
export type ThresholdRule = (typeof THRESHOLD_RULES)[number];

/** The threshold `rule` takes from `probs`/`gold`, whose rows fall into the blocks `blockOf`. */
export function ruleThreshold(
  rule: ThresholdRule,
  probs: readonly number[],
  gold: readonly boolean[],
  blockOf: readonly number[],
): number {
  const blocks = [...new Set(blockOf)];
  const of = (b: number) => {
    const idx = blockOf.flatMap((x, i) => (x === b ? [i] : []));
    return { p: idx.map((i) => probs[i]!), y: idx.map((i) => gold[i]!) };
  };
  switch (rule) {
    case 'pooled':
      return bestF1Threshold(probs, gold).threshold;
    case 'mean-best':
    case 'median-best': {
      const t = blocks.map((b) => bestF1Threshold(of(b).p, of(b).y).threshold).sort((a, b) => a - b);
      if (rule === 'mean-best') return t.reduce((s, x) => s + x, 0) / t.length;
      const m = t.length >> 1;
      return t.length % 2 ? t[m]! : (t[m - 1]! + t[m]!) / 2;
    }
    case 'maximin': {
      const parts = blocks.map(of);
      let best = { t: 0.5, worst: -1 };
      for (let t = 0.05; t <= 0.7 + 1e-9; t += 0.005) {
        const worst = Math.min(...parts.map((x) => f1At(x.p, x.y, t)));
        if (worst > best.worst + 1e-12) best = { t, worst };
      }
      return best.t;
    }
    case 'f1.25':
      return bestF1Threshold(probs, gold, 1.25).threshold;
    case 'platt-0.5': {
      const { a, b } = fitPlatt(probs.map((p, i) => ({ p, y: gold[i]! })));
      // σ(a · logit(p) + b) = 0.5 where logit(p) = −b / a; a falling fit is a constant.
      return a > 0 ? 1 / (1 + Math.exp(b / a)) : b >= 0 ? 0 : 1;
    }
    case 'break-even': {
      const sorted = [...probs].sort((x, y) => y - x);
      const k = gold.filter(Boolean).length;
      return k >= sorted.length ? 0 : k ? (sorted[k - 1]! + sorted[k]!) / 2 : 1;
    }
  }
}

/**
 * Every rule of {@link THRESHOLD_RULES} applied to each block in turn (its threshold from the
 * other blocks' out-of-fold probabilities): F1 (Yes) per block, and the paired difference per
 * block against `pooled`.
 */
export function compareThresholdRules(
  oof: readonly number[],
  gold: readonly boolean[],
  blockOf: readonly number[],
  blocks: number,
): { rule: ThresholdRule; f1: number[]; thresholds: number[] }[] {
  return THRESHOLD_RULES.map((rule) => {
    const f1: number[] = [];
    const thresholds: number[] = [];
    for (let b = 0; b < blocks; b++) {
      const other = blockOf.flatMap((x, i) => (x === b ? [] : [i]));
      const own = blockOf.flatMap((x, i) => (x === b ? [i] : []));
      const t = ruleThreshold(
        rule,
        other.map((i) => oof[i]!),
        other.map((i) => gold[i]!),
        other.map((i) => blockOf[i]!),
      );
      thresholds.push(t);
      f1.push(
        f1At(
          own.map((i) => oof[i]!),
          own.map((i) => gold[i]!),
          t,
        ),
      );
    }
    return { rule, f1, thresholds };
  });
}

/**
 * `train claims --set fit=blocks --set rules=1`: each threshold rule of {@link THRESHOLD_RULES}
 * on the same out-of-fold probabilities — F1 (Yes) mean and sd over the blocks, the newest
 * block's F1 and threshold (the last block: the highest ids, or dev-test when `with=dev-test`
 * takes it in as one more block), and the paired difference per block against `pooled` (mean,
 * sd, blocks won). The first row is the header.
 */
export function thresholdRuleTable(
  oof: readonly number[],
  gold: readonly boolean[],
  blockOf: readonly number[],
  blocks: number,
): (string | number)[][] {
  const rows: (string | number)[][] = [
    [
      'rule',
      'f1_yes_mean',
      'f1_yes_sd',
      'newest_block',
      'newest_threshold',
      'delta_mean',
      'delta_sd',
      'wins',
    ],
  ];
  const all = compareThresholdRules(oof, gold, blockOf, blocks);
  const ref = all[0]!.f1;
  const newest = blocks - 1;
  for (const r of all) {
    const d = r.f1.map((f, b) => f - ref[b]!);
    rows.push([
      r.rule,
      meanSd(r.f1).mean,
      meanSd(r.f1).sd,
      r.f1[newest]!,
      r.thresholds[newest]!,
      meanSd(d).mean,
      meanSd(d).sd,
      d.filter((x) => x > 1e-9).length,
    ]);
  }
  return rows;
}
