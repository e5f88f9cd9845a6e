import { type OpenOptions, openStore, type Store } from '@newsprism/store';
import type { OptionSpec } from '../args.js';

/** The `--db` flag every store command takes. */
export const dbOption: OptionSpec = { db: { type: 'string' } };

/** Help text for `--db`, its description starting at column `col` as the command's others do. */
export const dbHelpAt = (col: number): string =>
  `      --db <path|url>${' '.repeat(col - 21)}the store: an SQLite file (default ./newsprism.db, or $NEWSPRISM_DB)
${' '.repeat(col)}or postgres://user@host/database[?schema=name]`;

/** Help text for `--db`, shared by the store commands whose option column is 24. */
export const dbHelp = dbHelpAt(24);

/**
 * Opens the store a command's `--db` names, runs `fn`, and always closes it. The commands that
 * read a corpus pass `{ create: false }`: a mistyped path is `E_DB_NOT_FOUND`, not an empty store.
 */
export async function withStore<T>(
  db: unknown,
  fn: (store: Store) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const store = await openStore(typeof db === 'string' ? db : undefined, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** {@link withStore} for the commands that read a corpus: a store that is not there is `E_DB_NOT_FOUND`. */
export const withCorpus = <T>(db: unknown, fn: (store: Store) => Promise<T>): Promise<T> =>
  withStore(db, fn, { create: false });
