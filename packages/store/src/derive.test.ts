import { describe, expect, it } from 'vitest';
import { deriveRows, deriveSummary } from './derive.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';

describe('deriveSummary', () => {
  it('gives what deriveRows gives, without the text, layers and index columns', () => {
    for (const doc of SMALL_CORPUS) {
      const { terms, doc: row, ...tables } = deriveRows(doc);
      const { producers, layers, text, ftsTitle, ftsBody, ...summary } = row;
      expect(deriveSummary(doc)).toEqual({ doc: summary, ...tables });
      expect(text).toBe(doc.text);
      expect(ftsBody.trim().split(' ')).toHaveLength(summary.words);
    }
  });

  it('counts the words the index holds, letters and digits in any script', () => {
    const doc = { ...SMALL_CORPUS[0]!, text: 'Киев, 2023: the talks — re-opened!' };
    expect(deriveSummary(doc).doc.words).toBe(6);
  });
});
