import type { ReportGroup } from '@newsprism/store';
import { describe, expect, it } from 'vitest';
import { namingForms, namingLine, reportCsv, reportTable, termForms, termsLine } from './report-output.js';

const NONE = { ua: 0, ru: 0, neutral: 0 };
const NO_TERMS: ReportGroup['terms'] = {
  ruShare: null,
  own: NONE,
  quoted: NONE,
  distanced: NONE,
  concepts: {},
};
// An outlet's own voice: invasion 3, SMO 1 (ru 1 of 4), `occupied territories` 1; a quoted SMO
// and a distanced one apart.
const TERMS: ReportGroup['terms'] = {
  ruShare: 0.25,
  own: { ua: 3, ru: 1, neutral: 1 },
  quoted: { ua: 0, ru: 2, neutral: 0 },
  distanced: { ua: 0, ru: 1, neutral: 0 },
  concepts: {
    war: {
      'special military operation': { count: 1, pole: 'ru' },
      war: { count: 1, pole: 'neutral' },
      invasion: { count: 3, pole: 'ua' },
    },
    territories: { 'occupied territories': { count: 1, pole: 'ua' } },
  },
};

const group = (documents: number, entities: ReportGroup['naming']['entities']): ReportGroup => ({
  outlet: 'Example Wire',
  documents,
  words: 1200,
  voice: { own: 0.6, attributed: 0.3, anonymous: 0.1 },
  techniqueRates: {},
  frames: {},
  genres: {},
  naming: { ruShare: 0.5, entities },
  terms: NO_TERMS,
  topEntities: [],
  topSources: [],
});

describe('the report table', () => {
  it('shows every name written in more than one form, Kyiv among six names of three forms', () => {
    const three = (a: string) => ({ [`${a}1`]: 0.5, [`${a}2`]: 0.3, [`${a}3`]: 0.2 });
    const entities: ReportGroup['naming']['entities'] = {
      Kyiv: { Kiev: 0.34, Kyiv: 0.66 },
      Lviv: { Lviv: 1 },
      ...Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F'].map((n) => [n, three(n)])),
    };
    const line = namingLine(entities);
    expect(line).toContain('Kyiv: Kyiv 66.0%, Kiev 34.0%');
    // Most forms first; a name of one form only when fewer than six names differ.
    expect(line.indexOf('A: ')).toBeLessThan(line.indexOf('Kyiv: '));
    expect(line).not.toContain('Lviv');
    expect(namingLine({ Kyiv: { Kiev: 1 }, Lviv: { Lviv: 1 } })).toBe('Kyiv: Kiev 100.0%; Lviv: Lviv 100.0%');
  });

  it('writes voice parts that add up to 100.0% (each rounded alone: 99.9%), named and anonymous sources apart', () => {
    const voice = { own: 0.61742, attributed: 0.36713, anonymous: 0.01545 };
    expect(reportTable([{ ...group(1, {}), voice }])).toContain(
      'voice       own 61.7%, named sources 36.7%, anonymous sources 1.6%',
    );
    expect(reportTable([group(1, {})])).toContain(
      'voice       own 60.0%, named sources 30.0%, anonymous sources 10.0%',
    );
  });

  it('says 1 document, not 1 documents', () => {
    expect(reportTable([group(1, {})])).toMatch(/^== Example Wire: 1 document, 1,200 words$/m);
    expect(reportTable([group(2, {})])).toMatch(/^== Example Wire: 2 documents, 1,200 words$/m);
  });

  it('writes every name and its forms in the CSV, for which outlet writes Kiev', () => {
    const entities = { Lviv: { Lviv: 1 }, Kyiv: { Kiev: 0.34, Kyiv: 0.66 } };
    expect(namingForms(entities)).toBe('Kyiv: Kyiv 0.66, Kiev 0.34; Lviv: Lviv 1');
    const [header, row] = reportCsv([group(2, entities)])
      .trimEnd()
      .split('\n');
    expect(header!.split(',').at(-1)).toBe('naming_forms');
    // Not the export's per-article `ru_naming_share` (own words and terms): another name.
    expect(header!.split(',')).toContain('ru_mentions_share');
    expect(header!.split(',')).not.toContain('ru_naming_share');
    expect(row!.endsWith(',"Kyiv: Kyiv 0.66, Kiev 0.34; Lviv: Lviv 1"')).toBe(true);
  });
});

describe('report table: the naming share says what it counts', () => {
  it('every mention of a contested name, quotations included (an article counts its own words)', () => {
    const line = reportTable([group(1, { Kyiv: { Kiev: 1 } })])
      .split('\n')
      .find((l) => l.startsWith('naming'));
    expect(line).toBe(
      "naming      Russian-standard 50.0% of the contested names' mentions, quotations included; Kyiv: Kiev 100.0%",
    );
    const none = reportTable([{ ...group(1, {}), naming: { ruShare: null, entities: {} } }])
      .split('\n')
      .find((l) => l.startsWith('naming'));
    expect(none).toBe('naming      no Russian- or Ukrainian-standard names (or the naming layer not stored)');
  });
});

describe("report: the war's terms", () => {
  const lines = (g: ReportGroup) => reportTable([g]).split('\n');

  it("shows the own voice's ru share with its counts, quoted and distanced apart, and each concept's forms", () => {
    const out = lines({ ...group(2, {}), terms: TERMS });
    expect(out.find((l) => l.startsWith('terms '))).toBe(
      'terms       own voice: Russian-standard 25.0% (ru 1, ua 3, neutral 1); quoted ru 2, ua 0, neutral 0; distanced ru 1, ua 0, neutral 0',
    );
    // Concepts in name order, forms most used first (ties by name), up to three.
    expect(out.find((l) => l.startsWith('term forms'))).toBe(
      'term forms  territories: occupied territories 1 ua; war: invasion 3 ua, special military operation 1 ru, war 1 neutral',
    );
    // The forms left out are counted (the terms line counts them).
    expect(termForms(TERMS.concepts, 1)).toBe(
      'territories: occupied territories 1 ua; war: invasion 3 ua, +2 more',
    );
  });

  it('says when there are no terms, or none polar in its own voice', () => {
    const out = lines(group(1, {}));
    expect(out.find((l) => l.startsWith('terms '))).toBe('terms       —');
    expect(out.find((l) => l.startsWith('term forms'))).toBe('term forms  —');
    const quotedOnly = { ...NO_TERMS, quoted: { ua: 1, ru: 0, neutral: 0 } };
    expect(termsLine(quotedOnly)).toBe(
      'own voice: no Russian- or Ukrainian-standard terms (ru 0, ua 0, neutral 0); quoted ru 0, ua 1, neutral 0; distanced ru 0, ua 0, neutral 0',
    );
  });

  it("writes the share next to the names' share, the uses by voice and pole, and every form, in the CSV", () => {
    const csv = reportCsv([{ ...group(2, {}), terms: TERMS }, group(1, {})])
      .trimEnd()
      .split('\n')
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const [header, row, empty] = csv as [string[], string[], string[]];
    const col = (name: string) => header.indexOf(name);
    expect(col('ru_terms_share')).toBe(col('ru_mentions_share') + 1);
    const cell = (r: string[], name: string) => r[col(name)];
    expect(cell(row, 'ru_terms_share')).toBe('0.25');
    expect(
      ['own', 'quoted', 'distanced'].flatMap((v) =>
        ['ru', 'ua', 'neutral'].map((p) => cell(row, `terms_${v}_${p}`)),
      ),
    ).toEqual(['1', '3', '1', '2', '0', '0', '1', '0', '0']);
    expect(cell(row, 'term_forms')).toBe(
      '"territories: occupied territories 1 ua; war: invasion 3 ua, special military operation 1 ru, war 1 neutral"',
    );
    expect([cell(empty, 'ru_terms_share'), cell(empty, 'terms_own_ru'), cell(empty, 'term_forms')]).toEqual([
      '',
      '0',
      '',
    ]);
    expect(header.at(-1)).toBe('naming_forms');
  });
});
