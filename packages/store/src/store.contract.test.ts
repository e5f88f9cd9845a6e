import { writeFileSync } from 'node:fs';
import type { NewsDocument } from '@newsprism/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations.js';
import { parseQuery } from './query/parse.js';
import { snippetHead } from './search.js';
import { makeSnippets } from './snippets.js';
import { openStore, type Store } from './store.js';
import type { TestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { analysedArticles } from './testing/fixtures.js';

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

eachBackend('store', (backend) => {
  let db: TestDb;
  let store: Store;
  let docs: NewsDocument[];
  beforeAll(async () => {
    db = await backend.create();
    store = await openStore(db.url);
    docs = await analysedArticles();
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('adds a batch, then leaves the same ids and texts alone', async () => {
    const first = await store.ingest(docs);
    expect(first.map((o) => o.status)).toEqual(['added', 'added', 'added', 'added', 'added']);
    const again = await store.ingest(docs);
    expect(again.map((o) => o.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect((await store.stats()).documents).toBe(5);
  });

  it('gives back each document whole: text, meta, layers and producers', async () => {
    for (const d of docs) expect(await store.get(d.id)).toEqual(d);
    expect(await store.get('no-such-id')).toBeUndefined();
  });

  it('gives the head of each stored id (title, outlet, published as in meta), none for others', async () => {
    const heads = await store.heads([...docs.map((d) => d.id), 'no-such-id']);
    expect([...heads.keys()].sort()).toEqual(docs.map((d) => d.id).sort());
    for (const d of docs)
      expect(heads.get(d.id)).toEqual(
        Object.fromEntries(
          (['title', 'outlet', 'published'] as const).flatMap((k) =>
            d.meta[k] === undefined ? [] : [[k, d.meta[k]]],
          ),
        ),
      );
  });

  it.each([
    ['Украины', ['ria-1', 'ria-2']],
    ['sanction', ['bbc-1', 'rt-1']],
    ['санкция', ['ria-1']],
    ['"White House"', ['bbc-1']],
    ['"House White"', []],
    ['украин*', ['ria-1', 'ria-2']],
    ['sanctions AND oil', ['bbc-1', 'rt-1']],
    ['sanctions NOT Kremlin', ['rt-1']],
    ['Bakhmut OR Песков', ['bbc-2', 'ria-1']],
    ['(Bakhmut OR sanctions) NOT "White House"', ['bbc-2', 'rt-1']],
    ['ЁЛКА OR elephant', []],
  ])('finds %s', async (query, expected) => {
    expect(ids(await store.search({ query, limit: 50 }))).toEqual(expected);
  });

  it('marks what matched in snippets, at offsets into the snippet text', async () => {
    const r = await store.search({ query: 'Украины' });
    for (const h of r.hits) {
      expect(h.snippets.length).toBeGreaterThan(0);
      for (const s of h.snippets)
        for (const hl of s.highlights) expect(s.text.slice(hl.start, hl.end)).toMatch(/^Украин[аеыу]$/);
    }
    expect(r.hits[0]).toMatchObject({ outlet: 'РИА Новости', lang: 'ru' });
  });

  it('makes the snippets of the whole text however much of it is decoded first', async () => {
    const saved = snippetHead.bytes;
    try {
      for (const q of ['Украины', 'sanctions OR Песков', '"European Union"', 'said']) {
        const node = parseQuery(q);
        for (const bytes of [saved, 1, 60, 200, 700]) {
          snippetHead.bytes = bytes;
          const r = await store.search({ query: q, limit: 50 });
          expect(r.hits.length).toBeGreaterThan(0);
          for (const h of r.hits)
            expect(h.snippets, `${q}, ${bytes} bytes`).toEqual(
              makeSnippets((await store.get(h.id))!.text, node),
            );
        }
      }
    } finally {
      snippetHead.bytes = saved;
    }
  });

  it.each([
    [{ outlet: ['BBC'] }, ['bbc-1', 'bbc-2']],
    [{ lang: ['ru'] }, ['ria-1', 'ria-2']],
    // Outlets regardless of case, Cyrillic too (the same hits on both backends); codes in any case.
    [{ outlet: ['bbc'] }, ['bbc-1', 'bbc-2']],
    [{ outlet: ['риа НОВОСТИ', 'rt'] }, ['ria-1', 'ria-2', 'rt-1']],
    [{ lang: ['RU', ' En '] }, ['bbc-1', 'bbc-2', 'ria-1', 'ria-2', 'rt-1']],
    [{ from: '2023-05-23', to: '2023-05-24' }, ['bbc-1', 'ria-1']],
    [{ from: '2023-06' }, ['bbc-2', 'ria-2']],
    [{ to: '2023-05' }, ['bbc-1', 'ria-1', 'rt-1']],
    [{ entity: ['bakhmut'] }, ['bbc-2']],
    [{ entity: ['KYIV'], outlet: ['RT', 'BBC'] }, ['bbc-1', 'rt-1']],
  ])('filters by %j', async (filters, expected) => {
    expect(ids(await store.search({ ...filters, limit: 50 }))).toEqual(expected);
  });

  it('filters by what the analysis found, agreeing with the stored layers', async () => {
    const all = await Promise.all(docs.map((d) => store.get(d.id)));
    const withSourceType = (t: string) =>
      all
        .filter((d) => d!.sources!.sources.some((s) => s.type === t))
        .map((d) => d!.id)
        .sort();
    expect(ids(await store.search({ sourceType: ['anonymous'], limit: 50 }))).toEqual(
      withSourceType('anonymous'),
    );
    const frame = all[0]!.frames!.find((f) => f.selected)!.frame;
    const withFrame = all
      .filter((d) => d!.frames!.some((f) => f.frame === frame && f.selected))
      .map((d) => d!.id);
    expect(ids(await store.search({ frame: [frame], limit: 50 }))).toEqual(withFrame.sort());
    const best = Math.max(...all.flatMap((d) => d!.claims!.map((c) => c.score)));
    const top = all.filter((d) => d!.claims!.some((c) => c.score >= best)).map((d) => d!.id);
    expect(ids(await store.search({ minClaimScore: best, limit: 50 }))).toEqual(top.sort());
  });

  it('counts facets over the hits', async () => {
    const r = await store.search({ query: 'sanctions OR санкции OR Украина', facets: true });
    expect(r.total).toBe(4);
    expect(r.facets!.outlet).toEqual(
      [
        { value: 'BBC', count: 1 },
        { value: 'RT', count: 1 },
        { value: 'РИА Новости', count: 2 },
      ].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
    );
    expect(r.facets!.lang).toEqual([
      { value: 'en', count: 2 },
      { value: 'ru', count: 2 },
    ]);
    expect(r.facets!.month!.reduce((n, m) => n + m.count, 0)).toBe(4);
  });

  it('gives a search as JSON text: its result, stringified', async () => {
    for (const req of [
      { query: 'sanctions OR санкции OR Украина', facets: true },
      { query: 'Украина', limit: 1 },
      { outlet: ['RT'] },
    ]) {
      const json = await store.searchJson(req);
      expect(json).toBe(JSON.stringify(await store.search(req)));
      expect(JSON.parse(json).total).toBeGreaterThan(0);
    }
    await expect(store.searchJson({ query: '"unclosed' })).rejects.toMatchObject({ code: 'E_BAD_QUERY' });
  });

  it('pages by date with a cursor, each document once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.search({ sort: 'date', limit: 2, cursor });
      seen.push(...page.hits.map((h) => h.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(['ria-2', 'bbc-2', 'ria-1', 'bbc-1', 'rt-1']);
    const offset = await store.search({ sort: 'date', limit: 2, offset: 2 });
    expect(offset.hits.map((h) => h.id)).toEqual(['ria-1', 'bbc-1']);
  });

  it.each([
    ['"White House', 'E_BAD_QUERY', /unclosed quote " at column 1/],
    ['sanctions AND', 'E_BAD_QUERY', /a term is missing at column 14/],
    ['(oil OR gas', 'E_BAD_QUERY', /unclosed \( at column 1/],
    ['oil )', 'E_BAD_QUERY', /unexpected \) at column 5/],
    ['NOT oil', 'E_BAD_QUERY', /NOT needs a term/],
    ['oil OR NOT gas', 'E_BAD_QUERY', /NOT needs a term/],
    ['!!!', 'E_BAD_QUERY', /has no letters or digits at column 1/],
  ])('refuses the query %s with a one-line error', async (query, code, message) => {
    const err = await store.search({ query }).catch((e: Error & { code: string }) => e);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('refuses bad filters', async () => {
    await expect(store.search({ from: 'May 2023' })).rejects.toMatchObject({ code: 'E_BAD_FILTER' });
    await expect(store.search({ minClaimScore: 2 })).rejects.toMatchObject({ code: 'E_BAD_FILTER' });
    await expect(store.search({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'E_BAD_CURSOR' });
  });

  it('reports by outlet: documents, words, voice shares, naming profile, top entities', async () => {
    const r = await store.report({ by: 'outlet' });
    expect(r.map((g) => [g.outlet, g.documents])).toEqual([
      ['BBC', 2],
      ['RT', 1],
      ['РИА Новости', 2],
    ]);
    const rt = r.find((g) => g.outlet === 'RT')!;
    const bbc = r.find((g) => g.outlet === 'BBC')!;
    // RT writes Kiev, the BBC Kyiv.
    expect(rt.naming.entities.Kyiv).toEqual({ Kiev: 1 });
    expect(rt.naming.ruShare).toBe(1);
    expect(bbc.naming.ruShare).toBe(0);
    const v = rt.voice;
    expect(v.own + v.attributed + v.anonymous).toBeCloseTo(1, 3);
    expect(bbc.topEntities.map((e) => e.name)).toContain('Bakhmut');
    const byMonth = await store.report({ by: 'outlet,month' });
    expect(byMonth.map((g) => `${g.outlet} ${g.month}`)).toEqual([
      'BBC 2023-05',
      'BBC 2023-06',
      'RT 2023-05',
      'РИА Новости 2023-05',
      'РИА Новости 2023-06',
    ]);
    const words = byMonth.reduce((n, g) => n + g.words, 0);
    expect(words).toBe((await store.stats()).words);
  });

  it('streams every selected document', async () => {
    const all: string[] = [];
    for await (const d of store.documents()) all.push(d.id);
    expect(all.sort()).toEqual(docs.map((d) => d.id).sort());
    const ru: string[] = [];
    for await (const d of store.documents({ lang: ['ru'], query: 'Киев' })) ru.push(d.id);
    expect(ru).toEqual(['ria-2']);
  });

  it('replaces a document whose text changed, derived rows and index included', async () => {
    const changed = structuredClone(docs[2]!);
    changed.text = changed.text.replace('Bakhmut', 'Soledar');
    changed.meta.title = 'Soledar battle enters new phase';
    expect(await store.ingest([changed])).toEqual([{ id: 'bbc-2', status: 'replaced' }]);
    expect(ids(await store.search({ query: 'Soledar' }))).toEqual(['bbc-2']);
    expect((await store.get('bbc-2'))!.text).toBe(changed.text);
    expect((await store.stats()).documents).toBe(5);
    expect(await store.ingest([docs[2]!], { replace: true })).toEqual([{ id: 'bbc-2', status: 'replaced' }]);
    expect(ids(await store.search({ query: 'Soledar' }))).toEqual([]);
  });

  it('stores a lone surrogate as U+FFFD at the same offset, and the batch goes through', async () => {
    const bad = structuredClone(docs[0]!);
    bad.id = 'broken';
    bad.text = `${bad.text} \ud83d end`;
    bad.meta.title = 'Cut \ud83d title';
    const ok = structuredClone(docs[1]!);
    ok.id = 'fine';
    const out = await store.ingest([bad, ok]);
    expect(out.map((o) => o.status)).toEqual(['added', 'added']);
    const got = await store.get('broken');
    expect(got!.text.length).toBe(bad.text.length);
    expect(got!.text.endsWith(' \ufffd end')).toBe(true);
    expect(got!.meta.title).toBe('Cut \ufffd title');
    expect(await store.ingest([bad])).toEqual([{ id: 'broken', status: 'unchanged' }]);
  });

  it('deletes a document and everything derived from it', async () => {
    expect(await store.delete('broken')).toBe(true);
    expect(await store.delete('broken')).toBe(false);
    expect(await store.delete('fine')).toBe(true);
    expect(await store.get('broken')).toBeUndefined();
    expect((await store.search({ query: 'sanctions', outlet: ['RT'] })).total).toBe(1);
    expect((await store.stats()).documents).toBe(5);
  });

  it('rolls a whole batch back when one document fails', async () => {
    const a = structuredClone(docs[0]!);
    a.id = 'batch-a';
    // A document without an id breaks the NOT NULL constraint after the first one was written.
    const b = { ...structuredClone(docs[1]!), id: null } as unknown as NewsDocument;
    await expect(store.ingest([a, b])).rejects.toThrow();
    expect(await store.get('batch-a')).toBeUndefined();
  });

  it('reopens at the same schema version, data intact', async () => {
    await store.close();
    store = await openStore(db.url);
    expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
    expect((await store.stats()).documents).toBe(5);
  });

  it('writes nothing to a file that is not a database', async () => {
    if (backend.name !== 'sqlite') return;
    const path = `${db.url}.txt`;
    writeFileSync(path, 'not a database, just notes\n');
    await expect(openStore(path)).rejects.toMatchObject({ code: 'E_DB_NOT_DATABASE' });
    const { readFileSync, existsSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toBe('not a database, just notes\n');
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
