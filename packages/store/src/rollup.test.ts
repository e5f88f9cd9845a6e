import type { NewsDocument } from '@newsprism/core';
import { NO_OUTLET } from '@newsprism/core/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from './db.js';
import { ingestBatch } from './ingest.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openPostgres } from './postgres/open-postgres.js';
import { report } from './report.js';
import { ensureSchema } from './schema.js';
import { search, selection } from './search.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { openStore } from './store.js';
import type { TestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { manyArticles } from './testing/fixtures.js';

const OUTLETS = ['RT', 'BBC', 'РИА Новости', 'TASS'];

/** Copies of the fixtures spread over outlets and months, some without an outlet or a date. */
async function corpus(n: number, prefix: string): Promise<NewsDocument[]> {
  return (await manyArticles(n, prefix)).map((d, i) => {
    const meta = { ...d.meta };
    if (i % 7 === 3) delete meta.outlet;
    else meta.outlet = OUTLETS[i % OUTLETS.length]!;
    if (i % 9 === 4) delete meta.published;
    else meta.published = `2023-0${1 + (i % 4)}-1${i % 10}`;
    return { ...d, meta };
  });
}

const openDb = (url: string) => (url.startsWith('postgres') ? openPostgres(url) : openSqlite(url));

// The facet counts as SQL joins over the query tables (how they were counted before the codes).
async function facetsBySql(db: Db, req: Parameters<typeof selection>[1]) {
  const sel = selection(db, req);
  const per: [string, string][] = [
    [
      'outlet',
      'SELECT d.outlet AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.outlet',
    ],
    [
      'lang',
      'SELECT d.lang AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.lang',
    ],
    [
      'genre',
      'SELECT d.genre AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.genre',
    ],
    [
      'month',
      'SELECT d.month AS value, count(*) AS n FROM hits JOIN documents d ON d.pk = hits.pk GROUP BY d.month',
    ],
    [
      'frame',
      'SELECT x.frame AS value, count(*) AS n FROM hits JOIN doc_frames x ON x.doc = hits.pk WHERE x.selected = 1 GROUP BY x.frame',
    ],
    [
      'technique',
      'SELECT x.technique AS value, count(*) AS n FROM hits JOIN doc_techniques x ON x.doc = hits.pk GROUP BY x.technique',
    ],
    [
      'entity',
      'SELECT x.name AS value, count(DISTINCT x.doc) AS n FROM hits JOIN doc_entities x ON x.doc = hits.pk GROUP BY x.name',
    ],
    [
      'sourceType',
      'SELECT x.type AS value, count(DISTINCT x.doc) AS n FROM hits JOIN doc_sources x ON x.doc = hits.pk GROUP BY x.type',
    ],
  ];
  const out: Record<string, { value: string; count: number }[]> = {};
  for (const [name, sql] of per) {
    const rows = await db.all<{ value: string | null; n: number }>(
      `WITH hits AS (SELECT d.pk FROM ${sel.from} WHERE ${sel.where.sql}) ${sql}`,
      sel.where.params,
    );
    out[name] = rows
      // Documents without an outlet have their own bucket (search.ts); no other facet has one.
      .filter((r) => r.value !== null || name === 'outlet')
      .map((r) => ({ value: r.value ?? NO_OUTLET, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, 50);
  }
  return out;
}

const BYS = ['outlet', 'month', 'outlet,month', 'none'] as const;

eachBackend('roll-ups and facet codes', (backend) => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await backend.create();
    db = await openDb(t.url);
    await ensureSchema(db, t.url);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await t?.drop();
  });

  const sameReports = async () => {
    for (const by of BYS)
      for (const top of [10, 2]) {
        const fromRollups = await report(db, { by, top });
        expect(fromRollups).toEqual(await report(db, { by, top }, { rollups: false }));
      }
  };
  const sameFacets = async () => {
    for (const req of [
      { query: 'sanctions OR санкции OR Bakhmut' },
      { query: 'Kyiv OR Kiev', outlet: ['BBC', 'RT'] },
      {},
      { lang: ['ru'] },
      { query: 'sanctions OR Bakhmut OR Украина OR Kyiv', entity: ['Kyiv', 'Bakhmut'] },
      { query: 'sanctions OR санкции OR Kyiv', sourceType: ['person', 'anonymous'], frame: ['Economic'] },
    ]) {
      const got = await search(db, { ...req, facets: true, limit: 1000 });
      expect(got.facets).toEqual(await facetsBySql(db, req));
      // The same documents as the selection over `documents` (the FTS-only path included).
      const sel = selection(db, req);
      const all = await db.all<{ id: string }>(
        `SELECT d.id FROM ${sel.from} WHERE ${sel.where.sql}`,
        sel.where.params,
      );
      expect(got.hits.map((h) => h.id).sort()).toEqual(all.map((r) => r.id).sort());
      expect(got.total).toBe(all.length);
    }
  };

  it('reports the same from the roll-ups as from the query tables, and counts facets as the joins did', async () => {
    await ingestBatch(db, await corpus(60, 'a-'));
    await ingestBatch(db, await corpus(23, 'b-'));
    expect((await report(db, { by: 'outlet,month' })).length).toBeGreaterThan(10);
    await sameReports();
    await sameFacets();
  }, 60_000);

  it('keeps them right when documents are replaced and deleted', async () => {
    const changed = (await corpus(10, 'a-')).map((d, i) => ({
      ...d,
      text: `${d.text} Extra sentence ${i}.`,
      meta: { ...d.meta, outlet: 'Meduza' },
    }));
    expect((await ingestBatch(db, changed)).every((o) => o.status === 'replaced')).toBe(true);
    // The same ids twice in one batch, other documents between: the second text replaces the
    // first, whose rows the batch had not written yet.
    const [c0, c1, c2] = await corpus(3, 'c-');
    const again = (d: NewsDocument) => ({
      ...d,
      text: `${d.text} Later.`,
      meta: { ...d.meta, outlet: 'Later' },
    });
    const twice = await ingestBatch(db, [c0!, c1!, again(c0!), c2!, again(c1!)]);
    expect(twice.map((o) => o.status)).toEqual(Array(5).fill('added'));
    const store = await openStore(t.url);
    try {
      for (let i = 10; i < 30; i++) expect(await store.delete(`a-${i}`)).toBe(true);
    } finally {
      await store.close();
    }
    await sameReports();
    await sameFacets();
    const [{ n }] = await db.all<{ n: number }>(
      'SELECT count(*) AS n FROM rollup_groups WHERE documents <= 0',
    );
    expect(Number(n)).toBe(0);
  }, 60_000);

  it('empties them with the corpus', async () => {
    const ids = await db.all<{ id: string }>('SELECT id FROM documents');
    const store = await openStore(t.url);
    try {
      for (const { id } of ids) await store.delete(id);
    } finally {
      await store.close();
    }
    for (const table of ['rollup_groups', 'rollup_counts', 'doc_facets']) {
      const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      expect(Number(n)).toBe(0);
    }
    await sameReports();
  }, 60_000);

  it('migrates a version 1 store: the new tables filled from the stored documents', async () => {
    await ingestBatch(db, await corpus(40, 'c-'));
    const before = await Promise.all(BYS.map((by) => report(db, { by })));
    const facets = await search(db, { query: 'sanctions OR Украина', facets: true });
    // Back to version 1: the tables migrations 2 and 3 add dropped, the version put back…
    await db.exec(
      'DROP TABLE doc_facets; DROP TABLE facet_values; DROP TABLE rollup_counts; DROP TABLE rollup_groups; ' +
        'DROP TABLE story_members; DROP TABLE stories; DROP TABLE reuse_pairs; ' +
        // …the indexes migration 5 drops on SQLite put back, and migration 6's dropped.
        'CREATE INDEX IF NOT EXISTS doc_entities_key ON doc_entities (key, doc); ' +
        'CREATE INDEX IF NOT EXISTS doc_entities_entity ON doc_entities (entity, doc); ' +
        'DROP INDEX IF EXISTS documents_filter' +
        // …and the rank vector migration 7 adds on PostgreSQL dropped, migration 9's heavy
        // postings on SQLite.
        (db.dialect === 'postgres'
          ? '; ALTER TABLE documents DROP COLUMN rank_fts'
          : '; DROP TABLE fts_heavy; DROP TABLE fts_heavy_docs') +
        // …and migration 13's producer sets (the reports and searches here do not read them).
        '; DROP TABLE producer_sets; ALTER TABLE documents DROP COLUMN producer_set',
    );
    await db.run("UPDATE newsprism_meta SET value = '1' WHERE key = 'schema_version'");
    expect(await ensureSchema(db, t.url)).toBe(SCHEMA_VERSION);
    expect(await Promise.all(BYS.map((by) => report(db, { by })))).toEqual(before);
    expect(await search(db, { query: 'sanctions OR Украина', facets: true })).toEqual(facets);
    await sameReports();
  });
});
