import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type Store } from '../store.js';
import { type Backend, postgresAvailable, postgresBackend, sqliteBackend, type TestDb } from './backends.js';

const pgUp = await postgresAvailable();
if (!pgUp) {
  // CI starts the server (.ci/run); a developer machine without one still runs the SQLite half.
  console.warn(
    `store contract suite: no PostgreSQL at ${process.env.NEWSPRISM_TEST_PG ?? '127.0.0.1:5432'}; PostgreSQL tests skipped`,
  );
  if (process.env.CI) throw new Error('PostgreSQL is not running; .ci/run should have started it');
}

/**
 * Runs `body` once per backend (SQLite, PostgreSQL): the one contract suite of the store.
 * With `postgresOnly`, only against PostgreSQL (the job queue).
 */
export function eachBackend(title: string, body: (b: Backend) => void, postgresOnly = false): void {
  const backends = postgresOnly ? [postgresBackend] : [sqliteBackend, postgresBackend];
  for (const b of backends)
    describe.skipIf(b.name === 'postgres' && !pgUp)(`${title} [${b.name}]`, () => body(b));
}

/** An object standing for one a hook sets later: each property read goes to the current one. */
function late<T extends object>(current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error("the store is opened by the suite's beforeAll; use it inside tests");
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A fresh database of `backend` and a store opened on it for the suite (`beforeAll`, then
 * `fill` on it), closed and dropped after it (`afterAll`). The returned `store` and `db` stand
 * for those the hook opens, so tests use them as they are.
 */
export function useStore(
  backend: Backend,
  fill?: (store: Store) => Promise<unknown>,
): { store: Store; db: TestDb } {
  let db: TestDb | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    db = await backend.create();
    store = await openStore(db.url);
    await fill?.(store);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });
  return { store: late(() => store), db: late(() => db) };
}
