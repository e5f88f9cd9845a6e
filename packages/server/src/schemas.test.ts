// The request schemas (schemas.ts) on their own: what a record and the query strings may hold,
// up to each limit and past it, and the list parameters' normalisation.
import { describe, expect, it } from 'vitest';
import {
  AnalyzeQuery,
  ExportQuery,
  IdParam,
  list,
  OptionsQuery,
  RecordSchema,
  ReportQuery,
  SearchQuery,
} from './schemas.js';

/** The fields a parse refuses (each once; `''` for the object itself). */
const fails = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => [
  ...new Set(r.success ? [] : r.error!.issues.map((i) => String(i.path[0] ?? ''))),
];

describe('a record', () => {
  const full = {
    id: 'a',
    text: 't',
    html: '<p>h</p>',
    title: 'T',
    url: 'https://example.org/a',
    outlet: 'O',
    published: '2023-05-22',
    lang: 'en',
    byline: 'B',
  };

  it('takes every field, short values too', () => {
    expect(RecordSchema.parse(full)).toEqual(full);
    expect(RecordSchema.parse({ text: 'x' })).toEqual({ text: 'x' });
  });

  it.each([
    ['id', 512],
    ['title', 10_000],
    ['url', 10_000],
    ['outlet', 1_000],
    ['published', 100],
    ['lang', 20],
    ['byline', 10_000],
  ] as const)('takes a %s of up to %i characters, not one more', (field, max) => {
    expect(fails(RecordSchema.safeParse({ ...full, [field]: 'x'.repeat(max) }))).toEqual([]);
    expect(fails(RecordSchema.safeParse({ ...full, [field]: 'x'.repeat(max + 1) }))).toEqual([field]);
  });

  it('refuses an empty id and fields it does not know', () => {
    expect(fails(RecordSchema.safeParse({ id: '', text: 'x' }))).toEqual(['id']);
    expect(RecordSchema.safeParse({ text: 'x', extra: 1 }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('the query strings', () => {
  it('take the values the API documents', () => {
    for (const sort of ['relevance', 'date'])
      for (const facets of ['true', 'false', '1', '0'])
        expect(fails(SearchQuery.safeParse({ q: 'x', sort, facets, cursor: 'c1' }))).toEqual([]);
    for (const by of ['outlet', 'month', 'outlet,month', 'none'])
      expect(fails(ReportQuery.safeParse({ by }))).toEqual([]);
    for (const format of ['jsonl', 'csv']) expect(fails(ExportQuery.safeParse({ format }))).toEqual([]);
    for (const all_names of ['true', 'false', '1', '0'])
      expect(fails(SearchQuery.safeParse({ q: 'Bakhmut', all_names }))).toEqual([]);
    expect(fails(ReportQuery.safeParse({ all_names: 'yes' }))).toEqual(['all_names']);
    expect(fails(SearchQuery.safeParse({ sort: 'random', facets: 'yes', by: 'outlet' }))).toEqual([
      'sort',
      'facets',
      '',
    ]);
  });

  it('take dates of up to 10 characters', () => {
    expect(fails(SearchQuery.safeParse({ from: '2023', to: '2023-05-22' }))).toEqual([]);
    expect(fails(SearchQuery.safeParse({ from: '2023-05-22T', to: '2023-05-22T' }))).toEqual(['from', 'to']);
  });

  it('take a filter once or repeated (up to 50 times, 500 characters each)', () => {
    const ok = (outlet: unknown) => fails(SearchQuery.safeParse({ outlet }));
    expect(ok('RT')).toEqual([]);
    expect(ok(['RT', 'BBC'])).toEqual([]);
    expect(ok(Array.from({ length: 50 }, (_, i) => `o${i}`))).toEqual([]);
    expect(ok(Array.from({ length: 51 }, (_, i) => `o${i}`))).toEqual(['outlet']);
    expect(ok(['RT', 'x'.repeat(500)])).toEqual([]);
    expect(ok(['RT', 'x'.repeat(501)])).toEqual(['outlet']);
    expect(ok('x'.repeat(501))).toEqual(['outlet']);
    expect(fails(SearchQuery.safeParse({ cursor: 'c'.repeat(500) }))).toEqual([]);
    expect(fails(SearchQuery.safeParse({ cursor: 'c'.repeat(501) }))).toEqual(['cursor']);
  });

  it('say the range of a number parameter, whatever is wrong with it', () => {
    /** The message of each refused field, by field. */
    const said = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    const whole = 'expected a whole number from 1 to 1000';
    for (const limit of ['abc', '1.5', '0', '1001'])
      expect(said(SearchQuery.safeParse({ limit })), limit).toEqual({ limit: whole });
    expect(said(SearchQuery.safeParse({ limit: '1000', offset: '100000' }))).toEqual({});
    expect(said(SearchQuery.safeParse({ offset: '-1' }))).toEqual({
      offset: 'expected a whole number from 0 to 100000',
    });
    expect(said(ReportQuery.safeParse({ top: '101' }))).toEqual({
      top: 'expected a whole number from 1 to 100',
    });
    // A claim score is any number from 0 to 1, not only a whole one.
    expect(said(SearchQuery.safeParse({ min_claim_score: '0.5' }))).toEqual({});
    for (const v of ['x', '-0.1', '1.5'])
      expect(said(SearchQuery.safeParse({ min_claim_score: v })), v).toEqual({
        min_claim_score: 'expected a number from 0 to 1',
      });
    expect(said(IdParam.safeParse({ id: 'a\u0000b' }))).toEqual({ id: 'an id has no control characters' });
  });

  it('take analyzer options as JSON text of up to 10,000 characters', () => {
    const options = '{"genre":{"prior":"news-wire"}}';
    for (const q of [AnalyzeQuery, OptionsQuery]) {
      expect(fails(q.safeParse({ options }))).toEqual([]);
      expect(fails(q.safeParse({}))).toEqual([]);
      expect(fails(q.safeParse({ options: 'x'.repeat(10_000) }))).toEqual([]);
      expect(fails(q.safeParse({ options: 'x'.repeat(10_001) }))).toEqual(['options']);
    }
    expect(fails(AnalyzeQuery.safeParse({ layers: 'claims', options }))).toEqual([]);
    expect(fails(OptionsQuery.safeParse({ layers: 'claims' }))).toEqual(['']);
  });

  it('take any document id without control characters, up to 512 characters', () => {
    for (const id of ['a', 'rt/2023/x y', 'Украина?#', 'x'.repeat(512)])
      expect(fails(IdParam.safeParse({ id }))).toEqual([]);
    for (const id of ['', 'x'.repeat(513), 'a\nb', '\tab', 'ab\u007f'])
      expect(fails(IdParam.safeParse({ id }))).toEqual(['id']);
  });
});

describe('list', () => {
  it.each([
    [undefined, undefined],
    ['RT', ['RT']],
    ['RT, BBC', ['RT', 'BBC']],
    [
      ['RT,BBC', ' CNN '],
      ['RT', 'BBC', 'CNN'],
    ],
    ['a,,b', ['a', 'b']],
    [' , ', undefined],
    [[], undefined],
  ])('%j → %j', (v, want) => {
    expect(list(v as string | string[] | undefined)).toEqual(want);
  });
});
