import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import {
  codePointOffset,
  ptcSiFormat,
  semevalSt1Format,
  semevalSt2Format,
  semevalSt3Format,
} from './semeval.js';

// Title, blank line, two paragraphs, a blank line with spaces, a third paragraph; CRLF endings.
const TEXT =
  'Mayor quits 🚨\r\n\r\nThe mayor resigned on Monday.\r\nCritics called him a disgrace!\r\n   \r\nThe council meets next week.\r\n';
const para = (s: string) => {
  const start = TEXT.indexOf(s);
  return { start, end: start + s.length, role: 'body' as const };
};
const P = [
  para('Mayor quits 🚨'),
  para('The mayor resigned on Monday.'),
  para('Critics called him a disgrace!'),
  para('The council meets next week.'),
];

const DOC = {
  schema: 'newsprism/1',
  id: '42',
  text: TEXT,
  meta: {},
  producers: {},
  diagnostics: [],
  paragraphs: P,
  techniques: {
    paragraphs: [
      { paragraph: 0, techniques: [{ technique: 'Loaded_Language', score: 0.6 }] },
      {
        paragraph: 2,
        techniques: [
          { technique: 'Name_Calling-Labeling', score: 0.7 },
          { technique: 'Loaded_Language', score: 0.5 },
        ],
      },
    ],
    spans: [
      { ...P[2]!, technique: 'Name_Calling-Labeling', score: 0.7, paragraph: 2, why: [] },
      {
        start: P[2]!.start + 21,
        end: P[2]!.end,
        technique: 'Loaded_Language',
        score: 0.5,
        paragraph: 2,
        why: [],
      },
      {
        start: P[0]!.start + 6,
        end: P[0]!.end,
        technique: 'Loaded_Language',
        score: 0.6,
        paragraph: 0,
        why: [],
      },
    ],
  },
  frames: [
    { frame: 'Political', score: 0.9, selected: true },
    { frame: 'Morality', score: 0.6, selected: true },
    { frame: 'Economic', score: 0.1, selected: false },
  ],
  genre: { genre: 'reporting', scores: { reporting: 0.7 }, why: [] },
} as unknown as NewsDocument;

const ctx = { layers: new Set<string>(), color: false };

describe('research formats', { timeout: 120_000 }, () => {
  it('semeval2023-st3 numbers every non-blank line of the verbatim file', () => {
    expect(semevalSt3Format().render(DOC, ctx)).toBe(
      '42\t1\tLoaded_Language\n42\t3\t\n42\t4\tName_Calling-Labeling,Loaded_Language\n42\t6\t\n',
    );
  });

  it('semeval2023-st2 lists the selected frames', () => {
    expect(semevalSt2Format().render(DOC, ctx)).toBe('42\tPolitical,Morality\n');
  });

  it('semeval2023-st1 gives the genre', () => {
    expect(semevalSt1Format().render(DOC, ctx)).toBe('42\treporting\n');
  });

  it('ptc-si merges overlapping spans and counts code points', () => {
    const out = ptcSiFormat().render(DOC, ctx);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => l.split('\t').map(Number));
    // The title span ends after the emoji: 13 code points but 14 UTF-16 units.
    expect(rows[0]).toEqual([42, 6, 13]);
    expect(TEXT.slice(P[0]!.start + 6, P[0]!.end)).toBe('quits 🚨');
    const s = P[2]!;
    expect(rows[1]).toEqual([42, s.start - 1, s.end - 1]);
    expect(rows).toHaveLength(2);
  });

  it.each([
    ['abc', 2, 2],
    ['🚨x', 2, 1],
    ['🚨x', 3, 2],
  ])('codePointOffset(%j, %d) = %d', (text, utf16, cp) => {
    expect(codePointOffset(text, utf16)).toBe(cp);
  });
});
