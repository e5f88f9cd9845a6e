import { createPipeline } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import type { DatelineLabel } from './labels.js';
import { emptyDatelineCounts, scoreDateline } from './score.js';

const p = await createPipeline({ layers: ['paragraphs', 'entities', 'quotes'] });
const TEXT = 'Port Reopens After Talks\n\nODESA (Reuters) - The port reopened on Monday.\n\nSource: Sputnik';
const doc = p.run({ id: 'x', text: TEXT, meta: { format: 'text' } });
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const label = (over: Partial<DatelineLabel>): DatelineLabel => ({
  dataset: 'own',
  file: 'x.txt',
  split: 'dev',
  authors: [],
  spans: [],
  ...over,
});

describe('scoreDateline', () => {
  it('counts a right outlet, place and spans, with outlet names compared canonically', () => {
    const acc = emptyDatelineCounts();
    scoreDateline(
      doc,
      label({
        outlet: 'Рейтер',
        agency: 'Sputnik',
        place: at('ODESA'),
        spans: [
          { kind: 'dateline', ...at('ODESA (Reuters)') },
          { kind: 'credit', ...at('Source: Sputnik') },
        ],
      }),
      acc,
    );
    expect(acc).toMatchObject({ items: 1, outletRight: 1, agencyRight: 1, placesRight: 1, spansRight: 2 });
    expect(acc.predSpans).toBe(2);
    expect(acc.speakersInSpans).toBe(0);
  });

  it('counts a wrong outlet and a missed span', () => {
    const acc = emptyDatelineCounts();
    scoreDateline(doc, label({ outlet: 'AFP', spans: [{ kind: 'dateline', ...at('ODESA') }] }), acc);
    expect(acc).toMatchObject({ outletRight: 0, spansRight: 0, goldSpans: 1 });
    expect(acc.wrong[0]).toMatch(/outlet Reuters ≠ AFP/);
  });
});
