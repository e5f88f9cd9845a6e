import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { splitLines, splitParagraphs } from './paragraphs.js';

const pipeline = await createPipeline({ layers: ['paragraphs'] });
const analyze = (text: string) => pipeline.run({ id: 't', text, meta: { format: 'text' } });
const roles = (text: string) => {
  const d = analyze(text);
  return d.paragraphs!.map((p) => [p.role, text.slice(p.start, p.end).slice(0, 24), p.duplicateOf]);
};

// Shaped like a wire story republished by an aggregator: title twice, standfirst, dateline lead.
const WIRE = `Minsk Talks Stall Over Grain Corridor - Diplomat

Minsk Talks Stall Over Grain Corridor - Diplomat

Talks on reopening the grain corridor stalled on Monday, a European diplomat told Sputnik

MINSK (Example News / Sputnik - 3rd March, 2023) Talks on reopening the grain corridor stalled on Monday, a European diplomat told Sputnik.

"Nobody wants to move first," the diplomat said.`;

// Shaped like a broadcaster page: a standfirst over a photo caption, no headline.
const PAGE = `Ministers want the port reopened before the harvest reaches the coast next month
Cargo ships wait at anchor outside the port of Izmail on March 2, 2023 © Jane Roe / Example Images
Ministers believe the port should reopen soon, according to several outlets.
The decision rests with the port authority.`;

describe('paragraph layout', () => {
  it('finds title, repeated title, standfirst and dateline in a wire story', () => {
    expect(roles(WIRE)).toEqual([
      ['title', 'Minsk Talks Stall Over G', undefined],
      ['title', 'Minsk Talks Stall Over G', 0],
      ['standfirst', 'Talks on reopening the g', undefined],
      ['body', 'MINSK (Example News / Sp', 2],
      ['body', '"Nobody wants to move fi', undefined],
    ]);
    const d = analyze(WIRE);
    expect(d.meta.title).toBe('Minsk Talks Stall Over Grain Corridor - Diplomat');
    expect(d.meta.standfirst).toMatch(/^Talks on reopening .* told Sputnik$/);
    expect(d.meta.dateline).toMatchObject({
      place: 'MINSK',
      agencies: ['Example News', 'Sputnik'],
      date: '3rd March, 2023',
    });
    expect(WIRE.slice(d.meta.dateline!.start, d.meta.dateline!.end)).toBe(
      'MINSK (Example News / Sputnik - 3rd March, 2023)',
    );
    expect(d.meta.published).toBe('2023-03-03');
    expect(d.meta.outlet).toBe('Example News');
  });

  it('reads a long line over a photo caption as a standfirst, which stands in for the title', () => {
    expect(roles(PAGE).map((r) => r[0])).toEqual(['standfirst', 'caption', 'body', 'body']);
    const d = analyze(PAGE);
    // The page's headline was lost with its markup: the standfirst is the only heading left.
    expect(d.meta.title).toBe(PAGE.slice(0, PAGE.indexOf('\n')));
    expect(d.meta.standfirst).toMatch(/^Ministers want/);
    const cap = d.paragraphs![1]!;
    expect(PAGE.slice(cap.credit!.start, cap.credit!.end)).toBe('© Jane Roe / Example Images');
  });

  it.each([
    ['09:00 Port reopens after a week of talks', 'Port reopens after a week of talks'],
    ['Порт открылся после недели переговоров 11:59', 'Порт открылся после недели переговоров'],
    [
      '13:15 «Порт открыт»: министр прокомментировал решение',
      '«Порт открыт»: министр прокомментировал решение',
    ],
    ['Port reopens after a week of talks04:35', 'Port reopens after a week of talks'],
    ['Talks on the port resume at 10:30', 'Talks on the port resume at 10:30'],
    ['Переговоры о порте продолжатся в 10:30', 'Переговоры о порте продолжатся в 10:30'],
    ['Boeing 737 10:30', 'Boeing 737 10:30'],
    [
      'Киев ответил на идею закончить спор одним звонком. Готов ли порт? 14:11',
      'Киев ответил на идею закончить спор одним звонком. Готов ли порт?',
    ],
    // A score after a result is the headline's own; a glued time is always the feed's.
    ['Zenit beat Dynamo 23:19', 'Zenit beat Dynamo 23:19'],
    ['«Зенит» обыграл «Динамо» 2:10', '«Зенит» обыграл «Динамо» 2:10'],
    ['Сборная сыграла вничью с Сербией 1:01', 'Сборная сыграла вничью с Сербией 1:01'],
    ['Зенит — Динамо 23:19', 'Зенит — Динамо 23:19'],
    ['Real Madrid - Barcelona 21:20', 'Real Madrid - Barcelona 21:20'],
    ['Lakers edge Celtics 101:99', 'Lakers edge Celtics 101:99'],
    ['Rovers lost 3:1 at home', 'Rovers lost 3:1 at home'],
    ['Zenit beat Dynamo in the cup final06:35', 'Zenit beat Dynamo in the cup final'],
  ])('takes a news feed clock time out of the title %s', (line, title) => {
    const text = `${line}\n\nThe port reopened on Monday after a week of talks.`;
    const d = analyze(text);
    expect(d.meta.title).toBe(title);
    // The paragraph keeps its whole line: offsets never move.
    expect(d.paragraphs![0]).toMatchObject({ role: 'title', start: 0, end: line.length });
  });

  it('keeps input metadata over detected values', () => {
    const d = pipeline.run({
      id: 'x',
      text: WIRE,
      meta: { format: 'text', outlet: 'Given Outlet', title: 'Given' },
    });
    expect(d.meta.outlet).toBe('Given Outlet');
    expect(d.meta.title).toBe('Given');
    expect(d.paragraphs![0]!.role).not.toBe('title');
  });

  it.each([
    ['WASHINGTON (Reuters) - The Senate voted.', 'WASHINGTON (Reuters)', ['Reuters']],
    ['KYIV, Ukraine (AP) — Sirens sounded.', 'KYIV, Ukraine (AP)', ['AP']],
    ['МОСКВА, 22 мая. /ТАСС/. Песков заявил о переговорах.', 'МОСКВА, 22 мая. /ТАСС/.', ['ТАСС']],
  ])('detects the dateline of %s', (lead, surface, agencies) => {
    const text = `Some Headline Here\n\n${lead}\n\nMore text follows here.`;
    const d = analyze(text);
    expect(text.slice(d.meta.dateline!.start, d.meta.dateline!.end)).toBe(surface);
    expect(d.meta.dateline!.agencies).toEqual(agencies);
  });

  it('marks bylines and does not take ordinary sentences for them', () => {
    const text = 'Port Reopens\n\nBy Anna Example and Ivan Sample\n\nBy noon, the port had reopened.';
    expect(roles(text).map((r) => r[0])).toEqual(['title', 'byline', 'body']);
    expect(analyze(text).meta.byline).toBe('Anna Example and Ivan Sample');
  });
});

describe('splitParagraphs', () => {
  it('keeps verbatim offsets with \\r\\n and trims blanks', () => {
    const text = '  Title\r\n\r\n First para.  \r\nSecond para.\r\n';
    expect(splitLines(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Title',
      'First para.',
      'Second para.',
    ]);
  });

  it('joins hard-wrapped blocks separated by blank lines', () => {
    const text =
      'The council met on\nMonday to discuss\nthe budget.\n\nIt adjourned without\na vote on the\nproposal.\n\nA new session\nis set for\nFriday.';
    expect(splitParagraphs(text).map((s) => text.slice(s.start, s.end).replace(/\n/g, ' '))).toEqual([
      'The council met on Monday to discuss the budget.',
      'It adjourned without a vote on the proposal.',
      'A new session is set for Friday.',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitParagraphs(' \n\t\r\n ')).toEqual([]);
  });
});
