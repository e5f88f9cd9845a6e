import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { NewsprismError } from '@newsprism/core/schema';
import Database from 'better-sqlite3';
import type { Db } from '../db.js';

const HEADER = 'SQLite format 3\0';

/**
 * Refuses a path that exists but is not an SQLite database, before SQLite touches it: opening
 * a text file in WAL mode would otherwise write beside it, and a later write could clobber it.
 */
function checkFile(path: string): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory())
    throw new NewsprismError('E_DB_NOT_DATABASE', `--db ${path} is a directory; give a file path`);
  if (st.size === 0) return;
  const buf = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.toString('latin1') !== HEADER) {
    throw new NewsprismError(
      'E_DB_NOT_DATABASE',
      `${path} is not an SQLite database; it was left untouched — give --db a new file or an existing newsprism store`,
    );
  }
}

/**
 * The write transactions of this process, one chain per database file. SQLite's busy timeout
 * makes writers of different processes wait for each other; two connections of one process
 * cannot: the second's `BEGIN IMMEDIATE` waits synchronously, blocking the event loop on which
 * the first's transaction would finish, until the timeout fails it (`database is locked`) —
 * two `openStore` calls on a new file at once did exactly that. So a write transaction first
 * waits, without blocking, for the ones this process already runs on the same file.
 */
const writers = new Map<string, Promise<void>>();

/** Runs `fn` once the process's earlier write transactions on `file` have ended. */
async function oneWriterAt<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const before = writers.get(file);
  let done!: () => void;
  const mine = new Promise<void>((resolve) => {
    done = resolve;
  });
  const tail = before ? before.then(() => mine) : mine;
  writers.set(file, tail);
  try {
    if (before) await before;
    return await fn();
  } finally {
    done();
    if (writers.get(file) === tail) writers.delete(file);
  }
}

/**
 * Opens (or creates) an SQLite database file as a {@link Db}: WAL mode so that readers in
 * other processes go on while one process ingests, `synchronous = NORMAL` (a committed batch
 * survives a process kill; WAL keeps the file consistent on power loss), statement journals in
 * memory, and a busy timeout
 * so that two writers wait for each other instead of failing. `readonly` opens an existing store
 * for reading only (the search readers of `openStore`'s `readers`), changing nothing in the file.
 */
export function openSqlite(path: string, o: { readonly?: boolean } = {}): Db {
  checkFile(path);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: !!o.readonly });
    sqlite.pragma('busy_timeout = 10000');
    if (!o.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
      // Statement journals in memory: a multi-row or constrained statement inside a transaction
      // (the query tables' inserts, the heavy postings, the documents row) saves each page it is
      // about to change so that the statement alone can be undone. In a temporary file that was
      // ≈ 150 write system calls a document (≈ 76 pages, each a 4-byte number then 4 KiB) and
      // ≈ 0.1 ms of CPU; the journal holds nothing that must survive a crash (the WAL does).
      sqlite.pragma('temp_store = MEMORY');
    }
    // 64 MiB of page cache (the default is 2 MiB): the indexes of a 100,000-document store
    // stay in memory during ingest and queries. Only pages actually read take memory.
    sqlite.pragma('cache_size = -65536');
    // SQLite's LOWER folds ASCII only; the filters compare outlets case-insensitively, and
    // must find what PostgreSQL's LOWER finds (`РИА` is `риа` there).
    sqlite.function('lower', { deterministic: true }, (v: unknown) =>
      typeof v === 'string' ? v.toLowerCase() : v,
    );
  } catch (err) {
    throw new NewsprismError(
      'E_DB_OPEN',
      `cannot open ${path} as a database (${(err as Error).message}); check the path and its permissions`,
    );
  }
  // The file's one name in this process (links and relative paths resolved), for `writers`.
  const file = sqlite.memory ? `:memory:${Math.random()}` : realpathSync(sqlite.name);
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  let depth = 0;
  // What afterCommit was given in the open transaction.
  let committed: (() => void)[] = [];
  return {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).run(...params).changes;
    },
    async exec(sql: string) {
      sqlite.exec(sql);
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      // better-sqlite3's own transaction() takes synchronous functions only; the store's code
      // is async but awaits nothing else while it holds the connection.
      if (depth > 0) return fn();
      return oneWriterAt(file, async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        depth++;
        committed = [];
        try {
          const out = await fn();
          sqlite.exec('COMMIT');
          const after = committed;
          committed = [];
          for (const f of after) f();
          return out;
        } catch (err) {
          committed = [];
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw err;
        } finally {
          depth--;
        }
      });
    },
    afterCommit(f: () => void) {
      if (depth > 0) committed.push(f);
      else f();
    },
    async close() {
      if (sqlite.open && o.readonly) sqlite.close();
      if (sqlite.open) {
        // Folds the WAL back into the file so that it is one file again after a clean close.
        try {
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // Another process may hold the WAL; it will checkpoint itself.
        }
        sqlite.close();
      }
    },
  };
}
