import { describe, expect, it } from 'vitest';
import { balancedMacroF1, bestThreshold, macroF1 } from './metrics.js';

describe('balancedMacroF1', () => {
  it('equals macro-F1 when the classes are equally frequent', () => {
    const gold = [true, true, false, false];
    const pred = [true, false, true, false];
    expect(balancedMacroF1(pred, gold)).toBeCloseTo(macroF1(pred, gold), 10);
  });

  it('counts each positive as negatives/positives examples', () => {
    // 1 positive, 3 negatives: the positive weighs 3. Predict it and one negative positive:
    // tp 3, fp 1, fn 0, tn 2 → F1(pos) 6/7, F1(neg) 4/5.
    const gold = [true, false, false, false];
    const pred = [true, true, false, false];
    expect(balancedMacroF1(pred, gold)).toBeCloseTo((6 / 7 + 4 / 5) / 2, 10);
    expect(macroF1(pred, gold)).toBeCloseTo((2 / 3 + 4 / 5) / 2, 10);
  });

  it('moves the tuned threshold towards the rare class', () => {
    const probs = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const gold = [true, false, false, true, false, false, true, false, false, false];
    expect(bestThreshold(probs, gold, macroF1).threshold).toBeCloseTo(0.85, 10);
    expect(bestThreshold(probs, gold, balancedMacroF1).threshold).toBeCloseTo(0.55, 10);
  });
});
