import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { termRows } from './direct.fixture.js';
import { EN_CASES as EN, RU_CASES as RU } from './terms-cases.fixture.js';

// Terms inside quotations are the quoted source's, with the quotes layer or without it (the
// naming layer finds quotation marks itself; `quotes` only tells who is attributed): every
// case must come out the same both ways.
const PIPELINES = {
  'with quotes': await createPipeline({ layers: ['quotes', 'naming'] }),
  'naming alone': await createPipeline({ layers: ['naming'] }),
};
type Setup = keyof typeof PIPELINES;
const run = (text: string, lang: string, setup: Setup = 'with quotes') =>
  PIPELINES[setup].run({ id: 't', text, meta: { lang } }).naming!;

const found = (text: string, lang: string, setup?: Setup): string[] => termRows(text, run(text, lang, setup));

describe.each(Object.keys(PIPELINES) as Setup[])('naming terms (English, %s)', (setup) => {
  it.each(EN)('%s', (_name, text, expected) => {
    expect(found(text, 'en', setup)).toEqual(expected);
  });
});

describe.each(Object.keys(PIPELINES) as Setup[])('naming terms (Russian, %s)', (setup) => {
  it.each(RU)('%s', (_name, text, expected) => {
    expect(found(text, 'ru', setup)).toEqual(expected);
  });
});

// Another state after a match is read from the entities layer (`gazetteer` kind `state`), which
// the direct fixture does not run: these cases need the pipeline.
const STATES: [name: string, lang: string, text: string, expected: string[]][] = [
  [
    'elsewhere: any other state right after the match, as the entities layer links it',
    'en',
    'Russia could invade Romania next. The referendum in Armenia was calm. Russian troops in Armenia stayed. Russian troops in Ukraine advanced. The invasion of Ukraine goes on.',
    [
      'Russian troops | russian-forces | Russian forces | neutral | outlet',
      'invasion of Ukraine | war | invasion | ua | outlet',
    ],
  ],
  [
    'elsewhere: любое другое государство сразу после совпадения, как его связывает слой сущностей',
    'ru',
    'Россия может вторгнуться в Румынию. Референдум в Армении прошёл спокойно. Российские войска в Армении остались. Российские войска в Украине наступают. Вторжение в Украину продолжается.',
    [
      'Российские войска | russian-forces | российские войска | neutral | outlet',
      'Вторжение в Украину | war | вторжение | ua | outlet',
    ],
  ],
];

describe.each(Object.keys(PIPELINES) as Setup[])('naming terms, other states (%s)', (setup) => {
  it.each(STATES)('%s', (_name, lang, text, expected) => {
    expect(found(text, lang, setup)).toEqual(expected);
  });
});

describe('naming profile', () => {
  it('counts entity spellings and terms by voice; a distanced term counts for the other pole', () => {
    const text =
      'Kiev says the Kyiv regime is a myth.\n\n"The invasion must end," Zelenskyy said.\n\nMoscow calls it a special military operation.';
    const p = run(text, 'en').profile;
    // Outlet: Kiev (ru-derived), Kyiv regime (a term, counted once though also a spelling),
    // Zelenskyy (ua-official, outside the quotation), and the distanced SMO for the other pole.
    expect(p.poles).toEqual({ ru: 2, ua: 2, neutral: 0 });
    expect(p.quoted).toMatchObject({ ua: 1 });
    expect(p.distanced).toEqual({ ru: 1, ua: 0, neutral: 0 });
  });

  it('has no terms for a language without a terminology file', () => {
    expect(run('Spezialoperation in der Ukraine.', 'de').terms).toEqual([]);
  });
});
