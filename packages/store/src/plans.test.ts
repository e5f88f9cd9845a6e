import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchFilters } from './filters.js';
import type { ReportBy } from './report.js';
import { topKCounters } from './sqlite/topk.js';
import { openStore } from './store.js';
import { sqliteBackend, type TestDb } from './testing/backends.js';
import { analysedArticles } from './testing/fixtures.js';

// Every statement the store prepares, with the parameters of its first run, recorded by
// wrapping better-sqlite3's prepare: the plans below are those of the store's real SQL.
const issued = new Map<string, unknown[]>();
const proto = Database.prototype as unknown as { prepare: (sql: string) => Database.Statement };
const prepare = proto.prepare;

const QUERY_TABLES = ['doc_entities', 'doc_naming', 'doc_sources', 'doc_techniques', 'doc_frames'];
const FILTERS: SearchFilters[] = [
  {},
  { outlet: ['BBC'] },
  { lang: ['ru'] },
  { from: '2023-05', to: '2023-06' },
  { genre: ['reporting'] },
  { frame: ['Security_and_defense'] },
  { technique: ['Loaded_Language'] },
  { entity: ['Kyiv'] },
  { sourceType: ['anonymous'] },
  { minClaimScore: 0.5 },
];
const BY: ReportBy[] = ['outlet', 'month', 'outlet,month', 'none'];

interface Plan {
  sql: string;
  steps: string[];
}

describe('SQLite query plans', () => {
  let db: TestDb;
  let plans: Plan[] = [];
  let indexes: { name: string; table: string }[] = [];

  beforeAll(async () => {
    proto.prepare = function (this: Database.Database, sql: string) {
      const st = prepare.call(this, sql);
      for (const m of ['all', 'run', 'get', 'iterate'] as const) {
        const f = st[m] as (...p: unknown[]) => unknown;
        (st as unknown as Record<string, unknown>)[m] = (...p: unknown[]) => {
          if (!issued.has(sql)) issued.set(sql, p);
          return f.apply(st, p);
        };
      }
      return st;
    };
    db = await sqliteBackend.create();
    const store = await openStore(db.url);
    // The top-k's statements too (sqlite/topk.ts): tried on every text search, no phrase rare.
    const saved = { ...topKCounters };
    topKCounters.minMatches = 0;
    topKCounters.rare = 0;
    topKCounters.anyQuery = true;
    try {
      const docs = await analysedArticles();
      await store.ingest(docs);
      await store.ingest(docs, { replace: true });
      for (const f of FILTERS)
        for (const query of [undefined, 'sanctions', 'Kiev OR Kyiv', 'украин*', '"White House"']) {
          for (const sort of ['relevance', 'date'] as const)
            await store.search({ ...f, query, sort, facets: true });
          for (const by of BY) await store.report({ ...f, query, by });
          for await (const _ of store.documents({ ...f, query })) {
            // Reads every selected document.
          }
        }
      await store.delete(docs[0]!.id);
    } finally {
      Object.assign(topKCounters, saved);
      await store.close();
      proto.prepare = prepare;
    }
    const raw = new Database(db.url, { readonly: true });
    // The top-k's view of the index's terms is a temporary table of each connection.
    raw.exec("CREATE VIRTUAL TABLE temp.doc_fts_terms USING fts5vocab(main, 'doc_fts', 'row')");
    try {
      plans = [...issued]
        .filter(([sql]) => /^\s*(SELECT|WITH|DELETE|UPDATE)/i.test(sql))
        .map(([sql, params]) => ({
          sql,
          steps: (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
            (r) => r.detail,
          ),
        }));
      indexes = raw
        .prepare(
          "SELECT name, tbl_name AS 'table' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
        )
        .all() as { name: string; table: string }[];
    } finally {
      raw.close();
    }
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('uses every index of the query tables (an unused one only slows ingest)', () => {
    expect(plans.length).toBeGreaterThan(50);
    const used = new Set(
      plans.flatMap((p) => p.steps.flatMap((s) => /USING (?:COVERING )?INDEX (\w+)/.exec(s)?.[1] ?? [])),
    );
    const unused = indexes
      .filter((i) => QUERY_TABLES.includes(i.table) && !used.has(i.name))
      .map((i) => i.name);
    expect(unused).toEqual([]);
  });

  it('scans no table in a text search with filters: the full-text index drives it', () => {
    const text = plans.filter((p) => p.sql.includes('doc_fts MATCH'));
    expect(text.length).toBeGreaterThan(20);
    const scans = text.flatMap((p) =>
      // (A first page's matches held for their count, `count(*) OVER ()`, are scanned once kept;
      // the keys a statement is given as JSON, `json_each`, are a list, not a table.)
      p.steps
        .filter((s) => /^SCAN (?!doc_fts VIRTUAL TABLE|\(subquery-\d+\)|json_each VIRTUAL TABLE)/.test(s))
        .map((s) => `${s} in ${p.sql}`),
    );
    expect(scans).toEqual([]);
  });

  it('reads a word’s heavy postings by their key, and scores the top-k’s candidates from the full-text index', () => {
    const heavy = plans.filter((p) => p.sql.includes('FROM fts_heavy h'));
    expect(heavy.length).toBeGreaterThan(5);
    for (const p of heavy) {
      expect(p.steps[0], p.sql).toMatch(/^SEARCH h USING PRIMARY KEY \(term=\?\)/);
      // Filters on documents columns from the narrow index, never the wide row.
      expect(p.steps.join('\n'), p.sql).not.toMatch(/SEARCH d USING INTEGER PRIMARY KEY/);
    }
    const scoring = plans.filter((p) => p.sql.includes('+doc_fts.rowid IN (SELECT value FROM json_each(?))'));
    expect(scoring.length).toBeGreaterThan(5);
    // The full-text index drives (one pass over the matches), never a seek per candidate key.
    for (const p of scoring) expect(p.steps[0], p.sql).toMatch(/^SCAN doc_fts VIRTUAL TABLE INDEX 0:M/);
  });

  it('probes a document’s entity rows through their document index, which holds the keys it tests', () => {
    const entity = plans.filter((p) => p.sql.includes('FROM doc_entities x WHERE x.doc = d.pk'));
    expect(entity.length).toBeGreaterThan(0);
    for (const p of entity)
      expect(p.steps.join('\n')).toMatch(
        /SEARCH x (?:EXISTS )?USING COVERING INDEX doc_entities_doc_keys \(doc=\?\)/,
      );
  });

  it('tests a text search’s filters on documents columns in the narrow covering index, not the wide row', () => {
    // The page (ranked or by date), the count and the facet codes of a text search.
    const search = plans.filter(
      (p) =>
        p.sql.includes('doc_fts MATCH') &&
        /AS sortkey|^SELECT count\(\*\) AS n|^SELECT f\.codes/.test(p.sql) &&
        /d\.(outlet|lang|genre|day|claim_max)\b/.test(p.sql),
    );
    expect(search.length).toBeGreaterThan(10);
    for (const p of search) {
      expect(p.steps.join('\n'), p.sql).toMatch(/SEARCH d USING COVERING INDEX documents_filter \(pk=\?/);
      expect(p.steps.join('\n'), p.sql).not.toMatch(/SEARCH d USING INTEGER PRIMARY KEY/);
    }
  });

  it('reads a hit’s facet codes by its rowid, one B-tree lookup', () => {
    const counts = plans.filter((p) => p.sql.includes('JOIN doc_facets f'));
    expect(counts.length).toBeGreaterThan(0);
    for (const p of counts)
      expect(p.steps.join('\n')).toMatch(/SEARCH f USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});
