import { brotliDecompressSync } from 'node:zlib';
import type { NewsDocument } from '@newsprism/core';
import type { Db } from './db.js';
import { type SearchRequest, selection } from './search.js';

/** Rebuilds a stored document from its row: the layers JSON plus the text column. */
export function rebuild(row: { layers: unknown; text: string }): NewsDocument {
  // PostgreSQL returns JSONB parsed; SQLite the compressed JSON.
  const layers = ArrayBuffer.isView(row.layers)
    ? JSON.parse(brotliDecompressSync(row.layers as Uint8Array).toString('utf8'))
    : row.layers;
  const rest = layers as Omit<NewsDocument, 'text'>;
  const { schema, id, meta, ...others } = rest;
  return { schema, id, text: row.text, meta, ...others } as NewsDocument;
}

/** One stored document by id, or undefined. */
export async function getDocument(db: Db, id: string): Promise<NewsDocument | undefined> {
  const rows = await db.all<{ layers: unknown; text: string }>(
    'SELECT layers, text FROM documents WHERE id = ?',
    [id],
  );
  return rows[0] ? rebuild(rows[0]) : undefined;
}

/**
 * Every document a query and filters select, in stored order, read in pages of `pageSize`
 * by key: memory stays constant whatever the corpus size, and documents added meanwhile do
 * not shift the pages.
 */
export async function* iterateDocuments(
  db: Db,
  req: SearchRequest,
  pageSize = 200,
): AsyncGenerator<NewsDocument> {
  const sel = selection(db, req);
  let after = 0;
  for (;;) {
    const rows = await db.all<{ pk: number; layers: unknown; text: string }>(
      `SELECT d.pk, d.layers, d.text FROM ${sel.from} WHERE ${sel.where.sql} AND d.pk > ? ORDER BY d.pk LIMIT ?`,
      [...sel.where.params, after, pageSize],
    );
    for (const r of rows) yield rebuild(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.pk);
  }
}

/** Id and producers of every stored document, in stored order, in pages (for reanalysis). */
export async function* iterateProducers(
  db: Db,
  req: SearchRequest,
  pageSize = 1000,
): AsyncGenerator<{ id: string; producers: Record<string, unknown> }> {
  const sel = selection(db, req);
  let after = 0;
  for (;;) {
    const rows = await db.all<{ pk: number; id: string; producers: unknown }>(
      `SELECT d.pk, d.id, d.producers FROM ${sel.from} WHERE ${sel.where.sql} AND d.pk > ? ORDER BY d.pk LIMIT ?`,
      [...sel.where.params, after, pageSize],
    );
    for (const r of rows)
      yield {
        id: r.id,
        producers: (typeof r.producers === 'string' ? JSON.parse(r.producers) : r.producers) as Record<
          string,
          unknown
        >,
      };
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.pk);
  }
}
