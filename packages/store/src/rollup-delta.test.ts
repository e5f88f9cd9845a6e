import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from './db.js';
import { ingestBatch } from './ingest.js';
import {
  type ContributionRow,
  RollupDelta,
  type RollupInput,
  storedContribution,
  storedContributions,
} from './rollup.js';
import { ensureSchema } from './schema.js';
import { openTestDb, type TestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';

// The roll-ups summed by hand (rollup.test.ts compares them with the report's SQL over a
// pipeline-analysed corpus; here every figure is worked out in the comments).

const empty = { techniques: [], frames: [], naming: [], terms: [], entities: [], sources: [] };

// 100 words: own voice 0.75 (75 words), attributed 0.5 of which a quarter anonymous (37.5 named,
// 12.5 anonymous words); TASS quoted twice in two rows (one source of the document).
const A: RollupInput = {
  outlet: 'RT',
  month: '2023-05',
  words: 100,
  genre: 'opinion',
  ownVoice: 0.75,
  attributed: 0.5,
  anonymous: 0.25,
  techniques: [
    { technique: 'Loaded_Language', count: 3 },
    { technique: 'Doubt', count: 1 },
  ],
  frames: [{ frame: 'Economic' }],
  naming: [{ name: 'Kyiv', form: 'Kiev', pole: 'ru', count: 2 }],
  // The war's terms, a kind a voice: `invasion` twice in its own voice, `SMO` once quoted.
  terms: [
    { concept: 'war', form: 'invasion', pole: 'ua', voice: 'outlet', count: 2 },
    { concept: 'war', form: 'special military operation', pole: 'ru', voice: 'quoted', count: 1 },
  ],
  entities: [{ name: 'Kyiv', type: 'location', mentions: 4 }],
  sources: [
    { name: 'TASS', type: 'media', attributions: 2 },
    { name: 'TASS', type: 'media', attributions: 1 },
    { name: 'an official', type: 'anonymous', attributions: 1 },
  ],
};
// The same group; no genre, no own-voice share, no anonymous share: none of their sums move.
const B: RollupInput = {
  ...empty,
  outlet: 'RT',
  month: '2023-05',
  words: 50,
  genre: null,
  ownVoice: null,
  attributed: 0.5,
  anonymous: null,
  techniques: [{ technique: 'Loaded_Language', count: 1 }],
  entities: [{ name: 'Kyiv', type: 'location', mentions: 1 }],
  sources: [{ name: 'TASS', type: 'media', attributions: 1 }],
};
// No outlet, no date: the report's "(none)" group.
const C: RollupInput = {
  ...empty,
  outlet: null,
  month: null,
  words: 10,
  genre: 'reporting',
  ownVoice: 1,
  attributed: 0,
  anonymous: 0,
};

const GROUP_COLUMNS = ['outlet', 'month', 'documents', 'words', 'vwords', 'own', 'named', 'anon', 'genred'];

/** The groups as `outlet|month|documents|words|vwords|own|named|anon|genred`, sorted. */
async function groups(db: Db) {
  const rows = await db.all<Record<string, unknown>>(`SELECT ${GROUP_COLUMNS.join(', ')} FROM rollup_groups`);
  return rows.map((r) => GROUP_COLUMNS.map((c, i) => (i < 2 ? r[c] : Number(r[c]))).join('|')).sort();
}

/** The counts as `outlet|month|kind|k1|k2|k3|n|docs`, sorted. */
async function counts(db: Db) {
  const rows = await db.all<Record<string, unknown>>(
    'SELECT outlet, month, kind, k1, k2, k3, n, docs FROM rollup_counts',
  );
  return rows
    .map((r) => [r.outlet, r.month, r.kind, r.k1, r.k2, r.k3, Number(r.n), Number(r.docs)].join('|'))
    .sort();
}

eachBackend('roll-up deltas', (backend) => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await backend.create();
    db = await openTestDb(t.url);
    await ensureSchema(db, t.url);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    await db.exec('DELETE FROM rollup_groups; DELETE FROM rollup_counts');
  });

  const apply = async (...changes: [RollupInput, 1 | -1][]) => {
    const delta = new RollupDelta();
    for (const [x, sign] of changes) delta.add(x, sign);
    await delta.apply(db);
  };

  it('sums documents by outlet and month as the report reads them, NULL factors adding nothing', async () => {
    await apply([A, 1], [B, 1], [C, 1]);
    expect(await groups(db)).toEqual([
      '(none)|(none)|1|10|10|10|0|0|1',
      'RT|2023-05|2|150|100|75|37.5|12.5|1',
    ]);
    expect(await counts(db)).toEqual([
      '(none)|(none)|genre|reporting|||1|1',
      'RT|2023-05|entity|Kyiv|location||5|2',
      'RT|2023-05|frame|Economic|||1|1',
      'RT|2023-05|genre|opinion|||1|1',
      'RT|2023-05|naming|Kyiv|Kiev|ru|2|1',
      // A source counts a document once, whatever rows it has (TASS: 2 + 1 in A, 1 in B).
      'RT|2023-05|source|TASS|media||4|2',
      'RT|2023-05|source|an official|anonymous||1|1',
      'RT|2023-05|technique|Doubt|||1|1',
      'RT|2023-05|technique|Loaded_Language|||4|2',
      'RT|2023-05|term:outlet|war|invasion|ua|2|1',
      'RT|2023-05|term:quoted|war|special military operation|ru|1|1',
    ]);
  });

  it('adds a later batch to the stored sums, and takes a document away, removing what is left with nothing', async () => {
    await apply([A, 1], [C, 1]);
    await apply([B, 1]);
    await apply([A, -1]);
    // B alone is left in its group; C's group is untouched.
    expect(await groups(db)).toEqual(['(none)|(none)|1|10|10|10|0|0|1', 'RT|2023-05|1|50|0|0|0|0|0']);
    expect(await counts(db)).toEqual([
      '(none)|(none)|genre|reporting|||1|1',
      'RT|2023-05|entity|Kyiv|location||1|1',
      'RT|2023-05|source|TASS|media||1|1',
      'RT|2023-05|technique|Loaded_Language|||1|1',
    ]);
    // A replacement in one batch: taken away and added again, under another outlet.
    await apply([B, -1], [{ ...B, outlet: 'TASS' }, 1]);
    expect((await groups(db)).map((g) => g.split('|').slice(0, 2).join('|'))).toEqual([
      '(none)|(none)',
      'TASS|2023-05',
    ]);
    expect((await counts(db)).filter((c) => c.startsWith('RT|'))).toEqual([]);
    await apply([{ ...B, outlet: 'TASS' }, -1], [C, -1]);
    expect(await groups(db)).toEqual([]);
    expect(await counts(db)).toEqual([]);
  });

  it('writes a batch of more groups and rows than one statement takes', async () => {
    // 250 outlets (250 groups), each document with three entities (750 rows): statements of 200.
    const docs = Array.from({ length: 250 }, (_, i) => ({
      ...C,
      outlet: `outlet ${i}`,
      genre: null,
      entities: ['a', 'b', 'c'].map((name) => ({ name, type: 'person', mentions: i })),
    }));
    await apply(...docs.map((d) => [d, 1] as [RollupInput, 1]));
    const g = await groups(db);
    expect(g).toHaveLength(250);
    expect(g).toContain('outlet 249|(none)|1|10|10|10|0|0|0');
    const c = await counts(db);
    expect(c).toHaveLength(750);
    expect(c).toContain('outlet 249|(none)|entity|c|person||249|1');
    expect(c).toContain('outlet 0|(none)|entity|a|person||0|1');
    await apply(...docs.map((d) => [d, -1] as [RollupInput, -1]));
    expect(await groups(db)).toEqual([]);
    expect(await counts(db)).toEqual([]);
  });

  it('reads a stored document back as the contribution ingest added', async () => {
    await db.exec('DELETE FROM documents');
    await ingestBatch(db, SMALL_CORPUS);
    const ingested = { groups: await groups(db), counts: await counts(db) };
    expect(ingested.groups.length).toBeGreaterThan(1);
    const rows = await db.all<ContributionRow>(
      'SELECT pk, outlet, month, words, genre, own_voice, attributed, anonymous FROM documents ORDER BY pk',
    );
    expect(rows).toHaveLength(SMALL_CORPUS.length);
    const all = await storedContributions(db, rows);
    // a1 (small-corpus.ts): its rows as stored, the frame it does not set left out.
    expect(all[0]).toMatchObject({
      outlet: 'Alpha',
      month: '2023-01',
      words: 12,
      genre: 'reporting',
      ownVoice: 0.5,
      attributed: 0.5,
      anonymous: 0.25,
      frames: [expect.objectContaining({ frame: 'Economic' })],
      naming: [expect.objectContaining({ name: 'Kyiv', form: 'Kyiv', pole: 'ua', count: 3 })],
    });
    expect(all[0]!.terms.map((t) => `${t.concept}/${t.form}/${t.pole}/${t.voice}:${t.count}`).sort()).toEqual(
      ['war/invasion/ua/outlet:2', 'war/special military operation/ru/quoted:1'],
    );
    const techniques = all[0]!.techniques.map((x) => `${x.technique}:${x.count}`).sort();
    expect(techniques).toEqual(['Doubt:1', 'Loaded_Language:2']);
    expect(all[0]!.entities.map((e) => `${e.name}/${e.type}:${e.mentions}`).sort()).toEqual([
      'Kyiv/location:2',
      'Moscow/location:1',
    ]);
    expect(all[0]!.sources.map((s) => `${s.name}/${s.type}:${s.attributions}`).sort()).toEqual([
      'Reuters/media:2',
      'a source/anonymous:1',
    ]);
    expect(typeof all[0]!.words).toBe('number');
    // The documents' contributions, summed again, are the roll-ups ingest wrote.
    await db.exec('DELETE FROM rollup_groups; DELETE FROM rollup_counts');
    await apply(...all.map((x) => [x, 1] as [RollupInput, 1]));
    expect({ groups: await groups(db), counts: await counts(db) }).toEqual(ingested);
    // A run of documents in the middle reads theirs and no other's; one document alone too.
    expect(await storedContributions(db, rows.slice(1, 3))).toEqual(all.slice(1, 3));
    expect(await storedContribution(db, Number(rows[2]!.pk))).toEqual(all[2]);
    expect(await storedContribution(db, Number(rows.at(-1)!.pk) + 1)).toBeUndefined();
    expect(await storedContributions(db, [])).toEqual([]);
  });
});

it('upserts the rows in the order of their whole key (outlet, month, kind, labels), as PostgreSQL writers lock them', async () => {
  // Outlets and labels where one is the other's prefix, kinds of one label and of several.
  const x = (outlet: string, label: string): RollupInput => ({
    outlet,
    month: '2023-05',
    words: 10,
    genre: label,
    ownVoice: null,
    attributed: null,
    anonymous: null,
    techniques: [{ technique: label, count: 1 }],
    frames: [{ frame: label }],
    naming: [{ name: label, form: `${label}s`, pole: 'ru', count: 1 }],
    terms: [
      { concept: label, form: `${label}s`, pole: 'ru', voice: 'quoted', count: 1 },
      { concept: label, form: `${label}s`, pole: 'ru', voice: 'outlet', count: 1 },
    ],
    entities: [
      { name: label, type: 'location', mentions: 1 },
      { name: label, type: 'person', mentions: 1 },
    ],
    sources: [{ name: label, type: 'media', attributions: 1 }],
  });
  const delta = new RollupDelta();
  for (const [o, l] of [
    ['RT b', 'War'],
    ['RT', 'War crimes'],
    ['RT', 'War'],
    ['(none)', 'a'],
    ['RT', 'Wa'],
  ] as const)
    delta.add(x(o, l), 1);
  const keys: string[] = [];
  const db = {
    dialect: 'sqlite',
    run: async (sql: string, params: unknown[]) => {
      if (!sql.includes('rollup_counts')) return;
      for (let i = 0; i < params.length; i += 8) keys.push(params.slice(i, i + 6).join('\u0000'));
    },
  } as unknown as Db;
  await delta.apply(db);
  expect(keys).toHaveLength(5 * 9);
  expect(keys).toEqual([...keys].sort());
});
