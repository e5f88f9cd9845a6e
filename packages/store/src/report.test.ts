import type { NewsDocument } from '@newsprism/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from './db.js';
import { openPostgres } from './postgres/open-postgres.js';
import { type ReportGroup, type ReportRequest, report } from './report.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { openStore, type Store } from './store.js';
import type { Backend, TestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

// Reports on the five hand-written documents of testing/small-corpus.ts, every figure worked out
// by hand from their layers; from the roll-ups (the whole corpus) and from the query tables (a
// selection) alike, and after documents are deleted, replaced and added again.

const NONE = { ua: 0, ru: 0, neutral: 0 };
const NO_TERMS = { ruShare: null, own: NONE, quoted: NONE, distanced: NONE, concepts: {} };
const EMPTY = {
  voice: { own: 0, attributed: 0, anonymous: 0 },
  techniqueRates: {},
  frames: {},
  genres: {},
  naming: { ruShare: null, entities: {} },
  terms: NO_TERMS,
  topEntities: [],
  topSources: [],
};
const UNDATED = { documents: 1, words: 3, ...EMPTY };

// a1 (12 words: own 0.5, attributed 0.5 of which anonymous 0.25) and a2 (9 words, all own):
// own (6 + 9) / 21, named 4.5 / 21, anonymous 1.5 / 21; 2 + 3 technique spans in 21 words.
const ALPHA = {
  documents: 2,
  words: 21,
  voice: { own: 0.7143, attributed: 0.2143, anonymous: 0.0714 },
  techniqueRates: { Loaded_Language: 95.238, Doubt: 142.857 },
  frames: { Economic: 0.5, Political: 0.5 },
  genres: { reporting: 0.5, opinion: 0.5 },
  naming: { ruShare: 0.4, entities: { Kyiv: { Kiev: 0.4, Kyiv: 0.6 } } },
  // Own voice: invasion 2 (a1), SMO 1 and occupied territories 1 (a2): ru 1 of 4 polar uses.
  // Quoted apart (a1's SMO), distanced apart (a2's SMO).
  terms: {
    ruShare: 0.25,
    own: { ua: 3, ru: 1, neutral: 0 },
    quoted: { ua: 0, ru: 1, neutral: 0 },
    distanced: { ua: 0, ru: 1, neutral: 0 },
    concepts: {
      territories: { 'occupied territories': { count: 1, pole: 'ua' } },
      war: { invasion: { count: 2, pole: 'ua' }, 'special military operation': { count: 1, pole: 'ru' } },
    },
  },
  topEntities: [
    { name: 'Kyiv', type: 'location', mentions: 4, documents: 2 },
    { name: 'Zelensky', type: 'person', mentions: 3, documents: 1 },
    { name: 'Moscow', type: 'location', mentions: 1, documents: 1 },
  ],
  topSources: [
    { name: 'Reuters', type: 'media', attributions: 2, documents: 1 },
    { name: 'a source', type: 'anonymous', attributions: 1, documents: 1 },
  ],
};
// b1 alone (10 words, all attributed to an anonymous source).
const B1 = {
  documents: 1,
  words: 10,
  voice: { own: 0, attributed: 0, anonymous: 1 },
  techniqueRates: {},
  frames: { Economic: 1, Security_and_defense: 1 },
  genres: { reporting: 1 },
  naming: { ruShare: 0.5, entities: { Kharkiv: { Kharkiv: 1 }, Kyiv: { Киев: 0.5, Київ: 0.5 } } },
  // Own voice: СВО 3, the neutral война 1 (not polar): ru 3 of 3. вторжение quoted apart.
  terms: {
    ruShare: 1,
    own: { ua: 0, ru: 3, neutral: 1 },
    quoted: { ua: 1, ru: 0, neutral: 0 },
    distanced: NONE,
    concepts: {
      war: { 'специальная военная операция': { count: 3, pole: 'ru' }, война: { count: 1, pole: 'neutral' } },
    },
  },
  topEntities: [
    { name: 'Kyiv', type: 'location', mentions: 1, documents: 1 },
    { name: 'Пётр', type: 'person', mentions: 1, documents: 1 },
  ],
  topSources: [{ name: 'источник', type: 'anonymous', attributions: 1, documents: 1 }],
};
// b1 and b2 (7 words, no analysis: no voice, no genre).
const BETA = { ...B1, documents: 2, words: 17, frames: { Economic: 0.5, Security_and_defense: 0.5 } };
const BY_OUTLET = [
  { outlet: '(outlet not known)', ...UNDATED },
  { outlet: 'Alpha', ...ALPHA },
  { outlet: 'Beta', ...BETA },
];
// 2023-01: a1, a2 and b2 (28 words, 21 with a voice).
const JANUARY = {
  ...ALPHA,
  documents: 3,
  words: 28,
  techniqueRates: { Loaded_Language: 71.429, Doubt: 107.143 },
  frames: { Economic: 0.3333, Political: 0.3333 },
};
const BY_MONTH = [
  { month: '(date not known)', ...UNDATED },
  { month: '2023-01', ...JANUARY },
  { month: '2023-02', ...B1 },
];
const BY_BOTH = [
  { outlet: '(outlet not known)', month: '(date not known)', ...UNDATED },
  { outlet: 'Alpha', month: '2023-01', ...ALPHA },
  { outlet: 'Beta', month: '2023-01', documents: 1, words: 7, ...EMPTY },
  { outlet: 'Beta', month: '2023-02', ...B1 },
];
// All five: 41 words, 31 with a voice; own 15, named 4.5, anonymous 1.5 + 10.
const ALL = {
  documents: 5,
  words: 41,
  voice: { own: 0.4839, attributed: 0.1452, anonymous: 0.371 },
  techniqueRates: { Loaded_Language: 48.78, Doubt: 73.171 },
  frames: { Economic: 0.4, Political: 0.2, Security_and_defense: 0.2 },
  genres: { reporting: 0.6667, opinion: 0.3333 },
  naming: {
    ruShare: 0.4286,
    entities: { Kharkiv: { Kharkiv: 1 }, Kyiv: { Kiev: 0.2857, Kyiv: 0.4286, Киев: 0.1429, Київ: 0.1429 } },
  },
  // Alpha's and Beta's: ru 4 of 7 polar own-voice uses.
  terms: {
    ruShare: 0.5714,
    own: { ua: 3, ru: 4, neutral: 1 },
    quoted: { ua: 1, ru: 1, neutral: 0 },
    distanced: { ua: 0, ru: 1, neutral: 0 },
    concepts: {
      territories: { 'occupied territories': { count: 1, pole: 'ua' } },
      war: {
        invasion: { count: 2, pole: 'ua' },
        'special military operation': { count: 1, pole: 'ru' },
        'специальная военная операция': { count: 3, pole: 'ru' },
        война: { count: 1, pole: 'neutral' },
      },
    },
  },
  topEntities: [
    { name: 'Kyiv', type: 'location', mentions: 5, documents: 3 },
    { name: 'Zelensky', type: 'person', mentions: 3, documents: 1 },
    { name: 'Moscow', type: 'location', mentions: 1, documents: 1 },
    { name: 'Пётр', type: 'person', mentions: 1, documents: 1 },
  ],
  topSources: [
    { name: 'Reuters', type: 'media', attributions: 2, documents: 1 },
    { name: 'a source', type: 'anonymous', attributions: 1, documents: 1 },
    { name: 'источник', type: 'anonymous', attributions: 1, documents: 1 },
  ],
};

/**
 * A store of `docs` on `backend` for the suite, and a second connection to it (for reports
 * computed from the query tables); read them through the getter.
 */
function useReportStore(backend: Backend, docs: NewsDocument[]): () => { store: Store; db: Db } {
  let t: TestDb;
  let store: Store;
  let db: Db;
  beforeAll(async () => {
    t = await backend.create();
    store = await openStore(t.url);
    await store.ingest(docs);
    db = t.url.startsWith('postgres') ? await openPostgres(t.url) : openSqlite(t.url);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await store?.close();
    await t?.drop();
  });
  return () => ({ store, db });
}

eachBackend('report on a hand-made corpus', (backend) => {
  const get = useReportStore(backend, SMALL_CORPUS);
  let store: Store;
  let db: Db;
  beforeAll(() => {
    ({ store, db } = get());
  });

  /** The report from the roll-ups, checked against the one from the query tables. */
  const both = async (req: ReportRequest): Promise<ReportGroup[]> => {
    const fromRollups = await store.report(req);
    expect(await report(db, req, { rollups: false })).toEqual(fromRollups);
    return fromRollups;
  };

  it.each<[ReportRequest, unknown[]]>([
    [{}, BY_OUTLET],
    [{ by: 'outlet' }, BY_OUTLET],
    [{ by: 'month' }, BY_MONTH],
    [{ by: 'outlet,month' }, BY_BOTH],
    [{ by: 'none' }, [ALL]],
  ])('reports %j: documents, words, voice, rates, shares, naming and top lists', async (req, want) => {
    expect(await both(req)).toEqual(want);
  });

  it('lists naming entities and their forms in name order', async () => {
    const [all] = await both({ by: 'none' });
    expect(Object.keys(all!.naming.entities)).toEqual(['Kharkiv', 'Kyiv']);
    expect(Object.keys(all!.naming.entities.Kyiv!)).toEqual(['Kiev', 'Kyiv', 'Киев', 'Київ']);
  });

  it("lists the terms' concepts in name order, each one's forms most used first", async () => {
    for (const [all] of [
      await store.report({ by: 'none' }),
      await report(db, { by: 'none' }, { rollups: false }),
    ]) {
      expect(Object.keys(all!.terms.concepts)).toEqual(['territories', 'war']);
      expect(Object.keys(all!.terms.concepts.war!)).toEqual([
        'специальная военная операция',
        'invasion',
        'special military operation',
        'война',
      ]);
    }
  });

  it('lists techniques, frames and genres in name order, from the roll-ups and the query tables alike', async () => {
    for (const [all] of [
      await store.report({ by: 'none' }),
      await report(db, { by: 'none' }, { rollups: false }),
    ]) {
      expect(Object.keys(all!.techniqueRates)).toEqual(['Doubt', 'Loaded_Language']);
      expect(Object.keys(all!.frames)).toEqual(['Economic', 'Political', 'Security_and_defense']);
      expect(Object.keys(all!.genres)).toEqual(['opinion', 'reporting']);
    }
  });

  it('lists the top entities and sources down to `top`, ties by name', async () => {
    const [all] = await both({ by: 'none', top: 2 });
    expect(all!.topEntities.map((e) => e.name)).toEqual(['Kyiv', 'Zelensky']);
    expect(all!.topSources.map((e) => e.name)).toEqual(['Reuters', 'a source']);
    const one = await both({ by: 'outlet,month', top: 1 });
    expect(one.map((g) => [g.topEntities.map((e) => e.name), g.topSources.map((e) => e.name)])).toEqual([
      [[], []],
      [['Kyiv'], ['Reuters']],
      [[], []],
      [['Kyiv'], ['источник']],
    ]);
    for (const by of ['outlet', 'outlet,month'] as const)
      for (const g of await both({ by, top: 0 })) expect([g.topEntities, g.topSources]).toEqual([[], []]);
  });

  it('reports over a query’s or filters’ selection', async () => {
    expect(await both({ query: 'oil' })).toEqual([{ outlet: 'Alpha', ...ALPHA }]);
    expect(await both({ by: 'month', outlet: ['Beta'] })).toEqual([
      { month: '2023-01', documents: 1, words: 7, ...EMPTY },
      { month: '2023-02', ...B1 },
    ]);
    expect(await both({ by: 'none', lang: ['ru'] })).toEqual([B1]);
    // The group of documents without an outlet, filtered by its name: the same group.
    expect(await both({ by: 'outlet', outlet: ['(outlet not known)'] })).toEqual([
      { outlet: '(outlet not known)', ...UNDATED },
    ]);
    // Ungrouped, nothing selected is still one group (of nothing).
    expect(await both({ by: 'none', query: 'elephant' })).toEqual([{ documents: 0, words: 0, ...EMPTY }]);
    expect(await both({ by: 'outlet', query: 'elephant' })).toEqual([]);
    for (const f of [
      { from: '2023-02' },
      { to: '2023-01' },
      { genre: ['reporting'] },
      { frame: ['Security_and_defense'] },
      { technique: ['Doubt'] },
      { entity: ['Пётр'] },
      { sourceType: ['media'] },
      { minClaimScore: 0.5 },
    ]) {
      const hits = (await store.search({ ...f, limit: 50 })).hits.length;
      const [g] = await both({ by: 'none', ...f });
      expect(g!.documents, JSON.stringify(f)).toBe(hits);
    }
    // Empty filter lists select everything: the roll-ups answer.
    expect(await both({ by: 'none', outlet: [], lang: [] })).toEqual([ALL]);
  });

  it('answers over the whole corpus from the roll-ups, over a selection from the query tables', async () => {
    // The SQL a report sends, through a connection that records it.
    const sent: string[] = [];
    const rec = new Proxy(db, {
      get(target, key) {
        if (key === 'all')
          return (sql: string, params?: readonly unknown[]) => {
            sent.push(sql);
            return target.all(sql, params);
          };
        const v = Reflect.get(target, key);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Db;
    const source = async (req: ReportRequest, opts?: { rollups?: boolean }) => {
      sent.length = 0;
      await report(rec, req, opts);
      const rollups = sent.some((s) => /\brollup_(groups|counts)\b/.test(s));
      const tables = sent.some((s) => /\bJOIN documents\b/.test(s));
      expect(rollups, JSON.stringify(req)).not.toBe(tables);
      return rollups ? 'roll-ups' : 'query tables';
    };
    expect(await source({})).toBe('roll-ups');
    expect(await source({ by: 'outlet,month' }, { rollups: true })).toBe('roll-ups');
    // A blank query and empty filter lists select everything.
    expect(await source({ by: 'none', query: '  ', outlet: [], lang: [] })).toBe('roll-ups');
    expect(await source({}, { rollups: false })).toBe('query tables');
    expect(await source({ query: 'oil' })).toBe('query tables');
    expect(await source({ outlet: ['Alpha'] })).toBe('query tables');
    expect(await source({ by: 'month', minClaimScore: 0 })).toBe('query tables');
  });

  it('refuses an unknown grouping', async () => {
    await expect(store.report({ by: 'week' as never })).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(store.report({ by: 'week' as never })).rejects.toThrow(
      '--by takes outlet, month or outlet,month (got "week")',
    );
  });

  it('keeps the roll-ups right as documents are deleted, replaced and added again', async () => {
    const a1 = SMALL_CORPUS[0]!;
    expect(await store.ingest([])).toEqual([]);
    expect(await store.delete('a2')).toBe(true);
    // a1 alone: 12 words, own 0.5, named 0.375, anonymous 0.125.
    const alone = {
      outlet: 'Alpha',
      ...ALPHA,
      documents: 1,
      words: 12,
      voice: { own: 0.5, attributed: 0.375, anonymous: 0.125 },
      techniqueRates: { Loaded_Language: 166.667, Doubt: 83.333 },
      frames: { Economic: 1 },
      genres: { reporting: 1 },
      naming: { ruShare: 0, entities: { Kyiv: { Kyiv: 1 } } },
      terms: {
        ruShare: 0,
        own: { ua: 2, ru: 0, neutral: 0 },
        quoted: { ua: 0, ru: 1, neutral: 0 },
        distanced: NONE,
        concepts: { war: { invasion: { count: 2, pole: 'ua' } } },
      },
      topEntities: [
        { name: 'Kyiv', type: 'location', mentions: 2, documents: 1 },
        { name: 'Moscow', type: 'location', mentions: 1, documents: 1 },
      ],
    };
    expect((await both({}))[1]).toEqual(alone);
    // a1 moved to another outlet (a new text): Alpha is gone, Gamma holds it.
    const moved = { ...a1, text: `${a1.text} Oil again.`, meta: { ...a1.meta, outlet: 'Gamma' } };
    expect(await store.ingest([moved])).toEqual([{ id: 'a1', status: 'replaced' }]);
    const groups = await both({});
    expect(groups.map((g) => [g.outlet, g.documents, g.words])).toEqual([
      ['(outlet not known)', 1, 3],
      ['Beta', 2, 17],
      ['Gamma', 1, 14],
    ]);
    expect(groups[2]!.topSources).toEqual(ALPHA.topSources);
    // Back as they were.
    expect(await store.ingest([a1, SMALL_CORPUS[1]!])).toEqual([
      { id: 'a1', status: 'replaced' },
      { id: 'a2', status: 'added' },
    ]);
    expect(await both({})).toEqual(BY_OUTLET);
    expect(await both({ by: 'outlet,month' })).toEqual(BY_BOTH);
  });
});

eachBackend('report over many groups', (backend) => {
  // One batch of 201 outlets: more groups than the roll-ups write in one statement.
  const get = useReportStore(
    backend,
    Array.from({ length: 201 }, (_, i) =>
      handDoc(`m${i}`, `Note ${i}.`, { outlet: `Outlet ${String(i).padStart(3, '0')}` }),
    ),
  );

  it('counts each document once in its group', async () => {
    const { store, db } = get();
    const groups = await store.report({ by: 'outlet' });
    expect(groups).toHaveLength(201);
    expect(groups.every((g) => g.documents === 1 && g.words === 2)).toBe(true);
    expect(await report(db, { by: 'outlet' }, { rollups: false })).toEqual(groups);
  });
});

eachBackend('report: top entities are people, organisations and places', (backend) => {
  // `Belgian` (a nationality, MISC) is mentioned most in both documents; `Asia` is a place.
  const misc = (n: number) => ({
    id: 'nationality-belgian',
    type: 'MISC',
    name: 'Belgian',
    mentions: Array(n).fill(mention),
  });
  const mention = { start: 0, end: 1 };
  const docs = ['x1', 'x2'].map((id, i) =>
    handDoc(
      id,
      'Belgian officials met in Asia.',
      { outlet: 'Delta', published: `2023-0${i + 1}-01`, lang: 'en' },
      {
        entities: [
          misc(5),
          { id: 'place-asia', type: 'LOC', name: 'Asia', mentions: [mention, mention] },
          { id: 'e1', type: 'PER', name: 'Ann Lee', mentions: [mention] },
        ],
        // A source of no type: only entities leave a type out.
        sources: { sources: [{ name: 'a wire', type: '', attributions: 1, words: 2 }] },
      },
    ),
  );
  const get = useReportStore(backend, docs);

  it('leaves MISC names out of the top entities, from the roll-ups and the query tables alike', async () => {
    const { store, db } = get();
    for (const by of ['outlet', 'outlet,month', 'none'] as const)
      for (const top of [1, 10]) {
        const groups = await store.report({ by, top });
        expect(await report(db, { by, top }, { rollups: false })).toEqual(groups);
        for (const g of groups)
          expect(
            g.topEntities.map((e) => e.name),
            `${by} top ${top}`,
          ).toEqual(top === 1 ? ['Asia'] : ['Asia', 'Ann Lee']);
      }
    // A selection (query tables) too, and the store still finds documents by the MISC name.
    const [g] = await store.report({ by: 'none', query: 'officials' });
    expect(g!.topEntities).toEqual([
      { name: 'Asia', type: 'LOC', mentions: 4, documents: 2 },
      { name: 'Ann Lee', type: 'PER', mentions: 2, documents: 2 },
    ]);
    expect((await store.search({ entity: ['Belgian'] })).hits).toHaveLength(2);
    expect((await store.report({ by: 'none' }))[0]!.topSources.map((x) => x.name)).toEqual(['a wire']);
  });
});

eachBackend("report: an outlet's own name is not among its top entities", (backend) => {
  // `WASHINGTON (Example Wire)`: the dateline names the outlet, which the entities layer finds
  // in every document; `The Daily Planet` publishes as `Daily Planet` in its own datelines.
  const mention = { start: 0, end: 1 };
  const ent = (id: string, type: string, name: string, n: number) => ({
    id,
    type,
    name,
    mentions: Array(n).fill(mention),
  });
  const docs = [
    ...['w1', 'w2'].map((id, i) =>
      handDoc(
        id,
        'WASHINGTON (Example Wire) Officials met in Asia.',
        { outlet: 'Example Wire', published: `2023-0${i + 1}-01`, lang: 'en' },
        {
          entities: [
            ent('wire', 'ORG', 'Example Wire', 5),
            ent('asia', 'LOC', 'Asia', 2),
            ent('ann', 'PER', 'Ann Lee', 1),
          ],
        },
      ),
    ),
    handDoc(
      'p1',
      'METROPOLIS (Daily Planet) The mayor met Ann Lee.',
      { outlet: 'The Daily Planet', published: '2023-01-01', lang: 'en' },
      { entities: [ent('planet', 'ORG', 'DAILY PLANET', 4), ent('ann', 'PER', 'Ann Lee', 1)] },
    ),
  ];
  const get = useReportStore(backend, docs);

  it('leaves it out by outlet (case-blind, without a leading The), from the roll-ups and the query tables alike', async () => {
    const { store, db } = get();
    for (const by of ['outlet', 'outlet,month'] as const)
      for (const top of [1, 2, 10]) {
        const groups = await store.report({ by, top });
        expect(await report(db, { by, top }, { rollups: false })).toEqual(groups);
        const names = groups.map((g) => [g.outlet, g.topEntities.map((e) => e.name)]);
        const wire = top === 1 ? ['Asia'] : ['Asia', 'Ann Lee'];
        expect(names, `${by} top ${top}`).toEqual(
          by === 'outlet'
            ? [
                ['Example Wire', wire],
                ['The Daily Planet', ['Ann Lee']],
              ]
            : [
                ['Example Wire', wire],
                ['Example Wire', wire],
                ['The Daily Planet', ['Ann Lee']],
              ],
        );
      }
    // A selection too; without outlets (by month, or none) the name is an entity like any other.
    const [w] = await store.report({ by: 'outlet', query: 'officials' });
    expect(w!.topEntities.map((e) => e.name)).toEqual(['Asia', 'Ann Lee']);
    const [all] = await store.report({ by: 'none', top: 1 });
    expect(all!.topEntities.map((e) => e.name)).toEqual(['Example Wire']);
  });
});
