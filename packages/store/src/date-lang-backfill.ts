import type { Db } from './db.js';
import { dateLangKeys } from './derive.js';
import { type FacetColumns, storedFacetSources } from './facet-backfill.js';
import { encodeFacets } from './facet-codes.js';
import { RollupDelta, storedContributions } from './rollup.js';

interface KeyedRow extends FacetColumns {
  published: string | null;
  day: string | null;
  words: number;
  own_voice: number | null;
  attributed: number | null;
  anonymous: number | null;
}

/**
 * Migration 14: recomputes the `day`, `month` and `lang` columns of every stored document as
 * ingest now derives them (`dateLangKeys`), and what is keyed by them. Stores written before
 * session 13 left a `published` of a month alone (`2023-05`) undated (no day key, no month)
 * and kept a record's `en-GB` or `EN` as given, so `--lang en`, `--from/--to`, `report --by
 * month` and `stats` answered otherwise than on a store ingested anew. A document whose
 * month changes moves its share of the roll-ups to the new group; one whose month or language
 * changes gets its facet codes again. Documents already right are left alone, so running it
 * twice changes nothing; it runs in the opening transaction, so an interrupted one leaves the
 * store as it was (at version 13) and runs again on the next open.
 */
export async function backfillDateLangKeys(db: Db): Promise<void> {
  let after = 0;
  const PAGE = 1000;
  for (;;) {
    const rows = await db.all<KeyedRow>(
      `SELECT pk, outlet, lang, genre, published, day, month, words, own_voice, attributed, anonymous
       FROM documents WHERE pk > ? ORDER BY pk LIMIT ?`,
      [after, PAGE],
    );
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]!.pk);
    const changed: FacetColumns[] = [];
    const moved: { row: KeyedRow; month: string | null }[] = [];
    for (const r of rows) {
      const pk = Number(r.pk);
      const keys = dateLangKeys(r.published, r.lang);
      if (keys.day === r.day && keys.month === r.month && keys.lang === r.lang) continue;
      await db.run('UPDATE documents SET day = ?, month = ?, lang = ? WHERE pk = ?', [
        keys.day,
        keys.month,
        keys.lang,
        pk,
      ]);
      if (keys.month !== r.month) moved.push({ row: r, month: keys.month });
      if (keys.month !== r.month || keys.lang !== r.lang)
        changed.push({ pk, outlet: r.outlet, lang: keys.lang, genre: r.genre, month: keys.month });
    }
    const rollups = new RollupDelta();
    const shares = await storedContributions(
      db,
      moved.map((m) => m.row),
    );
    moved.forEach((m, i) => {
      rollups.add(shares[i]!, -1);
      rollups.add({ ...shares[i]!, month: m.month }, 1);
    });
    await rollups.apply(db);
    const codes = await encodeFacets(db, await storedFacetSources(db, changed));
    for (let i = 0; i < changed.length; i++)
      await db.run('UPDATE doc_facets SET codes = ? WHERE pk = ?', [codes[i], changed[i]!.pk]);
  }
}
