import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../schema.js';
import { csvWrappers, findQuoteMarks } from './quote-marks.js';
import { at, runQuotes } from './run.fixture.js';

/** Paragraphs split at blank lines, as the segmenter does for these short fixtures. */
function paras(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+/g))
    out.push({ start: m.index, end: m.index + m[0].length, role: 'body' });
  return out;
}

const cases: { name: string; text: string; ru?: boolean; wrapper: string[]; quotes: string[] }[] = [
  {
    name: 'EN: a CSV field with escaped marks is a wrapper; the escaped pairs are the quotations',
    text: 'Port news\n\n"The mayor spoke on Monday. ""We will rebuild the pier,"" she said. Critics disagreed."',
    wrapper: ['"The mayor spoke on Monday. ""We will rebuild the pier,"" she said. Critics disagreed."'],
    quotes: ['"We will rebuild the pier,"'],
  },
  {
    name: 'RU: a field wrapped in straight marks with escaped marks and dash attribution',
    text: 'Новости порта\n\n"Мэр выступил в понедельник. ""Мы восстановим причал"", - сказал он. Критики не согласны."',
    ru: true,
    wrapper: ['"Мэр выступил в понедельник. ""Мы восстановим причал"", - сказал он. Критики не согласны."'],
    quotes: ['"Мы восстановим причал"'],
  },
  {
    name: 'RU: a field over several paragraphs, no escaped marks, many sentences',
    text: 'Новости порта\n\n"Мэр выступил в понедельник. Он заявил, что причал восстановят.\n\nКритики не согласны. Они считают, что денег нет."',
    ru: true,
    wrapper: [
      '"Мэр выступил в понедельник. Он заявил, что причал восстановят.\n\nКритики не согласны. Они считают, что денег нет."',
    ],
    quotes: [],
  },
  {
    name: 'EN: a paragraph that is one quotation of two sentences stays a quotation',
    text: 'The mayor said:\n\n"We will rebuild the pier. It will open in May."',
    wrapper: [],
    quotes: ['"We will rebuild the pier. It will open in May."'],
  },
  {
    name: 'EN: a long paragraph wholly in marks, not the whole body, stays a quotation',
    text: 'Port news\n\nThe mayor said:\n\n"We will rebuild. It opens in May. We are ready."',
    wrapper: [],
    quotes: ['"We will rebuild. It opens in May. We are ready."'],
  },
  {
    name: 'EN: attribution outside the marks: the paragraph does not close at its last character',
    text: 'Port news\n\n"We will rebuild the pier. It will open in May. Nobody will stop us," the mayor said.',
    wrapper: [],
    quotes: ['"We will rebuild the pier. It will open in May. Nobody will stop us,"'],
  },
  {
    name: 'EN: two quotations opening and closing the paragraph are not one pair',
    text: 'Port news\n\n"We will rebuild it," she said. "It opens in May. Then we see. Then we rest."',
    wrapper: [],
    quotes: ['"We will rebuild it,"', '"It opens in May. Then we see. Then we rest."'],
  },
  {
    name: 'RU: a short paragraph-long quotation with a nested name stays whole',
    text: 'Мэр сказал:\n\n"Мы поддерживаем "Портовый союз" и будем поддерживать."',
    ru: true,
    wrapper: [],
    quotes: ['"Мы поддерживаем "Портовый союз" и будем поддерживать."'],
  },
  {
    name: 'EN: a reopened multi-paragraph quotation is no field (a lone mark between)',
    text: 'She said:\n\n"We will rebuild. It opens in May. We are ready.\n\n"Then we rest."',
    wrapper: [],
    quotes: ['"We will rebuild. It opens in May. We are ready.', '"Then we rest."'],
  },
];

describe('CSV field wrappers', () => {
  it.each(cases)('$name', ({ text, ru, wrapper, quotes }) => {
    const p = paras(text);
    expect(csvWrappers(text, p).map((s) => text.slice(s.start, s.end))).toEqual(wrapper);
    expect(findQuoteMarks(text, p, ru).map((s) => text.slice(s.start, s.end))).toEqual(quotes);
  });
});

const run = (text: string, lang: string) => runQuotes(text, lang).filter((q) => q.kind !== 'scare');

describe('attributions inside a wrapped field', () => {
  it.each([
    {
      lang: 'en',
      text: 'Port news\n\n"The mayor spoke on Monday. ""We will rebuild the pier,"" Mayor Jane Roe said. Critics disagreed."',
      content: 'We will rebuild the pier,',
      speaker: 'Mayor Jane Roe',
    },
    {
      lang: 'ru',
      text: 'Новости порта\n\n"Мэр выступила в понедельник. ""Мы восстановим причал"", - сказала мэр Анна Котова. Критики не согласны."',
      content: 'Мы восстановим причал',
      speaker: 'мэр Анна Котова',
    },
    {
      lang: 'en',
      text: 'Port news\n\n"The mayor spoke on Monday. Mayor Jane Roe said that the pier will reopen. Critics disagreed.\n\nThey doubt it."',
      content: 'the pier will reopen',
      speaker: 'Mayor Jane Roe',
    },
  ])('$lang: the escaped quotation is attributed, not the field', ({ lang, text, content, speaker }) => {
    const qs = run(text, lang);
    const q = qs.find((x) => at(text, x)?.includes(content));
    expect(q, JSON.stringify(qs)).toBeDefined();
    expect(at(text, q!.source)).toContain(speaker);
    // No quotation is a lone wrapper mark (`"The mayor spoke` once gave content `"`).
    expect(qs.every((x) => /\p{L}/u.test(at(text, x) ?? ''))).toBe(true);
    // No quotation covers the whole field.
    expect(
      qs.some((x) => at(text, x)?.startsWith('The mayor spoke') || at(text, x)?.startsWith('Мэр выступила')),
    ).toBe(false);
  });
});
