import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations.js';
import { openStore } from './store.js';
import { rawSql, type TestDb, useTestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';

// The schema the migrations build on an empty database, read back from the database's own
// catalogue: every table with its columns' types and NOT NULLs, every index with its columns,
// as migrations.ts writes them (the dialect's types: integers for booleans, TEXT for dates,
// REAL/DOUBLE for scores, TEXT/JSONB for JSON, BLOB/BYTEA for packed data).

type Kind = 'pk' | 'int' | 'bigint' | 'text' | 'real' | 'json' | 'blob' | 'tsvector';
const SQLITE_TYPE: Record<Kind, string> = {
  pk: 'INTEGER',
  int: 'INTEGER',
  bigint: 'BIGINT',
  text: 'TEXT',
  real: 'REAL',
  json: 'TEXT',
  blob: 'BLOB',
  tsvector: '',
};
const PG_TYPE: Record<Kind, string> = {
  pk: 'bigint',
  int: 'integer',
  bigint: 'bigint',
  text: 'text',
  real: 'double precision',
  json: 'jsonb',
  blob: 'bytea',
  tsvector: 'tsvector',
};

/** `name kind` or `name kind?` (nullable). */
const TABLES: Record<string, string> = {
  documents:
    'pk pk, id text, text_hash text, title text?, outlet text?, lang text?, published text?, day text?, month text?, words int, genre text?, subjectivity real?, claims int, claim_max real?, own_voice real?, attributed real?, anonymous real?, ru_share real?, producers json, layers blob, text text, ingested_at text',
  doc_entities: 'doc bigint, entity text, type text, name text, key text, mentions int',
  doc_naming: 'doc bigint, entity text, name text, form text, pole text, provenance text, count int',
  doc_sources: 'doc bigint, name text, type text, attributions int, words int',
  // Version 17: the contested terms.
  doc_terms: 'doc bigint, concept text, form text, pole text, voice text, provenance text, count int',
  doc_techniques: 'doc bigint, technique text, count int, score_max real',
  doc_frames: 'doc bigint, frame text, score real, selected int',
  jobs: 'pk pk, id text, input json, state text, attempts int, last_error text?, worker text?, lease_until bigint?, updated_at bigint, options json?, replace_doc int',
  facet_values: 'id pk, facet text, value text',
  doc_facets: 'pk pk, codes blob',
  rollup_groups:
    'outlet text, month text, documents bigint, words bigint, vwords bigint, own real, named real, anon real, genred bigint',
  rollup_counts: 'outlet text, month text, kind text, k1 text, k2 text, k3 text, n real, docs bigint',
  reuse_pairs: 'a text, b text, kind text, score real, direction text, tree text, pair json',
  stories: 'id text, label text, members int, first text?, story json',
  story_members: 'story text, id text, similarity real',
  newsprism_meta: 'key text, value text',
  // Version 13: each distinct producers JSON once.
  producer_sets: 'id pk, hash text, producers text',
};
/** The documents' producer set (version 13), after the columns before it. */
const DOCUMENTS_V13 = 'producer_set bigint?';
/** PostgreSQL's full-text columns (pg-fts.ts); its layers moved to the end (version 8). */
const PG_DOCUMENTS_EXTRA = 'fts tsvector, rank_fts tsvector';
/** SQLite's tables for its top-k (version 9). */
const SQLITE_TABLES: Record<string, string> = {
  fts_heavy: 'term text, pk int, f int, len int',
  fts_heavy_docs: 'pk pk, terms text',
};

/** Indexes other than primary keys and UNIQUE constraints: name → table(columns). */
const INDEXES: Record<string, string> = {
  documents_outlet: 'documents(outlet, day)',
  documents_lang: 'documents(lang)',
  documents_day: 'documents(day)',
  documents_month: 'documents(month, outlet)',
  documents_genre: 'documents(genre)',
  documents_claim_max: 'documents(claim_max)',
  doc_naming_doc: 'doc_naming(doc)',
  doc_sources_type: 'doc_sources(type, doc)',
  doc_sources_doc: 'doc_sources(doc)',
  doc_terms_doc: 'doc_terms(doc)',
  doc_techniques_technique: 'doc_techniques(technique, doc)',
  doc_techniques_doc: 'doc_techniques(doc)',
  doc_frames_frame: 'doc_frames(frame, selected, doc)',
  doc_frames_doc: 'doc_frames(doc)',
  jobs_state: 'jobs(state, pk)',
  jobs_open_id: 'jobs(id)',
  // Version 4: the kind first (replacing rollup_counts_top).
  rollup_counts_kind: 'rollup_counts(kind, outlet, month, n)',
  reuse_pairs_b: 'reuse_pairs(b)',
  reuse_pairs_tree: 'reuse_pairs(tree)',
  reuse_pairs_score: 'reuse_pairs(score)',
  story_members_id: 'story_members(id)',
};
const PG_INDEXES: Record<string, string> = {
  documents_fts: 'documents(fts)',
  doc_entities_key: 'doc_entities(key, doc)',
  doc_entities_entity: 'doc_entities(entity, doc)',
  doc_entities_doc: 'doc_entities(doc)',
};
const SQLITE_INDEXES: Record<string, string> = {
  // Version 5 dropped the key and entity indexes, version 10 the one on doc alone.
  doc_entities_doc_keys: 'doc_entities(doc, key, entity)',
  documents_filter: 'documents(pk, outlet, lang, genre, day, claim_max)',
};

const columns = (spec: string) =>
  spec.split(', ').map((c) => {
    const [name, kind] = c.split(' ') as [string, string];
    return { name, kind: kind.replace('?', '') as Kind, nullable: kind.endsWith('?') };
  });

eachBackend('the schema of a new store', (backend) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await backend.create();
    await (await openStore(db.url)).close();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });
  const sqlite = backend.name === 'sqlite';

  it('has every table with its columns, types and NOT NULLs', async () => {
    const want: Record<string, string[]> = {};
    const tables = { ...TABLES, ...(sqlite ? SQLITE_TABLES : {}) };
    tables.documents = sqlite
      ? `${TABLES.documents}, ${DOCUMENTS_V13}`
      : `${TABLES.documents!.replace(', layers blob', '')}, ${PG_DOCUMENTS_EXTRA}, layers blob, ${DOCUMENTS_V13}`;
    for (const [t, spec] of Object.entries(tables))
      want[t] = columns(spec).map(({ name, kind, nullable }) =>
        sqlite
          ? `${name} ${SQLITE_TYPE[kind]}${nullable ? '' : ' NOT NULL'}`
          : `${name} ${PG_TYPE[kind]}${nullable ? '' : ' NOT NULL'}`,
      );
    const got: Record<string, string[]> = {};
    if (sqlite) {
      const names = (await rawSql(
        db.url,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'doc_fts%'",
      )) as { name: string }[];
      for (const { name } of names) {
        const cols = (await rawSql(db.url, `SELECT * FROM pragma_table_info('${name}')`)) as {
          name: string;
          type: string;
          notnull: number;
          pk: number;
        }[];
        // A primary key is NOT NULL (SQLite reports its own NOT NULL only when declared).
        got[name] = cols.map((c) => `${c.name} ${c.type}${c.notnull || c.pk ? ' NOT NULL' : ''}`);
      }
    } else {
      const cols = (await rawSql(
        db.url,
        'SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
      )) as { table_name: string; column_name: string; data_type: string; is_nullable: string }[];
      for (const c of cols) {
        got[c.table_name] ??= [];
        got[c.table_name]!.push(
          `${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' NOT NULL' : ''}`,
        );
      }
    }
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const t of Object.keys(want)) expect([t, got[t]]).toEqual([t, want[t]]);
  });

  it('has every index the queries are planned on, and no other', async () => {
    const want = { ...INDEXES, ...(sqlite ? SQLITE_INDEXES : PG_INDEXES) };
    const got: Record<string, string> = {};
    if (sqlite) {
      const rows = (await rawSql(
        db.url,
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
      )) as { name: string; tbl_name: string }[];
      for (const r of rows) {
        const cols = (await rawSql(
          db.url,
          `SELECT name FROM pragma_index_info('${r.name}') ORDER BY seqno`,
        )) as {
          name: string;
        }[];
        got[r.name] = `${r.tbl_name}(${cols.map((c) => c.name).join(', ')})`;
      }
    } else {
      const rows = (await rawSql(
        db.url,
        'SELECT i.indexname AS name, i.tablename AS t, i.indexdef AS def FROM pg_indexes i WHERE i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)',
      )) as { name: string; t: string; def: string }[];
      for (const r of rows) got[r.name] = `${r.t}(${/USING \w+ \(([^)]*)\)/.exec(r.def)![1]})`;
    }
    expect(got).toEqual(want);
  });

  it('keeps one open job per id, whatever the finished ones', async () => {
    const insert = (pk: number, state: string) =>
      rawSql(
        db.url,
        `INSERT INTO jobs (pk, id, input, state, updated_at) VALUES (${pk}, 'j', '{}', '${state}', 0)`,
      );
    await insert(1, 'done');
    await insert(2, 'dead');
    await insert(3, 'queued');
    await expect(insert(4, 'running')).rejects.toThrow(/UNIQUE|unique/);
    await rawSql(db.url, 'DELETE FROM jobs');
  });

  if (!sqlite)
    it('keeps planner statistics off the wide columns and small on the body vector', async () => {
      const rows = (await rawSql(
        db.url,
        "SELECT attname, attstattarget AS n FROM pg_attribute WHERE attrelid = 'documents'::regclass AND attstattarget IS NOT NULL AND attstattarget >= 0 AND attnum > 0 AND NOT attisdropped ORDER BY attname",
      )) as { attname: string; n: number }[];
      expect(Object.fromEntries(rows.map((r) => [r.attname, Number(r.n)]))).toEqual({
        id: 0,
        text_hash: 0,
        title: 0,
        producers: 0,
        layers: 0,
        text: 0,
        ingested_at: 0,
        rank_fts: 0,
        fts: 20,
      });
    });
});

eachBackend('opening a store: who else is there, which version', (backend) => {
  const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });

  it('refuses a database whose meta table names another application, and leaves it as it was', async () => {
    await rawSql(
      testDb().url,
      "CREATE TABLE newsprism_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO newsprism_meta (key, value) VALUES ('app', 'other-app'), ('schema_version', '1')",
    );
    await expect(openStore(testDb().url)).rejects.toMatchObject({
      code: 'E_DB_FOREIGN',
      message: expect.stringMatching(
        / is a database of something other than newsprism; give --db a new file or an empty database$/,
      ),
    });
    expect(await rawSql(testDb().url, 'SELECT key, value FROM newsprism_meta ORDER BY key')).toEqual([
      { key: 'app', value: 'other-app' },
      { key: 'schema_version', value: '1' },
    ]);
  });

  // PostgreSQL: each open takes the advisory lock. (On SQLite, opens in one process would wait
  // for the write lock synchronously, blocking the event loop that would release it.)
  if (backend.name === 'postgres')
    it('creates a new store once when several connections open it at the same time', async () => {
      const stores = await Promise.all([1, 2, 3].map(() => openStore(testDb().url)));
      for (const s of stores) expect((await s.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      await Promise.all(stores.map((s) => s.close()));
    });

  if (backend.name === 'postgres')
    it('refreshes the planner statistics of a store its upgrade rewrote, and of no other', async () => {
      const url = testDb().url;
      // When documents was last vacuumed and analysed (its row count alone would not tell: the
      // upgrade's CREATE INDEX counts the rows too).
      const refreshed = async () =>
        (await rawSql(
          url,
          "SELECT last_vacuum IS NOT NULL AS v, last_analyze IS NOT NULL AS a FROM pg_stat_user_tables WHERE relname = 'documents'",
        )) as { v: boolean; a: boolean }[];
      const store = await openStore(url);
      await store.ingest(SMALL_CORPUS);
      await store.close();
      // Five documents: fewer than a refresh waits for, so never analysed.
      await (await openStore(url)).close();
      expect(await refreshed()).toEqual([{ v: false, a: false }]);
      // Opened as version 11, the documents' vectors get their pairs (version 12): analysed at once.
      await rawSql(url, "UPDATE newsprism_meta SET value = '11' WHERE key = 'schema_version'");
      await (await openStore(url)).close();
      expect(await refreshed()).toEqual([{ v: true, a: true }]);
    });
});

eachBackend('migration 16: the jobs of a store of schema 15 (issue 14)', (backend) => {
  const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });

  it('moves the open jobs with options or the replace flag to the states a worker of schema 14 does not take, and keeps one open job per id', async () => {
    const url = testDb().url;
    await (await openStore(url)).close();
    // Schema 15: the option columns, the open ids' index over the two old states alone.
    await rawSql(
      url,
      `DROP INDEX jobs_open_id;
       CREATE UNIQUE INDEX jobs_open_id ON jobs (id) WHERE state IN ('queued', 'running');
       UPDATE newsprism_meta SET value = '15' WHERE key = 'schema_version'`,
    );
    // id, state, options, replace flag at schema 15; the state after the upgrade.
    const opts = '{"genre":{"prior":"news-wire"}}';
    const jobs: [string, string, string | null, number, string][] = [
      ['q', 'queued', null, 0, 'queued'],
      ['q-options', 'queued', opts, 0, 'queued-options'],
      ['q-replace', 'queued', null, 1, 'queued-options'],
      ['r', 'running', null, 0, 'running'],
      ['r-options', 'running', opts, 0, 'running-options'],
      ['r-replace', 'running', null, 1, 'running-options'],
      ['done-options', 'done', opts, 1, 'done'],
      ['dead-options', 'dead', opts, 1, 'dead'],
    ];
    await rawSql(
      url,
      `INSERT INTO jobs (pk, id, input, state, updated_at, options, replace_doc) VALUES ${jobs
        .map(
          ([id, state, options, replace], i) =>
            `(${i + 1}, '${id}', '{}', '${state}', 0, ${options === null ? 'NULL' : `'${options}'`}, ${replace})`,
        )
        .join(', ')}`,
    );
    const store = await openStore(url);
    await store.close();
    expect(await rawSql(url, 'SELECT id, state FROM jobs ORDER BY pk')).toEqual(
      jobs.map(([id, , , , state]) => ({ id, state })),
    );
    const insert = (pk: number, id: string, state: string) =>
      rawSql(
        url,
        `INSERT INTO jobs (pk, id, input, state, updated_at) VALUES (${pk}, '${id}', '{}', '${state}', 0)`,
      );
    // An id waiting with options is not queued again without them, nor the other way round.
    await expect(insert(11, 'q-options', 'queued')).rejects.toThrow(/UNIQUE|unique/);
    await expect(insert(12, 'r-replace', 'queued')).rejects.toThrow(/UNIQUE|unique/);
    await expect(insert(13, 'q', 'queued-options')).rejects.toThrow(/UNIQUE|unique/);
    // A finished job's id is queued again in any state.
    await insert(14, 'done-options', 'queued-options');
    await insert(15, 'dead-options', 'queued');
  });
});
