import { NewsprismError } from '@newsprism/core/schema';
import type { Db } from './db.js';
import { APP, META_TABLE } from './meta-table.js';
import { migrations, SCHEMA_VERSION } from './migrations.js';

const TABLES_SQL = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  postgres: 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
};

/**
 * Brings a freshly opened database to the current schema, or refuses it. An empty database
 * gets every migration; a newsprism store at an older version gets the missing ones; a newer
 * store (`E_DB_TOO_NEW`) or a database of something else (`E_DB_FOREIGN`) is left untouched.
 * All of it runs in one transaction, so two processes opening a new store at once do not both
 * create it.
 */
export async function ensureSchema(
  db: Db,
  where: string,
  /** Called with the version found when migrations ran (after they are committed). */
  upgraded?: (from: number) => Promise<void>,
): Promise<number> {
  let from = SCHEMA_VERSION;
  const version = await migrate(db, where, (v) => {
    from = v;
  });
  if (from < SCHEMA_VERSION) await upgraded?.(from);
  return version;
}

async function migrate(db: Db, where: string, found: (version: number) => void): Promise<number> {
  return db.transaction(async () => {
    // Serialises concurrent first opens on PostgreSQL (SQLite's write lock already does).
    if (db.dialect === 'postgres') await db.all('SELECT pg_advisory_xact_lock(71493001)');
    const tables = new Set((await db.all<{ name: string }>(TABLES_SQL[db.dialect])).map((r) => r.name));
    let version = 0;
    if (tables.has(META_TABLE)) {
      const rows = await db.all<{ key: string; value: string }>(`SELECT key, value FROM ${META_TABLE}`);
      const meta = new Map(rows.map((r) => [r.key, r.value]));
      if (meta.get('app') !== APP) throw foreign(where);
      version = Number(meta.get('schema_version'));
      if (!Number.isInteger(version) || version > SCHEMA_VERSION) {
        throw new NewsprismError(
          'E_DB_TOO_NEW',
          `${where} has store schema version ${meta.get('schema_version')}, newer than this newsprism's ${SCHEMA_VERSION}; upgrade newsprism to open it`,
        );
      }
    } else if (tables.size > 0) throw foreign(where);
    else await db.exec(`CREATE TABLE ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    found(version);
    for (const m of migrations) {
      if (m.version <= version) continue;
      await db.exec(m.sql[db.dialect]);
      await m.backfill?.(db);
    }
    if (version < SCHEMA_VERSION) {
      await db.run(`DELETE FROM ${META_TABLE} WHERE key IN ('app', 'schema_version')`);
      await db.run(`INSERT INTO ${META_TABLE} (key, value) VALUES ('app', ?), ('schema_version', ?)`, [
        APP,
        String(SCHEMA_VERSION),
      ]);
    }
    return SCHEMA_VERSION;
  });
}

function foreign(where: string): NewsprismError {
  return new NewsprismError(
    'E_DB_FOREIGN',
    `${where} is a database of something other than newsprism; give --db a new file or an empty database`,
  );
}
