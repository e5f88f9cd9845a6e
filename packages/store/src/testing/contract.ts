import { describe } from 'vitest';
import { type Backend, postgresAvailable, postgresBackend, sqliteBackend } from './backends.js';

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
