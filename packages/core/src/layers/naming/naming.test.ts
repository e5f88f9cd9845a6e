import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';

const pipeline = await createPipeline({ layers: ['naming'] });
const run = (text: string, lang: string) => pipeline.run({ id: 't', text, meta: { lang } });

const cases = [
  {
    name: 'Russian-derived spellings in English',
    lang: 'en',
    text: 'Kiev wants more arms.\n\nThe battle for Artyomovsk goes on, and Kiev says Bakhmut will hold.',
    variants: {
      kyiv: { Kiev: ['ru-derived', 2] },
      bakhmut: { Artyomovsk: ['ru-official', 1], Bakhmut: ['ua-official', 1] },
    },
    lean: 'mixed',
  },
  {
    name: 'Ukrainian-derived spellings in English',
    lang: 'en',
    text: 'Kyiv and Kharkiv were shelled, officials in Odesa said.',
    variants: {
      kyiv: { Kyiv: ['uk-derived', 1] },
      kharkiv: { Kharkiv: ['uk-derived', 1] },
      odesa: { Odesa: ['uk-derived', 1] },
    },
    lean: 'ua',
  },
  {
    name: 'Declined Russian forms and the на/в Украине usage',
    lang: 'ru',
    text: 'Бои под Артёмовском продолжаются. На Украине говорят, что Бахмут устоит, а в Украине ждут помощи.',
    variants: {
      bakhmut: { Артёмовск: ['ru-official', 1], Бахмут: ['ua-official', 1] },
      ukraine: { 'на Украине': ['ru-norm', 1], 'в Украине': ['ua-norm', 1] },
    },
    lean: 'mixed',
  },
  {
    name: 'English: "the Ukraine" is the Soviet-era usage; capitals and "Kyiv regime" count too',
    lang: 'en',
    text: 'KIEV REJECTS TALKS\n\nAid to the Ukraine was cut, Moscow said, blaming the Kyiv regime. The Ukraine war goes on.',
    variants: {
      ukraine: { 'the Ukraine': ['soviet', 1] },
      kyiv: { Kiev: ['ru-derived', 1] },
      'ukrainian-government': { 'Kyiv regime': ['ru-official', 1] },
    },
    lean: 'ru',
  },
] as const;

describe('naming', () => {
  it.each(cases)('$name', ({ text, lang, variants, lean }) => {
    const layer = run(text, lang).naming!;
    for (const [entity, forms] of Object.entries(
      variants as Record<string, Record<string, readonly [string, number]>>,
    )) {
      const got = layer.entities.find((e) => e.entity === entity);
      expect(got, entity).toBeDefined();
      for (const [form, [provenance, count]] of Object.entries(forms)) {
        const v = got!.variants.find((x) => x.form === form);
        expect(v, `${entity}/${form}`).toMatchObject({ provenance, count });
        for (const m of v!.mentions) expect(text.slice(m.start, m.end).length).toBeGreaterThan(2);
      }
    }
    expect(layer.profile.lean).toBe(lean);
  });

  it('has an empty profile when no contested name occurs', () => {
    const layer = run('Officials met in Paris and Berlin on Monday.', 'en').naming!;
    expect(layer.entities).toEqual([]);
    expect(layer.profile).toMatchObject({ ruShare: null, lean: 'none' });
  });

  it('counts a repeated title once', () => {
    const text = 'Kiev asks for tanks\n\nKiev asks for tanks\n\nThe request came on Monday.';
    const v = run(text, 'en').naming!.entities.find((e) => e.entity === 'kyiv')!.variants[0]!;
    expect(v.count).toBe(1);
  });
});
