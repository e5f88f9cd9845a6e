import { describe, expect, it } from 'vitest';
import { bestCut, cutMacroF1, fitSlope, nestedCutMacroF1 } from './genre-techniques.js';

// Shares of paragraphs with a technique: reporting articles low, opinion high, one overlap each way.
const shares = [0.0, 0.05, 0.1, 0.3, 0.12, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const gold = ['reporting', 'reporting', 'reporting', 'reporting', 'opinion', ...Array(7).fill('opinion')];

describe('genre techniques cut', () => {
  it('scores a cut as the subtask-1 scorer does (satire absent: 0)', () => {
    // cut 0.2: reporting 3 of 4 found, 1 opinion called reporting → F1 0.75; opinion 7/8 → 0.875.
    expect(cutMacroF1(shares, gold, 0.2)).toBeCloseTo((0.75 + 0.875) / 3);
  });

  it('picks the midpoint of best macro-F1', () => {
    const cut = bestCut(shares, gold);
    expect(cut).toBeCloseTo(0.325);
    expect(cutMacroF1(shares, gold, cut)).toBeGreaterThan(cutMacroF1(shares, gold, 0.2));
  });

  it('fits a steeper slope when the classes separate more', () => {
    const apart = fitSlope([0, 0.01, 0.9, 0.95], ['reporting', 'reporting', 'opinion', 'opinion'], 0.5);
    const mixed = fitSlope([0.3, 0.6, 0.4, 0.7], ['reporting', 'reporting', 'opinion', 'opinion'], 0.5);
    expect(apart).toBeGreaterThan(mixed);
  });

  it('cross-validates the rule without tuning on the scored articles', () => {
    const { mean, sd } = nestedCutMacroF1(shares, gold, 3, 3);
    expect(mean).toBeGreaterThan(0);
    expect(mean).toBeLessThanOrEqual(cutMacroF1(shares, gold, bestCut(shares, gold)) + 1e-9);
    expect(sd).toBeGreaterThanOrEqual(0);
  });

  it('scores each fold with a cut that never saw that fold', () => {
    // A cut tuned on all articles (the scored ones too) gives every fold the in-sample cut, so
    // every repeat scores the in-sample best exactly: the mean reaches it and the sd is 0. The two
    // overlapping articles make an honest fold cut miss some of its own held-out articles.
    const { mean, sd } = nestedCutMacroF1(shares, gold, 5, 3);
    expect(mean).toBeLessThan(cutMacroF1(shares, gold, bestCut(shares, gold)) - 0.01);
    expect(sd).toBeGreaterThan(0);
  });

  it('cannot learn labels that depend only on the held-out articles', () => {
    // Leave-one-out on alternating labels: the cut from the others always sits on the wrong side
    // of the held-out article's neighbours, so an honest score stays far below the in-sample one.
    const alt = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const lab = ['reporting', 'opinion', 'reporting', 'opinion', 'reporting', 'opinion'];
    const inSample = cutMacroF1(alt, lab, bestCut(alt, lab));
    expect(nestedCutMacroF1(alt, lab, 3, 6).mean).toBeLessThan(inSample);
  });
});
