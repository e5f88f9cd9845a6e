import { brotliDecompressSync } from 'node:zlib';
import type { NewsDocument } from '@newsprism/core';
import type { Db } from './db.js';
import { storedProducers, withProducers } from './producer-sets.js';
import { type SearchRequest, selection } from './search.js';

/** A stored document's row as {@link rebuild} reads it. */
interface StoredRow {
  layers: unknown;
  text: string;
  producer_set: number | string | null;
}

/**
 * Rebuilds a stored document from its row: the layers JSON plus the text column, and its
 * producer set's producers (see producer-sets.ts).
 */
async function rebuild(db: Db, row: StoredRow): Promise<NewsDocument> {
  // The compressed JSON (both backends since schema version 7; PostgreSQL's JSONB before, parsed).
  const layers = ArrayBuffer.isView(row.layers)
    ? JSON.parse(brotliDecompressSync(row.layers as Uint8Array).toString('utf8'))
    : row.layers;
  const rest = (await withProducers(db, layers, row.producer_set)) as Omit<NewsDocument, 'text'>;
  const { schema, id, meta, ...others } = rest;
  return { schema, id, text: row.text, meta, ...others } as NewsDocument;
}

/** One stored document by id, or undefined. */
export async function getDocument(db: Db, id: string): Promise<NewsDocument | undefined> {
  const rows = await db.all<StoredRow>('SELECT layers, text, producer_set FROM documents WHERE id = ?', [id]);
  return rows[0] ? rebuild(db, rows[0]) : undefined;
}

/** What a link to a stored document shows: its title, outlet and publication time. */
export interface DocumentHead {
  title?: string;
  outlet?: string;
  published?: string;
}

/** The heads of the given ids that are stored, from the row's columns (no analysis decoded). */
export async function documentHeads(db: Db, ids: readonly string[]): Promise<Map<string, DocumentHead>> {
  const out = new Map<string, DocumentHead>();
  const CHUNK = 200;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await db.all<{
      id: string;
      title: string | null;
      outlet: string | null;
      published: string | null;
    }>(
      `SELECT id, title, outlet, published FROM documents WHERE id IN (${part.map(() => '?').join(', ')})`,
      part,
    );
    for (const r of rows)
      out.set(r.id, {
        ...(r.title === null ? {} : { title: r.title }),
        ...(r.outlet === null ? {} : { outlet: r.outlet }),
        ...(r.published === null ? {} : { published: r.published }),
      });
  }
  return out;
}

/**
 * Reads the selected rows' `columns` in stored order, a page of `pageSize` at a time by key:
 * memory stays constant whatever the corpus size, and rows added meanwhile do not shift pages.
 */
async function* pages<T extends { pk: number }>(
  db: Db,
  req: SearchRequest,
  columns: string,
  pageSize: number,
): AsyncGenerator<T> {
  const sel = selection(db, req);
  let after = 0;
  for (;;) {
    const rows = await db.all<T>(
      `SELECT d.pk, ${columns} FROM ${sel.from} WHERE ${sel.where.sql} AND d.pk > ? ORDER BY d.pk LIMIT ?`,
      [...sel.where.params, after, pageSize],
    );
    yield* rows;
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.pk);
  }
}

/** Every document a query and filters select, in stored order (constant memory). */
export async function* iterateDocuments(db: Db, req: SearchRequest): AsyncGenerator<NewsDocument> {
  for await (const r of pages<StoredRow & { pk: number }>(db, req, 'd.layers, d.text, d.producer_set', 200))
    yield await rebuild(db, r);
}

/** Id and producers of every selected document, in stored order (for reanalysis). */
export async function* iterateProducers(
  db: Db,
  req: SearchRequest,
): AsyncGenerator<{ id: string; producers: Record<string, unknown> }> {
  for await (const r of pages<{ pk: number; id: string; producers: unknown; producer_set: number | null }>(
    db,
    req,
    'd.id, d.producers, d.producer_set',
    1000,
  ))
    yield { id: r.id, producers: await storedProducers(db, r) };
}
