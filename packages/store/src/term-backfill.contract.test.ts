import { afterEach, beforeEach, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations.js';
import { openStore, type Store } from './store.js';
import { rawSql, type TestDb, useTestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

// Migration 17 on a store written at version 16: the small corpus (terms in a1, a2 and b1, none
// in b2 and n1) and a document whose naming layer predates terms (no `terms` key).
const OLD_LAYER = handDoc(
  'c1',
  'Kiev\n\nTalks in Kiev went on.',
  { title: 'Kiev', outlet: 'Gamma', published: '2023-02-01', lang: 'en' },
  {
    naming: {
      profile: { ruShare: 1 },
      entities: [
        {
          entity: 'kyiv',
          name: 'Kyiv',
          variants: [{ form: 'Kiev', pole: 'ru', provenance: 'curated', count: 2 }],
        },
      ],
    },
  },
);
const DOCS = [...SMALL_CORPUS, OLD_LAYER];

/** A store as version 16 left it: no `doc_terms`, no terms in the roll-ups. */
async function v16Store(url: string): Promise<void> {
  const store = await openStore(url);
  await store.ingest(DOCS);
  await store.close();
  await rawSql(
    url,
    `DROP TABLE doc_terms; DELETE FROM rollup_counts WHERE kind LIKE 'term:%';
     UPDATE newsprism_meta SET value = '16' WHERE key = 'schema_version'`,
  );
}

const termRows = (url: string) =>
  rawSql(
    url,
    `SELECT d.id, t.concept, t.form, t.pole, t.voice, t.provenance, t.count FROM doc_terms t
     JOIN documents d ON d.pk = t.doc ORDER BY d.id, t.concept, t.form, t.voice`,
  );
const termRollups = (url: string) =>
  rawSql(
    url,
    `SELECT outlet, month, kind, k1, k2, k3, n, docs FROM rollup_counts WHERE kind LIKE 'term:%'
     ORDER BY outlet, month, kind, k1, k2, k3`,
  );
// PostgreSQL's REAL `n` and BIGINT `docs` come back as numbers or strings: compared as numbers.
const numeric = (rows: unknown) =>
  (rows as Record<string, unknown>[]).map((r) => ({ ...r, n: Number(r.n), docs: Number(r.docs) }));

const reports = async (store: Store) => ({
  byOutlet: await store.report({ by: 'outlet' }),
  byBoth: await store.report({ by: 'outlet,month' }),
  filtered: await store.report({ by: 'outlet', from: '2023-01-15' }),
});

eachBackend('migration 17: the terms of documents stored before', (backend) => {
  let fresh: TestDb;
  const old = useTestDb(backend, { before: beforeEach, after: afterEach });
  beforeEach(async () => {
    fresh = await backend.create();
    const store = await openStore(fresh.url);
    await store.ingest(DOCS);
    await store.close();
  }, 60_000);
  afterEach(async () => {
    await fresh?.drop();
  });

  it('fills doc_terms and the roll-ups from the stored naming layers, as ingest writes them', async () => {
    await v16Store(old().url);
    const store = await openStore(old().url);
    try {
      expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      const [alpha] = (await store.report({ by: 'outlet', outlet: ['Alpha'] })).map((g) => g.terms);
      // Alpha's own voice (a1, a2): invasion 2, occupied territories 1, SMO 1; report.test.ts has the rest.
      expect([alpha?.ruShare, alpha?.own, alpha?.concepts.war]).toEqual([
        0.25,
        { ua: 3, ru: 1, neutral: 0 },
        { invasion: { count: 2, pole: 'ua' }, 'special military operation': { count: 1, pole: 'ru' } },
      ]);
      const fromFresh = await openStore(fresh.url);
      try {
        expect(await reports(store)).toEqual(await reports(fromFresh));
      } finally {
        await fromFresh.close();
      }
    } finally {
      await store.close();
    }
    const rows = await termRows(old().url);
    expect(rows).toEqual(await termRows(fresh.url));
    // Seven terms in three documents; none for b2 (no naming layer), n1 and c1 (no terms).
    expect((rows as { id: string }[]).map((r) => r.id)).toEqual([
      'a1',
      'a1',
      'a2',
      'a2',
      'a2',
      'b1',
      'b1',
      'b1',
    ]);
    expect(rows).toContainEqual({
      id: 'a2',
      concept: 'war',
      form: 'special military operation',
      pole: 'ru',
      voice: 'distanced',
      provenance: 'curated',
      count: 1,
    });
    const rollups = numeric(await termRollups(old().url));
    expect(rollups).toEqual(numeric(await termRollups(fresh.url)));
    expect(rollups).toContainEqual({
      outlet: 'Alpha',
      month: '2023-01',
      kind: 'term:outlet',
      k1: 'war',
      k2: 'invasion',
      k3: 'ua',
      n: 2,
      docs: 1,
    });
  });

  it('makes the same rows when it runs again, and ingest and delete keep them after', async () => {
    await v16Store(old().url);
    await (await openStore(old().url)).close();
    const once = { rows: await termRows(old().url), rollups: numeric(await termRollups(old().url)) };
    await rawSql(old().url, "UPDATE newsprism_meta SET value = '16' WHERE key = 'schema_version'");
    const store = await openStore(old().url);
    try {
      expect({ rows: await termRows(old().url), rollups: numeric(await termRollups(old().url)) }).toEqual(
        once,
      );
      expect(await store.delete('a1')).toBe(true);
      expect(await store.ingest([SMALL_CORPUS[0]!])).toEqual([{ id: 'a1', status: 'added' }]);
    } finally {
      await store.close();
    }
    expect(await termRows(old().url)).toEqual(once.rows);
    expect(numeric(await termRollups(old().url))).toEqual(once.rollups);
  });
});
