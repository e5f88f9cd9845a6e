import type { Db } from './db.js';

/**
 * A per-database cache of ids the store made (facet codes, producer sets): what a transaction
 * created joins it only once that transaction has committed (a rolled-back id may be given
 * again to something else), and it starts again empty past `limit` entries.
 */
export class CommitCache<K, V> {
  private readonly byDb = new WeakMap<Db, Map<K, V>>();

  constructor(private readonly limit: number) {}

  /** The cache of `db` (made empty on first use). */
  of(db: Db): Map<K, V> {
    let cache = this.byDb.get(db);
    if (!cache) {
      cache = new Map();
      this.byDb.set(db, cache);
    }
    return cache;
  }

  /** Adds `fresh` to `db`'s cache once the caller's transaction has committed. */
  afterCommit(db: Db, fresh: ReadonlyMap<K, V>): void {
    if (fresh.size === 0) return;
    db.afterCommit(() => {
      const kept = this.byDb.get(db);
      if (!kept) return;
      if (kept.size + fresh.size > this.limit) kept.clear();
      for (const [k, v] of fresh) kept.set(k, v);
    });
  }
}
