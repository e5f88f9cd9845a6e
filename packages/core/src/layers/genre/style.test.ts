import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { genreStyle, STYLE_MEASURES, styleCounts, titleEndOf } from './style.js';

// Short articles written for these tests: a wire report and a column on the same event.
const REPORT = [
  'Council approves new bridge over the Wensum',
  '',
  'NORWICH — The city council on Tuesday approved a new footbridge over the river, officials said.',
  '',
  'The bridge will cost 4.2 million pounds and open in 2027, the council said in a statement.',
  '',
  '"We expect work to begin in the spring," said Anna Reed, who chairs the planning committee.',
  '',
  'Residents told the Eastern Daily Press that traffic on Riverside Road had doubled since 2019.',
].join('\n');

const COLUMN = [
  'Why I will never cross this bridge',
  '',
  'I have lived by this river for thirty years, and I think this bridge is a truly absurd idea. Why should we pay for it? We should be fixing the roads we already have, not dreaming up monuments to our own vanity. Nobody asked us, and nobody will ever ask us, because the council simply does not care what we think!',
  '',
  'Of course, they will call it progress. It is not. It is a very expensive way of telling the people of this city that their views really do not matter.',
].join('\n');

const titleEnd = (text: string) => text.indexOf('\n');

describe('genreStyle', () => {
  const report = genreStyle(REPORT, 'en', titleEnd(REPORT));
  const column = genreStyle(COLUMN, 'en', titleEnd(COLUMN));

  it('gives every measure, as a finite number', () => {
    for (const style of [report, column]) {
      expect(Object.keys(style).sort()).toEqual([...STYLE_MEASURES].sort());
      for (const m of STYLE_MEASURES) expect(Number.isFinite(style[m])).toBe(true);
    }
  });

  it.each([
    ['saidSent', 'report'],
    ['saidPara', 'report'],
    ['quoteShare', 'report'],
    ['digits', 'report'],
    ['caps', 'report'],
    ['iOut', 'column'],
    ['weOut', 'column'],
    ['evalOut', 'column'],
    ['intensOut', 'column'],
    ['questOut', 'column'],
    ['exclOut', 'column'],
    ['wpp', 'column'],
  ] as const)('%s is higher in the %s', (m, higher) => {
    const [hi, lo] = higher === 'report' ? [report, column] : [column, report];
    expect(hi[m]).toBeGreaterThan(lo[m]);
  });

  it('measures attribution per sentence and paragraph', () => {
    // Every body paragraph of the report attributes (said, told); each is one sentence. The
    // column has one attribution verb ("asked") in one of its seven sentences.
    expect(report.saidSent).toBe(1);
    expect(report.saidPara).toBe(1);
    expect(column.saidSent).toBeCloseTo(1 / 7);
  });

  it('does not count first person inside quotes as the outlet speaking', () => {
    // "We expect…" is quoted: the report itself never says "we".
    expect(report.weOut).toBe(0);
  });

  it.each([
    ['He said "we will win" today.', 0, 0],
    ['«Мы победим», — сказал он.', 0, 0],
    ['We said "they will win" today.', 1, 0],
    ['An "unclosed quote we\nWe end it.', 1, 0],
    ['Why? We ask! "Why?" they ask.', 1, 2],
    ['The US and the EU signed. US troops left.', 0, 0],
    ['The US will not help us.', 1, 0],
  ])('%j: first person plural %i, questions and exclamations %i outside quotes', (body, we, marks) => {
    const lang = /[а-я]/i.test(body) ? 'ru' : 'en';
    const s = genreStyle(`Title\n\n${body}`, lang, 5);
    expect(s.weOut > 0 ? 1 : 0).toBe(we);
    expect(Math.round((s.questOut + s.exclOut) * s.words) > 0 ? 1 : 0).toBe(marks > 0 ? 1 : 0);
  });

  it('measures the same quotes whatever the paragraphing', () => {
    // A quote of three sentences: in one paragraph, one sentence per line, and as a quote over
    // two paragraphs that opens again in the second (the news convention); then the outlet's voice.
    const layouts = [
      '"We will win. We must. We can." We said so too. Then we left.',
      '"We will win.\n\nWe must.\n\nWe can."\n\nWe said so too.\n\nThen we left.',
      '"We will win. We must.\n\n"We can." We said so too. Then we left.',
      '"We will win. We must. We can." We said so too. Then we left.'
        .replace('"We', '«We')
        .replace('can."', 'can.»'),
    ];
    const measures = layouts.map((body) => genreStyle(`Title\n\n${body}`, 'en', 5));
    for (const m of measures) {
      expect(m.quoteShare).toBeCloseTo(7 / 14, 6);
      expect(m.weOut).toBeCloseTo(measures[0]!.weOut, 6);
    }
    expect(measures[0]!.weOut).toBeGreaterThan(0);
  });

  it.each([
    ['One. Two! Three? Four… Five.', 5, 1],
    ['He said: "Go." Then he left.', 2, 1],
    ['The U.S. economy grew 2.5 per cent.', 2, 1],
    ['First line\nSecond line\n\n', 2, 2],
    ['Wait... what?', 2, 1], // an ellipsis before a space ends a sentence too
  ])('%j has %i sentences in %i paragraphs', (body, sentences, paras) => {
    const c = styleCounts(body, 'en');
    expect(c.sentences).toBe(sentences);
    expect(c.paras).toBe(paras);
  });

  it('measures distinct words among the first 300 and mean word length, over letter words', () => {
    // 5 letter words, 4 distinct ("the" twice, case ignored); the number is not counted here.
    const s = genreStyle('Title\n\nThe cat saw the 12 birds.', 'en', 5);
    expect(s.ttr).toBeCloseTo(4 / 5, 6);
    expect(s.wordLen).toBeCloseTo((3 + 3 + 3 + 3 + 5) / 5, 6);
    // Past the window, new words no longer count: 300 repeats then 50 fresh words.
    const long = `Title\n\n${'same '.repeat(300)}${Array.from({ length: 50 }, (_, i) => `w${'x'.repeat(i)}`).join(' ')}`;
    expect(genreStyle(long, 'en', 5).ttr).toBeCloseTo(1 / 300, 6);
    // The same words one sentence per line: the same values.
    const lines = genreStyle('Title\n\nThe cat saw.\nThe 12 birds.', 'en', 5);
    const joined = genreStyle('Title\n\nThe cat saw. The 12 birds.', 'en', 5);
    expect(lines.ttr).toBe(joined.ttr);
    expect(lines.wordLen).toBe(joined.wordLen);
  });

  it('leaves the title out', () => {
    const noTitle = genreStyle(REPORT, 'en', 0);
    expect(noTitle.words).toBeGreaterThan(report.words);
  });

  it('has no cue measures for a language without a lexicon, but keeps the rest', () => {
    const s = genreStyle(REPORT, 'xx', titleEnd(REPORT));
    expect(s.saidSent).toBe(0);
    expect(s.quoteShare).toBe(report.quoteShare);
  });
});

// The fixtures are shorter than the minimum length (200 words): decided anyway.
const pipeline = await createPipeline({ layers: ['genre'], options: { genre: { minWords: 0 } } });

describe('genre analyzer on the shipped model', () => {
  const run = (text: string) => pipeline.run({ id: 'x', text, meta: { format: 'text', lang: 'en' } }).genre!;

  it('calls the wire report reporting and the column opinion (never satire in English), with style reasons', () => {
    const r = run(REPORT);
    const c = run(COLUMN);
    expect(r.genre).toBe('reporting');
    expect(c.genre).toBe('opinion');
    // Each gets its decided genre's score alone.
    expect(Object.keys(r.scores)).toEqual(['reporting']);
    expect(Object.keys(c.scores)).toEqual(['opinion']);
    expect(r.why.length).toBeGreaterThan(0);
    expect(r.why.join(' ')).toMatch(/usual/);
  });
});

describe('titleEndOf', () => {
  it('is the end of the first paragraph when another follows, else 0', () => {
    expect(titleEndOf([{ end: 12 }, { end: 80 }])).toBe(12);
    expect(titleEndOf([{ end: 80 }])).toBe(0);
    expect(titleEndOf([])).toBe(0);
  });
});
