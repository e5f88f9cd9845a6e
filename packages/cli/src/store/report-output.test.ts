import type { ReportGroup } from '@newsprism/store';
import { describe, expect, it } from 'vitest';
import { namingForms, namingLine, reportCsv, reportTable } from './report-output.js';

const group = (documents: number, entities: ReportGroup['naming']['entities']): ReportGroup => ({
  outlet: 'Example Wire',
  documents,
  words: 1200,
  voice: { own: 0.6, attributed: 0.3, anonymous: 0.1 },
  techniqueRates: {},
  frames: {},
  genres: {},
  naming: { ruShare: 0.5, entities },
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
    expect(none).toBe('naming      no Russian- or Ukrainian-standard names');
  });
});
