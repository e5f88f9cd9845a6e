import type { NewsDocument } from '@newsprism/core';
import { beforeAll, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations.js';
import { pack } from './packed.js';
import { prepareDocument } from './prepare.js';
import { producerSetIds, withProducers } from './producer-sets.js';
import { openStore, type Store } from './store.js';
import { openTestDb, rawSql, type TestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { analysedArticles } from './testing/fixtures.js';

/** What the store gives back of every document: each whole, and each one's producers. */
async function readBack(store: Store) {
  const docs: NewsDocument[] = [];
  for await (const d of store.documents()) docs.push(d);
  const producers: { id: string; producers: Record<string, unknown> }[] = [];
  for await (const p of store.producers()) producers.push(p);
  return { docs, producers };
}

eachBackend('producers stored once a distinct set (schema version 13)', (backend) => {
  let docs: NewsDocument[];
  beforeAll(async () => {
    docs = await analysedArticles();
  }, 60_000);
  const fresh = async () => backend.create();
  const done = async (db: TestDb, store?: Store) => {
    await store?.close();
    await db.drop();
  };

  it('keeps one set for documents with the same producers, and gives every document back whole', async () => {
    const db = await fresh();
    const store = await openStore(db.url);
    try {
      // A document whose producers differ, and one without any.
      const other = {
        ...docs[1]!,
        producers: { ...docs[1]!.producers, extra: { name: 'extra', version: 1 } },
      };
      const { producers: _, ...none } = docs[2]!;
      const all = [docs[0]!, other as NewsDocument, none as NewsDocument, docs[3]!, docs[4]!];
      await store.ingest(all);
      const sets = (await rawSql(db.url, 'SELECT id FROM producer_sets ORDER BY id')) as unknown[];
      // The pipeline's, the changed one's, and `{}` for the document without producers.
      expect(sets).toHaveLength(3);
      const columns = (await rawSql(db.url, 'SELECT producers, producer_set FROM documents')) as {
        producers: unknown;
        producer_set: unknown;
      }[];
      for (const c of columns) {
        expect(c.producer_set).not.toBeNull();
        expect(typeof c.producers === 'string' ? JSON.parse(c.producers) : c.producers).toEqual({});
      }
      for (const d of all) {
        const got = await store.get(d.id);
        expect(got).toEqual(d);
        // The keys in the order the document had them (`show` prints them so).
        expect(JSON.stringify(got)).toBe(JSON.stringify(d));
      }
      const back = await readBack(store);
      expect(back.docs.map((d) => JSON.stringify(d)).sort()).toEqual(
        all.map((d) => JSON.stringify(d)).sort(),
      );
      expect(back.producers.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        all.map((d) => ({ id: d.id, producers: d.producers ?? {} })).sort((a, b) => a.id.localeCompare(b.id)),
      );
      // A later batch (and another connection) finds the stored set.
      await store.close();
      const again = await openStore(db.url);
      await again.ingest(docs, { replace: true });
      expect(await rawSql(db.url, 'SELECT id FROM producer_sets')).toHaveLength(3);
      for (const d of docs) expect(await again.get(d.id)).toEqual(d);
      await again.close();
    } finally {
      await done(db);
    }
  });

  it('does not remember the set of a batch that was rolled back', async () => {
    const db = await fresh();
    const store = await openStore(db.url);
    try {
      // A batch whose new set is inserted, then fails on its second document (an id of null):
      // the transaction and its set are gone, and so must be the id remembered for it.
      const changed = {
        ...docs[0]!,
        producers: { ...docs[0]!.producers, extra: { name: 'extra', version: 1 } },
      } as NewsDocument;
      const bad = prepareDocument(docs[1]!);
      (bad.doc as { id: unknown }).id = null;
      await expect(store.ingestPrepared([prepareDocument(changed), bad])).rejects.toThrow();
      expect(await rawSql(db.url, 'SELECT id FROM producer_sets')).toHaveLength(0);
      // Another set takes the rolled-back one's id; the same producers again get a set of their own.
      await store.ingest([docs[2]!, changed]);
      expect(await store.get(changed.id)).toEqual(changed);
      expect(await store.get(docs[2]!.id)).toEqual(docs[2]);
    } finally {
      await done(db, store);
    }
  });

  it('does not remember a set read inside a transaction that was rolled back', async () => {
    const db = await fresh();
    const store = await openStore(db.url);
    await store.close();
    const raw = await openTestDb(db.url);
    try {
      const first = JSON.stringify({ a: { name: 'a', version: 1 } });
      const second = JSON.stringify({ b: { name: 'b', version: 2 } });
      // A set created and read back in a transaction that then fails: gone, its id free again.
      let gone = -1;
      await expect(
        raw.transaction(async () => {
          [gone] = await producerSetIds(raw, [first]);
          expect(await withProducers(raw, { producers: null }, gone)).toEqual({
            producers: JSON.parse(first),
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const [id] = await raw.transaction(() => producerSetIds(raw, [second]));
      // SQLite gives the freed id again (PostgreSQL's sequence does not): either way the set
      // read is the one stored under it now.
      if (db.url.startsWith('postgres')) expect(id).not.toBe(gone);
      else expect(id).toBe(gone);
      expect(await withProducers(raw, { producers: null }, id!)).toEqual({ producers: JSON.parse(second) });
    } finally {
      await raw.close();
      await done(db);
    }
  });

  it('says the store is damaged when a document names a set that is not there (E_DB_CORRUPT)', async () => {
    const db = await fresh();
    const store = await openStore(db.url);
    try {
      await store.ingest(docs.slice(0, 1));
      const raw = await openTestDb(db.url);
      await raw.run('DELETE FROM producer_sets');
      await raw.close();
      await expect(store.get(docs[0]!.id)).rejects.toMatchObject({
        code: 'E_DB_CORRUPT',
        message: expect.stringContaining('ingest the documents into a new store'),
      });
    } finally {
      await done(db, store);
    }
  });

  it('reads the documents a version-12 store keeps their producers inline in, before and after new ones', async () => {
    const db = await fresh();
    let store = await openStore(db.url);
    try {
      await store.ingest(docs.slice(0, 3));
      await store.close();
      // The rows as version 12 wrote them: the producers in their column and in the layers.
      const raw = await openTestDb(db.url);
      for (const d of docs.slice(0, 3)) {
        const { text: _, ...layers } = d;
        await raw.run('UPDATE documents SET producers = ?, producer_set = NULL, layers = ? WHERE id = ?', [
          JSON.stringify(d.producers),
          pack(JSON.stringify(layers)),
          d.id,
        ]);
      }
      await raw.exec(`DROP TABLE producer_sets;
ALTER TABLE documents DROP COLUMN producer_set;
UPDATE newsprism_meta SET value = '12' WHERE key = 'schema_version';`);
      await raw.close();
      store = await openStore(db.url);
      expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      for (const d of docs.slice(0, 3)) expect(JSON.stringify(await store.get(d.id))).toBe(JSON.stringify(d));
      await store.ingest(docs.slice(3));
      const inline = (await rawSql(
        db.url,
        'SELECT id FROM documents WHERE producer_set IS NULL',
      )) as unknown[];
      expect(inline).toHaveLength(3);
      const back = await readBack(store);
      expect(back.docs.map((d) => JSON.stringify(d)).sort()).toEqual(
        docs.map((d) => JSON.stringify(d)).sort(),
      );
      expect(back.producers.map((p) => p.producers)).toEqual(docs.map((d) => d.producers));
    } finally {
      await done(db, store);
    }
  });
});
