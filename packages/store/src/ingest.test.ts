import type { NewsDocument } from '@newsprism/core';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textHash } from './derive.js';
import { contentHash, type IngestOutcome } from './ingest.js';
import { openStore, type Store } from './store.js';
import { sqliteBackend, type TestDb, useTestDb } from './testing/backends.js';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc, SMALL_CORPUS } from './testing/small-corpus.js';
import { wellFormed } from './well-formed.js';

// Ingest and read-back on the hand-made documents of testing/small-corpus.ts (no pipeline):
// statuses, documents given back whole, heads, hashes, streaming in stored order, deletes.

const idsOf = async (it: AsyncIterable<{ id: string }>) => {
  const out: string[] = [];
  for await (const d of it) out.push(d.id);
  return out;
};

eachBackend('ingest and read-back on a hand-made corpus', (backend) => {
  let db: TestDb;
  let store: Store;
  let first: IngestOutcome[];
  // Each test leaves the store as it found it (mutation runs run tests one by one).
  beforeAll(async () => {
    db = await backend.create();
    store = await openStore(db.url);
    first = await store.ingest(SMALL_CORPUS);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('adds new ids, leaves the same texts alone, replaces changed ones or when asked', async () => {
    expect(first.map((o) => o.status)).toEqual(Array(5).fill('added'));
    expect(await store.ingest(SMALL_CORPUS.slice(0, 2))).toEqual([
      { id: 'a1', status: 'unchanged' },
      { id: 'a2', status: 'unchanged' },
    ]);
    expect(await store.ingest(SMALL_CORPUS.slice(0, 2), { replace: true })).toEqual([
      { id: 'a1', status: 'replaced' },
      { id: 'a2', status: 'replaced' },
    ]);
    // Within one batch: a new id twice is added (whatever its second text), a stored one replaced.
    const x = handDoc('x', 'First text.', { outlet: 'Alpha' });
    const x2 = handDoc('x', 'Second text.', { outlet: 'Alpha' });
    const b2 = { ...SMALL_CORPUS[3]!, text: 'Gas deal\n\nA gas deal was signed again.' };
    const b2b = { ...SMALL_CORPUS[3]!, text: 'Gas deal\n\nA gas deal was signed once more.' };
    expect(await store.ingest([x, x, x2, b2, b2b, b2b])).toEqual([
      { id: 'x', status: 'added' },
      { id: 'x', status: 'added' },
      { id: 'x', status: 'added' },
      { id: 'b2', status: 'replaced' },
      { id: 'b2', status: 'replaced' },
      { id: 'b2', status: 'replaced' },
    ]);
    expect((await store.get('x'))!.text).toBe('Second text.');
    expect((await store.get('b2'))!.text).toBe(b2b.text);
    expect((await store.search({ query: 'signed', limit: 50 })).total).toBe(1);
    expect((await store.stats()).documents).toBe(6);
    expect(await store.ingest([SMALL_CORPUS[3]!])).toEqual([{ id: 'b2', status: 'replaced' }]);
    expect(await store.delete('x')).toBe(true);
    expect(await store.delete('x')).toBe(false);
    expect(await store.get('x')).toBeUndefined();
    expect((await store.stats()).documents).toBe(5);
  });

  it('gives each document back whole, and its head', async () => {
    for (const d of SMALL_CORPUS) expect(await store.get(d.id)).toEqual(d);
    expect(await store.get('nope')).toBeUndefined();
    const heads = await store.heads(['a1', 'n1', 'nope', 'b1']);
    expect([...heads.entries()].sort()).toEqual([
      ['a1', { title: 'Oil sanctions widen', outlet: 'Alpha', published: '2023-01-01' }],
      ['b1', { title: 'Санкции против нефти', outlet: 'Beta', published: '2023-02-10T08:00:00Z' }],
      ['n1', {}],
    ]);
  });

  it("knows each id's producers without reading the document (as stored, whatever its set)", async () => {
    const producers = await store.producersOf(['a1', 'nope', 'b1']);
    expect([...producers.keys()].sort()).toEqual(['a1', 'b1']);
    expect(producers.get('a1')).toEqual(SMALL_CORPUS[0]!.producers);
    expect(producers.get('b1')).toEqual(SMALL_CORPUS[2]!.producers);
    expect((await store.producersOf([])).size).toBe(0);
  });

  it('knows the stored hash of each id (of the text as stored)', async () => {
    const hashes = await store.hashes(['a1', 'nope', 'b1']);
    expect([...hashes.entries()].sort()).toEqual([
      ['a1', textHash(SMALL_CORPUS[0]!.text)],
      ['b1', textHash(SMALL_CORPUS[2]!.text)],
    ]);
    expect(contentHash(SMALL_CORPUS[0]!.text)).toBe(textHash(SMALL_CORPUS[0]!.text));
    const broken = handDoc('broken', 'Cut \ud83d here\u0000.', { title: 'T\ud83d' });
    await store.ingest([broken]);
    try {
      const got = await store.get('broken');
      expect(got!.text).toBe('Cut \ufffd here\ufffd.');
      expect(got!.meta.title).toBe('T\ufffd');
      expect((await store.hashes(['broken'])).get('broken')).toBe(contentHash(broken.text));
      expect(contentHash(broken.text)).not.toBe(textHash(broken.text));
      expect(await store.ingest([broken])).toEqual([{ id: 'broken', status: 'unchanged' }]);
    } finally {
      await store.delete('broken');
    }
  });

  it('streams the selected documents, and their producers', async () => {
    // (Stored order: replaced documents were stored again; see below for the order.)
    expect((await idsOf(store.documents())).sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'n1']);
    expect((await idsOf(store.documents({ outlet: ['Beta'] }))).sort()).toEqual(['b1', 'b2']);
    expect((await idsOf(store.documents({ query: 'gas', lang: ['en'] }))).sort()).toEqual(['a2', 'b2', 'n1']);
    const all: NewsDocument[] = [];
    for await (const d of store.documents({ query: 'oil' })) all.push(d);
    expect(all.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([SMALL_CORPUS[0], SMALL_CORPUS[1]]);
    const withProducers = { ...SMALL_CORPUS[4]!, producers: { language: { name: 'language', version: 2 } } };
    await store.ingest([withProducers], { replace: true });
    const producers: unknown[] = [];
    for await (const p of store.producers({ lang: ['en'], outlet: [] })) producers.push(p);
    expect(producers.sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1))).toEqual([
      { id: 'a1', producers: {} },
      { id: 'a2', producers: {} },
      { id: 'b2', producers: {} },
      { id: 'n1', producers: { language: { name: 'language', version: 2 } } },
    ]);
  });

  it('reads a date only from a published value that starts with one', async () => {
    const odd = handDoc('odd', 'Undated gas.', { published: 'May 2023', outlet: 'Alpha' });
    await store.ingest([odd]);
    try {
      expect((await store.search({ from: '2023', limit: 50 })).hits.map((h) => h.id)).not.toContain('odd');
      // Undated, so listed after the dated documents (then newest stored first).
      expect((await store.search({ limit: 50 })).hits.map((h) => h.id).slice(-2)).toEqual(['odd', 'n1']);
      const [g] = await store.report({ by: 'month', outlet: ['Alpha'], to: '2030' });
      expect(g!.month).toBe('2023-01');
      expect((await store.report({ by: 'month', query: 'undated' }))[0]!.month).toBe('(date not known)');
      expect((await store.search({ query: 'undated' })).hits[0]!.published).toBe('May 2023');
    } finally {
      await store.delete('odd');
    }
  });
});

eachBackend('streaming many documents', (backend) => {
  const { store } = useStore(backend, async (s) => {
    await s.ingest(
      Array.from({ length: 401 }, (_, i) => handDoc(`d${i}`, `Note ${i}.`, { outlet: 'Alpha' })),
    );
  });

  it('streams past the page size, each document once, in stored order', async () => {
    const want = Array.from({ length: 401 }, (_, i) => `d${i}`);
    expect(await idsOf(store.documents())).toEqual(want);
    expect(await idsOf(store.producers())).toEqual(want);
    expect(await idsOf(store.documents({ outlet: ['Alpha'] }))).toEqual(want);
  });
});

eachBackend('a batch larger than one look-up of stored ids', (backend) => {
  const note = (i: number, text = `Note ${i}.`) => handDoc(`n${i}`, text, { outlet: 'Alpha' });
  const { store } = useStore(backend, async (s) => {
    await s.ingest(Array.from({ length: 250 }, (_, i) => note(i)));
  });

  it('finds every stored id of the batch: the same texts left alone, a changed one past the first 200 replaced', async () => {
    const batch = Array.from({ length: 250 }, (_, i) => (i === 230 ? note(i, 'Changed note.') : note(i)));
    const out = await store.ingest([...batch, note(250), note(230, 'Changed again.')]);
    expect(out).toHaveLength(252);
    expect(out.filter((o) => o.status !== 'unchanged')).toEqual([
      { id: 'n230', status: 'replaced' },
      { id: 'n250', status: 'added' },
      { id: 'n230', status: 'replaced' },
    ]);
    expect((await store.get('n230'))!.text).toBe('Changed again.');
    expect((await store.stats()).documents).toBe(251);
  });
});

describe('SQLite full-text rows', () => {
  const db = useTestDb(sqliteBackend, { before: beforeEach, after: afterEach });
  // Each row's FTS5 segment of origin (contentless_delete tables keep it) and its size.
  const rows = () => {
    const raw = new Database(db().url, { readonly: true });
    try {
      return raw.prepare('SELECT id, sz, origin FROM doc_fts_docsize ORDER BY id').all() as {
        id: number;
        origin: number;
      }[];
    } finally {
      raw.close();
    }
  };

  it('are written as one segment a batch, one row a stored document, the last text of an id', async () => {
    const store = await openStore(db().url);
    try {
      await store.ingest(SMALL_CORPUS);
      expect(rows()).toHaveLength(SMALL_CORPUS.length);
      expect(new Set(rows().map((r) => r.origin)).size).toBe(1);
      // One id twice in a batch, a stored one replaced in it: the replaced rows are gone, the
      // batch's rows share a second segment.
      const twice = (text: string) => handDoc('twice', text, { outlet: 'Alpha' });
      const a1 = { ...SMALL_CORPUS[0]!, text: 'Wombats widen.' };
      await store.ingest([twice('wombat wombat'), a1, handDoc('between', 'koala', {}), twice('quokka')]);
      expect(rows()).toHaveLength(SMALL_CORPUS.length + 2);
      const search = async (query: string) =>
        (await store.search({ query, limit: 50 })).hits.map((h) => h.id).sort();
      expect(await search('wombat')).toEqual(['a1']);
      expect(await search('quokka')).toEqual(['twice']);
      expect(await search('koala')).toEqual(['between']);
      expect(await search('exports')).toEqual([]);
      expect(new Set(rows().map((r) => r.origin)).size).toBeLessThanOrEqual(3);
    } finally {
      await store.close();
    }
  });
});

describe('wellFormed', () => {
  it('replaces lone surrogates and NUL in every string, keys included, in a copy', () => {
    const value = {
      a: 'ok',
      b: ['fine', 'x\udc00y', { c: 'z\u0000' }],
      'k\ud800': 1,
      n: null,
      m: 3,
      pair: '😀',
    };
    const copy = structuredClone(value);
    expect(wellFormed(value)).toEqual({
      a: 'ok',
      b: ['fine', 'x\ufffdy', { c: 'z\ufffd' }],
      'k\ufffd': 1,
      n: null,
      m: 3,
      pair: '😀',
    });
    expect(value).toEqual(copy);
    expect(Object.keys(wellFormed(value))).not.toContain('k\ud800');
  });

  it('gives back the same value when there is nothing to repair', () => {
    const value = { a: ['x', { b: 'y' }], c: 1, d: null };
    expect(wellFormed(value)).toBe(value);
    expect(wellFormed(value.a)).toBe(value.a);
    const partly = { keep: { a: 'fine' }, fix: ['\ud800'] };
    const fixed = wellFormed(partly);
    expect(fixed.keep).toBe(partly.keep);
    expect(fixed.fix).toEqual(['\ufffd']);
    expect(wellFormed('\u0000\u0000')).toBe('\ufffd\ufffd');
  });
});
