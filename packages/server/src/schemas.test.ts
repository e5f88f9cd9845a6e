// The request schemas (schemas.ts) on their own: what a record and the query strings may hold,
// up to each limit and past it, and the list parameters' normalisation.
import { describe, expect, it } from 'vitest';
import { ExportQuery, IdParam, list, RecordSchema, ReportQuery, SearchQuery } from './schemas.js';

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
