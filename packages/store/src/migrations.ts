import { backfillDateLangKeys } from './date-lang-backfill.js';
import type { Db, Dialect } from './db.js';
import { backfillFacets } from './facet-backfill.js';
import { reuseTablesSql } from './migrations-reuse.js';
import { packStoredLayers } from './packed.js';
import { backfillRankVectors } from './pg-fts.js';
import { backfillPairs } from './pg-pairs.js';
import { FTS_STATISTICS, STATS_OFF } from './postgres/maintenance.js';
import { BACKFILL_ROLLUPS } from './rollup.js';
import { backfillHeavy } from './sqlite/topk.js';
import { backfillTerms } from './term-backfill.js';

/** One step of the schema: the SQL that takes a database from `version - 1` to `version`. */
export interface Migration {
  version: number;
  name: string;
  sql: Record<Dialect, string>;
  /** Fills new tables from the stored documents, after the SQL (in the same transaction). */
  backfill?: (db: Db) => Promise<void>;
}

// SQLite keeps the analysis JSON Brotli-compressed: a third of the bytes on disk (25.5 against
// 79.5 kB a document) at the same ingest time (38.6 % over analyze -o either way, measured in
// paired runs); PostgreSQL kept JSONB (compressed by TOAST) until version 8, packed since
// (packed.ts). Column types are chosen so that the same statements work on both dialects:
// integers for booleans, TEXT for dates as written (ISO strings compare in order), REAL/DOUBLE
// for scores.
const tables = (pk: string, json: string, real: string, packed: string) => `
CREATE TABLE documents (
  pk ${pk},
  id TEXT NOT NULL UNIQUE,
  text_hash TEXT NOT NULL,
  title TEXT, outlet TEXT, lang TEXT, published TEXT, day TEXT, month TEXT,
  words INTEGER NOT NULL,
  genre TEXT,
  subjectivity ${real}, claims INTEGER NOT NULL, claim_max ${real},
  own_voice ${real}, attributed ${real}, anonymous ${real}, ru_share ${real},
  producers ${json} NOT NULL,
  layers ${packed} NOT NULL,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents (outlet, day);
CREATE INDEX documents_lang ON documents (lang);
CREATE INDEX documents_day ON documents (day);
CREATE INDEX documents_month ON documents (month, outlet);
CREATE INDEX documents_genre ON documents (genre);
CREATE INDEX documents_claim_max ON documents (claim_max);
CREATE TABLE doc_entities (
  doc BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
  entity TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
  mentions INTEGER NOT NULL
);
CREATE INDEX doc_entities_key ON doc_entities (key, doc);
CREATE INDEX doc_entities_entity ON doc_entities (entity, doc);
CREATE INDEX doc_entities_doc ON doc_entities (doc);
CREATE TABLE doc_naming (
  doc BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
  entity TEXT NOT NULL, name TEXT NOT NULL, form TEXT NOT NULL, pole TEXT NOT NULL,
  provenance TEXT NOT NULL, count INTEGER NOT NULL
);
CREATE INDEX doc_naming_doc ON doc_naming (doc);
CREATE TABLE doc_sources (
  doc BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
  name TEXT NOT NULL, type TEXT NOT NULL, attributions INTEGER NOT NULL, words INTEGER NOT NULL
);
CREATE INDEX doc_sources_type ON doc_sources (type, doc);
CREATE INDEX doc_sources_doc ON doc_sources (doc);
CREATE TABLE doc_techniques (
  doc BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
  technique TEXT NOT NULL, count INTEGER NOT NULL, score_max ${real} NOT NULL
);
CREATE INDEX doc_techniques_technique ON doc_techniques (technique, doc);
CREATE INDEX doc_techniques_doc ON doc_techniques (doc);
CREATE TABLE doc_frames (
  doc BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
  frame TEXT NOT NULL, score ${real} NOT NULL, selected INTEGER NOT NULL
);
CREATE INDEX doc_frames_frame ON doc_frames (frame, selected, doc);
CREATE INDEX doc_frames_doc ON doc_frames (doc);
`;

const jobs = (pk: string, json: string) => `
CREATE TABLE jobs (
  pk ${pk},
  id TEXT NOT NULL,
  input ${json} NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  worker TEXT,
  lease_until BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX jobs_state ON jobs (state, pk);
CREATE UNIQUE INDEX jobs_open_id ON jobs (id) WHERE state IN ('queued', 'running');
`;

// Version 2: what made search, facets and reports slow at scale (docs/benchmarks.md, "Corpus
// store"). Facet values coded per document in one narrow row; roll-ups by outlet and month kept
// at ingest for reports over the whole corpus.
const rollups = (pk: string, real: string, blob: string) => `
CREATE TABLE facet_values (
  id ${pk},
  facet TEXT NOT NULL, value TEXT NOT NULL,
  UNIQUE (facet, value)
);
CREATE TABLE doc_facets (
  pk BIGINT PRIMARY KEY REFERENCES documents (pk) ON DELETE CASCADE,
  codes ${blob} NOT NULL
);
CREATE TABLE rollup_groups (
  outlet TEXT NOT NULL, month TEXT NOT NULL,
  documents BIGINT NOT NULL, words BIGINT NOT NULL, vwords BIGINT NOT NULL,
  own ${real} NOT NULL, named ${real} NOT NULL, anon ${real} NOT NULL, genred BIGINT NOT NULL,
  PRIMARY KEY (outlet, month)
);
CREATE TABLE rollup_counts (
  outlet TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL,
  k1 TEXT NOT NULL, k2 TEXT NOT NULL, k3 TEXT NOT NULL,
  n ${real} NOT NULL, docs BIGINT NOT NULL,
  PRIMARY KEY (outlet, month, kind, k1, k2, k3)
);
CREATE INDEX rollup_counts_top ON rollup_counts (outlet, month, kind, n);
${BACKFILL_ROLLUPS}`;

// Version 17: the contested terms (naming.terms), one row a document, concept, form and voice.
const TERMS_TABLE = `CREATE TABLE IF NOT EXISTS doc_terms (
  doc BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
  concept TEXT NOT NULL, form TEXT NOT NULL, pole TEXT NOT NULL, voice TEXT NOT NULL,
  provenance TEXT NOT NULL, count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_terms_doc ON doc_terms (doc);`;

const ROLLUP_KIND_INDEX = `DROP INDEX rollup_counts_top;
CREATE INDEX rollup_counts_kind ON rollup_counts (kind, outlet, month, n);`;

/**
 * Migration 15 on SQLite: the jobs' option columns, added only where missing, so that the
 * migration can run again on a store whose recorded version is older than its tables (as
 * PostgreSQL's `ADD COLUMN IF NOT EXISTS` can).
 */
async function addJobOptionColumns(db: Db): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  const have = new Set((await db.all<{ name: string }>('PRAGMA table_info(jobs)')).map((r) => r.name));
  if (!have.has('options')) await db.exec('ALTER TABLE jobs ADD COLUMN options TEXT;');
  if (!have.has('replace_doc'))
    await db.exec('ALTER TABLE jobs ADD COLUMN replace_doc INTEGER NOT NULL DEFAULT 0;');
}

/**
 * Every migration, in order. A database records the version it is at; opening it applies the
 * missing ones in one transaction and refuses a database from a newer newsprism.
 */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'documents, query tables, full-text index, job queue',
    sql: {
      sqlite: `${tables('INTEGER PRIMARY KEY', 'TEXT', 'REAL', 'BLOB')}
CREATE VIRTUAL TABLE doc_fts USING fts5 (title, body, content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0');
${jobs('INTEGER PRIMARY KEY', 'TEXT')}`,
      postgres: `${tables('BIGSERIAL PRIMARY KEY', 'JSONB', 'DOUBLE PRECISION', 'JSONB')}
ALTER TABLE documents ADD COLUMN fts TSVECTOR NOT NULL;
CREATE INDEX documents_fts ON documents USING GIN (fts);
${jobs('BIGSERIAL PRIMARY KEY', 'JSONB')}`,
    },
  },
  {
    version: 2,
    name: 'facet codes per document, roll-ups by outlet and month',
    sql: {
      sqlite: rollups('INTEGER PRIMARY KEY', 'REAL', 'BLOB'),
      postgres: rollups('BIGSERIAL PRIMARY KEY', 'DOUBLE PRECISION', 'BYTEA'),
    },
    backfill: backfillFacets,
  },
  { version: 3, name: 'reuse pairs and stories (newsprism reuse|stories --save)', sql: reuseTablesSql },
  {
    // Reports read the roll-ups of one kind (all groups' techniques, each group's top entities):
    // the kind leads the index, or every read scans the whole table (284 ms at 10,000 documents).
    version: 4,
    name: 'roll-up index led by the kind',
    sql: {
      sqlite: ROLLUP_KIND_INDEX,
      postgres: ROLLUP_KIND_INDEX,
    },
  },
  {
    // SQLite only (PostgreSQL's planner, with statistics, can use what is dropped here):
    // - no statement the store issues reads doc_entities through its key or entity index (the
    //   entity filter probes a document's rows through doc_entities_doc: plans.test.ts), yet
    //   with ~21 rows a document they were the largest single cost of an ingest;
    // - doc_facets keyed by an INTEGER PRIMARY KEY (the rowid) instead of a BIGINT one, which
    //   SQLite kept in a separate index: a facet count read every hit's codes through two
    //   B-trees, and every ingest wrote both.
    version: 5,
    name: 'drop unused entity indexes; doc_facets keyed by rowid (SQLite)',
    sql: {
      sqlite: `DROP INDEX doc_entities_key;
DROP INDEX doc_entities_entity;
CREATE TABLE doc_facets_v5 (
  pk INTEGER PRIMARY KEY REFERENCES documents (pk) ON DELETE CASCADE,
  codes BLOB NOT NULL
);
INSERT INTO doc_facets_v5 (pk, codes) SELECT pk, codes FROM doc_facets;
DROP TABLE doc_facets;
ALTER TABLE doc_facets_v5 RENAME TO doc_facets;`,
      postgres: 'SELECT 1;',
    },
  },
  {
    // SQLite only: a search with filters on `documents` columns (outlet, language, genre, dates,
    // claim score) or sorted by date tested each match against its wide row (text and layers,
    // a B-tree page or more a document, mostly outside the page cache at 100,000 documents).
    // This index holds just those columns by key (about 40 bytes a document), so such a search
    // reads them from a few cached pages (search.ts, `Selection.narrow`).
    version: 6,
    name: 'narrow covering index of the filter columns (SQLite)',
    sql: {
      sqlite:
        'CREATE INDEX IF NOT EXISTS documents_filter ON documents (pk, outlet, lang, genre, day, claim_max);',
      postgres: 'SELECT 1;',
    },
  },
  {
    // PostgreSQL only: a search ranked every match with ts_rank over its TOASTed body vector
    // (see pg-fts.ts); the rank vector (title and lead) stays in the row, uncompressed while
    // the row is small (STORAGE MAIN: compressed, then moved out, only as a last resort).
    version: 7,
    name: 'inline rank vector, title and lead (PostgreSQL)',
    sql: {
      sqlite: 'SELECT 1;',
      postgres: `ALTER TABLE documents ADD COLUMN rank_fts TSVECTOR;
ALTER TABLE documents ALTER COLUMN rank_fts SET STORAGE MAIN;`,
    },
    backfill: backfillRankVectors,
  },
  {
    // PostgreSQL only: the analysis JSON packed as on SQLite (see packed.ts for the cost of JSONB).
    version: 8,
    name: 'analysis JSON packed with Brotli (PostgreSQL)',
    sql: {
      sqlite: 'SELECT 1;',
      postgres: 'ALTER TABLE documents ADD COLUMN layers_packed BYTEA;',
    },
    backfill: packStoredLayers,
  },
  {
    // SQLite only: each document's heavy postings (the terms it holds often for its length), so
    // that a relevance search scores the matches that can enter its page rather than every match
    // (sqlite/topk.ts). Filled from the stored titles and texts.
    version: 9,
    name: 'heavy postings for an exact top-k (SQLite)',
    sql: {
      sqlite: `CREATE TABLE fts_heavy (
  term TEXT NOT NULL, pk INTEGER NOT NULL, f INTEGER NOT NULL, len INTEGER NOT NULL,
  PRIMARY KEY (term, pk)
) WITHOUT ROWID;
CREATE TABLE fts_heavy_docs (pk INTEGER PRIMARY KEY, terms TEXT NOT NULL);`,
      postgres: 'SELECT 1;',
    },
    backfill: backfillHeavy,
  },
  {
    // SQLite only: the entity filter probes a document's entity rows by its key and tested each
    // row's name key and id from the table (about 16 rows a document); with both in the index
    // the probe reads the index alone (a common word's count with `--entity` 8.6 → 6.3 ms CPU
    // at 100,000 documents). It replaces the index on the document alone (deletes use it too).
    version: 10,
    name: 'entity rows by document with their keys, covering the entity filter (SQLite)',
    sql: {
      sqlite: `CREATE INDEX IF NOT EXISTS doc_entities_doc_keys ON doc_entities (doc, key, entity);
DROP INDEX IF EXISTS doc_entities_doc;`,
      postgres: 'SELECT 1;',
    },
  },
  {
    // PostgreSQL only: what ANALYZE samples (see postgres/maintenance.ts). The wide columns no
    // query filters on get no statistics (reading them was most of an ANALYZE besides `fts`),
    // and the body vector's element statistics come from 6,000 sampled rows instead of 30,000:
    // at 42,000 documents `ANALYZE documents` took 13.0 s, 9.2 s of it for `fts`.
    version: 11,
    name: 'planner statistics on the filtered columns only (PostgreSQL)',
    sql: {
      sqlite: 'SELECT 1;',
      postgres: `ALTER TABLE documents ${STATS_OFF.map((c) => `ALTER COLUMN ${c} SET STATISTICS 0`).join(', ')},
  ALTER COLUMN fts SET STATISTICS ${FTS_STATISTICS};`,
    },
  },
  {
    // PostgreSQL only: phrases matched by the index through word pairs in the body vector
    // (pg-pairs.ts); the stored documents get theirs from their text.
    version: 12,
    name: 'adjacent word pairs in the full-text vector (PostgreSQL)',
    sql: { sqlite: 'SELECT 1;', postgres: 'SELECT 1;' },
    backfill: backfillPairs,
  },
  {
    // Both backends: each distinct `producers` JSON once (producer-sets.ts) instead of twice a
    // document (its column and its packed layers): 3.6 kB a document, 17 % of SQLite's bytes.
    // The documents stored before keep theirs inline (`producer_set` NULL) and read as before.
    version: 13,
    name: 'producers stored once a distinct set',
    sql: {
      sqlite: `CREATE TABLE producer_sets (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, producers TEXT NOT NULL);
ALTER TABLE documents ADD COLUMN producer_set BIGINT;`,
      postgres: `CREATE TABLE IF NOT EXISTS producer_sets (id BIGSERIAL PRIMARY KEY, hash TEXT NOT NULL UNIQUE, producers TEXT NOT NULL);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS producer_set BIGINT;`,
    },
  },
  {
    // Both backends: the documents stored before session 13 get the date and language keys
    // ingest derives since (date-lang-backfill.ts): a month alone (`2023-05`) dated by its month,
    // a region code (`en-GB`) or capitals (`EN`) as the base code; their roll-ups and facets too.
    version: 14,
    name: 'date and language keys as ingest derives them (month alone, base language code)',
    sql: { sqlite: 'SELECT 1;', postgres: 'SELECT 1;' },
    backfill: backfillDateLangKeys,
  },
  {
    // Both backends (only PostgreSQL fills the queue): a queued job carries the analyzer options
    // `ingest --queue --set` gave it, laid over the worker's own, and whether it replaces a stored
    // document with the same text (`ingest --queue --reanalyze other-options`).
    version: 15,
    name: "a queued job's analyzer options and replace flag",
    sql: {
      // SQLite has no `ADD COLUMN IF NOT EXISTS`: addJobOptionColumns adds them where missing.
      sqlite: 'SELECT 1;',
      postgres: `ALTER TABLE jobs ADD COLUMN IF NOT EXISTS options JSONB;
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS replace_doc INTEGER NOT NULL DEFAULT 0;`,
    },
    backfill: addJobOptionColumns,
  },
  {
    // A job with options or the replace flag waits as 'queued-options' (taken: 'running-options'),
    // which a worker of schema 14 does not take: started before the upgrade, it would drop both.
    // The open ids' unique index covers the new states (an id is queued once).
    version: 16,
    name: 'job states a worker of schema 14 does not take',
    sql: {
      sqlite: `DROP INDEX IF EXISTS jobs_open_id;
CREATE UNIQUE INDEX jobs_open_id ON jobs (id) WHERE state IN ('queued', 'running', 'queued-options', 'running-options');
UPDATE jobs SET state = state || '-options' WHERE state IN ('queued', 'running') AND (options IS NOT NULL OR replace_doc = 1);`,
      postgres: `DROP INDEX IF EXISTS jobs_open_id;
CREATE UNIQUE INDEX jobs_open_id ON jobs (id) WHERE state IN ('queued', 'running', 'queued-options', 'running-options');
UPDATE jobs SET state = state || '-options' WHERE state IN ('queued', 'running') AND (options IS NOT NULL OR replace_doc = 1);`,
    },
  },
  {
    // Both backends: the contested terms of each document (`naming.terms`: concept, form, pole,
    // voice) as rows, and their roll-ups by voice, for the report's terms profile (issue 19).
    // The documents stored before get theirs from their stored naming layer (term-backfill.ts).
    version: 17,
    name: "the contested terms a document uses, by concept, form and voice (the report's terms)",
    sql: { sqlite: TERMS_TABLE, postgres: TERMS_TABLE },
    backfill: backfillTerms,
  },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
