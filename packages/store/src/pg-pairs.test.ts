import type { NewsDocument } from '@newsprism/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentPairs, toPgMatch } from './pg-pairs.js';
import { parseQuery } from './query/parse.js';
import { stemText } from './stem.js';
import { openStore } from './store.js';
import { rawSql, useTestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';

/** The distinct pairs {@link documentPairs} gives of a body alone. */
const stemPairs = (stems: string): string[] =>
  [...new Set(documentPairs('', stems).split('\n'))].filter(Boolean);

describe('word pairs', () => {
  it('takes each distinct adjacent pair of stems once', () => {
    expect(stemPairs(stemText('The White House, the white house!').stems)).toEqual([
      'the white',
      'white hous',
      'hous the',
    ]);
    expect(stemPairs('')).toEqual([]);
    expect(stemPairs('one ')).toEqual([]);
  });

  it('leaves out a pair with a word too long for a lexeme', () => {
    const long = 'x'.repeat(256);
    expect(stemPairs(`a ${long} b c `)).toEqual(['b c']);
    const longest = 'y'.repeat(255);
    expect(stemPairs(`a ${longest} b`)).toEqual([`a ${longest}`, `${longest} b`]);
  });

  it('pairs only the words PostgreSQL keeps a position of (the first 16,383)', () => {
    const words = Array.from({ length: 16_400 }, (_, i) => `w${i}`);
    const pairs = stemPairs(words.join(' '));
    expect(pairs).toHaveLength(16_382);
    expect(pairs.at(-1)).toBe('w16381 w16382');
  });

  it('pairs within the title and within the body, never across them, one a line', () => {
    expect(documentPairs('white hous ', 'hous of card ')).toBe('white hous\nhous of\nof card');
    expect(documentPairs('', 'a b ')).toBe('a b');
    expect(documentPairs('a ', '')).toBe('');
    // A pair in both may come twice: PostgreSQL's tsvector keeps it once.
    expect(documentPairs('white hous ', 'the white hous ')).toBe('white hous\nthe white\nwhite hous');
    // The pairs of each part alone, the first 16,383 words of each.
    const words = Array.from({ length: 16_400 }, (_, i) => `w${i % 9000}`).join(' ');
    expect(new Set(documentPairs('x y ', words).split('\n'))).toEqual(new Set(['x y', ...stemPairs(words)]));
  });

  it('matches a two-word phrase as one pair, a longer one by its pairs and positions', () => {
    expect(toPgMatch(parseQuery('"White House"'))).toBe("'white hous'");
    expect(toPgMatch(parseQuery('"House of Cards" OR senat*'))).toBe(
      "(('hous of' & 'of card' & ('hous' <-> 'of' <-> 'card')) | 'senat':*)",
    );
    expect(toPgMatch(parseQuery('Putin NOT "White House"'))).toBe("('putin' & !'white hous')");
  });
});

const doc = (id: string, title: string, text: string): NewsDocument =>
  ({ id, text, meta: { title, outlet: 'X', published: '2024-01-01', lang: 'en' } }) as NewsDocument;

const DOCS = [
  doc('phrase', 'Talks', 'Officials at the White House said talks went on.'),
  doc('apart', 'Talks', 'A white van stopped by the house of the mayor.'),
  doc('across', 'Statement of the White', 'House officials said nothing.'),
  doc('title', 'White House talks', 'Nothing else.'),
  doc('three', 'Series', 'The House of Cards was renewed.'),
  doc('three-apart', 'Series', 'The house of a friend had cards on the table.'),
  {
    ...doc('untitled', '', 'Near the white house.'),
    meta: { outlet: 'X', published: '2024-01-01', lang: 'en' },
  },
];

eachBackend('phrases by word pairs', (backend) => {
  const testDb = useTestDb(backend, { before: beforeEach, after: afterEach });

  it('finds a phrase within the title or the body, the same on both backends', async () => {
    const store = await openStore(testDb().url);
    await store.ingest(DOCS);
    const ids = async (query: string) => (await store.search({ query })).hits.map((h) => h.id).sort();
    expect(await ids('"White House"')).toEqual(['phrase', 'title', 'untitled']);
    expect(await ids('"house of cards"')).toEqual(['three']);
    expect(await ids('talks NOT "white house"')).toEqual(['apart']);
    expect(await ids('"White House" OR "house of cards"')).toEqual(['phrase', 'three', 'title', 'untitled']);
    expect((await store.search({ query: '"White House"' })).total).toBe(3);
    await store.close();
  });

  if (backend.name === 'postgres')
    it('adds the pairs of the stored documents to a version-11 store', async () => {
      const store = await openStore(testDb().url);
      await store.ingest(DOCS);
      await store.close();
      const vectors = 'SELECT id, fts::text AS v FROM documents ORDER BY id';
      const written = (await rawSql(testDb().url, vectors)) as { id: string; v: string }[];
      expect(written.find((r) => r.id === 'phrase')!.v).toContain("'white hous'");
      // Back to version 11: the vectors without their pairs.
      await rawSql(
        testDb().url,
        `UPDATE documents SET fts = ts_delete(fts, ARRAY(SELECT lexeme FROM unnest(fts) WHERE lexeme LIKE '% %'));
         UPDATE newsprism_meta SET value = '11' WHERE key = 'schema_version'`,
      );
      const stripped = (await rawSql(testDb().url, vectors)) as { id: string; v: string }[];
      expect(stripped.find((r) => r.id === 'phrase')!.v).not.toContain("'white hous'");
      const again = await openStore(testDb().url);
      expect((await again.search({ query: '"White House"' })).total).toBe(3);
      await again.close();
      expect(await rawSql(testDb().url, vectors)).toEqual(written);
      // The GIN index, dropped while the pairs are added, is there again.
      expect(
        await rawSql(testDb().url, "SELECT indexdef FROM pg_indexes WHERE indexname = 'documents_fts'"),
      ).toEqual([{ indexdef: expect.stringMatching(/USING gin \(fts\)$/) }]);
    });
});
