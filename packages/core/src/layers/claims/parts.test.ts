// Unit tests of the claims layer's parts on strings written here (no pipeline, no models):
// evidence, cue lists, clause splitting, quotation marks, voices and sentence features.
import { describe, expect, it } from 'vitest';
import { splitClauses } from './clauses.js';
import { compiledCues, cueListBit, cueLists, findCue } from './cues.js';
import { findEvidence } from './evidence.js';
import { quotedRegions, quotedShare } from './quoted.js';
import { sentenceWords } from './words.js';

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
