import { describe, expect, it } from 'vitest';
import type { SemevalArticle } from './dataset.js';
import { originalOffset, relayout } from './layouts.js';
import { spanTechniques } from './segment.js';
import { layoutGroups } from './train-techniques.js';

// Written for this test: a title and two body paragraphs, the second of two sentences.
const TEXT = 'A title\n\nFirst one is plain. Vile crooks lie.\n\nThey lie again. All is fine.\n';
const at = (s: string) => TEXT.indexOf(s);
const ARTICLE: SemevalArticle = {
  id: '1',
  dir: 'en',
  lang: 'en',
  text: TEXT,
  spans: [
    { technique: 'Name_Calling-Labeling', start: at('Vile crooks'), end: at('Vile crooks') + 11 },
    // A span across the paragraph break.
    { technique: 'Repetition', start: at('lie.'), end: at('They lie') + 8 },
  ],
};
const PARAS = [
  { start: 0, end: 7 },
  { start: at('First'), end: at('lie.') + 4 },
  { start: at('They'), end: at('fine.') + 5 },
];
const SENTS = [
  { start: 0, end: 7, paragraph: 0 },
  { start: at('First'), end: at('plain.') + 6, paragraph: 1 },
  { start: at('Vile'), end: at('lie.') + 4, paragraph: 1 },
  { start: at('They'), end: at('again.') + 6, paragraph: 2 },
  { start: at('All'), end: at('fine.') + 5, paragraph: 2 },
];

describe('relayout', () => {
  it('keeps the lines of the original layout, labelled from the spans', () => {
    const l = relayout(ARTICLE, PARAS, SENTS, 'original');
    expect(l.text).toBe(TEXT);
    expect([...l.lines]).toEqual([
      [1, []],
      [3, ['Name_Calling-Labeling', 'Repetition']],
      [5, ['Repetition']],
    ]);
  });

  it('puts each sentence of the body on its own line, the spans following their text', () => {
    const l = relayout(ARTICLE, PARAS, SENTS, 'sentences');
    expect(l.text.split('\n\n')).toEqual([
      'A title',
      'First one is plain.',
      'Vile crooks lie.',
      'They lie again.',
      'All is fine.\n',
    ]);
    expect([...l.lines.values()]).toEqual([
      [],
      [],
      ['Name_Calling-Labeling', 'Repetition'],
      ['Repetition'],
      [],
    ]);
    for (const s of l.spans)
      expect(ARTICLE.text.slice(originalOffset(l, s.start), originalOffset(l, s.end))).toBe(
        l.text.slice(s.start, s.end),
      );
    expect(l.spans.map((s) => l.text.slice(s.start, s.end))).toEqual(['Vile crooks', 'lie.', 'They lie']);
  });

  it('merges body paragraphs into long lines, the title alone', () => {
    const l = relayout(ARTICLE, PARAS, SENTS, 'merged', 3);
    expect(l.text).toBe('A title\n\nFirst one is plain. Vile crooks lie.\n\nThey lie again. All is fine.\n');
    const all = relayout(ARTICLE, PARAS, SENTS, 'merged', 100);
    expect(all.text).toBe('A title\n\nFirst one is plain. Vile crooks lie. They lie again. All is fine.\n');
    expect([...all.lines]).toEqual([
      [1, []],
      [3, ['Name_Calling-Labeling', 'Repetition']],
    ]);
    const second = all.text.indexOf('They');
    expect(originalOffset(all, second)).toBe(at('They'));
  });

  it('labels a unit with the techniques of spans that overlap it by more than white space', () => {
    const gap = { start: at('lie.') + 4, end: at('They') };
    expect(spanTechniques(ARTICLE, [gap, SENTS[1]!, SENTS[3]!])).toEqual([[], [], ['Repetition']]);
  });

  it('groups the sentences of each layout line with the gold of the relaid line', () => {
    const seg = { paragraphs: PARAS, sentences: SENTS };
    for (const [layout, words, members] of [
      ['original', 90, [[0], [1, 2], [3, 4]]],
      ['sentences', 90, [[0], [1], [2], [3], [4]]],
      ['merged', 100, [[0], [1, 2, 3, 4]]],
    ] as const) {
      const groups = layoutGroups(ARTICLE, seg, layout, words);
      expect(groups.map((g) => g.members)).toEqual(members);
      expect(groups.map((g) => g.gold)).toEqual([
        ...relayout(ARTICLE, PARAS, SENTS, layout, words).lines.values(),
      ]);
    }
  });
});
