import { createPipeline, type NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { foldFigures, predictedTerms } from './naming-task.js';
import { emptyNamingCounts } from './score.js';

describe('naming eval predictions', () => {
  it('flattens the layer’s terms into occurrences', async () => {
    const pipe = await createPipeline({ layers: ['naming'] });
    const text = 'Russia’s invasion of Ukraine entered its third year.';
    const doc = pipe.run({ id: 'a', text, meta: { lang: 'en' } });
    const pred = predictedTerms(doc);
    expect(pred.map((p) => [text.slice(p.start, p.end), p.concept, p.pole, p.voice])).toEqual([
      ['Russia’s invasion', 'war', 'ua', 'outlet'],
    ]);
  });

  // A layer that failed on the article (a terms pattern that does not compile, any crash) must
  // stop the evaluation with its code: zero predictions would only read as a drop in recall.
  it('fails loudly, with the layer’s code, when the layer failed on an article', () => {
    const doc = {
      id: 'b',
      text: 'x',
      diagnostics: [
        {
          code: 'E_ANALYZER_FAILED',
          severity: 'error',
          message: 'analyzer "naming" failed: bad',
          source: 'naming',
        },
      ],
    } as unknown as NewsDocument;
    expect(() => predictedTerms(doc)).toThrow(expect.objectContaining({ code: 'E_ANALYZER_FAILED' }));
    expect(() => predictedTerms({ ...doc, diagnostics: [] } as NewsDocument)).toThrow(
      expect.objectContaining({ code: 'E_LAYER_SKIPPED' }),
    );
  });

  it('gives each fold its figures and their mean and sd, leaving out folds with nothing to score', () => {
    const fold = (predicted: number, gold: number, correct: number, voiceCorrect: number) => ({
      ...emptyNamingCounts(),
      predicted,
      gold,
      correct,
      voiceCorrect,
    });
    const f = foldFigures([fold(4, 5, 4, 4), fold(2, 4, 2, 1), fold(0, 0, 0, 0)]);
    expect(f.rows[0]).toEqual([0, 5, 1, 0.8, 1]);
    expect(f.rows[1]).toEqual([1, 4, 1, 0.5, 0.5]);
    expect(f.precision).toEqual([1, 0]);
    expect(f.recall[0]).toBeCloseTo(0.65);
    expect(f.recall[1]).toBeCloseTo(Math.SQRT2 * 0.15);
    expect(f.voice[0]).toBeCloseTo(0.75);
  });
});
