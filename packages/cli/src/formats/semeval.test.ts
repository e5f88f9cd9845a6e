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
    ['🚨x', 1, 1], // inside a pair: the high surrogate alone counts one
    ['a\uD83D', 2, 2], // a lone high surrogate at the end
    ['\uD83Dx', 2, 2], // a high surrogate not followed by a low one
    ['\uD83D\uDBFFx', 3, 3], // … nor by another high one
    ['\uD83D\uE000x', 3, 3], // … nor by the character just past the low range
    ['\uD7FF\uDC00x', 3, 3], // just below the high range: two code points
    ['\uDC00\uDC00', 2, 2], // low surrogates alone
    ['𝕏𝕐', 4, 2],
    ['\uD800\uDC00x', 3, 2], // the first high and first low surrogate: one code point
    ['\uDBFF\uDFFFx', 3, 2], // the last high and last low surrogate: one code point
  ])('codePointOffset(%j, %d) = %d', (text, utf16, cp) => {
    expect(codePointOffset(text, utf16)).toBe(cp);
  });

  it.each([
    [semevalSt1Format, 'semeval2023-st1', ['genre']],
    [semevalSt2Format, 'semeval2023-st2', ['frames']],
    [semevalSt3Format, 'semeval2023-st3', ['paragraphs', 'techniques']],
    [ptcSiFormat, 'ptc-si', ['techniques']],
  ])('%o is named %s and computes %j', (make, name, layers) => {
    const f = make();
    expect(f.name).toBe(name);
    expect(f.layers).toEqual(layers);
    expect(f.description).toMatch(
      /^(SemEval-2023 Task 3 subtask \d|SemEval-2020 Task 11 span identification): /,
    );
  });

  it('prints a row per article (or per line) but no labels when the layers are missing', () => {
    const bare = {
      ...DOC,
      techniques: undefined,
      frames: undefined,
      genre: undefined,
    } as unknown as NewsDocument;
    expect(semevalSt1Format().render(bare, ctx)).toBe('42\t\n');
    expect(semevalSt2Format().render(bare, ctx)).toBe('42\t\n');
    expect(semevalSt3Format().render(bare, ctx)).toBe('42\t1\t\n42\t3\t\n42\t4\t\n42\t6\t\n');
    expect(ptcSiFormat().render(bare, ctx)).toBe('');
    const noParas = { ...DOC, paragraphs: undefined } as unknown as NewsDocument;
    // Lines come from the verbatim text; without paragraphs no line has labels.
    expect(semevalSt3Format().render(noParas, ctx)).toBe('42\t1\t\n42\t3\t\n42\t4\t\n42\t6\t\n');
  });

  it('ptc-si merges spans that touch, keeps apart spans with a gap, sorts by start', () => {
    const span = (start: number, end: number) => ({
      start,
      end,
      technique: 'Doubt',
      score: 1,
      paragraph: 2,
      why: [],
    });
    const doc = {
      ...DOC,
      text: 'abcdefghijklmnopqrstuvwxyz',
      techniques: {
        paragraphs: [],
        spans: [span(20, 24), span(0, 5), span(5, 8), span(9, 12), span(10, 11)],
      },
    } as unknown as NewsDocument;
    expect(ptcSiFormat().render(doc, ctx)).toBe('42\t0\t8\n42\t9\t12\n42\t20\t24\n');
    const same = {
      ...doc,
      techniques: { paragraphs: [], spans: [span(3, 9), span(3, 6)] },
    } as unknown as NewsDocument;
    expect(ptcSiFormat().render(same, ctx)).toBe('42\t3\t9\n');
  });
});
