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

// A dated document published before `referents.elsewhere[].publishedBefore` (2021-03-01 for
// `war`, `russian-forces`, `territories`: before the first troop build-up no text could name the
// war that came) names another event, the conflict of 2014–2021; the file's other concepts stay.
// The feared invasion of December 2021, a document of 2023 and one without a date are read as
// ever (the feared invasion is `war` in eval/data/README.md, final7). A date need not be ISO: as
// metadata and datelines write it (`Mon, 26 Nov 2018`, `26 ноября 2018`, `26.11.2018`) or a month
// alone (`November 2018`, read as its last day); one without a year is no date.
const EN_DATED = 'The Kiev regime condemns Russian aggression. Russian troops hold the occupied territories.';
const RU_DATED =
  'Киевский режим осуждает агрессию России. Российские войска удерживают оккупированные территории.';
const EN_ALL = [
  'Kiev regime | kyiv-government | Kiev regime | ru | outlet',
  'Russian aggression | war | war of aggression | ua | outlet',
  'Russian troops | russian-forces | Russian forces | neutral | outlet',
  'occupied territories | territories | occupied territories | ua | outlet',
];
const RU_ALL = [
  'Киевский режим | kyiv-government | киевский режим | ru | outlet',
  'агрессию России | war | агрессия | ua | outlet',
  'Российские войска | russian-forces | российские войска | neutral | outlet',
  'оккупированные территории | territories | оккупированные территории | ua | outlet',
];
const PUBLISHED: [
  name: string,
  lang: string,
  published: string | undefined,
  text: string,
  expected: string[],
][] = [
  ['English, published in 2018', 'en', '2018-11-26', EN_DATED, EN_ALL.slice(0, 1)],
  [
    'English, published the evening before the date, with a time',
    'en',
    '2021-02-28T23:59:00Z',
    EN_DATED,
    EN_ALL.slice(0, 1),
  ],
  ['English, published on the date, with an offset', 'en', '2021-03-01T06:00:00+03:00', EN_DATED, EN_ALL],
  ['English, the feared invasion of December 2021', 'en', '2021-12-12', EN_DATED, EN_ALL],
  ['English, published the day before the war', 'en', '2022-02-23', EN_DATED, EN_ALL],
  ['English, published in 2023', 'en', '2023-05-01', EN_DATED, EN_ALL],
  ['English, undated', 'en', undefined, EN_DATED, EN_ALL],
  [
    'English, a date as metadata writes it',
    'en',
    'Mon, 26 Nov 2018 10:00:00 GMT',
    EN_DATED,
    EN_ALL.slice(0, 1),
  ],
  ['English, a date as a dateline writes it', 'en', 'November 26, 2018', EN_DATED, EN_ALL.slice(0, 1)],
  ['English, a month of 2018', 'en', 'November 2018', EN_DATED, EN_ALL.slice(0, 1)],
  ['English, the month before the date', 'en', 'Feb. 2021', EN_DATED, EN_ALL.slice(0, 1)],
  ['English, the month of the date is not all before it', 'en', 'March 2021', EN_DATED, EN_ALL],
  ['English, a written date after the build-up', 'en', 'Dec 12, 2021', EN_DATED, EN_ALL],
  ['English, a day without a year counts as none', 'en', '--11-26', EN_DATED, EN_ALL],
  ['English, a date that is not one counts as none', 'en', 'last autumn', EN_DATED, EN_ALL],
  ['Russian, published in 2018', 'ru', '2018-11-26', RU_DATED, RU_ALL.slice(0, 1)],
  ['Russian, published in 2023', 'ru', '2023-05-01', RU_DATED, RU_ALL],
  ['Russian, a written date of 2018', 'ru', '26 ноября 2018 г.', RU_DATED, RU_ALL.slice(0, 1)],
  ['Russian, a dotted date of 2018', 'ru', '26.11.2018', RU_DATED, RU_ALL.slice(0, 1)],
  ['Russian, a month of 2018', 'ru', 'ноябрь 2018', RU_DATED, RU_ALL.slice(0, 1)],
  ['Russian, a dotted date of 2022', 'ru', '01.03.2022', RU_DATED, RU_ALL],
  ['Russian, undated', 'ru', undefined, RU_DATED, RU_ALL],
];

describe.each(Object.keys(PIPELINES) as Setup[])('naming terms, publication date (%s)', (setup) => {
  it.each(PUBLISHED)('%s', (_name, lang, published, text, expected) => {
    const meta = published === undefined ? { lang } : { lang, published };
    expect(termRows(text, PIPELINES[setup].run({ id: 't', text, meta }).naming!)).toEqual(expected);
  });
});

describe('naming profile', () => {
  it('counts entity spellings and terms by voice; a distanced term counts for the other pole', () => {
    const text =
      'Kiev says the Kyiv regime will fall.\n\n"The invasion must end," Zelenskyy said.\n\nMoscow calls it a special military operation.';
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
