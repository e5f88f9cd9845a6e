import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { rawSql, useTestDb } from '../testing/backends.js';
import { eachBackend } from '../testing/contract.js';
import { manyArticles } from '../testing/fixtures.js';
import { PlannerStatistics, WRITTEN_TABLES } from './maintenance.js';
import { openPostgres } from './open-postgres.js';

/** The planner's row count of a table (-1 before its first ANALYZE or VACUUM). */
async function reltuples(url: string, table: string): Promise<number> {
  const [row] = (await rawSql(
    url,
    `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = '${table}'::regclass`,
  )) as { n: number }[];
  return Number(row!.n);
}

/** The columns of a table that have planner statistics. */
async function analysed(url: string, table: string): Promise<string[]> {
  const rows = (await rawSql(
    url,
    `SELECT attname FROM pg_stats WHERE schemaname = current_schema() AND tablename = '${table}' ORDER BY attname`,
  )) as { attname: string }[];
  return rows.map((r) => r.attname);
}

eachBackend(
  'planner statistics kept fresh',
  (backend) => {
    const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });

    it('vacuums and analyses the written tables once a bulk ingest has grown the store enough', async () => {
      const url = testDb().url;
      const store = await openStore(url);
      const docs = await manyArticles(260);
      await store.ingest(docs.slice(0, 100));
      await store.ingest(docs.slice(100, 199));
      // 199 documents written: below the 200 of the policy, nothing analysed yet.
      expect(await reltuples(url, 'documents')).toBe(-1);
      expect(await analysed(url, 'doc_techniques')).toEqual([]);
      await store.ingest(docs.slice(199, 230));
      expect(await reltuples(url, 'documents')).toBe(230);
      expect(await reltuples(url, 'doc_techniques')).toBeGreaterThan(0);
      expect(await analysed(url, 'doc_techniques')).toContain('technique');
      const columns = await analysed(url, 'documents');
      for (const c of ['day', 'outlet', 'lang', 'genre', 'claim_max', 'fts']) expect(columns).toContain(c);
      // The wide columns no query filters on are left out of the sample (schema version 11).
      for (const c of ['text', 'layers', 'producers', 'rank_fts']) expect(columns).not.toContain(c);
      const [fts] = (await rawSql(
        url,
        "SELECT most_common_elems IS NOT NULL AS elems FROM pg_stats WHERE tablename = 'documents' AND attname = 'fts'",
      )) as { elems: boolean }[];
      expect(fts!.elems).toBe(true);
      // 30 more documents are fewer than the 200 the policy waits for: no new refresh.
      await store.ingest(docs.slice(230, 260));
      expect(await reltuples(url, 'documents')).toBe(230);
      // Re-ingesting unchanged documents writes nothing and counts for nothing.
      await store.ingest(docs.slice(0, 50));
      expect(await reltuples(url, 'documents')).toBe(230);
      await store.close();
    }, 120_000);

    it('refreshes after a share of the documents held, counted from the last refresh', async () => {
      const url = testDb().url;
      const store = await openStore(url);
      await store.ingest(await manyArticles(40));
      const db = await openPostgres(url);
      try {
        const planner = new PlannerStatistics(db, { minDocuments: 10, fraction: 0.5 });
        expect(await planner.noteWritten(9)).toBe(false);
        // 10 documents written, and nothing analysed yet (0 held): due.
        expect(await planner.noteWritten(1)).toBe(true);
        expect(await reltuples(url, 'documents')).toBe(40);
        // Now 40 held: due after 20 more, not before.
        expect(await planner.noteWritten(19)).toBe(false);
        expect(await planner.noteWritten(1)).toBe(true);
        // Every table an ingest writes was vacuumed and analysed (documents in its two passes).
        const stats = (await rawSql(
          url,
          'SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analysed FROM pg_stat_user_tables ORDER BY relname',
        )) as { relname: string; vacuumed: boolean; analysed: boolean }[];
        expect(stats.filter((r) => r.vacuumed && r.analysed).map((r) => r.relname)).toEqual(
          [...WRITTEN_TABLES].sort(),
        );
        // The producer sets (schema version 13) among them: a lookup by hash every batch.
        expect(stats.find((r) => r.relname === 'producer_sets')).toMatchObject({
          vacuumed: true,
          analysed: true,
        });
        // One refresh at a time: a second asked for meanwhile is the same; once done, a new one.
        const first = planner.refresh();
        expect(planner.refresh()).toBe(first);
        expect(await first).toBe(true);
        const next = planner.refresh();
        expect(next).not.toBe(first);
        expect(await next).toBe(true);
        // A new process's policy starts from what the planner holds (40), not from nothing.
        const fresh = new PlannerStatistics(db, { minDocuments: 10, fraction: 0.5 });
        expect(await fresh.noteWritten(19)).toBe(false);
        expect(await fresh.noteWritten(1)).toBe(true);
      } finally {
        await db.close();
        await store.close();
      }
    }, 60_000);
  },
  true,
);
