import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';

const pipe = await createPipeline({ layers: ['sources'] });

describe('sources', () => {
  it.each([
    {
      name: 'named and anonymous speakers, en',
      lang: 'en',
      text: 'Dam\n\nEngineer Lea Holm said the dam is safe. A local official said the water was rising. Holm added that repairs start soon. The town is quiet.',
      want: [
        { name: 'Lea Holm', type: 'person', attributions: 2 },
        { name: 'local official', type: 'anonymous', attributions: 1 },
      ],
    },
    {
      name: 'Russian agency',
      lang: 'ru',
      text: 'Новости\n\nЦены выросли на пять процентов, сообщает ТАСС. Магазины работают.',
      want: [{ name: 'ТАСС', type: 'media', attributions: 1 }],
    },
  ])('$name', ({ text, lang, want }) => {
    const s = pipe.run({ id: 't', text, meta: { lang } }).sources!;
    expect(s.sources.map((x) => ({ name: x.name, type: x.type, attributions: x.attributions }))).toEqual(
      want,
    );
    expect(s.attributedShare).toBeGreaterThan(0);
    expect(s.attributedShare).toBeLessThan(1);
    expect(s.attributedShare + s.ownVoiceShare).toBeCloseTo(1, 5);
  });

  it('counts anonymous share of attributed words', () => {
    const text = 'T\n\nA senior official said the deal is dead. Nothing else happened today here.';
    const s = pipe.run({ id: 't', text, meta: { lang: 'en' } }).sources!;
    expect(s.anonymousShare).toBe(1);
  });
});
