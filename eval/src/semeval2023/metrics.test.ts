import { describe, expect, it } from 'vitest';
import { addGroupPairs, majorityLabels, multiLabelF1, rocAuc } from './metrics.js';

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

describe('rocAuc', () => {
  it('is the share of positive–negative pairs ordered right, ties half', () => {
    // Pairs: (0.9, 0.1) right, (0.9, 0.5) right, (0.5, 0.1) right, (0.5, 0.5) tie: 3.5 / 4.
    const items = [
      { p: 0.9, y: true },
      { p: 0.5, y: true },
      { p: 0.1, y: false },
      { p: 0.5, y: false },
    ];
    expect(rocAuc(items)).toBeCloseTo(0.875, 10);
    expect(rocAuc(items.map((x) => ({ ...x, p: -x.p })))).toBeCloseTo(0.125, 10);
  });

  it('is NaN without both outcomes', () => {
    expect(rocAuc([{ p: 1, y: true }])).toBeNaN();
  });
});

describe('addGroupPairs', () => {
  it('compares positives with negatives of the same group only', () => {
    const into = { right: 0, pairs: 0 };
    addGroupPairs(into, [
      { p: 0.2, y: true },
      { p: 0.1, y: false },
      { p: 0.3, y: false },
    ]);
    addGroupPairs(into, [
      { p: 0.9, y: true },
      { p: 0.9, y: false },
    ]);
    // Group 1: right against 0.1, wrong against 0.3; group 2: a tie. Across groups nothing.
    expect(into).toEqual({ right: 1.5, pairs: 3 });
  });
});
