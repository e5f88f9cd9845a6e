import { describe, expect, it } from 'vitest';
import { emptyCounts, iou, scoreDoc } from './score.js';

// “We were never asked,” Reed said. “Nobody came down to the docks.”
const A = { start: 0, end: 22 }; // “We were never asked,”
const B = { start: 34, end: 66 }; // “Nobody came down to the docks.”
const HULL = { start: 0, end: 66 };

describe('iou', () => {
  it('compares a continuous prediction with a discontinuous gold content', () => {
    expect(iou(HULL, [A, B])).toBeCloseTo(54 / 66);
  });
  it('compares discontinuous predictions piece by piece', () => {
    expect(iou([A, B], [A, B])).toBe(1);
    expect(iou([A, B], [B])).toBeCloseTo(32 / 54);
  });
  it('is 0 for disjoint spans', () => {
    expect(iou({ start: 0, end: 5 }, [{ start: 5, end: 9 }])).toBe(0);
  });
});

describe('scoreDoc', () => {
  it('scores a prediction by its parts when it has them', () => {
    const gold = [{ content: [A, B], cue: [], source: [{ start: 23, end: 27 }] }];
    const acc = emptyCounts();
    // The hull alone is below 0.5 against a gold with only the second piece; the parts are not.
    const short = [{ content: [B], cue: [], source: [] }];
    scoreDoc([{ content: HULL, parts: [A, B], rule: 'r' }], short, acc);
    expect(acc.matched).toBe(1);
    const hullOnly = emptyCounts();
    scoreDoc([{ content: HULL, rule: 'r' }], short, hullOnly);
    expect(hullOnly.matched).toBe(0);
    const both = emptyCounts();
    scoreDoc([{ content: HULL, parts: [A, B], source: { start: 23, end: 27 }, rule: 'r' }], gold, both);
    expect(both).toMatchObject({ matched: 1, withSource: 1, sourceHit: 1 });
  });
});
