import type { Db } from '../db.js';

/**
 * The tables an ingest writes: the documents, their producer sets, what is derived from them,
 * the facet values and roll-ups, and the job queue (which workers update row by row).
 */
export const WRITTEN_TABLES = [
  'documents',
  'producer_sets',
  'doc_facets',
  'doc_entities',
  'doc_naming',
  'doc_terms',
  'doc_sources',
  'doc_techniques',
  'doc_frames',
  'facet_values',
  'rollup_groups',
  'rollup_counts',
  'jobs',
] as const;

/** Columns of `documents` without planner statistics (schema version 11): no query filters on them. */
export const STATS_OFF = [
  'id',
  'text_hash',
  'title',
  'producers',
  'layers',
  'text',
  'ingested_at',
  'rank_fts',
];

/**
 * The statistics target of the body vector: ANALYZE samples 300 rows per unit (6,000) and keeps
 * 10 most common lexemes per unit (200), enough for the planner to tell a frequent word from a
 * rare one; the default (100) read and counted 30,000 vectors.
 */
export const FTS_STATISTICS = 20;

/** The columns of `documents` ANALYZE samples at the default target (all but fts and {@link STATS_OFF}). */
const FILTERED = [
  'pk',
  'outlet',
  'lang',
  'published',
  'day',
  'month',
  'words',
  'genre',
  'subjectivity',
  'claims',
  'claim_max',
  'own_voice',
  'attributed',
  'anonymous',
  'ru_share',
];

/** When {@link PlannerStatistics} refreshes: after this many documents, or this share of the store. */
export interface RefreshPolicy {
  /** Documents written since the last refresh before another is considered (default 200). */
  minDocuments: number;
  /** …and at least this fraction of the documents the store held then (default 0.2). */
  fraction: number;
}

const DEFAULT_POLICY: RefreshPolicy = { minDocuments: 200, fraction: 0.2 };

/**
 * Keeps PostgreSQL's planner statistics and visibility map up to date as a store grows.
 *
 * Why: the server may run without autovacuum (this project's machines do), and even with it a
 * fast-growing table is analysed only now and then. Without statistics the planner guesses:
 * `war` filtered on a technique most documents have took 6.6 s right after a bulk load (a
 * nested loop over 92,000 rows estimated at 2,000) and 0.4 s after `ANALYZE`. Without a vacuum
 * no page is marked all-visible, so the query tables' indexes cannot answer a filter's
 * semi-join by themselves (index-only scans visit the heap for every row), and the GIN
 * index's pending list (fast updates) is only merged when it overflows, each search scanning
 * it. So after every batch that takes the store past the policy's growth since the last
 * refresh, the written tables get `VACUUM (ANALYZE)` (`SKIP_LOCKED`: a table another writer
 * is vacuuming is left to it). Insert-only tables vacuum cheaply: only pages not yet
 * all-visible are read. The counts are this process's; several writers each refresh on their
 * own share, which only refreshes more often.
 */
export class PlannerStatistics {
  private written = 0;
  /** Documents the store held at the last refresh (read lazily from `pg_class`). */
  private held: number | undefined;
  private running: Promise<boolean> | undefined;

  constructor(
    private readonly db: Db,
    private readonly policy: RefreshPolicy = DEFAULT_POLICY,
  ) {}

  /**
   * Notes `n` documents committed (added or replaced) and refreshes when they are due; resolves
   * to whether it refreshed. Must be called outside a transaction (VACUUM cannot run in one).
   */
  async noteWritten(n: number): Promise<boolean> {
    this.written += n;
    if (this.written < this.policy.minDocuments) return false;
    this.held ??= await this.reltuples();
    if (this.written < this.policy.fraction * this.held) return false;
    return this.refresh();
  }

  /** Vacuums and analyses the written tables now; resolves to true once done. */
  refresh(): Promise<boolean> {
    // One refresh at a time per store (concurrent ingests share it).
    this.running ??= (async () => {
      try {
        this.written = 0;
        const others = WRITTEN_TABLES.filter((t) => t !== 'documents');
        // documents is analysed in two passes, so that the body vector's small sample is not
        // raised to the other columns' 30,000 rows (the sample is the largest target's).
        // One statement each: VACUUM cannot run in the implicit transaction of a script.
        for (const sql of [
          `VACUUM (ANALYZE, SKIP_LOCKED) ${others.join(', ')}`,
          'VACUUM (SKIP_LOCKED) documents',
          `ANALYZE (SKIP_LOCKED) documents (${FILTERED.join(', ')})`,
          'ANALYZE (SKIP_LOCKED) documents (fts)',
        ])
          await this.db.exec(sql);
        this.held = await this.reltuples();
        return true;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** The planner's row count of `documents` (0 before its first ANALYZE or VACUUM). */
  private async reltuples(): Promise<number> {
    const [row] = await this.db.all<{ n: number }>(
      "SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'documents'::regclass",
    );
    return Math.max(0, Number(row?.n ?? 0));
  }
}
