// The server's analysis in core's worker pool (pool-analysis.ts): the layers it produces, bad
// settings refused at start, and a document's failure as a NewsprismError with its code.
import { heavyLayers, NewsprismError } from '@newsprism/core/schema';
import { describe, expect, it } from 'vitest';
import { poolAnalysis, poolLayers } from './pool-analysis.js';

describe('poolLayers', () => {
  it('asks for every layer but the heavy ones by default', () => {
    const { wanted, layers } = poolLayers();
    expect(wanted).toEqual(
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
    for (const heavy of heavyLayers) expect(wanted).not.toContain(heavy);
    // Tokens come in as what entities need; syntax, which nothing by default needs, does not.
    expect(layers).toContain('tokens');
    expect(layers).not.toContain('syntax');
  });

  it('gives the layers asked for with what they require', () => {
    const { wanted, layers } = poolLayers(['quotes']);
    expect(wanted).toEqual(['quotes']);
    expect([...layers].sort()).toEqual(['language', 'paragraphs', 'quotes', 'sentences', 'tokens']);
  });
});

// Each test below that gets past the layers starts one worker thread (its pipeline's models
// load there): a second or more. startServer's test analyses through a pool.
describe('poolAnalysis', () => {
  it.each([
    ['an unknown layer', { layers: ['nope'] }, 'E_UNKNOWN_LAYER'],
    ['an unknown option', { layers: ['quotes'], options: { quotes: { nope: 1 } } }, 'E_UNKNOWN_OPTION'],
  ])('refuses %s at start', async (_name, settings, code) => {
    await expect(poolAnalysis({ jobs: 1, timeBudgetMs: 60_000, ...settings })).rejects.toMatchObject({
      code,
    });
  });

  it('fails a document whose text is over maxText with E_TEXT_TOO_LARGE, and analyses one within it', async () => {
    const a = await poolAnalysis({ layers: ['sentences'], jobs: 1, timeBudgetMs: 60_000, maxText: 100 });
    try {
      const err = await a
        .analyze({ id: 'long', text: 'The pier opened. '.repeat(10) })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NewsprismError);
      expect(err).toMatchObject({ code: 'E_TEXT_TOO_LARGE' });
      expect((err as Error).message).toMatch(
        /^long has at least 170 bytes of text, over the 100 bytes limit .*--max-text$/,
      );
      const doc = await a.analyze({ id: 'short', text: 'The pier opened. '.repeat(5) });
      expect(doc.sentences).toHaveLength(5);
    } finally {
      await a.close();
    }
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
