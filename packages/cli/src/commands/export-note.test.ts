import { describe, expect, it } from 'vitest';
import { sentenceFormatNote } from './export.js';

describe('export in a sentence format: a note when documents are articles', () => {
  it('says how many documents are longer than a sentence and where the article figure is', () => {
    expect(sentenceFormatNote('subjectivity', 1, 1)).toBe(
      "newsprism: note: 1 of 1 document is longer than one sentence; --format subjectivity labels each whole document as one sentence (a CheckThat! record); for articles the csv export's subjectivity column holds what the analysis found",
    );
    expect(sentenceFormatNote('checkworthy', 3, 5)).toContain(
      "3 of 5 documents are longer than one sentence; --format checkworthy labels each whole document as one sentence (a CheckThat! record); for articles the csv export's checkworthy column",
    );
  });

  it('says nothing for one-sentence records or other formats', () => {
    expect(sentenceFormatNote('subjectivity', 0, 12)).toBeUndefined();
    expect(sentenceFormatNote('semeval2023-st1', 4, 4)).toBeUndefined();
  });
});
