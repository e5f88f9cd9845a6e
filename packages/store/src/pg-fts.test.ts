import { brotliDecompressSync } from 'node:zlib';
import type { NewsDocument } from '@newsprism/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { leadStems, positivePart } from './pg-fts.js';
import { toTsquery } from './query/compile.js';
import { parseQuery } from './query/parse.js';
import { firstWords, LEAD_WORDS, stemText } from './stem.js';
import { openStore } from './store.js';
import { rawSql, useTestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { analysedArticles } from './testing/fixtures.js';

it.each([
  ['gas NOT deal', "'gas'"],
  ['gas AND oil NOT deal', "('gas' & 'oil')"],
  ['(gas NOT deal) OR oil', "('gas' | 'oil')"],
  ['"white house" NOT (oil OR gas)', "('white' <-> 'hous')"],
  ['gas OR oil', "('gas' | 'oil')"],
])('ranks %s by what it asks for: %s', (query, tsquery) => {
  expect(toTsquery(positivePart(parseQuery(query))!)).toBe(tsquery);
});

it('takes the lead as the first hundred words, the same from stems as from the text', () => {
  const words = Array.from({ length: 150 }, (_, i) => `word${i}`);
  const text = `${words.slice(0, 60).join(', ')}!\n\n${words.slice(60).join(' ')}.`;
  const lead = leadStems(text);
  expect(lead.trim().split(' ')).toEqual(words.slice(0, LEAD_WORDS));
  expect(firstWords(stemText(text).stems)).toBe(lead);
  expect(leadStems('Санкции против России')).toBe(stemText('Санкции против России').stems);
  expect(firstWords('a b ')).toBe('a b ');
  // Exactly a hundred words, and one fewer: the whole text; the same on every call.
  const hundred = `${words.slice(0, LEAD_WORDS).join(' ')}.`;
  expect(leadStems(hundred)).toBe(stemText(hundred).stems);
  expect(leadStems(`${words.slice(0, LEAD_WORDS - 1).join(' ')}`)).toBe(
    stemText(words.slice(0, 99).join(' ')).stems,
  );
  expect(leadStems(text)).toBe(lead);
  expect(leadStems(`${hundred} more words`)).toBe(stemText(hundred).stems);
});

it('ranks on the positive part of every branch, dropping branches left empty', () => {
  const term = (text: string) => parseQuery(text);
  const not = (text: string) => ({ kind: 'not' as const, child: term(text) });
  // gas AND (NOT oil OR NOT deal): the OR keeps nothing, the AND only gas.
  expect(
    positivePart({
      kind: 'and',
      children: [term('gas'), { kind: 'or', children: [not('oil'), not('deal')] }],
    }),
  ).toEqual(term('gas'));
  expect(positivePart({ kind: 'or', children: [not('oil'), not('deal')] })).toBeUndefined();
  expect(positivePart(not('oil'))).toBeUndefined();
  expect(positivePart(term('"white house"'))).toEqual(term('"white house"'));
});

/** A document with no analysis layers: the store derives what it can (none of the query rows). */
const doc = (id: string, title: string, text: string): NewsDocument =>
  ({ id, text, meta: { title, outlet: 'X', published: '2024-01-01', lang: 'en' } }) as NewsDocument;

// A text whose hundredth word lies beyond the part of the text the backfill reads first.
const farLead = `${'.'.repeat(19_990)} sanctions ${Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ')}`;

// A text whose hundredth word begins before the 20,000th character and ends after it.
const cutLead = (() => {
  const head = `${Array.from({ length: 99 }, (_, i) => `w${i}`).join(' ')} `;
  return `${head}${'.'.repeat(19_995 - head.length)} sanctionsextraordinary and more words after it.`;
})();

const DOCS = [
  doc('deep', 'Markets today', `${'Prices moved. '.repeat(80)}New sanctions were announced.`),
  doc('cut', 'Cut', cutLead),
  {
    ...doc('untitled', '', 'Sanctions without a title.'),
    meta: { outlet: 'X', published: '2024-01-01', lang: 'en' },
  },
  doc('lead', 'Markets today', 'Sanctions were announced this morning. Prices moved.'),
  doc('title', 'Sanctions announced', 'The announcement came this morning.'),
  doc('far', 'Far', farLead),
];

eachBackend(
  'PostgreSQL rank vector',
  (backend) => {
    const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });

    it('ranks title matches first, then lead matches, then the rest, from a vector kept in the row', async () => {
      const store = await openStore(testDb().url);
      await store.ingest(DOCS);
      const r = await store.search({ query: 'sanction' });
      expect(r.hits.map((h) => h.id)).toEqual(['title', 'untitled', 'lead', 'far', 'deep']);
      expect(r.hits[4]!.score).toBe(0);
      // Ranked on what it asks for: the NOT branch leaves the order and scores as they were.
      const not = await store.search({ query: 'sanction NOT oil' });
      expect(not.hits.map((h) => [h.id, h.score])).toEqual(r.hits.map((h) => [h.id, h.score]));
      expect(not.hits[0]!.score).toBeGreaterThan(0);
      await store.close();
      expect(
        await rawSql(
          testDb().url,
          "SELECT attstorage FROM pg_attribute WHERE attrelid = 'documents'::regclass AND attname = 'rank_fts'",
        ),
      ).toEqual([{ attstorage: 'm' }]);
    });

    it('fills the rank vectors of a version-6 store as ingest writes them', async () => {
      const store = await openStore(testDb().url);
      await store.ingest(DOCS);
      await store.close();
      const vectors = 'SELECT id, rank_fts::text AS v FROM documents ORDER BY id';
      const written = await rawSql(testDb().url, vectors);
      expect(written).toHaveLength(DOCS.length);
      await rawSql(
        testDb().url,
        "ALTER TABLE documents DROP COLUMN rank_fts; UPDATE newsprism_meta SET value = '6' WHERE key = 'schema_version'",
      );
      const again = await openStore(testDb().url);
      await again.close();
      expect(await rawSql(testDb().url, vectors)).toEqual(written);
      expect(
        await rawSql(
          testDb().url,
          "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'rank_fts'",
        ),
      ).toEqual([{ is_nullable: 'NO' }]);
    });
  },
  true,
);

eachBackend(
  'PostgreSQL packed layers',
  (backend) => {
    const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });

    it('leaves layers already packed as they are when a version-7 store is opened', async () => {
      const store = await openStore(testDb().url);
      await store.ingest(DOCS);
      const before = await Promise.all(DOCS.map((d) => store.get(d.id)));
      await store.close();
      await rawSql(testDb().url, "UPDATE newsprism_meta SET value = '7' WHERE key = 'schema_version'");
      const again = await openStore(testDb().url);
      expect(await Promise.all(DOCS.map((d) => again.get(d.id)))).toEqual(before);
      await again.close();
      // Version 8's new column dropped again, the packed one kept.
      expect(
        await rawSql(
          testDb().url,
          "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'documents' AND column_name LIKE 'layers%'",
        ),
      ).toEqual([{ column_name: 'layers', data_type: 'bytea' }]);
    });

    it('packs the JSONB layers of a version-7 store, every document given back whole', async () => {
      const docs = await analysedArticles();
      const store = await openStore(testDb().url);
      await store.ingest(docs);
      await store.close();
      // Back to version 7: the layers as JSONB, as that version wrote them.
      const rows = (await rawSql(testDb().url, 'SELECT pk, layers FROM documents')) as {
        pk: string;
        layers: Buffer;
      }[];
      const unpacked = rows.map(
        (r) => `(${r.pk}, '${brotliDecompressSync(r.layers).toString('utf8').replaceAll("'", "''")}'::jsonb)`,
      );
      await rawSql(
        testDb().url,
        `ALTER TABLE documents ADD COLUMN j JSONB;
         UPDATE documents d SET j = v.j FROM (VALUES ${unpacked.join(', ')}) AS v(pk, j) WHERE d.pk = v.pk;
         ALTER TABLE documents DROP COLUMN layers; ALTER TABLE documents RENAME COLUMN j TO layers;
         UPDATE newsprism_meta SET value = '7' WHERE key = 'schema_version'`,
      );
      expect(
        await rawSql(
          testDb().url,
          "SELECT data_type FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'layers'",
        ),
      ).toEqual([{ data_type: 'jsonb' }]);
      const again = await openStore(testDb().url);
      for (const d of docs) expect(await again.get(d.id)).toEqual(d);
      await again.close();
      expect(
        await rawSql(
          testDb().url,
          "SELECT data_type, is_nullable FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'layers'",
        ),
      ).toEqual([{ data_type: 'bytea', is_nullable: 'NO' }]);
    }, 120_000);
  },
  true,
);
