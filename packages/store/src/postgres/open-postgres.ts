import { AsyncLocalStorage } from 'node:async_hooks';
import { NewsprismError } from '@newsprism/core/schema';
import pg from 'pg';
import { type Db, numberPlaceholders } from '../db.js';

/** Hides the password of a connection string for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

// Counts and sums come back as BIGINT or NUMERIC, which pg returns as strings; the store's
// numbers stay far below 2^53, and both backends must return the same JavaScript values.
const getTypeParser = ((oid: number, format?: string) =>
  oid === 20 || oid === 1700
    ? Number
    : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser;

/**
 * Connects to PostgreSQL as a {@link Db}: a small pool, and a transaction keeps its statements
 * on one connection (found through AsyncLocalStorage, so that concurrent callers of one store
 * never run inside another's transaction). `?schema=NAME` in the URL puts the store in that
 * schema, which is created when missing.
 */
export async function openPostgres(url: string): Promise<Db> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NewsprismError(
      'E_DB_URL',
      `${redact(url)} is not a valid URL; use postgres://user@host:port/database`,
    );
  }
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new NewsprismError('E_DB_URL', `schema name "${schema}" must be lower-case letters, digits or _`);
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    types: { getTypeParser },
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A dropped idle connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const c = await pool.connect();
    try {
      if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      c.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw new NewsprismError(
      'E_DB_CONNECT',
      `cannot connect to ${redact(url)} (${(err as Error).message}); check that a server runs at that host and port, and the database name and credentials`,
    );
  }
  // The open transaction of the caller's async context: its connection and what afterCommit
  // was given in it.
  const tx = new AsyncLocalStorage<{ client: pg.PoolClient; committed: (() => void)[] }>();
  // The store's SQL with PostgreSQL's numbered placeholders, by its text: a batch's multi-row
  // inserts (up to 1,600 placeholders) recur with the same few texts.
  const numbered = new Map<string, string>();
  const query = (sql: string, params: readonly unknown[]) => {
    let text = numbered.get(sql);
    if (text === undefined) {
      text = numberPlaceholders(sql);
      if (numbered.size >= 1000) numbered.clear();
      numbered.set(sql, text);
    }
    return (tx.getStore()?.client ?? pool).query(text, params as unknown[]);
  };
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await query(sql, params)).rows as T[];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return (await query(sql, params)).rowCount ?? 0;
    },
    async exec(sql: string) {
      await (tx.getStore()?.client ?? pool).query(sql);
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      if (tx.getStore()) return fn();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const committed: (() => void)[] = [];
        const out = await tx.run({ client, committed }, fn);
        await client.query('COMMIT');
        for (const f of committed) f();
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    afterCommit(f: () => void) {
      const open = tx.getStore();
      if (open) open.committed.push(f);
      else f();
    },
    async close() {
      await pool.end();
    },
  };
}
