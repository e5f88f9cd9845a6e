import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';

const pipeline = await createPipeline({ layers: ['paragraphs'] });
const analyze = (text: string, published?: string) =>
  pipeline.run({ id: 't', text, meta: { format: 'text', ...(published ? { published } : {}) } });
const HEAD = 'Ministers Meet Over Grain Corridor\n\n';
const TAIL = '\n\nThe talks resume on Friday.';
const RU_HEAD = 'Министры обсудили зерновой коридор\n\n';
const RU_TAIL = '\n\nПереговоры продолжатся в пятницу.';

// [lead paragraph, dateline surface, place surface, outlet, agency, iso date, author]
const OPENINGS: [
  string,
  string,
  string | undefined,
  string | undefined,
  string | undefined,
  string | undefined,
  string | undefined,
][] = [
  [
    'LONDON (Reuters) - Ministers met on Monday.',
    'LONDON (Reuters)',
    'LONDON',
    'Reuters',
    undefined,
    undefined,
    undefined,
  ],
  [
    'WASHINGTON, Jan 5 (Reuters) - The Senate voted.',
    'WASHINGTON, Jan 5 (Reuters)',
    'WASHINGTON',
    'Reuters',
    undefined,
    '--01-05',
    undefined,
  ],
  [
    'Feb 9 (Reuters) - The port said it would reopen.',
    'Feb 9 (Reuters)',
    undefined,
    'Reuters',
    undefined,
    '--02-09',
    undefined,
  ],
  [
    'KYIV, Ukraine (AP) — Sirens sounded at dawn.',
    'KYIV, Ukraine (AP)',
    'KYIV',
    'Associated Press',
    undefined,
    undefined,
    undefined,
  ],
  ['PARIS (AFP) - The minister resigned.', 'PARIS (AFP)', 'PARIS', 'AFP', undefined, undefined, undefined],
  [
    'Washington (CNN) The Senate voted on Tuesday.',
    'Washington (CNN)',
    'Washington',
    'CNN',
    undefined,
    undefined,
    undefined,
  ],
  [
    '(CNN) A couple told the police they had seen him.',
    '(CNN)',
    undefined,
    'CNN',
    undefined,
    undefined,
    undefined,
  ],
  [
    'MOSCOW (UrduPoint News / Sputnik - 22nd May, 2023) Ukraine should accept the loss.',
    'MOSCOW (UrduPoint News / Sputnik - 22nd May, 2023)',
    'MOSCOW',
    'UrduPoint News',
    'Sputnik',
    '2023-05-22',
    undefined,
  ],
  [
    'BUDAPEST, Hungary, February 19, 2018 (LifeSiteNews) – The premier spoke.',
    'BUDAPEST, Hungary, February 19, 2018 (LifeSiteNews)',
    'BUDAPEST',
    'LifeSiteNews',
    undefined,
    '2018-02-19',
    undefined,
  ],
  [
    'MOSCOW (RT) - The ministry said the drills were over.',
    'MOSCOW (RT)',
    'MOSCOW',
    'RT',
    undefined,
    undefined,
    undefined,
  ],
  [
    'KALAMAZOO, Mich. – Officers arrested a man on Friday.',
    'KALAMAZOO, Mich.',
    'KALAMAZOO',
    undefined,
    undefined,
    undefined,
    undefined,
  ],
  [
    'Армения, 4 мая, АРМИНФОРМ. Парламент принял закон.',
    'Армения, 4 мая, АРМИНФОРМ.',
    'Армения',
    'АРМИНФОРМ',
    undefined,
    '--05-04',
    undefined,
  ],
  [
    'ISLAMABAD-Pakistan needs a plan to save water.',
    'ISLAMABAD',
    'ISLAMABAD',
    undefined,
    undefined,
    undefined,
    undefined,
  ],
  [
    'МОСКВА, 8 июл - РИА Новости. Песков заявил о переговорах.',
    'МОСКВА, 8 июл - РИА Новости.',
    'МОСКВА',
    'RIA Novosti',
    undefined,
    '--07-08',
    undefined,
  ],
  [
    'МОСКВА, 21 июн — РИА Новости, Николай Гурьянов. Россия может лишиться пути.',
    'МОСКВА, 21 июн — РИА Новости, Николай Гурьянов.',
    'МОСКВА',
    'RIA Novosti',
    undefined,
    '--06-21',
    'Николай Гурьянов',
  ],
  [
    'КИЕВ, 5 мая — Интерфакс. Рада приняла закон.',
    'КИЕВ, 5 мая — Интерфакс.',
    'КИЕВ',
    'Interfax',
    undefined,
    '--05-05',
    undefined,
  ],
  [
    'МОСКВА, 22 мая. /ТАСС/. Песков заявил о переговорах.',
    'МОСКВА, 22 мая. /ТАСС/.',
    'МОСКВА',
    'TASS',
    undefined,
    '--05-22',
    undefined,
  ],
  [
    'МИНСК, 3 мар — ТАСС. Лукашенко провел совещание.',
    'МИНСК, 3 мар — ТАСС.',
    'МИНСК',
    'TASS',
    undefined,
    '--03-03',
    undefined,
  ],
  ['/ТАСС/. Песков заявил о переговорах.', '/ТАСС/.', undefined, 'TASS', undefined, undefined, undefined],
  [
    'МОСКВА, 5 апр — RT. Минобороны сообщило об учениях.',
    'МОСКВА, 5 апр — RT.',
    'МОСКВА',
    'RT',
    undefined,
    '--04-05',
    undefined,
  ],
  [
    'ТБИЛИСИ, 2 июн — Sputnik, Анна Пример. Парламент принял закон.',
    'ТБИЛИСИ, 2 июн — Sputnik, Анна Пример.',
    'ТБИЛИСИ',
    'Sputnik',
    undefined,
    '--06-02',
    'Анна Пример',
  ],
  [
    'ЖЕНЕВА, 12 июня. /Корр. ТАСС Анна Петрова/. Россия экспортирует зерно.',
    'ЖЕНЕВА, 12 июня. /Корр. ТАСС Анна Петрова/.',
    'ЖЕНЕВА',
    'TASS',
    undefined,
    '--06-12',
    'Анна Петрова',
  ],
  [
    'ЖЕНЕВА, 12 июня. /корр. ТАСС/. Россия экспортирует зерно.',
    'ЖЕНЕВА, 12 июня. /корр. ТАСС/.',
    'ЖЕНЕВА',
    'TASS',
    undefined,
    '--06-12',
    undefined,
  ],
  [
    'БИШКЕК, 11 июл — Sputnik. Декларация саммита опубликована.',
    'БИШКЕК, 11 июл — Sputnik.',
    'БИШКЕК',
    'Sputnik',
    undefined,
    '--07-11',
    undefined,
  ],
  [
    'СИМФЕРОПОЛЬ, 9 июл – РИА Новости Крым. Премьер выполняет миссию.',
    'СИМФЕРОПОЛЬ, 9 июл – РИА Новости Крым.',
    'СИМФЕРОПОЛЬ',
    'RIA Novosti Crimea',
    undefined,
    '--07-09',
    undefined,
  ],
  [
    'МОСКВА. 8 июля. ИНТЕРФАКС - Госдума приняла закон.',
    'МОСКВА. 8 июля. ИНТЕРФАКС',
    'МОСКВА',
    'Interfax',
    undefined,
    '--07-08',
    undefined,
  ],
  [
    'Южная Осетия, 3 марта, ГРУЗИНФОРМ. Парламент принял закон.',
    'Южная Осетия, 3 марта, ГРУЗИНФОРМ.',
    'Южная Осетия',
    'ГРУЗИНФОРМ',
    undefined,
    '--03-03',
    undefined,
  ],
  [
    '4 июля. Interfax-Russia.ru - Россия готова к переговорам.',
    '4 июля. Interfax-Russia.ru',
    undefined,
    'Interfax',
    undefined,
    '--07-04',
    undefined,
  ],
  [
    'Monrovia, Liberia — the campaign opened on Friday.',
    'Monrovia, Liberia',
    'Monrovia',
    undefined,
    undefined,
    undefined,
    undefined,
  ],
  [
    'LOS ANGELES: Flooding could hit the state.',
    'LOS ANGELES',
    'LOS ANGELES',
    undefined,
    undefined,
    undefined,
    undefined,
  ],
  [
    'Beijing: The president called for a new currency.',
    'Beijing',
    'Beijing',
    undefined,
    undefined,
    undefined,
    undefined,
  ],
  [
    "NEW YORK --  ''The stories begin,'' the voice says.",
    'NEW YORK',
    'NEW YORK',
    undefined,
    undefined,
    undefined,
    undefined,
  ],
];

describe('datelines at the start of an article', () => {
  it.each(OPENINGS)('%s', (lead, surface, place, outlet, agency, iso, author) => {
    const latin = /^[\p{Script=Latin}\p{P}\p{N}\s]/u.test(lead) && !/[\u0400-\u04ff]/.test(lead);
    const text = `${latin ? HEAD : RU_HEAD}${lead}${latin ? TAIL : RU_TAIL}`;
    const d = analyze(text);
    const dl = d.meta.dateline!;
    expect(text.slice(dl.start, dl.end)).toBe(surface);
    expect(dl.placeSpan && text.slice(dl.placeSpan.start, dl.placeSpan.end)).toBe(place);
    expect(d.meta.outlet).toBe(outlet);
    expect(d.meta.agency).toBe(agency);
    expect(dl.isoDate).toBe(iso);
    expect(d.meta.byline).toBe(author);
    expect(dl.authorSpan && text.slice(dl.authorSpan.start, dl.authorSpan.end)).toBe(author);
    // The dateline is a span of the lead, whose text stays body.
    const para = d.paragraphs!.find((p) => p.start === dl.start)!;
    expect(para.role).toBe('body');
    expect(para.dateline).toEqual({ start: dl.start, end: dl.end });
    // A year-less dateline gives no publication date.
    expect(d.meta.published).toBe(iso && /^\d{4}/.test(iso) ? iso : undefined);
  });

  it.each([
    ['Pope Francis visits Genoa, Italy, in May 2017. (Reuters photo: Giorgio Perottino)'],
    ['Sen. Rand Paul (R-Ky.) says he will block the nomination.'],
    ['The World Health Organization (WHO) said on Tuesday it would help.'],
    ['ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И РАСПРОСТРАНЕНО ИНОСТРАННЫМ СМИ'],
    ['BREAKING — The port has reopened.'],
    ['(AP Photo/Jane Roe)'],
    ['KYIV (you remember where it is, right?) – Four months on, the front holds.'],
    ['MINISTER FALLS, RIVAL GLOATS - COLUMNIST: “FORGIVE THE THOUGHT”'],
    ['Украина заняла деньги у различных стран — от Японии до США.'],
    ['Москва, 10 июня, в четверг прошли переговоры.'],
  ])('finds no dateline in %s', (lead) => {
    const d = analyze(`${HEAD}${lead}${TAIL}`);
    expect(d.meta.dateline).toBeUndefined();
    expect(d.meta.outlet).toBeUndefined();
  });

  it('reads an agency alone before a dash, and no capitals heading further down as a place', () => {
    const d = analyze(`${HEAD}AGI - The army said on Monday that the drills were over.${TAIL}`);
    expect(d.meta.outlet).toBe('AGI');
    expect(d.meta.dateline!.place).toBeUndefined();
    const later = `${HEAD}The ministers met on Monday.\n\nThey spoke for an hour.\n\nThe talks went on.\n\nSEE ALSO — Ports reopen across the region.`;
    expect(analyze(later).meta.dateline).toBeUndefined();
  });

  it('takes the year from the document date, and leaves it unknown without one', () => {
    const text = `${RU_HEAD}МОСКВА, 31 дек - РИА Новости. Итоги года подведены.${RU_TAIL}`;
    expect(analyze(text, '2023-01-02').meta.dateline!.isoDate).toBe('2022-12-31');
    expect(analyze(text, '2022-12-31T10:00:00Z').meta.dateline!.isoDate).toBe('2022-12-31');
    expect(analyze(text).meta.dateline!.isoDate).toBe('--12-31');
    // The input's own date is kept.
    expect(analyze(text, '2023-01-02').meta.published).toBe('2023-01-02');
  });

  it('gives a dateline alone on its line the paragraph role dateline', () => {
    const text = `${RU_HEAD}МОСКВА, 22 мая. /ТАСС/.\n\nПесков заявил о переговорах.${RU_TAIL}`;
    const d = analyze(text);
    expect(d.paragraphs!.map((p) => p.role)).toEqual(['title', 'dateline', 'body', 'body']);
    expect(d.meta.outlet).toBe('TASS');
  });
});

// [closing paragraph(s), credit surface, kind, names, outlet, agency, byline]
const CLOSINGS: [
  string,
  string,
  string,
  string[],
  string | undefined,
  string | undefined,
  string | undefined,
][] = [
  ['Source: Sputnik', 'Source: Sputnik', 'outlet', ['Sputnik'], 'Sputnik', undefined, undefined],
  ['With input from TASS', 'With input from TASS', 'input', ['TASS'], undefined, 'TASS', undefined],
  [
    '(With input from Reuters)',
    '(With input from Reuters)',
    'input',
    ['Reuters'],
    undefined,
    'Reuters',
    undefined,
  ],
  ['With inputs from agencies', 'With inputs from agencies', 'input', [], undefined, undefined, undefined],
  [
    'Reuters contributed to this report.',
    'Reuters contributed to this report.',
    'input',
    ['Reuters'],
    undefined,
    'Reuters',
    undefined,
  ],
  [
    'The Associated Press contributed to this story.',
    'The Associated Press contributed to this story.',
    'input',
    ['Associated Press'],
    undefined,
    'Associated Press',
    undefined,
  ],
  ['Source: RT', 'Source: RT', 'outlet', ['RT'], 'RT', undefined, undefined],
  [
    'Our Standards: The Thomson Reuters Trust Principles.',
    'Our Standards: The Thomson Reuters Trust Principles.',
    'outlet',
    ['Reuters'],
    'Reuters',
    undefined,
    undefined,
  ],
  [
    '©2018 Los Angeles Times, Distributed by Tribune Content Agency, LLC.',
    '©2018 Los Angeles Times, Distributed by Tribune Content Agency, LLC.',
    'copyright',
    ['Los Angeles Times'],
    'Los Angeles Times',
    'Tribune Content Agency',
    undefined,
  ],
  [
    'Article posted with permission from Jane Example',
    'Article posted with permission from Jane Example',
    'author',
    ['Jane Example'],
    undefined,
    undefined,
    'Jane Example',
  ],
  [
    'Источник: РИА Новости',
    'Источник: РИА Новости',
    'outlet',
    ['RIA Novosti'],
    'RIA Novosti',
    undefined,
    undefined,
  ],
  ['По материалам ТАСС', 'По материалам ТАСС', 'outlet', ['TASS'], 'TASS', undefined, undefined],
  [
    'Jane Doe reported from Kyiv. Associated Press writers John Roe in Lviv contributed to this report. Poe reported from Odesa.',
    'Jane Doe reported from Kyiv. Associated Press writers John Roe in Lviv contributed to this report. Poe reported from Odesa.',
    'outlet',
    ['Associated Press'],
    'Associated Press',
    undefined,
    'Jane Doe, Poe',
  ],
  [
    'Anna Poe contributed reporting from Lviv. Jane Doe reported from Kyiv.',
    'Anna Poe contributed reporting from Lviv. Jane Doe reported from Kyiv.',
    'author',
    ['Jane Doe'],
    undefined,
    undefined,
    'Jane Doe',
  ],
  [
    'The Huffington Post has supplemented this Reuters article with additional quotes.',
    'The Huffington Post has supplemented this Reuters article with additional quotes.',
    'outlet',
    ['HuffPost'],
    'HuffPost',
    'Reuters',
    undefined,
  ],
  [
    "Stay up-to-date with more news on Trend News Agency's WhatsApp channel",
    "Stay up-to-date with more news on Trend News Agency's WhatsApp channel",
    'outlet',
    ['Trend News Agency'],
    'Trend News Agency',
    undefined,
    undefined,
  ],
  [
    'Подписывайтесь на Telegram-канал «Новости Примерска»',
    'Подписывайтесь на Telegram-канал «Новости Примерска»',
    'outlet',
    ['Новости Примерска'],
    'Новости Примерска',
    undefined,
    undefined,
  ],
  [
    'Read More @ ExampleDaily.com',
    'Read More @ ExampleDaily.com',
    'outlet',
    ['ExampleDaily.com'],
    'ExampleDaily.com',
    undefined,
    undefined,
  ],
  ['Jane Roe contributed.', 'Jane Roe contributed.', 'author', ['Jane Roe'], undefined, undefined, undefined],
  [
    '--additional reporting from Jane Roe.',
    '--additional reporting from Jane Roe.',
    'author',
    ['Jane Roe'],
    undefined,
    undefined,
    undefined,
  ],
  [
    'Distributed by Tribune Content Agency, LLC.',
    'Distributed by Tribune Content Agency, LLC.',
    'copyright',
    [],
    undefined,
    'Tribune Content Agency',
    undefined,
  ],
];

describe('credits at the end of an article', () => {
  it.each(CLOSINGS)('%s', (closing, surface, kind, names, outlet, agency, byline) => {
    const text = `${HEAD}The ministers met on Monday in the capital.\n\n${closing}`;
    const d = analyze(text);
    const [c] = d.meta.credits!;
    expect(text.slice(c!.start, c!.end)).toBe(surface);
    expect(c!.kind).toBe(kind);
    expect(c!.names).toEqual(names);
    expect(d.meta.outlet).toBe(outlet);
    expect(d.meta.agency).toBe(agency);
    expect(d.meta.byline).toBe(byline);
    expect(d.paragraphs!.at(-1)!.role).toBe('credit');
  });

  it('reads a parenthesised credit closing the last paragraph as a span of it', () => {
    const text = `${HEAD}LONDON (Reuters) - Ministers met. (Reporting by Jane Doe in London; Editing by John Roe)`;
    const d = analyze(text);
    const p = d.paragraphs!.at(-1)!;
    expect(p.role).toBe('body');
    expect(text.slice(p.credit!.start, p.credit!.end)).toBe(
      '(Reporting by Jane Doe in London; Editing by John Roe)',
    );
    expect(d.meta.byline).toBe('Jane Doe');
    expect(d.meta.outlet).toBe('Reuters');
  });

  it('reads a second dateline outlet and a credit together', () => {
    const text = `${HEAD}Feb 9 (Reuters) - The port reopened.\n\n(Reporting by Nick Example; Editing by Ann Sample)\n\nOur Standards: The Thomson Reuters Trust Principles.`;
    const d = analyze(text);
    expect(d.meta.credits!.map((c) => c.kind)).toEqual(['author', 'outlet']);
    expect(d.meta.outlet).toBe('Reuters');
    expect(d.meta.agency).toBeUndefined();
    expect(d.meta.byline).toBe('Nick Example');
  });

  it('reads a credit sentence closing the last paragraph, and an author after the outlet', () => {
    const text = `${HEAD}The ministers met on Monday. Article posted with permission from Example Watch Media. Article by Jane Example`;
    const d = analyze(text);
    const p = d.paragraphs!.at(-1)!;
    expect(p.role).toBe('body');
    expect(text.slice(p.credit!.start, p.credit!.end)).toBe(
      'Article posted with permission from Example Watch Media. Article by Jane Example',
    );
    expect(d.meta.outlet).toBe('Example Watch Media');
    expect(d.meta.byline).toBe('Jane Example');
  });

  it('reads a long Reuters credit line, leaving contributors and editors out of the byline', () => {
    const credit =
      '(Reporting by Jane Doe and John Roe; Additional reporting by Ann Poe in Boston, and Bob Moe in Beijing; Writing by Sam Loe; Editing by Tim Koe.)';
    const d = analyze(`${HEAD}WASHINGTON (Reuters) - The agency said it was hacked.\n\n${credit}`);
    expect(d.meta.credits![0]!.names).toEqual(['Jane Doe', 'John Roe']);
    expect(d.meta.byline).toBe('Jane Doe, John Roe');
    const contributed = analyze(
      `${HEAD}The port reopened.\n\nAnn Poe, a researcher at Example Institute, contributed to this report.`,
    );
    expect(contributed.meta.credits![0]!.kind).toBe('author');
    expect(contributed.meta.byline).toBeUndefined();
  });

  it.each([['Source: Eurostat'], ['Source: NATO.']])('takes the data source %s for no outlet', (line) => {
    const d = analyze(`${HEAD}Prices rose by two percent in May.\n\n${line}`);
    expect(d.meta.credits).toBeUndefined();
    expect(d.meta.outlet).toBeUndefined();
  });

  it('takes a source that looks like an outlet: a web address or a channel', () => {
    expect(analyze(`${RU_HEAD}Цены выросли.\n\nИсточник: example-news.ru`).meta.outlet).toBe(
      'example-news.ru',
    );
    // The channel's name in quotes is the outlet.
    expect(analyze(`${RU_HEAD}Цены выросли.\n\nИсточник: Telegram-канал "Пример"`).meta.outlet).toBe(
      'Пример',
    );
  });

  it('reads a credit at the top of an article: an author at an outlet', () => {
    const text = `${HEAD}This article was originally published by Jane Example at Example Hedge\n\nThe verdict surprised many.\n\nThe jury deliberated for six days.`;
    const d = analyze(text);
    expect(d.paragraphs!.map((p) => p.role)).toEqual(['title', 'credit', 'body', 'body']);
    expect(d.meta.credits![0]).toMatchObject({
      kind: 'outlet',
      names: ['Example Hedge'],
      authors: ['Jane Example'],
    });
    expect(d.meta.outlet).toBe('Example Hedge');
    expect(d.meta.byline).toBe('Jane Example');
  });

  it('takes no mid-article source line or closing sentence for a credit', () => {
    const text = `${HEAD}Source: a diplomat said the talks stalled.\n\nThe port reopened.\n\nSources say the ministers will meet again.`;
    const d = analyze(text);
    expect(d.meta.credits).toBeUndefined();
    expect(d.paragraphs!.map((p) => p.role)).toEqual(['title', 'body', 'body', 'body']);
  });

  it('reads a closing signature of initials and a surname as the author', () => {
    const text = `${RU_HEAD}Министры встретились в понедельник.\n\nВсе это будет вести к росту напряженности. С. Шилов`;
    const d = analyze(text);
    const [c] = d.meta.credits!;
    expect(text.slice(c!.start, c!.end)).toBe('С. Шилов');
    expect([c!.kind, d.meta.byline, d.meta.outlet]).toEqual(['author', 'С. Шилов', undefined]);
  });

  it('keeps the sentence before a Visit line, and the © line above it', () => {
    const text = `${HEAD}The ministers met.\n\n©2018 The Example Pilot (Norfolk, Va.)\nVisit The Example Pilot at examplepilot.com\nDistributed by Tribune Content Agency, LLC.`;
    const d = analyze(text);
    expect(d.meta.credits!.map((c) => text.slice(c.start, c.end))).toEqual([
      '©2018 The Example Pilot (Norfolk, Va.)',
      'Distributed by Tribune Content Agency, LLC.',
    ]);
    expect([d.meta.outlet, d.meta.agency]).toEqual(['The Example Pilot', 'Tribune Content Agency']);
  });
});

describe('datelines beyond the first', () => {
  it("takes a second dateline's date and agency when the first has none", () => {
    const text = `${HEAD}(Adnkronos) – The declaration is a testament to the plant.\n\nNEW DELHI, Aug. 7, 2023 /PRNewswire/ — The producer announced the award.${TAIL}`;
    const d = analyze(text);
    const second = d.paragraphs!.find((p) => p.dateline && p.start !== d.meta.dateline!.start)!;
    expect(text.slice(second.dateline!.start, second.dateline!.end)).toBe(
      'NEW DELHI, Aug. 7, 2023 /PRNewswire/',
    );
    expect([d.meta.outlet, d.meta.agency, d.meta.dateline!.isoDate]).toEqual([
      'Adnkronos',
      'PR Newswire',
      '2023-08-07',
    ]);
    const place = d.meta.dateline!.placeSpan!;
    expect(text.slice(place.start, place.end)).toBe('NEW DELHI');
  });

  it("reads no dateline in another outlet's copy quoted after a colon", () => {
    const text = `${HEAD}It is rare that the agency carries this story.\n\n"The Latest: Compound incident," Associated Press, August 10, 2018:\n\nTAOS, N.M. (AP) — The Latest on the compound.${TAIL}`;
    const d = analyze(text);
    expect([d.meta.dateline, d.meta.outlet]).toEqual([undefined, undefined]);
  });

  it('reads no dateline in a name and a colon that is no known place', () => {
    const d = analyze(`${RU_HEAD}Ганчев: Киев эвакуирует детей, оставляя стариков.${RU_TAIL}`);
    expect(d.meta.dateline).toBeUndefined();
  });

  it('reads a paragraph wrapped in quotes by a CSV export, the dateline after the quote', () => {
    const text = `${RU_HEAD}"4 июля. Interfax-Russia.ru - Россия готова к переговорам.${RU_TAIL}`;
    const dl = analyze(text).meta.dateline!;
    expect(text.slice(dl.start, dl.end)).toBe('4 июля. Interfax-Russia.ru');
  });

  it('takes no country before a colon for a dateline: a headline', () => {
    expect(
      analyze(`${HEAD}Spain: Thousands evacuated over the wildfire.${TAIL}`).meta.dateline,
    ).toBeUndefined();
  });
});

describe('credits naming an author and an outlet', () => {
  it('reads an author writing specially for an outlet inside the last paragraph', () => {
    const text = `${RU_HEAD}Министры встретились.\n\nЭто стало переломом. Иван Примеров, политолог, член клуба «Пример», специально для News Front Актуальная информация: 10 июля`;
    const d = analyze(text);
    const [c] = d.meta.credits!;
    expect(text.slice(c!.start, c!.end)).toBe(
      'Иван Примеров, политолог, член клуба «Пример», специально для News Front',
    );
    expect([d.meta.outlet, d.meta.byline]).toEqual(['News Front', 'Иван Примеров']);
  });

  it('splits a byline naming an outlet into the author and an opening credit', () => {
    const text = `${HEAD}by Jane Roe, The Example Daily:\n\nThe ministers met on Monday.${TAIL}`;
    const d = analyze(text);
    const [c] = d.meta.credits!;
    expect(text.slice(c!.start, c!.end)).toBe('by Jane Roe, The Example Daily:');
    expect([d.meta.outlet, d.meta.byline]).toEqual(['The Example Daily', 'Jane Roe']);
    const dated = analyze(
      `${HEAD}By Jane Roe, Example Tribune November 15, 2018:\n\nThe ministers met.${TAIL}`,
    );
    expect([dated.meta.outlet, dated.meta.byline]).toEqual(['Example Tribune', 'Jane Roe']);
  });
});
