import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareDocument } from './prepare.js';
import { DEFAULT_DB, dbLocation, openStore } from './store.js';
import { rawSql, useTestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';

// What store.ts adds around the modules it delegates to: where a store is, which backend a
// location opens, connections released on close and on a refused open, and PostgreSQL's planner
// statistics refreshed after the documents written (added or replaced, not unchanged).

describe('dbLocation', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is the given path, else NEWSPRISM_DB, else newsprism.db', () => {
    vi.stubEnv('NEWSPRISM_DB', 'env.db');
    expect(dbLocation('given.db')).toBe('given.db');
    expect(dbLocation()).toBe('env.db');
    expect(dbLocation('')).toBe('env.db');
    vi.stubEnv('NEWSPRISM_DB', '');
    expect(dbLocation()).toBe('newsprism.db');
    expect(DEFAULT_DB).toBe('newsprism.db');
  });
});

/** Sessions other than the asking one connected to the database of `url`. */
const countSessions = async (url: string) =>
  Number(
    (
      (await rawSql(
        url,
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      )) as { n: string }[]
    )[0]!.n,
  );

/** The same, given up to a second to reach 0 (a backend leaves the list as its process exits). */
async function sessions(url: string): Promise<number> {
  let n = await countSessions(url);
  for (let i = 0; n > 0 && i < 10; i++) {
    await new Promise((r) => setTimeout(r, 100));
    n = await countSessions(url);
  }
  return n;
}

eachBackend('opening and closing a store', (backend) => {
  const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('opens the backend its location names, and says where it is', async () => {
    const url = testDb().url;
    if (backend.name === 'postgres') {
      // Either scheme, in any case; the password is not shown.
      for (const loc of [
        url.replace('postgres://', 'postgresql://'),
        url.replace('postgres://', 'POSTGRES://'),
      ]) {
        const s = await openStore(loc);
        expect([s.backend, s.location]).toEqual(['postgres', loc]);
        await s.close();
      }
      const withPassword = url.replace('root@', 'root:secret@');
      const s = await openStore(withPassword);
      expect(s.location).toBe(url.replace('root@', 'root:***@'));
      await s.close();
      // Reader threads and the search cache are SQLite's: PostgreSQL ignores them, and every
      // search sees the latest write.
      const served = await openStore(url, { readers: 1, searchCache: 10 });
      try {
        expect((await served.search({})).total).toBe(0);
        await served.ingest([handDoc('p', 'Some text.', { outlet: 'Alpha' })]);
        expect((await served.search({})).total).toBe(1);
        expect(JSON.parse(await served.searchJson({}))).toEqual(await served.search({}));
      } finally {
        await served.close();
      }
    } else {
      // A relative path is shown resolved; NEWSPRISM_DB is read when no location is given.
      const rel = relative(process.cwd(), url);
      const a = await openStore(rel);
      expect([a.backend, a.location]).toEqual(['sqlite', url]);
      await a.close();
      vi.stubEnv('NEWSPRISM_DB', url);
      const b = await openStore();
      expect(b.location).toBe(url);
      await b.close();
      // Not a PostgreSQL URL: a file of that name, and one in a directory called `postgres:`.
      const odd = join(url, '..', 'postgres:');
      const c = await openStore(odd);
      expect(c.backend).toBe('sqlite');
      await c.close();
      rmSync(odd);
      mkdirSync(odd);
      const d = await openStore(`${odd}//inner.db`);
      expect([d.backend, d.location]).toEqual(['sqlite', join(odd, 'inner.db')]);
      await d.close();
    }
  });

  it('stores documents prepared elsewhere as ingest stores them', async () => {
    const store = await openStore(testDb().url);
    try {
      const prepared = SMALL_CORPUS.map(prepareDocument);
      expect((await store.ingestPrepared(prepared)).map((o) => o.status)).toEqual(Array(5).fill('added'));
      expect((await store.ingestPrepared(prepared.slice(0, 1))).map((o) => o.status)).toEqual(['unchanged']);
      for (const d of SMALL_CORPUS) expect(await store.get(d.id)).toEqual(d);
      expect((await store.search({ query: 'oil' })).hits.map((h) => h.id).sort()).toEqual(['a1', 'a2']);
    } finally {
      await store.close();
    }
  });

  it('lets go of the database on close and when it refuses to open it', async () => {
    const url = testDb().url;
    const store = await openStore(url);
    await store.ingest([handDoc('a', 'Some text.', { outlet: 'Alpha' })]);
    if (backend.name === 'postgres') expect(await countSessions(url)).toBeGreaterThan(0);
    else expect(existsSync(`${url}-wal`)).toBe(true);
    await store.close();
    // SQLite removes the write-ahead log when its last connection closes.
    if (backend.name === 'postgres') expect(await sessions(url)).toBe(0);
    else expect(existsSync(`${url}-wal`)).toBe(false);
    await rawSql(url, "UPDATE newsprism_meta SET value = '99' WHERE key = 'schema_version'");
    await expect(openStore(url)).rejects.toMatchObject({ code: 'E_DB_TOO_NEW' });
    if (backend.name === 'postgres') expect(await sessions(url)).toBe(0);
    else expect(existsSync(`${url}-wal`)).toBe(false);
  });
});

eachBackend(
  "the planner's statistics after writes",
  (backend) => {
    const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });
    const lastAnalyzed = async () =>
      (
        (await rawSql(
          testDb().url,
          "SELECT last_analyze AS a FROM pg_stat_user_tables WHERE relname = 'doc_entities'",
        )) as { a: Date | null }[]
      )[0]!.a;
    const docs = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => handDoc(`d${from + i}`, `Note ${from + i}.`, { outlet: 'Alpha' }));

    it('are refreshed once 200 documents were added or replaced, unchanged ones not counted', async () => {
      const store = await openStore(testDb().url);
      try {
        await store.ingest(docs(150));
        await store.ingest(docs(150));
        expect(await lastAnalyzed()).toBeNull();
        await store.ingest(docs(30), { replace: true });
        expect(await lastAnalyzed()).toBeNull();
        await store.ingest(docs(20, 150));
        expect(await lastAnalyzed()).not.toBeNull();
      } finally {
        await store.close();
      }
    });
  },
  true,
);
