import { describe, expect, it } from 'vitest';
import { bestF1Threshold, f1At, idBlocks, leaveBlockOut } from './blocks.js';
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
