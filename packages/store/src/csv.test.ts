import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvHeader, csvLine } from './csv.js';

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
});
