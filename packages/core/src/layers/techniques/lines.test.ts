import { describe, expect, it } from 'vitest';
import { fileLines, labelsByLine } from './lines.js';

describe('fileLines', () => {
  it.each([
    [
      'Title\n\nOne\nTwo\n',
      [
        [1, 'Title'],
        [3, 'One'],
        [4, 'Two'],
      ],
    ],
    [
      'Title\r\n\r\nOne\r\n  \r\nTwo',
      [
        [1, 'Title'],
        [3, 'One'],
        [5, 'Two'],
      ],
    ],
    ['\n\nOnly\n', [[3, 'Only']]],
  ])('numbers the non-blank lines of %j', (text, expected) => {
    const lines = fileLines(text);
    expect(lines.map((l) => [l.line, text.slice(l.start, l.end)])).toEqual(expected);
  });
});

describe('labelsByLine', () => {
  it('gives each line the labels of the paragraph over it, and none to the rest', () => {
    const text = 'Head\n\nFirst para.\nSecond para.\n';
    const paragraphs = [
      { start: 0, end: 4 },
      { start: 6, end: 17 },
      { start: 18, end: 30 },
    ];
    expect(text.slice(18, 30)).toBe('Second para.');
    const out = labelsByLine(text, paragraphs, new Map([[2, ['Doubt']]]));
    expect(out).toEqual([
      { line: 1, labels: [] },
      { line: 3, labels: [] },
      { line: 4, labels: ['Doubt'] },
    ]);
  });

  it('repeats a joined paragraph’s labels on each of its lines', () => {
    const text = 'Head\n\nwrapped line one\nwrapped line two\n';
    const out = labelsByLine(
      text,
      [
        { start: 0, end: 4 },
        { start: 6, end: 39 },
      ],
      new Map([[1, ['Loaded_Language']]]),
    );
    expect(out.map((l) => l.labels)).toEqual([[], ['Loaded_Language'], ['Loaded_Language']]);
  });
});
