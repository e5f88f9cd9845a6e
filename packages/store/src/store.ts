import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocumentInput, NewsDocument, OutletLink, ReuseKind, ReusePair, Story } from '@newsprism/core';
import { NewsprismError } from '@newsprism/core/schema';
import type { Db } from './db.js';
import {
  type DocumentHead,
  documentHeads,
  getDocument,
  iterateDocuments,
  iterateProducers,
} from './documents.js';
import {
  deleteRow,
  type IngestOptions,
  type IngestOutcome,
  ingestBatch,
  ingestPrepared,
  storedHashes,
  storedProducersOf,
} from './ingest.js';
import { PlannerStatistics } from './postgres/maintenance.js';
import { redact } from './postgres/open-postgres.js';
import { type PreparedDocument, prepareDocument } from './prepare.js';
import {
  claimJobs,
  type EnqueueOptions,
  type EnqueueResult,
  enqueue,
  failJob,
  finishJob,
  type Job,
} from './queue.js';
import { type ReportGroup, type ReportRequest, report } from './report.js';
import * as reuse from './reuse.js';
import { ensureSchema } from './schema.js';
import { type SearchRequest, type SearchResult, search } from './search.js';
import type { SearchCache, SearchReaders } from './sqlite/readers.js';
import { type StoreStats, storeStats } from './stats.js';

/**
 * A corpus store: analysed documents kept whole, query tables derived from their layers, full
 * text search, reports and exports. The same interface and behaviour on SQLite (embedded, one
 * file) and PostgreSQL (shared, scale-out workers); see `openStore`.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** The database file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** Stores a batch in one transaction (added / unchanged / replaced by id and text hash). */
  ingest(docs: readonly NewsDocument[], opts?: IngestOptions): Promise<IngestOutcome[]>;
  /**
   * {@link Store.ingest} of documents prepared elsewhere (`prepareDocument`, or the analysis
   * worker threads with `prepareInWorkers`): only the database writes are left to do.
   */
  ingestPrepared(docs: readonly PreparedDocument[], opts?: IngestOptions): Promise<IngestOutcome[]>;
  /** The stored text hash of each given id that is in the store (see `contentHash`). */
  hashes(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * The `producers` of each given id that is in the store (analyzers, versions, options: what
   * made its layers), without reading the documents.
   */
  producersOf(ids: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
  get(id: string): Promise<NewsDocument | undefined>;
  /** Title, outlet and publication time of each given id that is stored (for links; cheap). */
  heads(ids: readonly string[]): Promise<Map<string, DocumentHead>>;
  /** Deletes a document and its derived rows; false when there was none. */
  delete(id: string): Promise<boolean>;
  search(req: SearchRequest): Promise<SearchResult>;
  /**
   * {@link Store.search}'s result as JSON text (what `JSON.stringify` makes of it), as a server
   * sends it. With search readers the text is made in the reader and crosses to this thread as
   * one string (no object graph copied, then stringified again); the search cache keeps texts.
   */
  searchJson(req: SearchRequest): Promise<string>;
  report(req: ReportRequest): Promise<ReportGroup[]>;
  /** Streams every selected document (constant memory). */
  documents(req?: SearchRequest): AsyncIterable<NewsDocument>;
  /** Streams id and producers of every selected document (for reanalysis). */
  producers(req?: SearchRequest): AsyncIterable<{ id: string; producers: Record<string, unknown> }>;
  stats(): Promise<StoreStats>;
  /** Replaces the stored reuse pairs (`newsprism reuse --db … --save`); see `saveReuse`. */
  saveReuse(pairs: readonly ReusePair[]): Promise<number>;
  /** Stored reuse pairs, highest score first (all, a document's, by kind or tree). */
  reuse(req?: reuse.ReuseRequest): Promise<reuse.ReusePage>;
  /** Who republishes whom: saved reuse pairs counted by the outlets of their documents. */
  reuseOutlets(kind?: readonly ReuseKind[]): Promise<OutletLink[]>;
  /** Replaces the stored stories (`newsprism stories --db … --save`). */
  saveStories(stories: readonly Story[]): Promise<number>;
  /** Stored stories, largest first (all, or the one a document is in). */
  stories(req?: reuse.StoriesRequest): Promise<reuse.StoriesPage>;
  /** Queues inputs for `newsprism worker` (PostgreSQL only), with the options and flag given. */
  enqueue(inputs: readonly DocumentInput[], opts?: EnqueueOptions): Promise<EnqueueResult>;
  /** Takes jobs for a worker (PostgreSQL only). */
  claim(worker: string, n: number, leaseMs: number): Promise<Job[]>;
  /**
   * Stores a job's document (replacing one with the same text when the job says so) and marks
   * it done in one transaction; without a document (its stored one left unchanged) only marks it.
   */
  complete(worker: string, job: Job, doc?: NewsDocument): Promise<void>;
  /** Re-queues a failed job or dead-letters it after `maxAttempts`. */
  fail(worker: string, job: Job, error: string, maxAttempts: number): Promise<void>;
  close(): Promise<void>;
}

/** How a store answers searches (`newsprism serve`); SQLite only, PostgreSQL ignores them. */
export interface OpenOptions {
  /**
   * Search in this many worker threads, each with a read-only connection of its own, so that
   * searches use several cores (default 0: on the calling thread).
   */
  readers?: number;
  /**
   * Keep the results of up to this many distinct searches while the store is unchanged (default
   * 0: none). Any commit to the database, by this store or another process, drops them all.
   */
  searchCache?: number;
  /**
   * Create an SQLite store whose file is missing (default true). `false` refuses with
   * `E_DB_NOT_FOUND` instead: the commands that only read a corpus (`search`, `report`, `stats`…)
   * would otherwise answer a mistyped `--db` with an empty store, and leave its file behind.
   */
  create?: boolean;
}

/** What serves a store's searches besides its own connection (see {@link OpenOptions}). */
interface Searchers {
  readers?: SearchReaders;
  cache?: SearchCache;
}

class SqlStore implements Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Keeps PostgreSQL's planner statistics fresh as the store grows (see maintenance.ts). */
  private readonly planner?: PlannerStatistics;
  constructor(
    private readonly db: Db,
    readonly location: string,
    private readonly searchers: Searchers = {},
  ) {
    this.backend = db.dialect;
    if (db.dialect === 'postgres') this.planner = new PlannerStatistics(db);
  }
  private async written(out: IngestOutcome[]): Promise<IngestOutcome[]> {
    await this.planner?.noteWritten(out.filter((o) => o.status !== 'unchanged').length);
    return out;
  }
  async ingest(docs: readonly NewsDocument[], opts?: IngestOptions) {
    return this.written(await ingestBatch(this.db, docs, opts));
  }
  async ingestPrepared(docs: readonly PreparedDocument[], opts?: IngestOptions) {
    return this.written(await ingestPrepared(this.db, docs, opts));
  }
  hashes(ids: readonly string[]) {
    return storedHashes(this.db, ids);
  }
  producersOf(ids: readonly string[]) {
    return storedProducersOf(this.db, ids);
  }
  get(id: string) {
    return getDocument(this.db, id);
  }
  heads(ids: readonly string[]) {
    return documentHeads(this.db, ids);
  }
  async delete(id: string) {
    return this.db.transaction(async () => {
      const rows = await this.db.all<{ pk: number }>('SELECT pk FROM documents WHERE id = ?', [id]);
      if (!rows[0]) return false;
      await deleteRow(this.db, Number(rows[0].pk));
      return true;
    });
  }
  async search(req: SearchRequest): Promise<SearchResult> {
    const { readers, cache } = this.searchers;
    return readers || cache ? (JSON.parse(await this.searchJson(req)) as SearchResult) : search(this.db, req);
  }
  searchJson(req: SearchRequest) {
    const { readers, cache } = this.searchers;
    const run = async () => (readers ? readers.searchJson(req) : JSON.stringify(await search(this.db, req)));
    return cache ? cache.get(req, run) : run();
  }
  report(req: ReportRequest) {
    return report(this.db, req);
  }
  documents(req: SearchRequest = {}) {
    return iterateDocuments(this.db, req);
  }
  producers(req: SearchRequest = {}) {
    return iterateProducers(this.db, req);
  }
  stats() {
    return storeStats(this.db, this.location);
  }
  saveReuse(pairs: readonly ReusePair[]) {
    return reuse.saveReuse(this.db, pairs);
  }
  reuse(req?: reuse.ReuseRequest) {
    return reuse.listReuse(this.db, req);
  }
  reuseOutlets(kind?: readonly ReuseKind[]) {
    return reuse.listOutletLinks(this.db, kind);
  }
  saveStories(stories: readonly Story[]) {
    return reuse.saveStories(this.db, stories);
  }
  stories(req?: reuse.StoriesRequest) {
    return reuse.listStories(this.db, req);
  }
  enqueue(inputs: readonly DocumentInput[], opts?: EnqueueOptions) {
    return enqueue(this.db, inputs, opts);
  }
  claim(worker: string, n: number, leaseMs: number) {
    return claimJobs(this.db, worker, n, leaseMs);
  }
  async complete(worker: string, job: Job, doc?: NewsDocument) {
    if (!doc) return finishJob(this.db, worker, job.pk);
    // Prepared (stemmed, serialised, packed) before the transaction opens, so that a worker holds
    // its job's row and the roll-up rows it updates for the writes only.
    const prepared = [prepareDocument(doc)];
    await this.db.transaction(async () => {
      await finishJob(this.db, worker, job.pk);
      await ingestPrepared(this.db, prepared, { replace: job.replace });
    });
    await this.planner?.noteWritten(1);
  }
  fail(worker: string, job: Job, error: string, maxAttempts: number) {
    return failJob(this.db, job, worker, error, maxAttempts);
  }
  async close() {
    await this.searchers.readers?.close();
    this.searchers.cache?.close();
    await this.db.close();
  }
}

/** The default store file when neither `--db` nor `NEWSPRISM_DB` says otherwise. */
export const DEFAULT_DB = 'newsprism.db';

/** Where the store is: the given `--db`, else `NEWSPRISM_DB`, else `./newsprism.db`. */
export function dbLocation(given?: string): string {
  return given || process.env.NEWSPRISM_DB || DEFAULT_DB;
}

const isPostgres = (loc: string) => /^postgres(ql)?:\/\//i.test(loc);

/**
 * Opens a store: a `postgres://` or `postgresql://` URL opens PostgreSQL (`?schema=NAME` for a
 * schema of its own), anything else is an SQLite file, created when missing. The schema is
 * created or migrated on open; a newer or foreign database, or a file that is not a database,
 * is refused with a clear error and left untouched. `options` make an SQLite store answer
 * searches in reader threads and keep their results while nothing changes (`newsprism serve`).
 *
 * @example
 * const store = await openStore('corpus.db');
 * const { hits } = await store.search({ query: 'sanctions', outlet: ['RT'] });
 * await store.close();
 */
export async function openStore(location?: string, options: OpenOptions = {}): Promise<Store> {
  const loc = dbLocation(location);
  let db: Db;
  let shown: string;
  if (isPostgres(loc)) {
    const { openPostgres } = await import('./postgres/open-postgres.js');
    db = await openPostgres(loc);
    shown = redact(loc);
  } else {
    const { openSqlite } = await import('./sqlite/open-sqlite.js');
    shown = resolve(loc);
    if (options.create === false && !existsSync(shown))
      throw new NewsprismError(
        'E_DB_NOT_FOUND',
        `no store at ${shown}; check --db (or $NEWSPRISM_DB), or make one with newsprism ingest`,
      );
    db = openSqlite(shown);
  }
  try {
    // A PostgreSQL store whose documents a migration rewrote (version 12 added word pairs to
    // every body vector) is vacuumed and analysed at once: its statistics and visibility map
    // describe the rows before.
    await ensureSchema(db, shown, async (from) => {
      if (db.dialect === 'postgres' && from > 0 && from < 12) await new PlannerStatistics(db).refresh();
    });
  } catch (err) {
    await db.close();
    throw err;
  }
  if (db.dialect !== 'sqlite') return new SqlStore(db, shown);
  const searchers: Searchers = {};
  try {
    if (options.readers) {
      const { SearchReaders } = await import('./sqlite/readers.js');
      searchers.readers = new SearchReaders(shown, options.readers);
      await searchers.readers.started;
    }
    if (options.searchCache) {
      const { SearchCache } = await import('./sqlite/readers.js');
      searchers.cache = new SearchCache(shown, options.searchCache);
    }
  } catch (err) {
    await searchers.readers?.close();
    await db.close();
    throw err;
  }
  return new SqlStore(db, shown, searchers);
}
