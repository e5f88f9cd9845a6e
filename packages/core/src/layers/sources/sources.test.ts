import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';

const pipe = await createPipeline({ layers: ['sources'] });
const withEntities = await createPipeline({ layers: ['sources', 'entities'] });

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

  it.each([
    {
      lang: 'ru',
      text: 'Громов прокомментировал решение Евросоюза о новых пошлинах\n\nПолитолог Андрей Громов в интервью газете заявил, что решение ударит по самим европейцам. По его словам, цены на газ вырастут уже осенью.\n\nГромов также отметил, что переговоры продолжатся.',
      want: { name: 'Андрей Громов', role: 'Политолог', attributions: 4 },
    },
    {
      lang: 'en',
      text: 'Holm warns of floods in the valley\n\nHydrologist Lea Holm told reporters that the river will rise by a metre this week. The town council has not answered.\n\nHolm added that the dam needs repairs.',
      want: { name: 'Hydrologist Lea Holm', attributions: 3 },
    },
  ])(
    'one source for a surname in the headline and the full name in the body ($lang)',
    ({ lang, text, want }) => {
      for (const p of [pipe, withEntities]) {
        const s = p.run({ id: 't', text, meta: { lang } }).sources!;
        expect(s.sources).toHaveLength(1);
        expect(s.sources[0]).toMatchObject({ type: 'person', ...want });
      }
    },
  );

  it('keeps a surname apart when two people share it', () => {
    const text =
      'Kim speaks out\n\nAnalyst Mira Kim said the vote was fair. Professor Daniel Kim told reporters that the count was slow.\n\nKim added that more ballots would arrive.';
    const names = pipe.run({ id: 't', text, meta: { lang: 'en' } }).sources!.sources.map((x) => x.name);
    expect(names.filter((n) => /Kim$/.test(n)).length).toBeGreaterThanOrEqual(2);
    expect(names.some((n) => n.includes('Mira Kim'))).toBe(true);
    expect(names.some((n) => n.includes('Daniel Kim'))).toBe(true);
  });
});
