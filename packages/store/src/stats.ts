import { statSync } from 'node:fs';
import type { Db } from './db.js';
import { SCHEMA_VERSION } from './migrations.js';
import { type QueueStats, queueStats } from './queue.js';

/** What `newsprism stats` shows. */
export interface StoreStats {
  backend: 'sqlite' | 'postgres';
  location: string;
  schemaVersion: number;
  documents: number;
  words: number;
  outlets: number;
  /** Documents with an outlet (the others count under no outlet). */
  withOutlet: number;
  languages: Record<string, number>;
  firstDay: string | null;
  lastDay: string | null;
  /** Documents with a date (`firstDay` … `lastDay` is theirs; the others are undated). */
  dated: number;
  /** Bytes the store takes on disk (file plus WAL; or the tables and indexes on PostgreSQL). */
  bytes: number;
  queue: QueueStats;
}

const TABLES = [
  'documents',
  'doc_entities',
  'doc_naming',
  'doc_terms',
  'doc_sources',
  'doc_techniques',
  'doc_frames',
  'jobs',
];

/** Counts and sizes of a store. */
export async function storeStats(db: Db, location: string): Promise<StoreStats> {
  const [row] = await db.all<Record<string, unknown>>(
    'SELECT count(*) AS n, SUM(words) AS w, count(DISTINCT outlet) AS o, count(outlet) AS wo, MIN(day) AS f, MAX(day) AS l, count(day) AS dd FROM documents',
  );
  const langs = await db.all<{ lang: string | null; n: number }>(
    'SELECT lang, count(*) AS n FROM documents GROUP BY lang ORDER BY count(*) DESC',
  );
  let bytes = 0;
  if (db.dialect === 'sqlite') {
    for (const f of [location, `${location}-wal`]) bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  } else {
    const [s] = await db.all<{ b: number }>(
      `SELECT SUM(pg_total_relation_size(c.oid)) AS b FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
       WHERE ns.nspname = current_schema() AND c.relname IN (${TABLES.map(() => '?').join(', ')})`,
      TABLES,
    );
    bytes = Number(s?.b ?? 0);
  }
  return {
    backend: db.dialect,
    location,
    schemaVersion: SCHEMA_VERSION,
    documents: Number(row!.n),
    words: Number(row!.w ?? 0),
    outlets: Number(row!.o),
    withOutlet: Number(row!.wo),
    languages: Object.fromEntries(langs.map((l) => [l.lang ?? 'und', Number(l.n)])),
    firstDay: (row!.f as string | null) ?? null,
    lastDay: (row!.l as string | null) ?? null,
    dated: Number(row!.dd),
    bytes,
    queue: await queueStats(db),
  };
}
