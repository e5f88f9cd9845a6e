import { createHash } from 'node:crypto';
import { NewsprismError } from '@newsprism/core/schema';
import { CommitCache } from './commit-cache.js';
import type { Db } from './db.js';

/**
 * The `producers` of stored documents, each distinct JSON once (schema version 13). Every
 * document a pipeline analyses has the same producers (which analyzer, version, options and
 * model checksums made each layer: 3.6 kB of JSON), which the store used to keep twice a
 * document: in the `producers` column and inside the packed layers — 17 % of the bytes on disk.
 * Now a document's row names its set (`documents.producer_set`), its `producers` column holds
 * `{}` and its packed layers hold `"producers": null` in the key's place, which
 * {@link withProducers} fills in when the document is read back. Rows stored before version 13
 * keep theirs inline (`producer_set` NULL) and read as they did.
 */

/** The most sets kept in memory per database before starting again (a store holds a few). */
const LIMIT = 1000;
/** The set ids known committed, by producers JSON, per database (a set never changes once committed). */
const known = new CommitCache<string, number>(LIMIT);
/**
 * The producers JSON of set ids read, per database: remembered once the read's transaction has
 * committed (a set read inside one that rolls back is gone, and its id may be given to another).
 */
const read = new CommitCache<number, string>(LIMIT);

/** The key a set is found by: SHA-256 of its JSON (too long for a PostgreSQL B-tree key). */
const setHash = (json: string) => createHash('sha256').update(json).digest('hex');

/**
 * The set id of each producers JSON, creating the sets not stored yet (in the caller's
 * transaction; kept in memory for later batches once it has committed).
 */
export async function producerSetIds(db: Db, jsons: readonly string[]): Promise<number[]> {
  const cache = known.of(db);
  const fresh = new Map<string, number>();
  const out: number[] = [];
  for (const json of jsons) {
    let id = cache.get(json) ?? fresh.get(json);
    if (id === undefined) {
      const hash = setHash(json);
      await db.run(
        'INSERT INTO producer_sets (hash, producers) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING',
        [hash, json],
      );
      const [row] = await db.all<{ id: number }>('SELECT id FROM producer_sets WHERE hash = ?', [hash]);
      id = Number(row!.id);
      fresh.set(json, id);
    }
    out.push(id);
  }
  known.afterCommit(db, fresh);
  return out;
}

/** The producers JSON of a set (read once per database). */
async function setJson(db: Db, id: number): Promise<string> {
  let json = read.of(db).get(id);
  if (json === undefined) {
    // TEXT on both backends: PostgreSQL's JSONB would not keep the keys' order.
    const [row] = await db.all<{ producers: string }>('SELECT producers FROM producer_sets WHERE id = ?', [
      id,
    ]);
    if (!row)
      throw new NewsprismError(
        'E_DB_CORRUPT',
        `producer set ${id}, named by a stored document, is missing from the store (the database was changed outside newsprism or damaged): ingest the documents into a new store`,
      );
    json = row.producers;
    read.afterCommit(db, new Map([[id, json]]));
  }
  return json;
}

/** A stored document's producers: its set's when it names one, else its own column's. */
export async function storedProducers(
  db: Db,
  row: { producers: unknown; producer_set: number | string | null },
): Promise<Record<string, unknown>> {
  if (row.producer_set !== null) return JSON.parse(await setJson(db, Number(row.producer_set)));
  return (typeof row.producers === 'string' ? JSON.parse(row.producers) : row.producers) as Record<
    string,
    unknown
  >;
}

/**
 * A stored document's layers with its producers in place: those of its set when the row names
 * one (the layers then hold `producers: null`, in the key's place), else as stored.
 */
export async function withProducers<T extends { producers?: unknown }>(
  db: Db,
  layers: T,
  set: number | string | null,
): Promise<T> {
  if (set !== null && layers.producers === null)
    layers.producers = JSON.parse(await setJson(db, Number(set)));
  return layers;
}
