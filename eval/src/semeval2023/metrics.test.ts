import { describe, expect, it } from 'vitest';
import { majorityLabels, multiLabelF1 } from './metrics.js';

describe('majorityLabels', () => {
  it('takes the one most frequent label when a second would cost more precision than it adds recall', () => {
    // A on 3 of 6 items, B on 1: A alone F1 = 6/9, A and B 8/16.
    expect(majorityLabels([['A'], ['A'], ['A', 'B'], [], [], []])).toEqual(['A']);
  });

  it('takes two labels when each covers a large share of the items', () => {
    // A on 3 of 4, B on 2: A alone F1 = 6/9 = 0.667, A and B 10/13 = 0.769.
    expect(majorityLabels([['A'], ['A', 'B'], ['B'], ['A']])).toEqual(['A', 'B']);
  });

  it('counts a label once per item and breaks ties by name', () => {
    // Counted once, B ties with A and comes after it (twice, it would come first).
    expect(majorityLabels([['B', 'B'], ['A'], []])).toEqual(['A', 'B']);
  });

  it('gives its best micro-F1 among the top-k choices', () => {
    const gold = [['L', 'D'], ['D'], ['L'], ['Q', 'L'], [], ['D', 'Q'], ['L', 'D']];
    const best = multiLabelF1(
      gold,
      gold.map(() => majorityLabels(gold)),
      ['L', 'D', 'Q'],
    ).micro.f1;
    for (const labels of [['L'], ['L', 'D'], ['L', 'D', 'Q']])
      expect(best).toBeGreaterThanOrEqual(
        multiLabelF1(
          gold,
          gold.map(() => labels),
          ['L', 'D', 'Q'],
        ).micro.f1,
      );
    expect(majorityLabels([])).toEqual([]);
  });
});
