import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../api.js';
import {
  articlesLink,
  MEASURES,
  monthTick,
  monthTicks,
  outletColors,
  termsOf,
  topOf,
} from './outlets-page.js';

// A report group as `GET /api/report` gives it: the three voice shares add up to 1.
const row = (voice: ReportRow['voice'], techniqueRates: Record<string, number> = {}): ReportRow =>
  ({
    outlet: 'Example Wire',
    month: '2023-05',
    documents: 2,
    words: 900,
    voice,
    techniqueRates,
  }) as ReportRow;
const measure = (key: string) => MEASURES.find((m) => m.key === key)!;

describe('the outlets page measures', () => {
  it('anonymous share: anonymous words among all attributed words (named + anonymous), never over 1', () => {
    const anonymous = measure('anonymous');
    expect(anonymous.value(row({ own: 0.49, attributed: 0.37, anonymous: 0.14 }))).toBeCloseTo(
      0.14 / 0.51,
      10,
    );
    // More anonymous than named words: still a share of the attributed ones.
    expect(anonymous.value(row({ own: 0.2, attributed: 0.3, anonymous: 0.5 }))).toBeCloseTo(0.625, 10);
    expect(anonymous.value(row({ own: 1, attributed: 0, anonymous: 0 }))).toBeNull();
  });

  it('own voice as given, techniques summed over techniques', () => {
    expect(measure('own').value(row({ own: 0.49, attributed: 0.37, anonymous: 0.14 }))).toBe(0.49);
    expect(
      measure('techniques').value(
        row({ own: 1, attributed: 0, anonymous: 0 }, { Loaded_Language: 2.5, Doubt: 1 }),
      ),
    ).toBe(3.5);
  });

  it('Russian-standard names as the report’s share, none when the outlet used no contested name', () => {
    const naming = (ruShare: number | null) =>
      ({ ...row({ own: 1, attributed: 0, anonymous: 0 }), naming: { ruShare, entities: {} } }) as ReportRow;
    expect(measure('naming').value(naming(0.25))).toBe(0.25);
    expect(measure('naming').value(naming(null))).toBeNull();
  });

  it('draws the shares as percentages and the technique rate as a count, each panel with its own title', () => {
    expect(MEASURES.map((m) => [m.key, m.percent])).toEqual([
      ['techniques', false],
      ['anonymous', true],
      ['own', true],
      ['naming', true],
      ['terms', true],
    ]);
    const labels = MEASURES.map((m) => m.label);
    expect(new Set(labels).size).toBe(5);
    for (const l of labels) expect(l.length).toBeGreaterThan(10);
    expect(measure('techniques').label).toMatch(/per 1,000 words/);
  });
});

describe('the outlets table’s top keys', () => {
  const month = (documents: number, frames: Record<string, number>) =>
    ({ documents, frames }) as unknown as ReportRow;

  it('sums counts over the months, largest first, five at most', () => {
    const rows = [month(1, { f: 0.5, c: 2, a: 1 }), month(3, { d: 1, b: 5, a: 4, e: 1.5 })];
    expect(topOf(rows, (r) => r.frames)).toEqual([
      ['a', 5],
      ['b', 5],
      ['c', 2],
      ['e', 1.5],
      ['d', 1],
    ]);
  });

  it('averages shares by the documents of each month', () => {
    // 1 document at 100 %, 3 at 20 %: 1.6 of 4 documents.
    const rows = [month(1, { Economic: 1 }), month(3, { Economic: 0.2, Security: 0.5 })];
    expect(topOf(rows, (r) => r.frames, true)).toEqual([
      ['Economic', expect.closeTo(0.4, 10)],
      ['Security', expect.closeTo(0.375, 10)],
    ]);
    // No documents: no division by zero.
    expect(topOf([month(0, { x: 0.5 })], (r) => r.frames, true)).toEqual([['x', 0]]);
  });
});

describe('the outlets page’s colours and links', () => {
  const at = (outlet: string, month: string) => ({ outlet, month, documents: 1 }) as unknown as ReportRow;

  it('gives each outlet one colour on every panel, twelve outlets twelve colours', () => {
    const names = [
      '(outlet not known)',
      'Bloomberg',
      'RIA Novosti',
      'Reuters',
      'TASS',
      'UrduPoint News',
      'ГРУЗИНФОРМ',
    ];
    const more = Array.from({ length: 5 }, (_, i) => `Outlet ${i}`);
    const rows = [...names, ...more].flatMap((o) => [at(o, '2023-04'), at(o, '2023-05')]);
    const c = outletColors(rows);
    expect(c.domain).toEqual([...names, ...more]);
    expect(new Set(c.range).size).toBe(12);
    // A panel where only some outlets have data gets the same map: RIA Novosti stays its colour.
    const ria = c.range[c.domain.indexOf('RIA Novosti')];
    expect(ria).toBe(c.range[2]);
    expect(outletColors([]).domain).toEqual([]);
  });

  it('links a month’s point to the outlet’s articles of that month, the undated group to all of them', () => {
    const q = new URLSearchParams('q=Bakhmut');
    expect(articlesLink('TASS', '2023-02', q)).toBe(
      '#/search?q=Bakhmut&outlet=TASS&from=2023-02-01&to=2023-02-28',
    );
    // Not `from=(date not known)-01`, which the API refuses (E_BAD_FILTER).
    expect(articlesLink('(outlet not known)', '(date not known)', q)).toBe(
      '#/search?q=Bakhmut&outlet=%28outlet+not+known%29',
    );
  });
});

describe('the month ticks of a panel', () => {
  it('writes a month as it is and the group without a date in two lines', () => {
    expect(monthTick('2023-02')).toBe('2023-02');
    expect(monthTick('(date not known)')).toBe('(date\nnot known)');
  });
});

describe('the month labels of a panel', () => {
  const months = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );

  it('labels every month that fits, and at most six of more, first and last included', () => {
    expect(monthTicks(months(4))).toEqual(months(4));
    for (const n of [7, 8, 13, 14, 40]) {
      const all = months(n);
      const ticks = monthTicks(all);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks[0]).toBe(all[0]);
      expect(ticks.at(-1)).toBe(all.at(-1));
      // Never two neighbouring months labelled: their labels would run into each other.
      const at = ticks.map((t) => all.indexOf(t));
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThan(1);
    }
  });
});

describe("the outlets page's war terms", () => {
  const NONE = { ua: 0, ru: 0, neutral: 0 };
  const month = (terms: ReportRow['terms']) => ({ ...row({ own: 1, attributed: 0, anonymous: 0 }), terms });
  // Two months: invasion 2 + 1, SMO 1 in the own voice (ru 1 of 4); SMO quoted once, kept at a distance once.
  const MAY = month({
    ruShare: 0,
    own: { ua: 2, ru: 0, neutral: 0 },
    quoted: { ua: 0, ru: 1, neutral: 0 },
    distanced: NONE,
    concepts: { war: { invasion: { count: 2, pole: 'ua' } } },
  });
  const JUNE = month({
    ruShare: 0.5,
    own: { ua: 1, ru: 1, neutral: 0 },
    quoted: NONE,
    distanced: { ua: 0, ru: 1, neutral: 0 },
    concepts: {
      war: { invasion: { count: 1, pole: 'ua' } },
      territories: { 'new regions': { count: 1, pole: 'ru' } },
    },
  });

  it('sums an outlet’s months: uses by voice, the own voice’s share and its forms, most used first', () => {
    expect(termsOf([MAY, JUNE])).toEqual({
      ruShare: 0.25,
      own: { ua: 3, ru: 1, neutral: 0 },
      quoted: { ua: 0, ru: 1, neutral: 0 },
      distanced: { ua: 0, ru: 1, neutral: 0 },
      forms: [
        { concept: 'war', form: 'invasion', pole: 'ua', count: 3 },
        { concept: 'territories', form: 'new regions', pole: 'ru', count: 1 },
      ],
    });
    expect(termsOf([MAY]).ruShare).toBe(0);
    expect(termsOf([row({ own: 1, attributed: 0, anonymous: 0 })]).ruShare).toBeNull();
  });

  it('draws the own voice’s Russian-standard share month by month', () => {
    expect(measure('terms').value(JUNE)).toBe(0.5);
    expect(measure('terms').value(row({ own: 1, attributed: 0, anonymous: 0 }))).toBeNull();
  });
});
