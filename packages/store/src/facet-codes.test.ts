import { expect, it } from 'vitest';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc } from './testing/small-corpus.js';

// Facet values past the first 255 and 1,024 ids: codes are 32-bit little-endian integers, so
// only then do their upper bytes (and the counters' growth) matter.

const entities = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => {
    const name = `E${String(from + i).padStart(4, '0')}`;
    return { id: name.toLowerCase(), type: 'organization', name, mentions: [{ start: 0, end: 4 }] };
  });

const DOCS = [
  // 1,100 entities: with the outlet, language and month, over 1,100 facet values.
  handDoc(
    'many',
    'Many names\n\nA list of many names.',
    { title: 'Many names', outlet: 'Alpha', published: '2023-01-01', lang: 'en' },
    {
      entities: entities(0, 1100),
    },
  ),
  // The last hundred of them again.
  handDoc(
    'few',
    'Fewer names\n\nA shorter list.',
    { title: 'Fewer names', outlet: 'Beta', published: '2023-02-01', lang: 'en' },
    {
      entities: entities(1000, 1100),
    },
  ),
];

const names = (from: number, to: number, count: number) =>
  entities(from, to).map((e) => ({ value: e.name, count }));

eachBackend('facet codes past the first 1,024 values', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(DOCS));

  it('counts every value of every document, the largest 50 first', async () => {
    const r = await store.search({ facets: true });
    expect(r.facets!.entity).toEqual(names(1000, 1050, 2));
    expect(r.facets!.outlet).toEqual([
      { value: 'Alpha', count: 1 },
      { value: 'Beta', count: 1 },
    ]);
    expect(r.facets!.month).toEqual([
      { value: '2023-01', count: 1 },
      { value: '2023-02', count: 1 },
    ]);
    expect(r.facets!.lang).toEqual([{ value: 'en', count: 2 }]);
  });

  it('counts over the hits only', async () => {
    const many = await store.search({ query: 'many', facets: true });
    expect(many.facets!.entity).toEqual(names(0, 50, 1));
    expect(many.facets!.outlet).toEqual([{ value: 'Alpha', count: 1 }]);
    const few = await store.search({ query: 'shorter', facets: true });
    expect(few.facets!.entity).toEqual(names(1000, 1050, 1));
    expect(few.facets!.outlet).toEqual([{ value: 'Beta', count: 1 }]);
  });
});
