import { brotliDecompressSync } from 'node:zlib';
import type { Db } from './db.js';
import { type NamingTermRow, namingTermRows } from './derive.js';
import { BACKFILL_TERM_ROLLUPS } from './rollup.js';

/** The most `doc_terms` rows an insert takes. */
const CHUNK = 100;

/** A stored document's naming layer, from its packed layers (or, unpacked, as stored). */
function storedNaming(layers: unknown): { terms?: NamingTermRow[] } | undefined {
  const doc = (
    ArrayBuffer.isView(layers)
      ? JSON.parse(brotliDecompressSync(layers as Uint8Array).toString('utf8'))
      : typeof layers === 'string'
        ? JSON.parse(layers)
        : layers
  ) as { naming?: { terms?: NamingTermRow[] } } | null;
  return doc?.naming;
}

/**
 * Migration 17: the `doc_terms` rows of every stored document, from the terms of its stored
 * naming layer (as ingest derives them: derive.ts), then their roll-ups by outlet and month.
 * A document analysed without the naming layer, or before it had terms, gets none. It runs in
 * the opening transaction: an interrupted run leaves the store at version 16, and the next open
 * runs it again from the start; run again, it makes the same rows.
 */
export async function backfillTerms(db: Db): Promise<void> {
  // From nothing, so that it runs again on a store that has them (one set back to an earlier
  // version) to the same rows.
  await db.run('DELETE FROM doc_terms', []);
  await db.run("DELETE FROM rollup_counts WHERE kind LIKE 'term:%'", []);
  let after = 0;
  const PAGE = 200;
  for (;;) {
    const docs = await db.all<{ pk: number; layers: unknown }>(
      'SELECT pk, layers FROM documents WHERE pk > ? ORDER BY pk LIMIT ?',
      [after, PAGE],
    );
    if (docs.length === 0) break;
    after = Number(docs[docs.length - 1]!.pk);
    let params: unknown[] = [];
    const flush = async () => {
      const n = params.length / 7;
      if (n === 0) return;
      await db.run(
        `INSERT INTO doc_terms (doc, concept, form, pole, voice, provenance, count) VALUES ${new Array(n).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        params,
      );
      params = [];
    };
    for (const d of docs)
      for (const t of namingTermRows(storedNaming(d.layers))) {
        params.push(Number(d.pk), t.concept, t.form, t.pole, t.voice, t.provenance, t.count);
        if (params.length === 7 * CHUNK) await flush();
      }
    await flush();
  }
  await db.exec(BACKFILL_TERM_ROLLUPS);
}
