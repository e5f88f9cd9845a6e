import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { renderEntities, renderNaming } from './text-entities.js';

const ctx = { layers: new Set(['entities', 'naming']), color: false };
const ent = (name: string, type: string, mentions: number, aliases: string[] = [], gazetteer?: string) => ({
  name,
  type,
  mentions: Array.from({ length: mentions }, () => ({ start: 0, end: 1 })),
  aliases,
  gazetteer,
});

describe('text report: Entities and Naming (hand-made layers)', () => {
  it('prints one line per type in PER, ORG, LOC, MISC order, entities by mentions', () => {
    const entities = [
      ent('Kyiv', 'LOC', 1),
      ent('Ann Lee', 'PER', 1),
      ent('Bo Li', 'PER', 3, ['Li', 'B. Li', 'Mr Li', 'Bo', 'Dr Li'], 'Q42'),
      ent('Euro', 'MISC', 2),
    ];
    expect(renderEntities({ entities } as unknown as NewsDocument, ctx)).toEqual([
      '  PER  Bo Li [Q42] ×3 (Li, B. Li, Mr Li, Bo); Ann Lee',
      '  LOC  Kyiv',
      '  MISC Euro ×2',
    ]);
    expect(renderEntities({} as NewsDocument, ctx)).toEqual(['  (none)']);
  });

  it('prints the variants, the terms by voice, the profile and the quoted sources', () => {
    const term = (form: string, voice: string, pole: string) => ({
      form,
      voice,
      pole,
      count: 2,
      concept: 'city',
    });
    const naming = {
      entities: [
        {
          name: 'Kyiv',
          variants: [
            { form: 'Kyiv', count: 3, provenance: 'outlet' },
            { form: 'Kiev', count: 1, provenance: 'quoted' },
          ],
        },
      ],
      terms: [
        term('Kiev', 'quoted', 'ru'),
        term('Kyiv', 'outlet', 'ua'),
        term('the regime', 'distanced', 'neutral'),
      ],
      profile: {
        lean: 'ua',
        poles: { ru: 1, ua: 3, neutral: 0 },
        ruShare: 0.25,
        quoted: { ru: 1, ua: 0, neutral: 0 },
      },
    };
    expect(renderNaming({ naming } as unknown as NewsDocument, ctx)).toEqual([
      '  Kyiv: Kyiv ×3 (outlet), Kiev ×1 (quoted)',
      "  terms, outlet's own words: Kyiv ×2 (city, ua)",
      '  terms, in quotations: Kiev ×2 (city, ru)',
      '  terms, kept at a distance: the regime ×2 (city, neutral)',
      "  profile, the outlet's own words: ua — Russian-standard 1, Ukrainian-standard 3, neutral 0 (ru share 25%)",
      '  quoted sources: Russian-standard 1, Ukrainian-standard 0, neutral 0',
    ]);
    const bare = {
      entities: [],
      terms: [term('Kyiv', 'outlet', 'ua')],
      profile: {
        lean: 'none',
        poles: { ru: 0, ua: 1, neutral: 0 },
        ruShare: null,
        quoted: { ru: 0, ua: 0, neutral: 0 },
      },
    };
    expect(renderNaming({ naming: bare } as unknown as NewsDocument, ctx)).toEqual([
      "  terms, outlet's own words: Kyiv ×2 (city, ua)",
      "  profile, the outlet's own words: none — Russian-standard 0, Ukrainian-standard 1, neutral 0 (ru share n/a)",
    ]);
    expect(renderNaming({ naming: { ...bare, terms: [] } } as unknown as NewsDocument, ctx)).toEqual([]);
    expect(renderNaming({} as NewsDocument, ctx)).toEqual([]);
  });

  it('says which repeated paragraphs naming did not count (the entities line counts them)', () => {
    const naming = {
      entities: [{ name: 'Kyiv', variants: [{ form: 'Kiev', count: 3, provenance: 'ru-derived' }] }],
      terms: [],
      profile: { lean: 'ru', poles: { ru: 3, ua: 0, neutral: 0 }, ruShare: 1 },
    };
    const paragraphs = [
      { start: 0, end: 9, role: 'title' },
      { start: 10, end: 19, role: 'title', duplicateOf: 0 },
      { start: 20, end: 39, role: 'standfirst' },
      { start: 40, end: 59, role: 'body', duplicateOf: 2 },
    ];
    expect(renderNaming({ naming, paragraphs } as unknown as NewsDocument, ctx).at(-1)).toBe(
      "  not counted: ¶2, ¶4, which repeat earlier paragraphs (the entities' counts include them)",
    );
    expect(
      renderNaming({ naming, paragraphs: paragraphs.slice(0, 3) } as unknown as NewsDocument, ctx).at(-1),
    ).toBe("  not counted: ¶2, which repeats an earlier paragraph (the entities' counts include it)");
    expect(
      renderNaming({ naming, paragraphs: paragraphs.slice(0, 1) } as unknown as NewsDocument, ctx),
    ).toHaveLength(2);
  });

  it('says what the text writes for a term whose form it never writes', () => {
    const text = 'The Donetsk People’s Republic joined Russia after a referendum; Ukrainian troops left.';
    const span = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const term = (form: string, concept: string, pole: string, words: string[]) => ({
      form,
      concept,
      pole,
      voice: 'outlet',
      count: words.length,
      mentions: words.map(span),
    });
    const naming = {
      entities: [],
      terms: [
        term('DPR', 'separatist-republics', 'ru', ['Donetsk People’s Republic']),
        term('accession', 'status-change', 'ru', ['joined Russia']),
        term('referendum', 'referendum', 'neutral', ['referendum']),
        term('Ukrainian forces', 'ukrainian-forces', 'neutral', ['Ukrainian troops']),
      ],
      profile: { lean: 'ru', poles: { ru: 2, ua: 0, neutral: 2 }, ruShare: 1 },
    };
    expect(renderNaming({ text, naming } as unknown as NewsDocument, ctx)[0]).toBe(
      "  terms, outlet's own words: DPR ×1 (separatist-republics, ru; written “Donetsk People’s Republic”); " +
        'accession ×1 (status-change, ru; written “joined Russia”); referendum ×1 (referendum, neutral); ' +
        'Ukrainian forces ×1 (ukrainian-forces, neutral; written “Ukrainian troops”)',
    );
  });
});
