import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { splitClauses } from './clauses.js';
import { compiledCues, cueListBit, cueLists, findCue } from './cues.js';
import { findEvidence } from './evidence.js';
import { quotedRegions, quotedShare } from './quoted.js';
import { sentenceWords } from './words.js';

const pipeline = await createPipeline({ layers: ['claims'], options: { claims: { minScore: 0 } } });

// A short article of our own: a title, then body paragraphs with a figure, a prediction,
// a causal claim, a direct quote and an opinion.
const ARTICLE = [
  'Port city budget grows again',
  '',
  'The council approved a $4.2 billion budget for 2024 on Tuesday, 12 percent more than last year.',
  '',
  'Analysts expect that the deficit will widen next year.',
  '',
  'Ferry traffic fell sharply because of the storm, the harbour office said.',
  '',
  '"This is the worst budget I have ever seen," said councillor Mara Lind.',
].join('\n');

describe('claims layer', () => {
  const doc = pipeline.run({ id: 'a', text: ARTICLE });
  const claims = doc.claims!;
  const find = (needle: string) => claims.find((c) => doc.text.slice(c.start, c.end).includes(needle));

  it.each([
    ['$4.2 billion budget', 'statistic'],
    ['deficit will widen', 'prediction'],
    ['because of the storm', 'causal'],
    ['worst budget', 'quote'],
  ])('gives %s the kind %s', (needle, kind) => {
    const c = find(needle);
    expect(c, needle).toBeDefined();
    expect(c!.label).toBe(kind);
  });

  it('skips the title', () => {
    expect(find('Port city budget')).toBeUndefined();
  });

  it('ranks the budget figure above the quoted opinion', () => {
    expect(find('$4.2 billion')!.score).toBeGreaterThan(find('worst budget')!.score);
  });

  it('records the figures and dates a claim rests on', () => {
    const c = find('$4.2 billion')!;
    expect(c.attrs.numbers.map((s) => doc.text.slice(s.start, s.end))).toEqual([
      '$4.2 billion',
      '12 percent',
    ]);
    expect(c.attrs.dates.map((s) => doc.text.slice(s.start, s.end))).toEqual([
      '2024',
      'on Tuesday',
      'last year',
    ]);
  });
});

describe('claims layer, Russian (cue fallback)', () => {
  const text = [
    'Заголовок новости',
    '',
    'Экономика страны будет расти и в следующем году.',
    '',
    'Из-за санкций цены на бензин выросли по всей стране.',
    '',
    'Бюджет города составил 4,2 миллиарда рублей.',
  ].join('\n');
  const doc = pipeline.run({ id: 'ru', text, meta: { lang: 'ru' } });
  it.each([
    ['будет расти', 'prediction'],
    ['Из-за санкций', 'causal'],
    ['4,2 миллиарда', 'statistic'],
  ])('gives %s the kind %s', (needle, kind) => {
    const c = doc.claims!.find((x) => doc.text.slice(x.start, x.end).includes(needle));
    expect(c?.label).toBe(kind);
    expect(c?.attrs.method).toBe('cues');
  });
});

describe('findEvidence', () => {
  it.each([
    ['a 70-kilometer-long line', ['70-kilometer-long'], []],
    ['On 3 May 2023 he paid €15,000.', ['€15,000'], ['3 May 2023']],
    ['It rose 7% in March', ['7%'], ['in March']],
    ['Sales rose 4% in 2019 and fell on 12.05.2021.', ['4%'], ['2019', '12.05.2021']],
    ['Sales rose 4% in 2019 and fell on Monday.', ['4%'], ['2019', 'on Monday']],
    ['Долг составляет 56,83 миллиарда долларов.', ['56,83 миллиарда долларов'], []],
  ])('%s', (text, numbers, dates) => {
    const ev = findEvidence(text, 0, text.length);
    expect(ev.numbers.map((s) => text.slice(s.start, s.end))).toEqual(numbers);
    expect(ev.dates.map((s) => text.slice(s.start, s.end))).toEqual(dates);
  });

  it('finds capitalised names that do not start the sentence', () => {
    const text = 'Yesterday the mayor of Port Vella met Anna Berg.';
    const ev = findEvidence(text, 0, text.length);
    expect(ev.entities.map((s) => text.slice(s.start, s.end))).toEqual(['Port Vella', 'Anna Berg']);
  });

  it('takes the mentions that lie within the span and off its dates', () => {
    const text = 'Anna Berg said. On Monday Port Vella and Kyiv met Oslo. Then Rome.';
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const mentions = ['Anna Berg', 'Monday', 'Port Vella', 'Kyiv', 'Oslo', 'Rome'].map(at);
    const span = { start: text.indexOf('On'), end: text.indexOf('Oslo') + 2 };
    const ev = findEvidence(text, span.start, span.end, undefined, mentions);
    expect(ev.entities.map((s) => text.slice(s.start, s.end))).toEqual(['Port Vella', 'Kyiv']);
    const whole = findEvidence(text, span.start, text.indexOf('. Then'), undefined, mentions);
    expect(whole.entities.map((s) => text.slice(s.start, s.end))).toEqual(['Port Vella', 'Kyiv', 'Oslo']);
  });
});

describe('findCue', () => {
  it.each([
    ['The mayor will resign next month.', 'next month'],
    ['The mayor will resign.', 'will'],
    ['It is unclear whether the mayor will resign.', undefined],
    ['If the mayor resigns, the council will vote again.', 'will'],
  ])('prediction cue of %s', (text, cue) => {
    expect(findCue(compiledCues('en').prediction!, sentenceWords(text))).toBe(cue);
  });
});

describe('cueLists', () => {
  it.each([
    ['en', 'The mayor will resign next month because of the scandal.'],
    ['en', 'Unemployment fell to 3.5 percent, the ministry said.'],
    ['en', 'It is unclear whether the mayor will resign.'],
    ['en', 'The cat sat on the mat.'],
    ['ru', 'Мэр уйдёт в отставку в следующем месяце из-за скандала, сообщили в министерстве.'],
  ])('marks exactly the lists where findCue may find a cue (%s: %s)', (lang, text) => {
    const words = sentenceWords(text);
    const bits = cueLists(lang, words);
    const lists = Object.entries(compiledCues(lang));
    const marked = lists.map(([name]) => [name, (bits & cueListBit(name)) !== 0]);
    // A list is marked exactly when one of its words or phrase starts occurs …
    expect(marked).toEqual(
      lists.map(([name, list]) => [name, words.some((w) => list.words.has(w) || list.phrases.has(w))]),
    );
    // … so every list where findCue finds a cue is marked.
    const found = lists
      .filter(([, list]) => findCue(list, words) !== undefined)
      .map(([name]) => [name, true]);
    expect(marked.filter(([name]) => found.some(([f]) => f === name))).toEqual(found);
  });
});

describe('splitClauses', () => {
  const breaks = ['; ', ', while '];
  it.each([
    [
      'Exports fell by a third last year, while imports kept rising in every single month.',
      ['Exports fell by a third last year', 'while imports kept rising in every single month.'],
    ],
    ['Prices rose, while wages fell.', ['Prices rose, while wages fell.']],
    [
      'One two three four five; six seven eight nine ten.',
      ['One two three four five', 'six seven eight nine ten.'],
    ],
  ])('%s', (text, parts) => {
    const spans = splitClauses(text, { start: 0, end: text.length }, breaks);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(parts);
  });

  it('splits at breaks without punctuation and in any case', () => {
    const text = 'Exports fell by a third last year WHILE imports kept rising in every month,';
    const spans = splitClauses(text, { start: 0, end: text.length }, [' while ']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Exports fell by a third last year',
      'WHILE imports kept rising in every month',
    ]);
    expect(splitClauses(text, { start: 0, end: text.length }, breaks)).toEqual([
      { start: 0, end: text.length - 1 },
    ]);
  });
});

describe('quotedRegions', () => {
  it('finds curly and straight quotes and runs an open quote to the end', () => {
    const text = 'He said “no” and "yes" and then «maybe';
    const r = quotedRegions(text, 0, text.length);
    expect(r.map((s) => text.slice(s.start, s.end))).toEqual(['“no”', '"yes"', '«maybe']);
    expect(quotedShare({ start: 0, end: 7 }, r)).toBe(0);
  });
});

describe('claims layer: check-worthiness, opinions and speakers', () => {
  // Written for this test: a reported figure with its speaker, an outlet's figure, a plain
  // event, and an opinion with no kind to go by; then the same in Russian with a direct quote.
  const EN = [
    'City borrows more',
    '',
    'The council approved a $4.2 billion budget for 2024 on Tuesday, 12 percent more than last year.',
    '',
    'Analysts expect that the deficit will widen next year.',
    '',
    'Frankly, I think this is a terrible, shameful and utterly disgusting idea.',
    '',
    'The meeting was held in the main hall.',
    '',
    'According to finance director Olga Berg, the city borrowed 300 million euros in 2023.',
  ].join('\n');
  const RU = [
    'Заголовок новости',
    '',
    'Бюджет города составил 4,2 миллиарда рублей в 2023 году.',
    '',
    '«Это худший бюджет, который я видела», — сказала депутат Мария Петрова.',
    '',
    'По-моему, это ужасная и позорная идея.',
  ].join('\n');
  const en = pipeline.run({ id: 'en', text: EN, meta: { lang: 'en' } });
  const ru = pipeline.run({ id: 'ru', text: RU, meta: { lang: 'ru' } });
  const table = (d: typeof en) =>
    d.claims!.map((c) => ({
      text: d.text.slice(c.start, c.end),
      kind: c.label,
      checkworthy: c.attrs.checkworthy,
      voice: c.attrs.voice,
      speaker: c.attrs.speaker,
    }));

  it('flags figures as check-worthy and opinions as not, and ranks plain events low, in English', () => {
    expect(table(en)).toEqual([
      expect.objectContaining({
        text: expect.stringContaining('$4.2 billion'),
        kind: 'statistic',
        checkworthy: true,
      }),
      expect.objectContaining({ text: expect.stringContaining('deficit will widen'), kind: 'prediction' }),
      expect.objectContaining({
        text: expect.stringContaining('I think'),
        kind: 'other',
        checkworthy: false,
      }),
      expect.objectContaining({ text: 'The meeting was held in the main hall.', kind: 'event' }),
      expect.objectContaining({
        text: expect.stringContaining('300 million euros'),
        kind: 'statistic',
        checkworthy: true,
      }),
    ]);
    // A plain event sits at the model's threshold (train+dev model: 0.289 against 0.290, where
    // the event prior may tip the flag), far below the figures in model probability and score.
    const [figure, , , event, borrowed] = en.claims!;
    for (const f of [figure!, borrowed!]) {
      expect(event!.attrs.model).toBeLessThan(f.attrs.model / 2);
      expect(event!.score).toBeLessThan(f.score);
    }
  });

  it('links reported claims to their speakers and quotes', () => {
    const rows = table(en);
    expect(rows[1]).toMatchObject({ voice: 'reported', speaker: 'Analysts' });
    expect(rows[4]).toMatchObject({ voice: 'reported', speaker: 'Olga Berg' });
    expect(rows[0]).toMatchObject({ voice: 'outlet', speaker: undefined });
    const berg = en.claims![4]!;
    const q = en.quotes![berg.attrs.quote!]!;
    expect(en.text.slice(q.source!.start, q.source!.end)).toContain('Olga Berg');
  });

  it('gives a Russian direct quote the kind quote and its speaker, and flags the figure only', () => {
    expect(table(ru)).toEqual([
      expect.objectContaining({ kind: 'statistic', checkworthy: true, voice: 'outlet' }),
      expect.objectContaining({
        text: expect.stringContaining('худший бюджет'),
        kind: 'quote',
        voice: 'quoted',
        speaker: 'Мария Петрова',
      }),
      expect.objectContaining({
        text: 'По-моему, это ужасная и позорная идея.',
        kind: 'other',
        checkworthy: false,
      }),
    ]);
  });

  it('ranks a subjective clause with no kind lower by half its subjectivity', () => {
    const others = [...en.claims!, ...ru.claims!].filter((c) => c.label === 'other');
    expect(others.length).toBe(2);
    for (const c of others) {
      // The other kind has no prior, so the score is the down-weighted model score (both rounded).
      expect(Math.abs(c.score - c.attrs.model * (1 - c.attrs.subjectivity / 2))).toBeLessThan(0.002);
      expect(c.attrs.subjectivity).toBeGreaterThan(0.2);
    }
    const ruOpinion = others.find((c) => ru.claims!.includes(c))!;
    expect(ruOpinion.score).toBeLessThan(ruOpinion.attrs.model - 0.02);
  });
});
