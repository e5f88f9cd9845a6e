import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../db.js';

/** The PostgreSQL server tests use (the machines run one; `.ci/run` starts it). */
export const PG_SERVER = process.env.NEWSPRISM_TEST_PG ?? 'postgres://root@127.0.0.1:5432';

/** A place for one test's store: its `--db` value and how to remove it. */
export interface TestDb {
  url: string;
  drop(): Promise<void>;
}

/** A backend the contract suite runs against. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDb>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Whether the test PostgreSQL server answers. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin((c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** SQLite: a file in a fresh temporary directory. */
export const sqliteBackend: Backend = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-store-'));
    return { url: join(dir, 'test.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/** PostgreSQL: a database of its own, dropped afterwards. */
export const postgresBackend: Backend = {
  name: 'postgres',
  async create() {
    const name = `newsprism_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    return {
      url: `${PG_SERVER}/${name}`,
      drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
    };
  },
};

/** Runs SQL on a test database directly, around the store (to fake foreign or newer databases). */
export async function rawSql(url: string, sql: string): Promise<unknown[]> {
  if (url.startsWith('postgres')) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(url);
  try {
    if (sql.trim().toUpperCase().startsWith('SELECT')) return db.prepare(sql).all();
    db.exec(sql);
    return [];
  } finally {
    db.close();
  }
}

/**
 * Gives each test of a suite (`each`) or the whole suite a fresh database of `backend`, dropped
 * afterwards; read it through the returned getter.
 */
export function useTestDb(
  backend: Backend,
  hooks: {
    before: (fn: () => Promise<void>, timeout?: number) => void;
    after: (fn: () => Promise<void>) => void;
  },
): () => TestDb {
  let db: TestDb | undefined;
  hooks.before(async () => {
    db = await backend.create();
  }, 60_000);
  hooks.after(async () => {
    await db?.drop();
  });
  return () => db!;
}

/** The raw connection of a test store (SQLite path or PostgreSQL URL), without the `Store` around it. */
export async function openTestDb(url: string): Promise<Db> {
  if (url.startsWith('postgres')) {
    const { openPostgres } = await import('../postgres/open-postgres.js');
    return openPostgres(url);
  }
  const { openSqlite } = await import('../sqlite/open-sqlite.js');
  return openSqlite(url);
}
