import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { toFts5 } from './query/compile.js';
import { parseQuery } from './query/parse.js';
import type { SearchRequest, SearchResult } from './search.js';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

// Search on five hand-written documents with hand-made layers (testing/small-corpus.ts): which
// documents each query and filter finds, in which order, how many, the pages and cursors, the
// facet counts and the snippets, each worked out by hand.

const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const sorted = (r: SearchResult) => ids(r).sort();
const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

eachBackend('search on a hand-made corpus', (backend) => {
  const { store, db } = useStore(backend, (s) => s.ingest(SMALL_CORPUS));

  it.each<[string, string[]]>([
    ['oil', ['a1', 'a2']],
    ['sanctions', ['a1']],
    ['нефть', ['b1']],
    ['ЕЛКА', ['b1']],
    ['gas', ['a2', 'b2', 'n1']],
    ['gas NOT deal', ['a2', 'n1']],
    ['"gas deal"', ['b2']],
    ['"deal gas"', []],
    ['oil AND gas', ['a2']],
    ['санк*', ['b1']],
    ['elephant', []],
  ])('finds %s, and counts the hits', async (query, want) => {
    const r = await store.search({ query, limit: 50 });
    expect(sorted(r)).toEqual(want);
    expect(r.total).toBe(want.length);
    // A NOT query's hits are ranked by its other words, on PostgreSQL as on SQLite.
    for (const h of r.hits) expect(h.score).toBeGreaterThan(0);
  });

  it('ranks a title match first, and keeps the order page by page', async () => {
    expect(ids(await store.search({ query: 'oil' }))).toEqual(['a1', 'a2']);
    // b2 (gas in its title) is stored after a2: ranked, not listed by key.
    expect(ids(await store.search({ query: 'gas' }))[0]).toBe('b2');
    expect(ids(await store.search({ query: 'gas', lang: ['en'] }))[0]).toBe('b2');
    expect(ids(await store.search({ query: 'gas', technique: [] }))[0]).toBe('b2');
    const whole = await store.search({ query: 'oil OR gas', limit: 10 });
    expect(whole.total).toBe(4);
    expect(whole.next).toBeUndefined();
    const scores = whole.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // One hit a page, by cursor: the same hits in the same order, the total on every page.
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.search({ query: 'oil OR gas', limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(4);
      seen.push(...ids(page));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(ids(whole));
    // The fourth page holds the last hit: no cursor to an empty fifth.
    expect(pages).toBe(4);
    // And by offset.
    for (let i = 0; i < 4; i++)
      expect(ids(await store.search({ query: 'oil OR gas', limit: 1, offset: i }))).toEqual([ids(whole)[i]]);
    expect(ids(await store.search({ query: 'oil OR gas', limit: 3, offset: 1 }))).toEqual(
      ids(whole).slice(1),
    );
  });

  it.each<[SearchRequest, string[]]>([
    [{ outlet: ['Alpha'] }, ['a1', 'a2']],
    [{ outlet: ['Beta', 'Gamma'] }, ['b1', 'b2']],
    // The report's group of documents without an outlet, opened as a search.
    [{ outlet: ['(outlet not known)'] }, ['n1']],
    [{ outlet: ['(Outlet not known)', 'Beta'] }, ['b1', 'b2', 'n1']],
    [{ query: 'oil OR gas', outlet: ['(outlet not known)'] }, ['n1']],
    // Its name before, still understood.
    [{ outlet: ['(none)'] }, ['n1']],
    [{ lang: ['en'] }, ['a1', 'a2', 'b2', 'n1']],
    [{ lang: ['ru'] }, ['b1']],
    [{ genre: ['opinion'] }, ['a2']],
    [{ genre: ['reporting', 'opinion'] }, ['a1', 'a2', 'b1']],
    [{ from: '2023-01-31' }, ['a2', 'b1']],
    [{ from: '2023-02' }, ['b1']],
    [{ from: '2023' }, ['a1', 'a2', 'b1', 'b2']],
    [{ from: '2024' }, []],
    [{ from: '2024-02-29' }, []],
    [{ to: '2023-01' }, ['a1', 'a2', 'b2']],
    [{ to: '2023-01-01' }, ['a1']],
    [{ to: '2022' }, []],
    [{ from: '2023-01-20', to: '2023-02-10' }, ['a2', 'b1', 'b2']],
    [{ from: ' 2023-02-10 ', to: '2023' }, ['b1']],
    [{ frame: ['Political'] }, ['a2']],
    [{ frame: ['Economic', 'Security_and_defense'] }, ['a1', 'b1']],
    [{ technique: ['Doubt'] }, ['a1', 'a2']],
    [{ technique: ['Loaded_Language'] }, ['a1']],
    // Labels as the web UI shows them, or typed in lower case, are the layers' labels.
    [{ technique: ['loaded language'], frame: ['security and defense', 'ECONOMIC'] }, ['a1']],
    [{ genre: ['Opinion'], sourceType: ['PERSON', 'media'] }, []],
    [{ to: '2023-02-28' }, ['a1', 'a2', 'b1', 'b2']],
    // December is a month.
    [{ from: '2023-12' }, []],
    [{ to: '2023-12-31' }, ['a1', 'a2', 'b1', 'b2']],
    // Separators aside means none at all too.
    [{ technique: ['loadedlanguage'] }, ['a1']],
    [{ entity: ['KYIV'] }, ['a1', 'a2', 'b1']],
    [{ entity: ['moscow'] }, ['a1']],
    [{ entity: ['петр'] }, ['b1']],
    [{ entity: ['Пётр', 'Moscow'] }, ['a1', 'b1']],
    [{ entity: ['petr'] }, ['b1']],
    [{ entity: ['zelensky'] }, ['a2']],
    [{ sourceType: ['anonymous'] }, ['a1', 'b1']],
    [{ sourceType: ['media'] }, ['a1']],
    [{ minClaimScore: 0.7 }, ['a1']],
    [{ minClaimScore: 0.3 }, ['a1', 'a2']],
    [{ minClaimScore: 0 }, ['a1', 'a2']],
    [{ minClaimScore: 1 }, []],
    [{ outlet: ['Alpha'], technique: ['Loaded_Language'] }, ['a1']],
    [{ outlet: [], lang: [], frame: [], entity: [] }, ['a1', 'a2', 'b1', 'b2', 'n1']],
    [{ query: '   ' }, ['a1', 'a2', 'b1', 'b2', 'n1']],
    [{ query: 'oil OR gas', from: '2023-01-20' }, ['a2', 'b2']],
    [{ query: 'oil OR gas', to: '2023-01-01' }, ['a1']],
    [{ query: 'oil OR gas', entity: [], outlet: [] }, ['a1', 'a2', 'b2', 'n1']],
    [{ query: 'oil OR gas', outlet: ['Beta'] }, ['b2']],
    [{ query: 'oil OR gas', lang: ['en'], to: '2023-01-20' }, ['a1', 'b2']],
    [{ query: 'oil OR gas', technique: ['Doubt'] }, ['a1', 'a2']],
    [{ query: 'oil OR gas', entity: ['Kyiv'], frame: ['Political'] }, ['a2']],
    [{ query: 'санкции', sourceType: ['media'] }, []],
    [{ query: 'gas', minClaimScore: 0.3 }, ['a2']],
  ])('filters by %j', async (filters, want) => {
    const r = await store.search({ ...filters, limit: 50 });
    expect(sorted(r)).toEqual(want);
    expect(r.total).toBe(want.length);
  });

  it('lists by date, newest first (undated last), without scores or snippets', async () => {
    const r = await store.search({});
    expect(ids(r)).toEqual(['b1', 'a2', 'b2', 'a1', 'n1']);
    expect(r.total).toBe(5);
    expect(r.hits.map((h) => [h.score, h.snippets])).toEqual(Array(5).fill([0, []]));
    expect(r.hits[0]).toEqual({
      id: 'b1',
      title: 'Санкции против нефти',
      outlet: 'Beta',
      published: '2023-02-10T08:00:00Z',
      lang: 'ru',
      score: 0,
      snippets: [],
    });
    expect(r.hits[4]).toMatchObject({ id: 'n1', title: null, outlet: null, published: null, lang: 'en' });
    // A text query sorted by date: scored all the same.
    const q = await store.search({ query: 'oil OR gas', sort: 'date' });
    expect(ids(q)).toEqual(['a2', 'b2', 'a1', 'n1']);
    for (const h of q.hits) expect(h.score).toBeGreaterThan(0);
    const rel = await store.search({ query: 'oil OR gas' });
    const score = new Map(rel.hits.map((h) => [h.id, h.score]));
    for (const h of q.hits) expect(h.score).toBe(score.get(h.id));
  });

  it('pages by date: a cursor while there are more, none on the last page', async () => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.search({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(5);
      pages.push(ids(page));
      cursor = page.next;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([['b1', 'a2'], ['b2', 'a1'], ['n1']]);
    // A page that holds the last hit exactly has no cursor (a next page would be empty), whether
    // it comes first, by offset or by cursor, by date or by relevance.
    const full = await store.search({ limit: 5 });
    expect(ids(full)).toHaveLength(5);
    expect(full.next).toBeUndefined();
    expect((await store.search({ limit: 4 })).next).toBeDefined();
    expect((await store.search({ limit: 2, offset: 3 })).next).toBeUndefined();
    const second = await store.search({ limit: 2, cursor: (await store.search({ limit: 3 })).next! });
    expect(ids(second)).toEqual(['a1', 'n1']);
    expect(second.next).toBeUndefined();
    expect((await store.search({ query: 'oil OR gas', limit: 4 })).next).toBeUndefined();
    expect((await store.search({ query: 'oil OR gas', limit: 3 })).next).toBeDefined();
    expect(ids(await store.search({ limit: 2, offset: 3 }))).toEqual(['a1', 'n1']);
    expect(ids(await store.search({ query: 'oil OR gas', sort: 'date', limit: 2, offset: 1 }))).toEqual([
      'b2',
      'a1',
    ]);
  });

  it('keeps to the documents that were there when paging began', async () => {
    const first = await store.search({ limit: 1 });
    const rel = await store.search({ query: 'gas', limit: 1 });
    const late = handDoc('late', 'Gas and oil, late.', {
      outlet: 'Alpha',
      published: '2024-01-01',
      lang: 'en',
    });
    await store.ingest([late]);
    try {
      const rest: string[] = [];
      let cursor = first.next;
      while (cursor) {
        const page = await store.search({ limit: 1, cursor });
        rest.push(...ids(page));
        cursor = page.next;
      }
      expect(rest).toEqual(['a2', 'b2', 'a1', 'n1']);
      const more: string[] = [];
      cursor = rel.next;
      while (cursor) {
        const page = await store.search({ query: 'gas', limit: 1, cursor });
        more.push(...ids(page));
        cursor = page.next;
      }
      expect([...ids(rel), ...more].sort()).toEqual(['a2', 'b2', 'n1']);
      // A new first page sees it.
      expect(ids(await store.search({ limit: 1 }))).toEqual(['late']);
    } finally {
      expect(await store.delete('late')).toBe(true);
    }
  });

  it.each<[SearchRequest, string]>([
    [{ limit: 0 }, 'E_BAD_FILTER'],
    [{ limit: 1001 }, 'E_BAD_FILTER'],
    [{ limit: 2.5 }, 'E_BAD_FILTER'],
    [{ offset: -1 }, 'E_BAD_FILTER'],
    [{ offset: 0.5 }, 'E_BAD_FILTER'],
    [{ from: 'May 2023' }, 'E_BAD_FILTER'],
    [{ to: '2023-5' }, 'E_BAD_FILTER'],
    [{ from: '2023-05-01x' }, 'E_BAD_FILTER'],
    [{ from: '2023-13' }, 'E_BAD_FILTER'],
    [{ from: '2023-00' }, 'E_BAD_FILTER'],
    [{ to: '2023-02-29' }, 'E_BAD_FILTER'],
    [{ to: '2023-04-31' }, 'E_BAD_FILTER'],
    [{ to: '2023-01-00' }, 'E_BAD_FILTER'],
    [{ genre: ['news'] }, 'E_BAD_FILTER'],
    [{ frame: ['Politics'] }, 'E_BAD_FILTER'],
    [{ technique: ['Doubt', 'Loaded'] }, 'E_BAD_FILTER'],
    [{ sourceType: ['persons'] }, 'E_BAD_FILTER'],
    [{ query: 'oil', genre: ['news'] }, 'E_BAD_FILTER'],
    [{ lang: ['xx'] }, 'E_BAD_FILTER'],
    [{ minClaimScore: -0.1 }, 'E_BAD_FILTER'],
    [{ minClaimScore: 1.01 }, 'E_BAD_FILTER'],
    [{ minClaimScore: Number.NaN }, 'E_BAD_FILTER'],
    [{ cursor: 'garbage' }, 'E_BAD_CURSOR'],
    [{ cursor: cursorOf(['2023-01-01']) }, 'E_BAD_CURSOR'],
    [{ cursor: cursorOf(['2023-01-01', 1.5]) }, 'E_BAD_CURSOR'],
    [{ cursor: cursorOf(['2023-01-01', 1, 'x']) }, 'E_BAD_CURSOR'],
    [{ cursor: cursorOf(['2023-01-01', 1, 2.5]) }, 'E_BAD_CURSOR'],
    [{ cursor: cursorOf(['2023-01-01', 1, 2, 3]) }, 'E_BAD_CURSOR'],
    [{ cursor: cursorOf([null, 1]) }, 'E_BAD_CURSOR'],
    [{ cursor: cursorOf({ 0: 'a', 1: 1, length: 2 }) }, 'E_BAD_CURSOR'],
    [{ query: 'oil AND' }, 'E_BAD_QUERY'],
  ])('refuses %j', async (req, code) => {
    await expect(store.search(req)).rejects.toMatchObject({ code });
  });

  it.each<[SearchRequest, string]>([
    [{ limit: 0 }, '--limit takes a whole number from 1 to 1000 (got 0)'],
    [{ offset: -1 }, '--offset takes a whole number from 0 (got -1)'],
    [{ from: 'May' }, '--from takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "May")'],
    [{ to: 'June' }, '--to takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "June")'],
    [
      { from: '2023-13' },
      '--from takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "2023-13": no such month)',
    ],
    [
      { to: '2023-02-29' },
      '--to takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "2023-02-29": no such day)',
    ],
    [{ genre: ['news'] }, '--genre takes reporting, opinion, satire (got "news")'],
    // A long value is cut to its first 40 characters: the message stays one short line.
    [
      { from: '9'.repeat(60) },
      `--from takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${'9'.repeat(40)}")`,
    ],
    [{ genre: ['n'.repeat(60)] }, `--genre takes reporting, opinion, satire (got "${'n'.repeat(40)}")`],
    [{ lang: ['k'.repeat(60)] }, `, zh, und (got "${'k'.repeat(40)}")`],
    [{ sourceType: ['persons'] }, '--source-type takes person, anonymous, organization, government, media'],
    [{ minClaimScore: 2 }, '--min-claim-score takes a number from 0 to 1 (got 2)'],
    [{ lang: ['klingon'] }, '--lang takes a language code: am, ar, az, '],
    [{ lang: ['en', 'EN-GB', 'xx'] }, ', zh, und (got "xx")'],
    [{ cursor: 'x' }, 'the cursor is not one this store gave out; start again without --cursor'],
  ])('says what is wrong with %j', async (req, message) => {
    await expect(store.search(req)).rejects.toThrow(message);
  });

  it('scores hits with the index’s ranking, rounded to 6 decimals', async () => {
    const r = await store.search({ query: 'oil OR gas', lang: ['en'] });
    if (backend.name !== 'sqlite') {
      for (const h of r.hits) expect(h.score).toBeLessThan(10);
      return;
    }
    const raw = new Database(db.url, { readonly: true });
    try {
      const want = raw
        .prepare(
          'SELECT d.id, -bm25(doc_fts, 2.0, 1.0) AS s FROM doc_fts JOIN documents d ON d.pk = doc_fts.rowid WHERE doc_fts MATCH ?',
        )
        .all(toFts5(parseQuery('oil OR gas'))) as { id: string; s: number }[];
      expect(r.hits.map((h) => [h.id, h.score]).sort()).toEqual(
        want.map((w) => [w.id, Math.round(w.s * 1e6) / 1e6]).sort(),
      );
    } finally {
      raw.close();
    }
  });

  it('takes the bounds of limit and offset, and cursors of either sort key', async () => {
    expect((await store.search({ limit: 1000, offset: 0 })).hits).toHaveLength(5);
    expect(ids(await store.search({ limit: 1, cursor: cursorOf(['2023-01-31', 999_999]) }))).toEqual(['a2']);
    expect(ids(await store.search({ limit: 1, cursor: cursorOf(['2023-01-31', 999_999, 999_999]) }))).toEqual(
      ['a2'],
    );
    expect(ids(await store.search({ query: 'gas', limit: 5, cursor: cursorOf([1e9, 0]) }))).toHaveLength(3);
  });

  it('counts facets over the hits, largest first, then by value', async () => {
    const r = await store.search({ facets: true });
    expect(r.facets).toEqual({
      // n1 has no outlet: its bucket, named as the report's group and filtering the same.
      outlet: [
        { value: 'Alpha', count: 2 },
        { value: 'Beta', count: 2 },
        { value: '(outlet not known)', count: 1 },
      ],
      lang: [
        { value: 'en', count: 4 },
        { value: 'ru', count: 1 },
      ],
      genre: [
        { value: 'reporting', count: 2 },
        { value: 'opinion', count: 1 },
      ],
      month: [
        { value: '2023-01', count: 3 },
        { value: '2023-02', count: 1 },
      ],
      frame: [
        { value: 'Economic', count: 2 },
        { value: 'Political', count: 1 },
        { value: 'Security_and_defense', count: 1 },
      ],
      technique: [
        { value: 'Doubt', count: 2 },
        { value: 'Loaded_Language', count: 1 },
      ],
      entity: [
        { value: 'Kyiv', count: 3 },
        { value: 'Moscow', count: 1 },
        { value: 'Zelensky', count: 1 },
        { value: 'Пётр', count: 1 },
      ],
      sourceType: [
        { value: 'anonymous', count: 2 },
        { value: 'media', count: 1 },
      ],
    });
    expect((await store.search({ facets: false })).facets).toBeUndefined();
    // Over a query's hits (the FTS table alone), and with filters on documents columns.
    const q = await store.search({ query: 'oil OR санкции', facets: true, limit: 1 });
    expect(q.hits).toHaveLength(1);
    expect(q.facets!.outlet).toEqual([
      { value: 'Alpha', count: 2 },
      { value: 'Beta', count: 1 },
    ]);
    expect(q.facets!.frame).toEqual([
      { value: 'Economic', count: 2 },
      { value: 'Political', count: 1 },
      { value: 'Security_and_defense', count: 1 },
    ]);
    const f = await store.search({ query: 'oil OR gas', lang: ['en'], facets: true });
    expect(f.facets!.outlet).toEqual([
      { value: 'Alpha', count: 2 },
      { value: '(outlet not known)', count: 1 },
      { value: 'Beta', count: 1 },
    ]);
    const unknown = await store.search({ query: 'gas', outlet: ['(outlet not known)'], facets: true });
    expect(unknown.facets!.outlet).toEqual([{ value: '(outlet not known)', count: 1 }]);
    expect(f.facets!.month).toEqual([{ value: '2023-01', count: 3 }]);
    const t = await store.search({ query: 'oil OR gas', technique: ['Doubt'], facets: true });
    expect(t.facets!.technique).toEqual([
      { value: 'Doubt', count: 2 },
      { value: 'Loaded_Language', count: 1 },
    ]);
    const none = await store.search({ query: 'elephant', facets: true });
    expect(Object.values(none.facets!).flat()).toEqual([]);
  });

  it('marks the matched words in snippets of the stored text', async () => {
    const [b1] = (await store.search({ query: 'ёлки' })).hits;
    const text = SMALL_CORPUS[2]!.text.replace('\n\n', '  ');
    const at = text.indexOf('ёлкам');
    expect(b1!.snippets).toEqual([{ text, highlights: [{ start: at, end: at + 5 }] }]);
    const [a1] = (await store.search({ query: 'oil', outlet: ['Alpha'], to: '2023-01-01' })).hits;
    expect(a1!.snippets).toEqual([
      {
        text: 'Oil sanctions widen  The sanctions on oil exports were widened on Monday.',
        highlights: [
          { start: 0, end: 3 },
          { start: 38, end: 41 },
        ],
      },
    ]);
  });
});

eachBackend('search facets on many values', (backend) => {
  const { store } = useStore(backend, async (s) => {
    // 60 outlets, outlet i with (i % 3) + 1 documents: the 50 largest facet values are listed.
    const docs = Array.from({ length: 60 }, (_, i) =>
      Array.from({ length: (i % 3) + 1 }, (_, j) =>
        handDoc(`o${i}-${j}`, `Story ${j} of outlet ${i}.`, {
          outlet: `Outlet ${String(i).padStart(2, '0')}`,
        }),
      ),
    ).flat();
    await s.ingest(docs);
    // A value stored later (a larger code) that sorts first among its ties.
    await s.ingest([1, 2, 3].map((j) => handDoc(`aa-${j}`, `Story ${j}.`, { outlet: 'Aardvark' })));
  });

  it('keeps the 50 largest values of a facet, ties by value', async () => {
    const r = await store.search({ facets: true, limit: 1 });
    expect(r.total).toBe(123);
    const outlets = r.facets!.outlet!;
    expect(outlets).toHaveLength(50);
    expect(outlets[0]).toEqual({ value: 'Aardvark', count: 3 });
    const want = Array.from({ length: 60 }, (_, i) => ({
      value: `Outlet ${String(i).padStart(2, '0')}`,
      count: (i % 3) + 1,
    }))
      .concat([{ value: 'Aardvark', count: 3 }])
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, 50);
    expect(outlets).toEqual(want);
  });
});

// Short articles written for this test, their titles not in their texts (as a feed gives them).
const TITLED = [
  handDoc(
    't1',
    'Officials met on Monday; a white paper was read.',
    { title: 'Talks at the White House', lang: 'en' },
    {},
  ),
  handDoc('t2', 'Бои продолжаются.', { title: 'Удар по Бахмуту', lang: 'ru' }, {}),
];

eachBackend('title highlights', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(TITLED));
  /** Each hit's marked title words, by id. */
  const marked = async (query: string) =>
    Object.fromEntries(
      (await store.search({ query })).hits.map((h) => [
        h.id,
        h.titleHighlights?.map((m) => h.title!.slice(m.start, m.end)),
      ]),
    );

  it('marks where the query matched the title, as snippets mark the text', async () => {
    // A match in the title alone: no snippet, the title marked (a phrase as one highlight).
    const [hit] = (await store.search({ query: '"White House"' })).hits;
    expect(hit).toMatchObject({ id: 't1', snippets: [], titleHighlights: [{ start: 13, end: 24 }] });
    expect(await marked('white')).toEqual({ t1: ['White'] });
    expect(await marked('Бахмут')).toEqual({ t2: ['Бахмуту'] });
    expect(await marked('talk* OR бои')).toEqual({ t1: ['Talks'], t2: undefined });
    // No match in the title: no field.
    const [body] = (await store.search({ query: 'officials' })).hits;
    expect(body!.snippets).toHaveLength(1);
    expect(body).not.toHaveProperty('titleHighlights');
    // What NOT excludes is not marked.
    expect(await marked('officials NOT talks')).toEqual({});
    expect(await marked('officials NOT paper')).toEqual({});
    expect(await marked('officials NOT Бахмут')).toEqual({ t1: undefined });
  });
});
