import { createPipeline, type NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { predictedTerms } from './naming-task.js';

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
});
