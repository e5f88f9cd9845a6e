import { brotliCompressSync, constants } from 'node:zlib';
import type { Db } from './db.js';
import type { JsonParts } from './derive.js';

/** The largest encoding buffer kept between documents (a rare larger one gets its own). */
const SCRATCH_LIMIT = 8 << 20;
let scratch = Buffer.allocUnsafe(0);

/**
 * The analysis JSON as both backends keep it: Brotli at quality 0, Brotli's fastest (quality 1
 * was the cheapest codec per byte saved; quality 0 costs ≈ 0.035 ms a document less for 7 %
 * more packed bytes, ≈ 550 a document: docs/benchmarks.md, session 11). PostgreSQL kept it as JSONB until schema version 8: parsing 75 kB
 * of JSON into JSONB and compressing it with pglz cost the server 4.5 ms a document against
 * 0.5 ms for the packed bytes (and 0.3 ms of Brotli in the client), for a third more bytes.
 */
export function pack(json: string | JsonParts): Buffer {
  if (typeof json !== 'string' && json.parts.length === 1) json = json.parts[0]!;
  // Up to 3 UTF-8 bytes a UTF-16 unit. Encoding into one reused buffer rather than letting
  // zlib make a new one for each document: ≈ 0.03 ms a document less, and less external
  // memory for the garbage collector to account for.
  const max = json.length * 3;
  if (max > SCRATCH_LIMIT) return brotli(typeof json === 'string' ? json : json.parts.join(''), json.length);
  if (scratch.length < max) scratch = Buffer.allocUnsafe(Math.max(max, scratch.length * 2));
  if (typeof json === 'string')
    return brotli(scratch.subarray(0, scratch.write(json, 0, 'utf8')), json.length);
  // The pieces one after another: the same bytes as their join, without making it.
  let at = 0;
  for (const part of json.parts) at += scratch.write(part, at, 'utf8');
  return brotli(scratch.subarray(0, at), json.length);
}

/** Brotli quality 0; `size` (the JSON's length) is the size hint the stored bytes were made with. */
function brotli(input: string | Buffer, size: number): Buffer {
  return brotliCompressSync(input, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: size },
  });
}

/**
 * Rewrites PostgreSQL's JSONB `layers` column as packed bytes (the migration to version 8),
 * 200 documents to a statement.
 */
export async function packStoredLayers(db: Db): Promise<void> {
  if (db.dialect !== 'postgres') return;
  const [column] = await db.all<{ type: string }>(
    "SELECT data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'documents' AND column_name = 'layers'",
  );
  // Layers already held as bytes: nothing to convert.
  if (column?.type === 'bytea') return db.exec('ALTER TABLE documents DROP COLUMN layers_packed');
  let after = 0;
  for (;;) {
    const docs = await db.all<{ pk: number; layers: string }>(
      'SELECT pk, layers::text AS layers FROM documents WHERE pk > ? ORDER BY pk LIMIT 200',
      [after],
    );
    if (docs.length === 0) break;
    await db.run(
      'UPDATE documents d SET layers_packed = v.b FROM unnest(?::bigint[], ?::bytea[]) AS v(pk, b) WHERE d.pk = v.pk',
      [docs.map((d) => Number(d.pk)), docs.map((d) => pack(d.layers))],
    );
    after = Number(docs[docs.length - 1]!.pk);
  }
  await db.exec(`ALTER TABLE documents DROP COLUMN layers;
ALTER TABLE documents RENAME COLUMN layers_packed TO layers;
ALTER TABLE documents ALTER COLUMN layers SET NOT NULL`);
}
