/** The SQL dialects the store speaks. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * The little the store needs from a database connection, the same for both backends (the
 * Kysely way: one interface, dialects underneath). SQL uses `?` placeholders; the PostgreSQL
 * connection numbers them. Everything is async so that the synchronous SQLite driver and the
 * asynchronous PostgreSQL one look alike.
 */
export interface Db {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` once the current transaction (the outermost, when transactions nest) has
   * committed; never when it rolls back. Outside a transaction `fn` runs at once: what was
   * written is committed already. For caches of rows that never change once committed.
   */
  afterCommit(fn: () => void): void;
  close(): Promise<void>;
}

/** Rewrites `?` placeholders as PostgreSQL's `$1, $2, …` (the store's SQL has no `?` in literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
