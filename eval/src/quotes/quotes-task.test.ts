import { describe, expect, it } from 'vitest';
import { foldOf, quotesReport } from './quotes-task.js';
import { emptyCounts } from './score.js';

const fold = (matched: number, predicted: number, gold: number) => ({
  ...emptyCounts(),
  matched,
  predicted,
  gold,
});

describe('quotes eval folds', () => {
  // First four bytes of SHA-1(id), mod k (checked against Python's hashlib).
  it.each([
    { id: 'a', k: 5, fold: 4 },
    { id: 'b', k: 5, fold: 3 },
    { id: 'nyt_1', k: 5, fold: 2 },
    { id: 'wash-post_2', k: 5, fold: 4 },
  ])('article $id is in fold $fold of $k', ({ id, k, fold }) => {
    expect(foldOf(id, k)).toBe(fold);
  });

  it('reports the mean and sample sd of the folds’ F1 and one line per fold', () => {
    // F1 0.5 (P = R = 0.5) and F1 0.8 (P = R = 0.8).
    const folds = [fold(5, 10, 10), fold(8, 10, 10)];
    const r = quotesReport({ ...fold(13, 20, 20), folds }, 'tune');
    expect(r.metrics.f1_fold_mean).toBeCloseTo(0.65, 10);
    expect(r.metrics.f1_fold_sd).toBeCloseTo(Math.sqrt(0.045), 10);
    expect(r.notes?.filter((n) => n.startsWith('fold '))).toEqual([
      'fold 1 of 2 (by article): 5 matched of 10 predicted, 10 gold, F1 0.5000',
      'fold 2 of 2 (by article): 8 matched of 10 predicted, 10 gold, F1 0.8000',
    ]);
  });

  it('reports each fold’s source overlap, and their mean and sd, where gold sources were matched', () => {
    const folds = [
      { ...fold(5, 10, 10), withSource: 4, sourceHit: 3 },
      { ...fold(8, 10, 10), withSource: 4, sourceHit: 4 },
    ];
    const r = quotesReport({ ...fold(13, 20, 20), withSource: 8, sourceHit: 7, folds }, 'tune');
    expect(r.notes).toContain(
      'fold 1 of 2 (by article): 5 matched of 10 predicted, 10 gold, F1 0.5000, source 0.7500',
    );
    expect(r.metrics.source_fold_mean).toBeCloseTo(0.875, 10);
    expect(r.metrics.source_fold_sd).toBeCloseTo(Math.sqrt(0.03125), 10);
  });

  it('leaves a fold no article fell into out of the mean and sd instead of counting it as F1 0', () => {
    const folds = [fold(5, 10, 10), emptyCounts(), fold(8, 10, 10)];
    const r = quotesReport({ ...fold(13, 20, 20), folds }, 'final3');
    expect(r.metrics.f1_fold_mean).toBeCloseTo(0.65, 10);
    expect(r.metrics.f1_fold_sd).toBeCloseTo(Math.sqrt(0.045), 10);
    expect(r.notes).toContain('fold 2 of 3 (by article): empty, not counted');
  });

  it('reports no fold figures without folds', () => {
    const r = quotesReport({ ...emptyCounts(), matched: 1, predicted: 2, gold: 2 }, 'dev');
    expect(r.metrics.f1_fold_mean).toBeUndefined();
    expect(r.notes?.some((n) => n.startsWith('fold '))).toBe(false);
  });
});
