import { describe, expect, it } from 'vitest';
import { createModelStore } from '../../models/registry.js';
import { createPipeline } from '../../pipeline.js';
import { loadDepsScorer } from './deps-scorer.js';
import { checkworthiness } from './score.js';

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

describe('claims option deps', async () => {
  const withDeps = await createPipeline({
    layers: ['claims'],
    options: { claims: { minScore: 0, deps: true } },
  });
  const plain = pipeline.run({ id: 'a', text: ARTICLE });
  const parsed = withDeps.run({ id: 'a', text: ARTICLE });
  const scorer = loadDepsScorer(createModelStore().scope())!;

  it('scores English clauses with the model that reads the parse, same clauses and kinds', () => {
    const a = plain.claims!;
    const b = parsed.claims!;
    expect(b.map((c) => [c.start, c.end, c.label])).toEqual(a.map((c) => [c.start, c.end, c.label]));
    for (const c of b) {
      const p = scorer.probability(parsed.text.slice(c.start, c.end), 'en');
      expect(c.attrs.model).toBeCloseTo(p, 3);
      expect(c.attrs.checkworthy).toBe(c.score >= scorer.model.threshold);
    }
    expect(b.some((c, i) => c.attrs.model !== a[i]!.attrs.model)).toBe(true);
    expect(parsed.producers.claims).not.toBe(plain.producers.claims);
  });

  it('leaves the default output as it was: off unless asked for', () => {
    expect(plain.claims!.map((c) => c.attrs.model)).toEqual(
      plain.claims!.map(
        (c) => Math.round(checkworthiness(plain.text.slice(c.start, c.end), 'en').raw * 1000) / 1000,
      ),
    );
  });
});
