import { expect, it } from 'vitest';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc } from './testing/small-corpus.js';

// Short articles written for this test: dated by day, by month alone, by year alone, and not at
// all; two of them declare their language with a region subtag or in capitals.
const doc = (id: string, published: string | undefined, lang = 'en') =>
  handDoc(id, `Harbour report ${id}\n\nThe ferry to the island ran late again on ${id}.`, {
    title: `Harbour report ${id}`,
    outlet: 'Coast',
    lang,
    ...(published === undefined ? {} : { published }),
  });

const DOCS = [
  doc('day-may', '2023-05-22T08:00:00Z'),
  doc('month-may', '2023-05', 'en-GB'),
  doc('day-june', '2023-06-02', 'EN'),
  doc('year-only', '2023', 'ru-RU'),
  doc('undated', undefined),
];

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

eachBackend('a published month without a day', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(DOCS));

  it('counts the document in its month; a year alone stays undated', async () => {
    const groups = await store.report({ by: 'month' });
    expect(groups.map((g) => [g.month, g.documents])).toEqual([
      ['(date not known)', 2],
      ['2023-05', 2],
      ['2023-06', 1],
    ]);
  });

  it.each([
    [{ from: '2023-05' }, ['day-june', 'day-may', 'month-may']],
    [{ to: '2023-05' }, ['day-may', 'month-may']],
    // Month bounds: a range that reaches into May keeps the May document of no day.
    [{ from: '2023-05-25' }, ['day-june', 'month-may']],
    [{ to: '2023-05-10' }, ['month-may']],
    [{ from: '2023-05-10', to: '2023-05-20' }, ['month-may']],
    [{ from: '2023-06' }, ['day-june']],
    [{ to: '2023-04-30' }, []],
    [{ from: '2023', to: '2023' }, ['day-june', 'day-may', 'month-may']],
  ])('filters %j to %j', async (filters, expected) => {
    expect(ids(await store.search({ ...filters, limit: 50 }))).toEqual(expected);
  });

  it('stores a region subtag or capitals as the base language code', async () => {
    expect(ids(await store.search({ lang: ['en'], limit: 50 }))).toEqual([
      'day-june',
      'day-may',
      'month-may',
      'undated',
    ]);
    expect(ids(await store.search({ lang: ['RU'], limit: 50 }))).toEqual(['year-only']);
    // The document keeps its meta as given; the store's column is what filters read.
    expect((await store.get('month-may'))?.meta.published).toBe('2023-05');
  });
});
