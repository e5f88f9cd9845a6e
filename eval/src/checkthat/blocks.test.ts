import { describe, expect, it } from 'vitest';
import {
  bestF1Threshold,
  compareThresholdRules,
  f1At,
  idBlocks,
  leaveBlockOut,
  ruleThreshold,
  THRESHOLD_RULES,
  thresholdRuleTable,
} from './blocks.js';
import { bestThreshold, classScores } from './metrics.js';

describe('idBlocks', () => {
  it.each([
    // ids out of order: blocks follow the numeric order, not the row order or the text order
    { ids: ['30', '4', '100', '25'], k: 2, blocks: [1, 0, 1, 0] },
    { ids: ['1', '2', '3', '4', '5', '6'], k: 3, blocks: [0, 0, 1, 1, 2, 2] },
    // uneven: 5 rows in 2 blocks
    { ids: ['1', '2', '3', '4', '5'], k: 2, blocks: [0, 0, 0, 1, 1] },
    // ids that are not numbers go last
    { ids: ['x', '9', '2'], k: 3, blocks: [2, 1, 0] },
  ])('$ids in $k blocks', ({ ids, k, blocks }) => {
    expect(
      idBlocks(
        ids.map((id) => ({ id })),
        k,
      ),
    ).toEqual(blocks);
  });
});

describe('bestF1Threshold', () => {
  it.each([
    { probs: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1], gold: [1, 0, 1, 1, 0, 0, 0, 1, 0] },
    { probs: [0.2, 0.9, 0.9, 0.4, 0.1, 0.6], gold: [1, 1, 0, 0, 0, 1] },
    { probs: [0.1, 0.2, 0.3, 0.4], gold: [0, 0, 1, 1] },
  ])('agrees with the exhaustive search on $probs', ({ probs, gold }) => {
    const g = gold.map(Boolean);
    const fast = bestF1Threshold(probs, g);
    const slow = bestThreshold(probs, g, (p, gg) => classScores(p, gg).f1);
    expect(fast.threshold).toBeCloseTo(slow.threshold, 12);
    expect(fast.score).toBeCloseTo(slow.score, 12);
    expect(f1At(probs, g, fast.threshold)).toBeCloseTo(fast.score, 12);
  });
});

describe('leaveBlockOut', () => {
  it('scores each block by a model that did not see it, at a threshold from the other blocks', () => {
    // A "model" that remembers the share of positives among the rows it was fitted on and
    // predicts it for every row: a block's score tells which rows were fitted.
    const rows = [
      { id: '1', text: 'a', positive: true },
      { id: '2', text: 'b', positive: true },
      { id: '3', text: 'c', positive: false },
      { id: '4', text: 'd', positive: false },
    ];
    const blockOf = idBlocks(rows, 2);
    const seen: string[][] = [];
    const r = leaveBlockOut(
      rows,
      blockOf,
      2,
      (fitted) => {
        seen.push(fitted.map((x) => x.id));
        return fitted.filter((x) => x.positive).length / fitted.length;
      },
      (share, held) => held.map(() => share),
    );
    expect(seen).toEqual([
      ['3', '4'],
      ['1', '2'],
    ]);
    // Block 0 (ids 1, 2) scored 0 by a model of ids 3, 4; block 1 scored 1.
    expect(r.oof).toEqual([0, 0, 1, 1]);
    // Block 0's threshold comes from block 1's outcomes alone (all negative at 1): no cut
    // between distinct values there, so the default 0.5 → block 0 predicted negative, F1 0.
    expect(r.perBlock.map((b) => b.f1)).toEqual([0, 0]);
    expect(r.perBlock.map((b) => [b.rows, b.positives])).toEqual([
      [2, 2],
      [2, 0],
    ]);
  });
});

describe('threshold rules', () => {
  // Two blocks whose own F1-best thresholds are 0.35 (block 0) and 0.65 (block 1).
  const probs = [0.9, 0.6, 0.4, 0.3, 0.2, 0.1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.2];
  const gold = [1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0].map(Boolean);
  const blockOf = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];

  it('takes the mean or median of the blocks’ own best thresholds', () => {
    expect(ruleThreshold('mean-best', probs, gold, blockOf)).toBeCloseTo(0.5, 12);
    expect(ruleThreshold('median-best', probs, gold, blockOf)).toBeCloseTo(0.5, 12);
  });

  it('maximin takes the threshold of the best worst block', () => {
    const worst = (t: number) =>
      Math.min(f1At(probs.slice(0, 6), gold.slice(0, 6), t), f1At(probs.slice(6), gold.slice(6), t));
    const t = ruleThreshold('maximin', probs, gold, blockOf);
    for (const other of [0.35, 0.5, 0.65]) expect(worst(t)).toBeGreaterThanOrEqual(worst(other));
  });

  it('break-even flags as many rows as are positive; the pooled rule is bestF1Threshold', () => {
    const t = ruleThreshold('break-even', probs, gold, blockOf);
    expect(probs.filter((p) => p >= t).length).toBe(gold.filter(Boolean).length);
    expect(ruleThreshold('pooled', probs, gold, blockOf)).toBe(bestF1Threshold(probs, gold).threshold);
  });

  it('f1.25 takes the F-beta-best cut, lower than the F1-best where recall tips it', () => {
    // F1: two of three found at 0.75 (0.8) beats all three at 0.45 (0.75); F-beta 1.25 not.
    const p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const y = [1, 1, 0, 0, 1, 0].map(Boolean);
    const one = p.map(() => 0);
    expect(ruleThreshold('pooled', p, y, one)).toBeCloseTo(0.75, 12);
    expect(ruleThreshold('f1.25', p, y, one)).toBeCloseTo(0.45, 12);
    expect(bestF1Threshold(p, y, 1.25).score).toBeCloseTo((2.5625 * 3) / (1.5625 * 3 + 5), 12);
  });

  it('platt-0.5 is where the fitted scaling crosses one half', () => {
    // Scores that are their own probabilities: the scaling is near the identity.
    const p = Array.from({ length: 400 }, (_, i) => 0.05 + (0.9 * i) / 399);
    const y = p.map((x, i) => ((i * 7919) % 1000) / 1000 < x);
    expect(
      ruleThreshold(
        'platt-0.5',
        p,
        y,
        p.map(() => 0),
      ),
    ).toBeCloseTo(0.5, 1);
  });

  it('scores each block at the threshold its rule takes from the other blocks only', () => {
    const res = compareThresholdRules(probs, gold, blockOf, 2);
    expect(res.map((r) => r.rule)).toEqual([...THRESHOLD_RULES]);
    const pooled = res[0]!;
    // Block 0's threshold is block 1's best (0.65): its 0.6 and 0.4 positives are missed.
    expect(pooled.thresholds[0]).toBeCloseTo(0.65, 12);
    expect(pooled.f1[0]).toBeCloseTo(f1At(probs.slice(0, 6), gold.slice(0, 6), 0.65), 12);
    expect(pooled.thresholds[1]).toBeCloseTo(0.35, 12);
  });

  it('reports the last block as the newest (dev-test, when it is taken in as one more)', () => {
    // Three blocks, the third standing for dev-test (`with=dev-test`): its F1 and threshold.
    const three = [...blockOf, 2, 2, 2];
    const p3 = [...probs, 0.9, 0.2, 0.7];
    const g3 = [...gold, true, false, false];
    const [header, pooled] = thresholdRuleTable(p3, g3, three, 3);
    const res = compareThresholdRules(p3, g3, three, 3)[0]!;
    expect(header!.slice(3, 5)).toEqual(['newest_block', 'newest_threshold']);
    expect(pooled!.slice(0, 1)).toEqual(['pooled']);
    expect(pooled![3]).toBe(res.f1[2]);
    expect(pooled![4]).toBe(res.thresholds[2]);
  });
});
