import { existsSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrations, SCHEMA_VERSION } from './migrations.js';
import { openStore } from './store.js';
import { rawSql, useTestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';

eachBackend('opening a store', (backend) => {
  const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });

  it('creates the schema on first open, records its version, and opens it again', async () => {
    const a = await openStore(testDb().url);
    await a.close();
    const meta = (await rawSql(testDb().url, 'SELECT key, value FROM newsprism_meta ORDER BY key')) as {
      key: string;
      value: string;
    }[];
    expect(meta).toEqual([
      { key: 'app', value: 'newsprism-store' },
      { key: 'schema_version', value: String(SCHEMA_VERSION) },
    ]);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const b = await openStore(testDb().url);
    expect((await b.stats()).schemaVersion).toBe(SCHEMA_VERSION);
    await b.close();
  });

  // In one process: on SQLite the second connection's write used to wait synchronously for the
  // first, blocking the event loop the first needed to finish, until `database is locked`.
  it('opens two stores of one process on a new database at once, and both write', async () => {
    const [a, b] = await Promise.all([openStore(testDb().url), openStore(testDb().url)]);
    const doc = (id: string) => ({ ...SMALL_CORPUS[0]!, id });
    const outcomes = await Promise.all([a.ingest([doc('from-a')]), b.ingest([doc('from-b')])]);
    expect(outcomes.flat().map((o) => o.status)).toEqual(['added', 'added']);
    expect([...(await a.hashes(['from-a', 'from-b'])).keys()].sort()).toEqual(['from-a', 'from-b']);
    await Promise.all([a.close(), b.close()]);
  });

  it('brings a version-1 store up to date (the reuse and story tables added)', async () => {
    const dialect = backend.name;
    await rawSql(
      testDb().url,
      `CREATE TABLE newsprism_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); ${migrations[0]!.sql[dialect]}
       INSERT INTO newsprism_meta (key, value) VALUES ('app', 'newsprism-store'), ('schema_version', '1')`,
    );
    const store = await openStore(testDb().url);
    expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
    expect(await store.reuse()).toEqual({ total: 0, pairs: [] });
    expect(await store.stories()).toEqual({ total: 0, stories: [] });
    await store.close();
  });

  it('refuses a database from a newer newsprism and leaves it as it was', async () => {
    await (await openStore(testDb().url)).close();
    await rawSql(testDb().url, "UPDATE newsprism_meta SET value = '99' WHERE key = 'schema_version'");
    await expect(openStore(testDb().url)).rejects.toMatchObject({
      code: 'E_DB_TOO_NEW',
      message: expect.stringContaining(
        `schema version 99, newer than this newsprism's ${SCHEMA_VERSION}; upgrade newsprism`,
      ),
    });
    expect(
      await rawSql(testDb().url, "SELECT value FROM newsprism_meta WHERE key = 'schema_version'"),
    ).toEqual([{ value: '99' }]);
  });

  it('refuses a database of something else and adds nothing to it', async () => {
    await rawSql(testDb().url, 'CREATE TABLE notes (body TEXT)');
    await expect(openStore(testDb().url)).rejects.toMatchObject({ code: 'E_DB_FOREIGN' });
    const tables =
      backend.name === 'sqlite'
        ? await rawSql(testDb().url, "SELECT name FROM sqlite_master WHERE type = 'table'")
        : await rawSql(
            testDb().url,
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
          );
    expect(tables).toEqual([{ name: 'notes' }]);
  });

  it('says how to fix an unreachable PostgreSQL or a bad SQLite path', async () => {
    if (backend.name === 'postgres') {
      // A wrong port: nothing listens there, and the message says what to check.
      await expect(openStore('postgres://root@127.0.0.1:1/none')).rejects.toMatchObject({
        code: 'E_DB_CONNECT',
        message: expect.stringMatching(
          /^cannot connect to postgres:\/\/root@127\.0\.0\.1:1\/none \(.*ECONNREFUSED.*\); check that a server runs at that host and port/,
        ),
      });
      await expect(openStore(`${testDb().url}?schema=Bad-Name`)).rejects.toMatchObject({ code: 'E_DB_URL' });
    } else {
      await expect(openStore('/no/such/dir/x.db')).rejects.toMatchObject({ code: 'E_DB_OPEN' });
      await expect(openStore('/tmp')).rejects.toMatchObject({ code: 'E_DB_NOT_DATABASE' });
    }
  });

  it('with create: false, opens a store that is there and refuses a missing file, creating nothing', async () => {
    await (await openStore(testDb().url)).close();
    const there = await openStore(testDb().url, { create: false });
    expect((await there.stats()).documents).toBe(0);
    await there.close();
    if (backend.name === 'sqlite') {
      const missing = `${testDb().url}.typo`;
      await expect(openStore(missing, { create: false })).rejects.toMatchObject({
        code: 'E_DB_NOT_FOUND',
        message: `no store at ${missing}; check --db (or $NEWSPRISM_DB), or make one with newsprism ingest`,
      });
      expect(existsSync(missing)).toBe(false);
    }
  });
});
