// The server's analysis in core's worker pool (pool-analysis.ts): the layers it produces, bad
// settings refused at start, and a document's failure as a NewsprismError with its code. Each
// test starts one worker thread (its pipeline's models load there): a second or more.
import { heavyLayers, NewsprismError } from '@newsprism/core/schema';
import { describe, expect, it } from 'vitest';
import { poolAnalysis } from './pool-analysis.js';

describe('poolAnalysis', () => {
  it('produces every layer but the heavy ones by default', async () => {
    const a = await poolAnalysis({ jobs: 1, timeBudgetMs: 60_000 });
    try {
      expect(a.layers).toEqual(
        expect.arrayContaining([
          'quotes',
          'claims',
          'frames',
          'techniques',
          'naming',
          'sources',
          'subjectivity',
        ]),
      );
      for (const heavy of heavyLayers.filter((l) => l !== 'tokens')) expect(a.layers).not.toContain(heavy);
    } finally {
      await a.close();
    }
  });

  it('produces the layers asked for with what they require, and analyses in the worker', async () => {
    const a = await poolAnalysis({ layers: ['quotes'], jobs: 1, timeBudgetMs: 60_000 });
    try {
      expect([...a.layers].sort()).toEqual(['language', 'paragraphs', 'quotes', 'sentences', 'tokens']);
      const doc = await a.analyze({ id: 'p1', text: 'The minister said: "We will win."' });
      expect(doc.id).toBe('p1');
      expect(doc.quotes?.map((q) => doc.text.slice(q.start, q.end))).toEqual(['"We will win."']);
    } finally {
      await a.close();
    }
  });

  it.each([
    ['an unknown layer', { layers: ['nope'] }, 'E_UNKNOWN_LAYER'],
    ['an unknown option', { layers: ['quotes'], options: { quotes: { nope: 1 } } }, 'E_UNKNOWN_OPTION'],
  ])('refuses %s at start', async (_name, settings, code) => {
    await expect(poolAnalysis({ jobs: 1, timeBudgetMs: 60_000, ...settings })).rejects.toMatchObject({
      code,
    });
  });

  it('fails a document over the time budget with E_TIME_BUDGET, a NewsprismError', async () => {
    // A millisecond of CPU time: no document of 300 KB is analysed within it.
    const a = await poolAnalysis({ layers: ['quotes'], jobs: 1, timeBudgetMs: 1 });
    try {
      const err = await a
        .analyze({ id: 'long', text: 'He said: "yes". '.repeat(20_000) })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NewsprismError);
      expect(err).toMatchObject({ code: 'E_TIME_BUDGET' });
      expect((err as Error).message).toMatch(/budgeted for one document/);
    } finally {
      await a.close();
    }
  });
});
