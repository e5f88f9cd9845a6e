import type { NewsDocument } from '@newsprism/core';
import type { Db } from './db.js';
import { textHash } from './derive.js';
import { encodeFacets, type FacetSource } from './facet-codes.js';
import type { HeavyTerms } from './fts-terms.js';
import { TITLE_AND_BODY } from './pg-fts.js';
import { documentPairs, PAIRS } from './pg-pairs.js';
import { type PreparedDocument, prepareDocument } from './prepare.js';
import { producerSetIds, storedProducers } from './producer-sets.js';
import { RollupDelta, type RollupInput, storedContribution } from './rollup.js';
import { deleteHeavy, heavyRef, initHeavyRef, writeHeavyMany } from './sqlite/topk.js';
import { firstWords, indexedBody } from './stem.js';
import { wellFormed } from './well-formed.js';

/** What happened to one document of a batch. */
export type IngestStatus = 'added' | 'unchanged' | 'replaced';

/** The outcome for one document of {@link ingestBatch}. */
export interface IngestOutcome {
  id: string;
  status: IngestStatus;
}

/**
 * Documents a batch of `newsprism ingest` commits in one transaction, unless `--batch` says
 * otherwise. A commit's fixed cost is the index pages it writes, and a batch's inserts land all
 * over each index (the heavy postings by term, the roll-ups, the facet values, the query
 * tables' indexes), so most of a batch's pages are rewritten by the next batch too: at 100
 * documents a commit wrote ≈ 14 pages of 4 KiB a document for 12 kB of data; at 500 the write
 * costs ≈ 0.15 ms a document less (docs/benchmarks.md, session 13). An interruption loses at
 * most one batch's analysis (≈ 5 s of one core), which a rerun redoes.
 */
export const DEFAULT_BATCH = 500;

/** Options of an ingest. */
export interface IngestOptions {
  /**
   * Replace stored documents even when their text is unchanged (reanalysis): all of the batch's,
   * or those whose entry is true (one per document, in order).
   */
  replace?: boolean | readonly boolean[];
}

/**
 * Stores a batch of analysed documents in one transaction: a new id is added, the same id with
 * the same text is left alone, a changed text (or `replace`) replaces the stored document and
 * all its derived rows. Strings are made well-formed first (see `wellFormed`).
 */
export function ingestBatch(
  db: Db,
  docs: readonly NewsDocument[],
  opts: IngestOptions = {},
): Promise<IngestOutcome[]> {
  return ingestPrepared(db, docs.map(prepareDocument), opts);
}

/** {@link ingestBatch} of documents already prepared (see `prepareDocument`). */
export async function ingestPrepared(
  db: Db,
  rows: readonly PreparedDocument[],
  opts: IngestOptions = {},
): Promise<IngestOutcome[]> {
  return db.transaction(async () => {
    const out: IngestOutcome[] = [];
    const seen = new Map<string, IngestStatus>();
    const codes = await encodeFacets(db, rows.map(facetSource));
    const sets = await producerSetIds(
      db,
      rows.map((r) => r.doc.producers),
    );
    const heavy = db.dialect === 'sqlite' ? await heavyRefFor(db, rows) : undefined;
    // The batch's heavy postings by document key, written together at the end (writeHeavyMany).
    const postings = new Map<number, HeavyTerms>();
    // The batch's query-table rows by document key, written table by table at the end.
    const pending = new Map<number, PreparedDocument>();
    // SQLite: the batch's full-text rows by document key, written last (writeFts).
    const fts = new Map<number, PreparedDocument>();
    // The batch's facet codes by document key, written with the query-table rows.
    const facets = new Map<number, Buffer>();
    const rollup = new RollupDelta();
    // The stored key and text hash of each id, read for the whole batch at once and kept up to
    // date as the batch writes (an id may come twice in a batch).
    const stored = await storedRows(
      db,
      rows.map((r) => r.doc.id),
    );
    for (const [i, r] of rows.entries()) {
      const old = stored.get(r.doc.id);
      let status: IngestStatus = 'added';
      if (old) {
        const replace = Array.isArray(opts.replace) ? opts.replace[i] === true : opts.replace === true;
        if (old.text_hash === r.doc.textHash && !replace) {
          out.push({ id: r.doc.id, status: seen.get(r.doc.id) ?? 'unchanged' });
          continue;
        }
        // The same id earlier in this batch: its postings are not written yet, and its query
        // rows must be, for deleteRow to take its share of the roll-ups back.
        postings.delete(old.pk);
        facets.delete(old.pk);
        if (pending.has(old.pk)) await insertQueryRows(db, pending);
        if (fts.has(old.pk)) await writeFts(db, fts);
        await deleteRow(db, old.pk);
        status = seen.get(r.doc.id) === 'added' ? 'added' : 'replaced';
      }
      const pk = await insertRow(db, r, sets[i]!);
      facets.set(pk, codes[i]!);
      stored.set(r.doc.id, { pk, text_hash: r.doc.textHash });
      pending.set(pk, r);
      if (db.dialect === 'sqlite') fts.set(pk, r);
      if (heavy !== undefined) postings.set(pk, r.terms);
      rollup.add(rollupInput(r), 1);
      seen.set(r.doc.id, status);
      out.push({ id: r.doc.id, status });
    }
    await insertQueryRows(db, pending);
    await insertFacets(db, facets);
    if (heavy !== undefined) await writeHeavyMany(db, postings, heavy);
    await rollup.apply(db);
    await writeFts(db, fts);
    return out;
  });
}

/**
 * SQLite: inserts the full-text rows of the documents (by key, in key order) and forgets them.
 * They are the transaction's last statements: FTS5 keeps a transaction's new rows in memory and
 * writes them out as an index segment when a later statement opens a statement journal (a
 * savepoint: the documents row's insert, a multi-row insert), which one row after another each
 * documents row did — a segment a document, merged again and again. Written last, a batch's
 * rows make one segment (or a few, past FTS5's in-memory limit) when the transaction commits.
 */
async function writeFts(db: Db, docs: Map<number, PreparedDocument>): Promise<void> {
  let params: unknown[] = [];
  for (const [pk, r] of docs) {
    params.push(pk, r.doc.ftsTitle, indexedBody(r.doc.ftsBody));
    if (params.length === 3 * FTS_CHUNK) {
      await db.run(insertSql('doc_fts', 'rowid, title, body', 3, FTS_CHUNK), params);
      params = [];
    }
  }
  if (params.length > 0)
    await db.run(insertSql('doc_fts', 'rowid, title, body', 3, params.length / 3), params);
  docs.clear();
}

/**
 * The most full-text rows an insert takes: a statement after the first writes the rows FTS5
 * holds as a segment of their own (see writeFts), so a batch of the CLI's default size
 * ({@link DEFAULT_BATCH}) and up to twice that is one statement.
 */
const FTS_CHUNK = 2 * DEFAULT_BATCH;

/** Inserts the facet codes of the documents (by key, in key order) and forgets them. */
async function insertFacets(db: Db, codes: Map<number, Buffer>): Promise<void> {
  let params: unknown[] = [];
  for (const [pk, c] of codes) {
    params.push(pk, c);
    if (params.length === 2 * CHUNK) {
      await db.run(insertSql('doc_facets', 'pk, codes', 2, CHUNK), params);
      params = [];
    }
  }
  if (params.length > 0) await db.run(insertSql('doc_facets', 'pk, codes', 2, params.length / 2), params);
  codes.clear();
}

/** SQLite: the reference length of the heavy postings (sqlite/topk.ts), set by the first batch. */
async function heavyRefFor(db: Db, rows: readonly PreparedDocument[]): Promise<number> {
  return (
    (await heavyRef(db)) ??
    (rows.length ? await initHeavyRef(db, rows.reduce((a, r) => a + r.terms.len, 0) / rows.length) : 0)
  );
}

/** The values a document's facets count. */
function facetSource(r: PreparedDocument): FacetSource {
  return {
    outlet: r.doc.outlet,
    lang: r.doc.lang,
    genre: r.doc.genre,
    month: r.doc.month,
    frames: r.frames.filter((f) => f.selected).map((f) => f.frame),
    techniques: r.techniques.map((t) => t.technique),
    entities: r.entities.map((e) => e.name),
    sourceTypes: r.sources.map((s) => s.type),
  };
}

/** What a document adds to the roll-ups by outlet and month. */
function rollupInput(r: PreparedDocument): RollupInput {
  const d = r.doc;
  return {
    outlet: d.outlet,
    month: d.month,
    words: d.words,
    genre: d.genre,
    ownVoice: d.ownVoice,
    attributed: d.attributed,
    anonymous: d.anonymous,
    techniques: r.techniques,
    frames: r.frames.filter((f) => f.selected),
    naming: r.naming,
    terms: r.namingTerms,
    entities: r.entities,
    sources: r.sources,
  };
}

/** Deletes one stored document by its key with its derived rows and its share of the roll-ups. */
export async function deleteRow(db: Db, pk: number): Promise<void> {
  const old = await storedContribution(db, pk);
  if (old) {
    const delta = new RollupDelta();
    delta.add(old, -1);
    await delta.apply(db);
  }
  if (db.dialect === 'sqlite') {
    await db.run('DELETE FROM doc_fts WHERE rowid = ?', [pk]);
    await deleteHeavy(db, pk);
  }
  await db.run('DELETE FROM documents WHERE pk = ?', [pk]);
}

/** The `documents` columns an ingest writes (both backends), and their statements. */
const DOCUMENT_COLUMNS =
  'id, text_hash, title, outlet, lang, published, day, month, words, genre, subjectivity, claims, claim_max, own_voice, attributed, anonymous, ru_share, producers, producer_set, layers, text, ingested_at';
const DOCUMENT_MARKS = DOCUMENT_COLUMNS.split(', ')
  .map(() => '?')
  .join(', ');
const INSERT_DOCUMENT = `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES (${DOCUMENT_MARKS}) RETURNING pk`;
const INSERT_DOCUMENT_PG = `INSERT INTO documents (${DOCUMENT_COLUMNS}, fts, rank_fts) VALUES (${DOCUMENT_MARKS}, ${TITLE_AND_BODY} || ${PAIRS}, ${TITLE_AND_BODY}) RETURNING pk`;

/**
 * Inserts a document's row (and on PostgreSQL its full-text columns; SQLite's full-text rows are
 * written at the end of the batch: writeFts, its facet codes with the query rows: insertFacets)
 * naming its producer set (its own `producers` column then `{}`: producer-sets.ts); returns its
 * key.
 */
async function insertRow(db: Db, r: PreparedDocument, producerSet: number): Promise<number> {
  const d = r.doc;
  const values = [
    d.id,
    d.textHash,
    d.title,
    d.outlet,
    d.lang,
    d.published,
    d.day,
    d.month,
    d.words,
    d.genre,
    d.subjectivity,
    d.claims,
    d.claimMax,
    d.ownVoice,
    d.attributed,
    d.anonymous,
    d.ruShare,
    '{}',
    producerSet,
    r.packed,
    d.text,
    new Date().toISOString(),
  ];
  let pk: number;
  if (db.dialect === 'postgres') {
    const title = d.ftsTitle;
    const body = indexedBody(d.ftsBody);
    const res = await db.all<{ pk: number }>(INSERT_DOCUMENT_PG, [
      ...values,
      title,
      body,
      documentPairs(title, body),
      title,
      firstWords(d.ftsBody),
    ]);
    pk = res[0]!.pk;
  } else {
    const res = await db.all<{ pk: number }>(INSERT_DOCUMENT, values);
    pk = res[0]!.pk;
  }
  return pk;
}

/**
 * The query tables: each with its columns after `doc`, how many, and a prepared document's rows
 * as values appended to a statement's parameters (after the document's key).
 */
const QUERY_TABLES: readonly {
  table: string;
  columns: string;
  width: number;
  rows: (r: PreparedDocument) => readonly unknown[];
  values: (row: never, pk: number, out: unknown[]) => void;
}[] = [
  {
    table: 'doc_entities',
    columns: 'entity, type, name, key, mentions',
    width: 5,
    rows: (r) => r.entities,
    values: (e: PreparedDocument['entities'][number], pk, out) =>
      out.push(pk, e.entity, e.type, e.name, e.key, e.mentions),
  },
  {
    table: 'doc_naming',
    columns: 'entity, name, form, pole, provenance, count',
    width: 6,
    rows: (r) => r.naming,
    values: (n: PreparedDocument['naming'][number], pk, out) =>
      out.push(pk, n.entity, n.name, n.form, n.pole, n.provenance, n.count),
  },
  {
    table: 'doc_terms',
    columns: 'concept, form, pole, voice, provenance, count',
    width: 6,
    rows: (r) => r.namingTerms,
    values: (t: PreparedDocument['namingTerms'][number], pk, out) =>
      out.push(pk, t.concept, t.form, t.pole, t.voice, t.provenance, t.count),
  },
  {
    table: 'doc_sources',
    columns: 'name, type, attributions, words',
    width: 4,
    rows: (r) => r.sources,
    values: (s: PreparedDocument['sources'][number], pk, out) =>
      out.push(pk, s.name, s.type, s.attributions, s.words),
  },
  {
    table: 'doc_techniques',
    columns: 'technique, count, score_max',
    width: 3,
    rows: (r) => r.techniques,
    values: (t: PreparedDocument['techniques'][number], pk, out) =>
      out.push(pk, t.technique, t.count, t.scoreMax),
  },
  {
    table: 'doc_frames',
    columns: 'frame, score, selected',
    width: 3,
    rows: (r) => r.frames,
    values: (f: PreparedDocument['frames'][number], pk, out) =>
      out.push(pk, f.frame, f.score, f.selected ? 1 : 0),
  },
];

/** The most rows a multi-row insert takes. */
const CHUNK = 100;

/**
 * Inserts the query-table rows of the documents (by key, in key order) and forgets them: table
 * by table, many rows a statement, so that a batch of 100 documents takes a few dozen
 * statements instead of five a document, each table's rows in the order a document at a time
 * gave them. The parameters are appended to one flat list a statement (no array a row).
 */
async function insertQueryRows(db: Db, docs: Map<number, PreparedDocument>): Promise<void> {
  for (const t of QUERY_TABLES) {
    let params: unknown[] = [];
    let n = 0;
    for (const [pk, r] of docs)
      for (const row of t.rows(r)) {
        t.values(row as never, pk, params);
        if (++n === CHUNK) {
          await db.run(insertSql(t.table, `doc, ${t.columns}`, t.width + 1, n), params);
          params = [];
          n = 0;
        }
      }
    if (n > 0) await db.run(insertSql(t.table, `doc, ${t.columns}`, t.width + 1, n), params);
  }
  docs.clear();
}

/** SQL of a multi-row insert, by table, columns and row count (few distinct ones recur). */
const insertSqls = new Map<string, string>();

/** The statement inserting `rows` rows of `width` values into `table` (`columns`). */
function insertSql(table: string, columns: string, width: number, rows: number): string {
  const key = `${table}(${columns})${rows}`;
  let sql = insertSqls.get(key);
  if (sql === undefined) {
    const row = `(${new Array(width).fill('?').join(', ')})`;
    sql = `INSERT INTO ${table} (${columns}) VALUES ${new Array(rows).fill(row).join(', ')}`;
    if (insertSqls.size > 1000) insertSqls.clear();
    insertSqls.set(key, sql);
  }
  return sql;
}

/** The stored text hash of each id that is in the store. */
export async function storedHashes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [id, r] of await storedRows(db, ids)) out.set(id, r.text_hash);
  return out;
}

/** The most ids a look-up of stored rows binds in one statement. */
const IDS_CHUNK = 200;

/**
 * The key and text hash of each id that is in the store, a few statements for a batch (one
 * statement a document cost ≈ 0.02 ms a document of an ingest).
 */
async function storedRows(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { pk: number; text_hash: string }>> {
  const out = new Map<string, { pk: number; text_hash: string }>();
  for (const r of await rowsOf<{ id: string; pk: number; text_hash: string }>(db, ids, 'pk, text_hash'))
    out.set(r.id, { pk: Number(r.pk), text_hash: r.text_hash });
  return out;
}

/** `columns` (and `id`) of the stored rows of `ids`, {@link IDS_CHUNK} ids a statement. */
async function rowsOf<T extends { id: string }>(
  db: Db,
  ids: readonly string[],
  columns: string,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IDS_CHUNK) {
    const part = ids.slice(i, i + IDS_CHUNK);
    out.push(
      ...(await db.all<T>(
        `SELECT id, ${columns} FROM documents WHERE id IN (${part.map(() => '?').join(', ')})`,
        part,
      )),
    );
  }
  return out;
}

/**
 * The producers of each given id that is stored (its set's, read once per database): what
 * `ingest` compares with its own options for a document it leaves unchanged.
 */
export async function storedProducersOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  type Row = { id: string; producers: unknown; producer_set: number | null };
  for (const r of await rowsOf<Row>(db, ids, 'producers, producer_set'))
    out.set(r.id, await storedProducers(db, r));
  return out;
}

/**
 * The hash a document's text is stored under: the text made well-formed as the store keeps
 * it. Compare an input with {@link storedHashes} to skip analysing what is already stored.
 */
export function contentHash(text: string): string {
  return textHash(wellFormed(text));
}

/**
 * The id of a document that came without one (plain text on stdin, an API record without an
 * `id`): `text-` and 16 hex digits of its {@link contentHash}. The same text is the same
 * document; a shared stand-in (`stdin`, `request`) would make each replace the last.
 */
export function textId(text: string): string {
  return `text-${contentHash(text).slice(0, 16)}`;
}
