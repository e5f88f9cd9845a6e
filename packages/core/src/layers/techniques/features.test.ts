import { describe, expect, it } from 'vitest';
import { shippedModel } from '../../models/shipped.js';
import { articleContext, articleStats, sharedFeatures, unitFeatures } from './features.js';
import { fileLines } from './lines.js';

const TEXT =
  'Title of the piece\n\nA calm first paragraph about the budget.\n\nThese corrupt traitors lie and lie!\n';

describe('unitFeatures', () => {
  it('scores the same with the shared features taken out and scored once', () => {
    const model = shippedModel('techniques');
    const lines = fileLines(TEXT);
    const article = articleContext(TEXT, 'en', lines.length);
    const counts = articleStats(TEXT, 'en').counts;
    const base = model.logits(
      sharedFeatures({ lang: 'en', index: 0, count: lines.length, article }, model.bits),
    );
    lines.forEach((l, index) => {
      const ctx = { lang: 'en', index, count: lines.length, article, counts };
      const text = TEXT.slice(l.start, l.end);
      const full = model.probabilities(unitFeatures(text, ctx, model.bits));
      const split = model.probabilities(unitFeatures(text, { ...ctx, omitShared: true }, model.bits), base);
      for (let k = 0; k < full.length; k++) expect(split[k]).toBeCloseTo(full[k]!, 12);
    });
  });

  it('names repetition through the article', () => {
    const counts = articleStats(TEXT, 'en').counts;
    expect(counts.get('lie')).toBe(2);
    const v = unitFeatures(
      'These corrupt traitors lie and lie!',
      { lang: 'en', index: 2, count: 3, article: [], counts },
      12,
      true,
    );
    expect(v.names).toContain('scue:namecall');
    expect(v.names).toContain('sexcl:1');
    expect(v.names).toContain('pos:last');
  });
});
