import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { renderQuotes, renderSources } from './text-quotes.js';

// Hand-made: a direct quote with a named speaker, cue, relay and a signal; a reported one whose
// speaker is only a source span; one with neither; a scare quote.
const TEXT = '"We will win," Ann Lee, the mayor, said via Reuters. Police said it was calm. It was "safe".';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const doc = {
  text: TEXT,
  quotes: [
    {
      kind: 'direct',
      ...at('"We will win,"'),
      speaker: { name: 'Ann Lee', type: 'person', role: 'the mayor' },
      cue: at('said'),
      via: { name: 'Reuters' },
      signals: [{ type: 'hedge', ...at('will') }],
    },
    {
      kind: 'reported',
      ...at('it was calm'),
      source: at('Police'),
      signals: [],
    },
    { kind: 'reported', ...at('It was'), signals: [] },
    { kind: 'scare', ...at('"safe"'), signals: [] },
    {
      kind: 'direct',
      ...at('Ann Lee'),
      speaker: { name: 'Ann Lee', type: 'person', role: 'Ann Lee' },
      signals: [],
    },
  ],
} as unknown as NewsDocument;

describe('text report: Quotes', () => {
  it('prints speaker, role, cue, relay and signals per quote, then the scare quotes', () => {
    expect(renderQuotes(doc, { layers: new Set(['quotes']), color: false })).toEqual([
      '  [direct] Ann Lee (person, the mayor) said via Reuters: "We will win,"',
      '      hedge: will',
      '  [reported] Police: it was calm',
      '  [reported] unknown speaker: It was',
      '  [direct] Ann Lee (person): Ann Lee',
      '  scare quotes: "safe"',
    ]);
  });

  it('leaves out a cue that is a colon introducing the quotation', () => {
    const text = 'Экономист Игорь Петров сказал:\n\n— Цены будут расти.';
    const span = (x: string) => ({ start: text.indexOf(x), end: text.indexOf(x) + x.length });
    const colon = {
      text,
      quotes: [
        {
          kind: 'direct',
          ...span('— Цены будут расти.'),
          speaker: { name: 'Игорь Петров', type: 'person' },
          cue: span(':'),
          signals: [],
        },
      ],
    } as unknown as NewsDocument;
    expect(renderQuotes(colon, { layers: new Set(['quotes']), color: false })).toEqual([
      '  [direct] Игорь Петров (person): — Цены будут расти.',
    ]);
  });

  it('dims the signals in colour only', () => {
    const lines = renderQuotes(doc, { layers: new Set(['quotes']), color: true });
    expect(lines[1]).toBe('      \x1b[2mhedge: will\x1b[22m');
  });

  it('prints nothing for a document without quotes', () => {
    expect(renderQuotes({ text: 'x' } as NewsDocument, { layers: new Set(), color: false })).toEqual([]);
  });

  it('prints the Sources shares and each source with role, counts and relays', () => {
    const sources = {
      attributedShare: 0.714,
      ownVoiceShare: 0.286,
      anonymousShare: 0.1,
      sources: [
        {
          name: 'Ann Lee',
          type: 'person',
          role: 'the mayor',
          attributions: 2,
          words: 14,
          via: ['Reuters', 'AP'],
        },
        { name: 'Police', type: 'org', role: 'Police', attributions: 1, words: 3, via: [] },
      ],
    };
    expect(renderSources({ text: TEXT, sources } as unknown as NewsDocument)).toEqual([
      "  of the body words, 71% are attributed (quoted or reported) and 29% the outlet's own · anonymous sources: 10% of the attributed words",
      '  Ann Lee (person, the mayor): 2 attributions, 14 words via Reuters, AP',
      '  Police (org): 1 attribution, 3 words',
    ]);
    expect(renderSources({ text: TEXT } as NewsDocument)).toEqual([]);
    // The two shares add up to 100 % as they add up to 1 (rounded apart: 54 % and 47 %).
    const halves = { ...sources, attributedShare: 0.535, ownVoiceShare: 0.465 };
    expect(renderSources({ text: TEXT, sources: halves } as unknown as NewsDocument)[0]).toContain(
      "54% are attributed (quoted or reported) and 46% the outlet's own",
    );
  });
});
