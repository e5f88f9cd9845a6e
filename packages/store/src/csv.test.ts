import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvHeader, csvLine } from './csv.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

const doc = (title: string): NewsDocument => ({
  schema: 'newsprism/2',
  id: 'd1',
  text: `${title}\nBody, with a comma.`,
  meta: { title, outlet: 'Example "Wire"', published: '2023-05-22', lang: 'en' },
  producers: {},
  diagnostics: [],
});

describe('CSV export', () => {
  it('has one cell per column, quoting commas and quotes', () => {
    const line = csvLine(doc('Kiev, again'));
    expect(csvHeader()).toBe(`${CSV_HEADER.join(',')}\n`);
    expect(line.startsWith('d1,"Kiev, again","Example ""Wire""",2023-05-22,en,')).toBe(true);
  });

  it.each(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'])('neutralises a formula-like cell: %s', (title) => {
    const cellText = csvLine(doc(title)).split(',')[1]!;
    expect(cellText.replace(/^"/, '').startsWith(`'${title[0]}`)).toBe(true);
  });

  it('writes what the analysis found, one cell a column, empty where a layer is missing', () => {
    expect(SMALL_CORPUS.map(csvLine)).toEqual([
      'a1,Oil sanctions widen,Alpha,2023-01-01,en,12,reporting,Economic,Loaded_Language:2 Doubt:1,2,1,0.7,0.5,0.375,0.125,0,0.25\n',
      'a2,Kiev talks,Alpha,2023-01-31,en,9,opinion,Political,Doubt:2,1,0,0.3,1,0,0,1,\n',
      'b1,Санкции против нефти,Beta,2023-02-10T08:00:00Z,ru,10,reporting,Economic Security_and_defense,,0,0,,0,0,1,0.5,\n',
      'b2,Gas deal,Beta,2023-01-20,en,7,,,,0,0,,,,,,\n',
      'n1,,,,en,3,,,,0,0,,,,,,\n',
    ]);
    expect(csvLine(SMALL_CORPUS[0]!).split(',')).toHaveLength(CSV_HEADER.length);
  });

  it('writes the voice shares as `newsprism report` does: own, named, anonymous, adding up to 1', () => {
    // a1: half its body words attributed, a quarter of those to an anonymous source.
    const cells = Object.fromEntries(
      CSV_HEADER.map((h, i) => [h, csvLine(SMALL_CORPUS[0]!).trimEnd().split(',')[i]]),
    );
    expect([cells.own_voice, cells.attributed, cells.anonymous].map(Number)).toEqual([0.5, 0.375, 0.125]);
    // The claims the text report marks check-worthy, beside all the scored statements.
    expect([cells.claims, cells.checkworthy]).toEqual(['2', '1']);
  });

  it.each([
    ['a\nb', '"a\nb"'],
    ['a\rb', '"a\rb"'],
    ['say "hi"', '"say ""hi"""'],
    ['\tTab', "'\tTab"],
    ['\rCR', `"'\rCR"`],
    ['a=b', 'a=b'],
  ])('quotes or neutralises %j', (title, cell) => {
    expect(csvLine(handDoc('d', 'x', { title })).startsWith(`d,${cell},`)).toBe(true);
  });

  it('rounds the voice shares to 3 decimals, and leaves them empty when either share is missing', () => {
    const voice = (sources: Record<string, unknown>) => {
      const line = csvLine(handDoc('v', 'Title\n\nBody words here.', { lang: 'en' }, { sources })).trimEnd();
      const cells = line.split(',');
      return [cells[CSV_HEADER.indexOf('attributed')], cells[CSV_HEADER.indexOf('anonymous')]];
    };
    // Two thirds attributed, a third of that anonymous: 4/9 named, 2/9 anonymous.
    expect(
      voice({ ownVoiceShare: 1 / 3, attributedShare: 2 / 3, anonymousShare: 1 / 3, sources: [] }),
    ).toEqual(['0.444', '0.222']);
    // A sources layer without one of the two shares: nothing to split.
    expect(voice({ ownVoiceShare: 0.5, attributedShare: 0.5, sources: [] })).toEqual(['', '']);
    expect(voice({ ownVoiceShare: 0.5, anonymousShare: 0.5, sources: [] })).toEqual(['', '']);
  });
});
