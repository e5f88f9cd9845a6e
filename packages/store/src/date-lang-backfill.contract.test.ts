import type { NewsDocument } from '@newsprism/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations.js';
import { type PreparedDocument, prepareDocument } from './prepare.js';
import { openStore, type Store } from './store.js';
import { rawSql, type TestDb, useTestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';

// The small corpus dated and labelled as stores before session 13 kept them otherwise: months
// alone, region codes and capitals, a day off the calendar; `n1` has its language from the
// layer and no date, `a3` a day and a base code (both stored alike by old and new code), `a4`
// a month alone and a base code (its month changes, its language does not).
const COPY_OF: Record<string, string> = { a3: 'a1', a4: 'a2' };
const meta = (id: string, published: string | undefined, lang: string | undefined) => {
  const d = SMALL_CORPUS.find((x) => x.id === (COPY_OF[id] ?? id))!;
  const { published: _p, lang: _l, ...rest } = d.meta;
  return {
    ...d,
    id,
    meta: { ...rest, ...(published ? { published } : {}), ...(lang ? { lang } : {}) },
  } as NewsDocument;
};
const DOCS = [
  meta('a1', '2023-01', 'en-GB'),
  meta('a3', '2023-01-15', 'en'),
  meta('a2', '2023-01-31', 'EN'),
  meta('a4', '2023-03', 'en'),
  meta('b1', '2023-02', 'ru-RU'),
  meta('b2', '2023-02-30', 'en_US'),
  meta('n1', undefined, undefined),
];

/** A document's rows as the code before session 13 derived them (`git show 448ba67e^:packages/store/src/derive.ts`). */
function asSchema13(doc: NewsDocument): PreparedDocument {
  const p = prepareDocument(doc);
  const published = doc.meta.published;
  const day = published && /^(\d{4})-(\d{2})-(\d{2})/.test(published) ? published.slice(0, 10) : null;
  const lang = doc.meta.lang ?? doc.language?.code ?? null;
  return { ...p, doc: { ...p.doc, day, month: day ? day.slice(0, 7) : null, lang } };
}

/** A store the old code filled: its rows, facet codes and roll-ups, at schema version 13. */
async function oldStore(url: string): Promise<void> {
  const store = await openStore(url);
  await store.ingestPrepared(DOCS.map(asSchema13));
  await store.close();
  await rawSql(url, "UPDATE newsprism_meta SET value = '13' WHERE key = 'schema_version'");
}

// Reports sum floats in another order after the roll-ups moved: equal to 12 digits.
const rounded = (v: unknown) =>
  JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'number' ? Number(x.toPrecision(12)) : x)));

/** Everything the stored keys decide: stats, reports (roll-ups and grouped rows), filters, facets. */
async function answers(store: Store) {
  const ids = async (f: Parameters<Store['search']>[0]) =>
    (await store.search({ ...f, limit: 50 })).hits.map((h) => h.id).sort();
  const { location: _l, bytes: _b, ...stats } = await store.stats();
  return rounded({
    stats,
    byMonth: await store.report({ by: 'month' }),
    byOutletMonth: await store.report({ by: 'outlet,month' }),
    filtered: await store.report({ by: 'month', outlet: ['Alpha', 'Beta'] }),
    facets: (await store.search({ facets: true })).facets,
    en: await ids({ lang: ['en'] }),
    ru: await ids({ lang: ['ru'] }),
    janOn: await ids({ from: '2023-01-20' }),
    toJan10: await ids({ to: '2023-01-10' }),
    feb: await ids({ from: '2023-02', to: '2023-02' }),
  });
}

/** Each document's facet values, decoded from its codes (ids differ from store to store). */
async function facetValues(url: string) {
  const values = new Map(
    (
      (await rawSql(url, 'SELECT id, facet, value FROM facet_values')) as {
        id: number;
        facet: string;
        value: string;
      }[]
    ).map((v) => [Number(v.id), `${v.facet}:${v.value}`]),
  );
  const rows = (await rawSql(
    url,
    'SELECT d.id, f.codes FROM doc_facets f JOIN documents d ON d.pk = f.pk ORDER BY d.id',
  )) as { id: string; codes: Uint8Array }[];
  return rows.map((r) => {
    const b = Buffer.from(r.codes);
    const out: string[] = [];
    for (let i = 0; i < b.length; i += 4) out.push(values.get(b.readInt32LE(i)) ?? '?');
    return [r.id, out.sort()];
  });
}

/** The keyed rows themselves, to see that a rerun or a failed run changes nothing. */
const keyRows = async (url: string) => ({
  docs: await rawSql(url, 'SELECT id, day, month, lang FROM documents ORDER BY id'),
  facets: await facetValues(url),
  groups: await rawSql(url, 'SELECT outlet, month, documents FROM rollup_groups ORDER BY outlet, month'),
  counts: await rawSql(
    url,
    'SELECT outlet, month, kind, k1, docs FROM rollup_counts ORDER BY outlet, month, kind, k1',
  ),
});
const version = async (url: string) =>
  (await rawSql(url, "SELECT value FROM newsprism_meta WHERE key = 'schema_version'")) as { value: string }[];

eachBackend('migration 14: date and language keys of stores written before', (backend) => {
  let fresh: TestDb;
  let expected: Awaited<ReturnType<typeof answers>>;
  const old = useTestDb(backend, { before: beforeEach, after: afterEach });
  beforeEach(async () => {
    fresh = await backend.create();
    const store = await openStore(fresh.url);
    await store.ingest(DOCS);
    expected = await answers(store);
    await store.close();
  }, 60_000);
  afterEach(async () => {
    await fresh?.drop();
  });

  it('answers on a migrated old store as on one ingested anew', async () => {
    await oldStore(old().url);
    const before = await keyRows(old().url);
    expect(
      (before.docs as { id: string; month: string | null }[]).find((d) => d.id === 'a1')?.month,
    ).toBeNull();
    const store = await openStore(old().url);
    try {
      expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      expect(await answers(store)).toEqual(expected);
      // What the answers rest on, spelt out: the month alone is dated by its month, the day off
      // the calendar undated, region codes and capitals folded; the record keeps its meta.
      expect(
        expected.byMonth.map((g: { month: string; documents: number }) => [g.month, g.documents]),
      ).toEqual([
        ['(date not known)', 2],
        ['2023-01', 3],
        ['2023-02', 1],
        ['2023-03', 1],
      ]);
      expect(expected.en).toEqual(['a1', 'a2', 'a3', 'a4', 'b2', 'n1']);
      expect(expected.toJan10).toEqual(['a1']);
      expect((await store.get('a1'))?.meta).toMatchObject({ published: '2023-01', lang: 'en-GB' });
    } finally {
      await store.close();
    }
    expect(await keyRows(old().url)).toEqual(await keyRows(fresh.url));
  });

  it('changes nothing when it runs again', async () => {
    await oldStore(old().url);
    await (await openStore(old().url)).close();
    const once = await keyRows(old().url);
    await rawSql(old().url, "UPDATE newsprism_meta SET value = '13' WHERE key = 'schema_version'");
    await (await openStore(old().url)).close();
    expect(await keyRows(old().url)).toEqual(once);
  });

  describe('interrupted', () => {
    // A trigger that fails the update of the last document the migration changes: the ones
    // before it were updated in the same transaction.
    const halt =
      backend.name === 'sqlite'
        ? `CREATE TRIGGER halt BEFORE UPDATE ON documents WHEN NEW.id = 'b2' BEGIN SELECT RAISE(ABORT, 'halted by the test'); END;`
        : `CREATE FUNCTION halt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'halted by the test'; END $$;
CREATE TRIGGER halt BEFORE UPDATE ON documents FOR EACH ROW WHEN (NEW.id = 'b2') EXECUTE FUNCTION halt();`;
    const unhalt =
      backend.name === 'sqlite'
        ? 'DROP TRIGGER halt;'
        : 'DROP TRIGGER halt ON documents; DROP FUNCTION halt();';

    it('leaves the store as it was, at version 13, and completes on the next open', async () => {
      await oldStore(old().url);
      const before = await keyRows(old().url);
      await rawSql(old().url, halt);
      await expect(openStore(old().url)).rejects.toThrow(/halted by the test/);
      expect(await version(old().url)).toEqual([{ value: '13' }]);
      expect(await keyRows(old().url)).toEqual(before);
      await rawSql(old().url, unhalt);
      const store = await openStore(old().url);
      try {
        expect(await answers(store)).toEqual(expected);
      } finally {
        await store.close();
      }
      expect(await version(old().url)).toEqual([{ value: String(SCHEMA_VERSION) }]);
    });
  });
});
