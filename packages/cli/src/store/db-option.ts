import { openStore, type Store } from '@newsprism/store';
import type { OptionSpec } from '../args.js';

/** The `--db` flag every store command takes. */
export const dbOption: OptionSpec = { db: { type: 'string' } };

/** Help text for `--db`, shared by the store commands. */
export const dbHelp = `      --db <path|url>   the store: an SQLite file (default ./newsprism.db, or $NEWSPRISM_DB)
                        or postgres://user@host/database[?schema=name]`;

/** Opens the store a command's `--db` names, runs `fn`, and always closes it. */
export async function withStore<T>(db: unknown, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(typeof db === 'string' ? db : undefined);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
