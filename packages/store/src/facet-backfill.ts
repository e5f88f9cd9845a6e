import type { Db } from './db.js';
import { encodeFacets, type FacetSource } from './facet-codes.js';
import { rowsByDoc } from './rollup.js';

/** The `documents` columns a document's facets count (the rest come from its query tables). */
export interface FacetColumns {
  pk: number;
  outlet: string | null;
  lang: string | null;
  genre: string | null;
  month: string | null;
}

/**
 * The facet values of stored documents, read back from their rows: `docs` in `pk` order, their
 * query-table rows read by one range of keys per table.
 */
export async function storedFacetSources(db: Db, docs: readonly FacetColumns[]): Promise<FacetSource[]> {
  if (docs.length === 0) return [];
  const first = Number(docs[0]!.pk);
  const last = Number(docs[docs.length - 1]!.pk);
  const list = async (sql: string) => {
    const out = new Map<number, string[]>();
    for (const [k, rows] of await rowsByDoc<{ v: string }>(db, sql, first, last))
      out.set(
        k,
        rows.map((r) => r.v),
      );
    return out;
  };
  const frames = await list('SELECT doc, frame AS v FROM doc_frames WHERE selected = 1');
  const techniques = await list('SELECT doc, technique AS v FROM doc_techniques WHERE TRUE');
  const entities = await list('SELECT doc, name AS v FROM doc_entities WHERE TRUE');
  const sources = await list('SELECT doc, type AS v FROM doc_sources WHERE TRUE');
  return docs.map((d) => {
    const pk = Number(d.pk);
    return {
      outlet: d.outlet,
      lang: d.lang,
      genre: d.genre,
      month: d.month,
      frames: frames.get(pk) ?? [],
      techniques: techniques.get(pk) ?? [],
      entities: entities.get(pk) ?? [],
      sourceTypes: sources.get(pk) ?? [],
    };
  });
}

/** Codes the facet values of every stored document (the migration that adds `doc_facets`). */
export async function backfillFacets(db: Db): Promise<void> {
  let after = 0;
  const PAGE = 500;
  for (;;) {
    const docs = await db.all<FacetColumns>(
      'SELECT pk, outlet, lang, genre, month FROM documents WHERE pk > ? ORDER BY pk LIMIT ?',
      [after, PAGE],
    );
    if (docs.length === 0) return;
    const codes = await encodeFacets(db, await storedFacetSources(db, docs));
    for (let i = 0; i < docs.length; i++)
      await db.run('INSERT INTO doc_facets (pk, codes) VALUES (?, ?)', [Number(docs[i]!.pk), codes[i]]);
    after = Number(docs[docs.length - 1]!.pk);
  }
}
