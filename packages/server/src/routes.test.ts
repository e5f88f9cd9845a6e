// The routes on their own: a stand-in analysis (no pipeline) and a stand-in store that records
// what the routes ask of it, so each test checks what a route sends to the store and makes of
// its answer — status, problem code and message, headers, body. app.test.ts runs the same
// routes against a real store and pipeline.
import { readFileSync } from 'node:fs';
import type { DocumentInput, NewsDocument } from '@newsprism/core';
import { NewsprismError } from '@newsprism/core/schema';
import { contentHash, type Store } from '@newsprism/store';
import { describe, expect, it } from 'vitest';
import type { Analysis } from './analysis.js';
import { createApp } from './app.js';
import { toRequest } from './routes/corpus.js';
import { requestedLayers } from './routes/layers.js';
import { DEFAULT_LIMITS } from './schemas.js';

const TOKEN = 'routes-token';
const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * The analysis: a document with two layers made from the input; a text holding `FAIL:<code>`
 * rejects with that code, `CRASH` with a plain error.
 */
const analysis: Analysis = {
  layers: ['quotes', 'claims'],
  stored: ['quotes', 'claims'],
  analyze: async (input: DocumentInput): Promise<NewsDocument> => {
    const fail = /FAIL:(E_[A-Z_]+)/.exec(input.text);
    if (fail) throw new NewsprismError(fail[1]!, `failed: ${input.id}`);
    if (input.text.includes('CRASH')) throw new Error('boom');
    return {
      id: input.id,
      text: input.text,
      meta: { ...input.meta },
      producers: { quotes: 'quotes@1', claims: 'claims@2' },
      quotes: [],
      claims: [],
    } as unknown as NewsDocument;
  },
  close: async () => undefined,
};

type Call = [method: string, ...args: unknown[]];

/** A store that answers from `docs` (by id, with their text hashes) and records every call. */
function fakeStore(docs: Record<string, NewsDocument> = {}, opts: { down?: boolean } = {}) {
  const calls: Call[] = [];
  const rec =
    <T>(method: string, answer: (...args: never[]) => T) =>
    (...args: unknown[]) => {
      calls.push([method, ...args]);
      return Promise.resolve(answer(...(args as never[])));
    };
  const store = {
    backend: 'fake',
    stats: (...args: unknown[]) => {
      calls.push(['stats', ...args]);
      return opts.down
        ? Promise.reject(new Error('down'))
        : Promise.resolve({ documents: Object.keys(docs).length });
    },
    get: rec('get', (id: string) => docs[id]),
    delete: rec('delete', (id: string) => id in docs),
    hashes: rec(
      'hashes',
      (ids: string[]) => new Map(ids.filter((id) => id in docs).map((id) => [id, `hash:${docs[id]!.text}`])),
    ),
    ingest: rec('ingest', (ds: NewsDocument[]) =>
      ds.map((d) => ({ id: d.id, status: d.id in docs ? 'replaced' : 'added' })),
    ),
    search: rec('search', () => ({ total: 0, hits: [] })),
    searchJson: rec('searchJson', () => JSON.stringify({ total: 0, hits: [] })),
    report: rec('report', () => [{ key: 'x' }]),
    documents: (...args: unknown[]) => {
      calls.push(['documents', ...args]);
      return (async function* () {
        yield* Object.values(docs);
      })();
    },
    reuse: rec('reuse', () => ({ total: 1, pairs: [{ a: 'a', b: 'b' }] })),
    heads: rec(
      'heads',
      (ids: string[]) => new Map(ids.filter((id) => id === 'a').map((id) => [id, { title: 'A' }])),
    ),
    stories: rec('stories', () => ({ total: 0, stories: [] })),
    reuseOutlets: rec('reuseOutlets', () => [
      { source: 'Island Post', reuser: 'Coast Times', kind: 'copy', directed: true, pairs: 2, score: 0.9 },
      { source: null, reuser: 'City News', kind: 'rewrite', directed: false, pairs: 1, score: 0.5 },
    ]),
  };
  return { store: store as unknown as Store, calls };
}

const app = (store?: Store, limits = {}) =>
  createApp({ analysis, store, token: TOKEN, version: '9.9.9', limits: { documents: 3, ...limits } });

const post = (body: string, type: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': type, ...headers },
  body,
});

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const p = (await res.json()) as { code: string; detail: string; status: number };
  return { status: res.status, code: p.code, detail: p.detail };
}

describe('GET /api/health', () => {
  it('is ok without a store and names the layers and version', async () => {
    const res = await app().request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      store: null,
      analysis: { layers: ['quotes', 'claims'], options: {} },
    });
  });

  it('counts the store’s documents, and is degraded (503) when the store does not answer', async () => {
    const up = fakeStore({ a: {} as NewsDocument, b: {} as NewsDocument });
    const ok = await app(up.store).request('/api/health');
    expect([ok.status, ((await ok.json()) as { store: unknown }).store]).toEqual([
      200,
      { backend: 'fake', reachable: true, documents: 2 },
    ]);
    const down = fakeStore({}, { down: true });
    const res = await app(down.store).request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: 'degraded',
      store: { backend: 'fake', reachable: false },
    });
  });
});

describe('requestedLayers', () => {
  it('takes all for nothing, blank or `all`, else the named layers, refusing unknown ones', () => {
    const all = ['quotes', 'claims'];
    expect(requestedLayers(undefined, all)).toBeUndefined();
    expect(requestedLayers(' ', all)).toBeUndefined();
    expect(requestedLayers('all', all)).toBeUndefined();
    expect(requestedLayers(' claims , ,quotes', all)).toEqual(new Set(['claims', 'quotes']));
    expect(() => requestedLayers('claims,frames', all)).toThrow(
      expect.objectContaining({
        code: 'E_UNKNOWN_LAYER',
        message: 'no layer "frames" on this server; layers: quotes, claims',
      }),
    );
    expect(() => requestedLayers('x'.repeat(100), all)).toThrow(
      `no layer "${'x'.repeat(60)}" on this server`,
    );
  });
});

describe('POST /api/analyze', () => {
  it('analyses one JSON record, with the layers asked for', async () => {
    const res = await app().request(
      '/api/analyze',
      post(JSON.stringify({ id: 'r1', text: 'Hello there.' }), 'application/json'),
    );
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ id: 'r1', text: 'Hello there.', quotes: [], claims: [] });
    const some = await app().request(
      '/api/analyze?layers=claims',
      post(JSON.stringify({ id: 'r1', text: 'Hello there.' }), 'application/json'),
    );
    const only = (await some.json()) as Record<string, unknown>;
    expect(only.claims).toEqual([]);
    expect(only.quotes).toBeUndefined();
    const bad = await app().request('/api/analyze?layers=frames', post('{"text":"x"}', 'application/json'));
    expect(await problem(bad)).toEqual({
      status: 400,
      code: 'E_UNKNOWN_LAYER',
      detail: 'no layer "frames" on this server; layers: quotes, claims',
    });
  });

  it('reads plain text as a .txt article and HTML as a page', async () => {
    const res = await app().request(
      '/api/analyze',
      post('Title line\nBody text.', 'text/plain; charset=utf-8'),
    );
    expect(await res.json()).toMatchObject({
      id: 'request',
      text: 'Title line\nBody text.',
      meta: { source: 'request:1', format: 'text' },
    });
    const empty = await app().request('/api/analyze', post(' \n ', 'text/plain'));
    expect(await problem(empty)).toEqual({
      status: 422,
      code: 'E_EMPTY_INPUT',
      detail: "the body holds only white space; send the article's text",
    });
    const nothing = await app().request('/api/analyze', post('', 'text/plain'));
    expect((await problem(nothing)).detail).toBe("the body is empty; send the article's text");
    // NUL bytes are binary data, as `newsprism analyze` says of such a file.
    for (const type of ['text/plain', 'text/html']) {
      const nul = await app().request('/api/analyze', post('Title\nThe mayor\u0000\u0000 said so.', type));
      expect(await problem(nul)).toEqual({
        status: 422,
        code: 'E_BINARY_INPUT',
        detail: 'the body holds NUL bytes (binary data); send text or HTML',
      });
    }
    const html = await app().request(
      '/api/analyze',
      post(
        '<html><body><article><h1>Head</h1><p>A paragraph of the page that is long enough to keep.</p></article></body></html>',
        'text/html',
      ),
    );
    expect(html.status).toBe(200);
    expect(((await html.json()) as { text: string }).text).toContain('A paragraph of the page');
  });

  it('refuses other media types, bad JSON and bad records', async () => {
    const xml = await app().request('/api/analyze', post('<a/>', 'application/xml'));
    expect(await problem(xml)).toEqual({
      status: 415,
      code: 'E_UNSUPPORTED_MEDIA_TYPE',
      detail: 'send application/json, application/x-ndjson, text/plain or text/html (got "application/xml")',
    });
    // Bytes, so that no content type is set for the body.
    const none = await app().request('/api/analyze', { method: 'POST', body: new TextEncoder().encode('x') });
    expect((await problem(none)).detail).toBe(
      'send application/json, application/x-ndjson, text/plain or text/html (got "none")',
    );
    const json = await problem(await app().request('/api/analyze', post('{nope', 'application/json')));
    expect([json.status, json.code]).toEqual([400, 'E_INVALID_JSON']);
    expect(json.detail).toMatch(
      /^the body is not valid JSON \(.*\); send one record like \{"id": "…", "text": "…"\}/,
    );
    const field = await problem(
      await app().request('/api/analyze', post('{"id":"", "text":"x"}', 'application/json')),
    );
    // One JSON record has no line to name (`line 1:` was said of it); the detail says what a record holds.
    expect([field.code, field.detail]).toEqual([
      'E_BAD_RECORD',
      expect.stringMatching(/^"id": .*; a record is \{"text" or "html"/),
    ]);
    const whole = await problem(await app().request('/api/analyze', post('[1]', 'application/json')));
    expect([whole.code, whole.detail]).toEqual([
      'E_BAD_RECORD',
      'the record is an array, not an object (send several records as application/x-ndjson, one a line); a record is {"text" or "html", and optionally "id", "title", "url", "outlet", "published", "lang", "byline", "options"}',
    ]);
    const str = await problem(await app().request('/api/analyze', post('"some text"', 'application/json')));
    expect(str.detail).toMatch(/^the record is a string, not an object; a record is /);
    // analyze's records also take "options" (issue 14); POST /api/documents' do not.
    const typo = await problem(await app().request('/api/analyze', post('{"txt":"x"}', 'application/json')));
    expect(typo.detail).toBe(
      'the record: Unrecognized key: "txt"; a record is {"text" or "html", and optionally "id", "title", "url", "outlet", "published", "lang", "byline", "options"}',
    );
    // A page without an article: no `request:1:` (the document's source, not the client's word).
    const page = await problem(
      await app().request(
        '/api/analyze',
        post('<html><body><nav><a href="/">Home</a></nav></body></html>', 'text/html'),
      ),
    );
    expect([page.code, page.detail]).toEqual([
      'E_NO_ARTICLE',
      "no article body found in the page (a listing, navigation or an empty page); pass an article's own page, or its text as plain text",
    ]);
  });

  it('streams NDJSON in input order, each failure in its line', async () => {
    const body = [
      JSON.stringify({ id: 'a', text: 'First.' }),
      '{broken',
      JSON.stringify({ id: 'c', text: 'FAIL:E_TIME_BUDGET' }),
      JSON.stringify({ id: 'd', text: 'CRASH' }),
    ].join('\n');
    const res = await app(undefined, { documents: 4 }).request(
      '/api/analyze?layers=quotes',
      post(body, 'application/x-ndjson'),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await res.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', quotes: [] });
    expect(lines[0].claims).toBeUndefined();
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'E_INVALID_JSON', status: 400 } });
    expect(lines[2]).toEqual({
      line: 3,
      error: expect.objectContaining({ code: 'E_TIME_BUDGET', status: 503, detail: 'failed: c' }),
    });
    expect(lines[3]).toEqual({
      line: 4,
      error: expect.objectContaining({ code: 'E_INTERNAL', status: 500, detail: 'analysis failed' }),
    });
    // `application/jsonl` is NDJSON too.
    const jsonl = await app().request(
      '/api/analyze',
      post(JSON.stringify({ id: 'z', text: 'x' }), 'application/jsonl'),
    );
    expect(jsonl.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
  });

  it('names a bad NDJSON record by its line, and a record without an id by its line', async () => {
    const body = [JSON.stringify({ text: 'No id.' }), JSON.stringify({ id: '', text: 'x' })].join('\n');
    const res = await app().request('/api/analyze', post(body, 'application/x-ndjson'));
    const lines = (await res.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: 'request-1', text: 'No id.' });
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'E_BAD_RECORD', status: 400 } });
    expect(lines[1].error.detail).toMatch(/^line 2: "id": .*; a record is \{"text" or "html"/);
  });

  it('refuses more documents than a request may hold', async () => {
    const body = ['a', 'b', 'c', 'd'].map((id) => JSON.stringify({ id, text: 'x' })).join('\n');
    expect(await problem(await app().request('/api/analyze', post(body, 'application/x-ndjson')))).toEqual({
      status: 413,
      code: 'E_TOO_MANY_DOCUMENTS',
      detail: 'at most 3 documents per request (got 4)',
    });
    const three = body.split('\n').slice(0, 3).join('\n');
    expect((await app().request('/api/analyze', post(three, 'application/x-ndjson'))).status).toBe(200);
  });

  it('answers a single document’s analysis failure with its problem', async () => {
    const res = await app().request(
      '/api/analyze',
      post(JSON.stringify({ text: 'FAIL:E_WORKER_CRASHED' }), 'application/json'),
    );
    expect(await problem(res)).toEqual({ status: 503, code: 'E_WORKER_CRASHED', detail: 'failed: request' });
  });
});

describe('documents', () => {
  const stored = {
    id: 'keep',
    text: 'Kept text.',
    producers: { quotes: 'q@1', claims: 'c@1' },
    quotes: [],
    claims: [],
  };

  it('gets a stored document with the layers asked for among its own, 404 for another', async () => {
    const { store, calls } = fakeStore({ keep: stored as unknown as NewsDocument });
    const res = await app(store).request('/api/documents/keep?layers=claims');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ id: 'keep', claims: [] });
    expect(doc.quotes).toBeUndefined();
    expect(calls).toEqual([['get', 'keep']]);
    const missing = await app(store).request(`/api/documents/${'n'.repeat(100)}`);
    expect(await problem(missing)).toEqual({
      status: 404,
      code: 'E_NOT_FOUND',
      detail: `no document "${'n'.repeat(80)}" in the store`,
    });
    const unknown = await app(store).request('/api/documents/keep?layers=frames');
    expect((await problem(unknown)).detail).toBe('no layer "frames" on this server; layers: quotes, claims');
  });

  it('deletes with the token only: 204, then 404', async () => {
    const { store, calls } = fakeStore({ keep: stored as unknown as NewsDocument });
    const anon = await app(store).request('/api/documents/keep', { method: 'DELETE' });
    expect((await problem(anon)).status).toBe(401);
    expect(calls).toEqual([]);
    const res = await app(store).request('/api/documents/keep', { method: 'DELETE', headers: auth });
    expect(res.status).toBe(204);
    expect(calls).toEqual([['delete', 'keep']]);
    const gone = await app(store).request('/api/documents/other', { method: 'DELETE', headers: auth });
    expect(await problem(gone)).toEqual({
      status: 404,
      code: 'E_NOT_FOUND',
      detail: 'no document "other" in the store',
    });
  });

  it('ingests: new and changed documents analysed and stored, unchanged ones left, failures by line', async () => {
    const { store, calls } = fakeStore({
      keep: stored as unknown as NewsDocument,
      old: stored as unknown as NewsDocument,
    });
    // The fake hashes a stored text as `hash:<text>`, which `contentHash` of a text never
    // equals: a known id is analysed again and replaced.
    const body = [
      JSON.stringify({ id: 'new', text: 'New text.' }),
      JSON.stringify({ id: 'keep', text: 'Changed text.' }),
      '{bad',
      JSON.stringify({ id: 'late', text: 'FAIL:E_ANALYZER_FAILED' }),
    ].join('\n');
    const res = await app(store, { documents: 5 }).request(
      '/api/documents',
      post(body, 'application/x-ndjson', auth),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      results: [
        { line: 1, id: 'new', status: 'added' },
        { line: 2, id: 'keep', status: 'replaced' },
        { line: 3, error: expect.objectContaining({ code: 'E_INVALID_JSON' }) },
        {
          line: 4,
          error: expect.objectContaining({ code: 'E_ANALYZER_FAILED', status: 500, detail: 'failed: late' }),
        },
      ],
    });
    expect(calls.map((c) => c[0])).toEqual(['hashes', 'ingest']);
    expect(calls[0]![1]).toEqual(['new', 'keep', 'late']);
    expect((calls[1]![1] as NewsDocument[]).map((d) => d.id)).toEqual(['new', 'keep']);
    const anon = await app(store).request('/api/documents', post(body, 'application/x-ndjson'));
    expect((await problem(anon)).code).toBe('E_UNAUTHORIZED');
  });

  it('stores a record without an id under one made from its text, not a shared stand-in', async () => {
    // Two plain-text posts (no id possible) and an NDJSON record without one: three documents,
    // none replacing another; the same text again is the same id.
    const { store, calls } = fakeStore();
    const texts = [
      'Council approves budget\nThe council approved the budget on Tuesday, the mayor said.',
      'Strike ends\nThe dock workers went back to work on Friday, their union said.',
    ];
    const ids: string[] = [];
    for (const t of texts) {
      const res = await app(store).request('/api/documents', post(t, 'text/plain', auth));
      ids.push(((await res.json()) as { results: { id: string }[] }).results[0]!.id);
    }
    const nd = await app(store).request(
      '/api/documents',
      post(
        `${JSON.stringify({ text: texts[0] })}\n${JSON.stringify({ id: 'named', text: texts[1] })}`,
        'application/x-ndjson',
        auth,
      ),
    );
    const results = ((await nd.json()) as { results: { id: string }[] }).results;
    expect(ids).toEqual([
      `text-${contentHash(texts[0]!).slice(0, 16)}`,
      `text-${contentHash(texts[1]!).slice(0, 16)}`,
    ]);
    expect(results.map((r) => r.id)).toEqual([ids[0], 'named']);
    const stored = calls
      .filter((c) => c[0] === 'ingest')
      .flatMap((c) => (c[1] as NewsDocument[]).map((d) => d.id));
    expect(stored).toEqual([ids[0], ids[1], ids[0], 'named']);
  });

  it('refuses query parameters it does not take', async () => {
    const { store, calls } = fakeStore({});
    const body = JSON.stringify({ id: 'a', text: 'The council met on Monday.' });
    for (const [path, init] of [
      ['/api/documents?dry_run=1', post(body, 'application/json', auth)],
      ['/api/documents/a?force=1', { method: 'DELETE', headers: auth }],
      ['/api/health?verbose=1', {}],
      ['/api/outlets?from=2024', {}],
    ] as const)
      expect(await problem(await app(store).request(path, init))).toEqual({
        status: 400,
        code: 'E_UNKNOWN_FIELD',
        detail: `unknown query parameter "${/\?(\w+)=/.exec(path)![1]}"; /api/docs lists this endpoint's query parameters`,
      });
    // Refused before anything was stored, deleted or counted.
    expect(calls).toEqual([]);
    // Many of them, long ones: five named, cut at 80 characters, and how many more.
    const many = Array.from({ length: 40 }, (_, i) => `${'p'.repeat(100)}${i}=1`).join('&');
    expect((await problem(await app(store).request(`/api/health?${many}`))).detail).toBe(
      `unknown query parameters ${Array.from({ length: 5 }, () => `"${'p'.repeat(80)}"`).join(', ')}, 35 more; /api/docs lists this endpoint's query parameters`,
    );
  });

  it('leaves a document whose text is stored already unchanged, without analysing it', async () => {
    const { store, calls } = fakeStore();
    (store as unknown as { hashes: unknown }).hashes = async (ids: string[]) => {
      calls.push(['hashes', ids]);
      return new Map([['same', contentHash('Same text.')]]);
    };
    const body = [
      JSON.stringify({ id: 'same', text: 'Same text.' }),
      JSON.stringify({ id: 'crash', text: 'CRASH' }),
    ].join('\n');
    const res = await app(store).request('/api/documents', post(body, 'application/x-ndjson', auth));
    expect(await res.json()).toEqual({
      results: [
        { line: 1, id: 'same', status: 'unchanged' },
        { line: 2, error: expect.objectContaining({ code: 'E_INTERNAL', detail: 'analysis failed' }) },
      ],
    });
    expect(calls.find((c) => c[0] === 'ingest')).toEqual(['ingest', []]);
  });
});

describe('search, report, outlets, export', () => {
  it('maps the URL’s query and filters to the store’s request', async () => {
    const q =
      'q=war&outlet=a,b&lang=en&from=2024-01-01&to=2024-02-01&genre=opinion&frame=Security&technique=Doubt&entity=kyiv&source_type=person&min_claim_score=0.5';
    const { store, calls } = fakeStore();
    const res = await app(store).request(`/api/search?${q}&sort=date&limit=5&offset=10&facets=1`);
    expect(res.status).toBe(200);
    // The store's JSON text, sent as it is.
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe('{"total":0,"hits":[]}');
    expect(calls).toEqual([
      [
        'searchJson',
        {
          query: 'war',
          outlet: ['a', 'b'],
          lang: ['en'],
          from: '2024-01-01',
          to: '2024-02-01',
          genre: ['opinion'],
          frame: ['Security'],
          technique: ['Doubt'],
          entity: ['kyiv'],
          sourceType: ['person'],
          minClaimScore: 0.5,
          sort: 'date',
          limit: 5,
          offset: 10,
          cursor: undefined,
          facets: true,
        },
      ],
    ]);
    await app(store).request('/api/search?facets=true');
    await app(store).request('/api/search?facets=0');
    expect(calls.slice(1).map((c) => (c[1] as { facets: boolean }).facets)).toEqual([true, false]);
  });

  it('refuses a page over the limit and a query over its length', async () => {
    const { store, calls } = fakeStore();
    const big = await app(store, { pageSize: 50 }).request('/api/search?limit=51');
    expect(await problem(big)).toEqual({ status: 400, code: 'E_BAD_FILTER', detail: 'limit is at most 50' });
    expect((await app(store, { pageSize: 50 }).request('/api/search?limit=50')).status).toBe(200);
    const long = await app(store, { queryChars: 5 }).request('/api/search?q=123456');
    expect(await problem(long)).toEqual({
      status: 400,
      code: 'E_BAD_QUERY',
      detail: 'the query is over 5 characters; shorten it',
    });
    expect((await app(store, { queryChars: 5 }).request('/api/search?q=12345')).status).toBe(200);
    expect(calls.map((c) => c[0])).toEqual(['searchJson', 'searchJson']);
  });

  it('reports by outlet unless asked otherwise, and lists the outlets', async () => {
    const { store, calls } = fakeStore();
    expect(await (await app(store).request('/api/report?lang=ru')).json()).toEqual({
      by: 'outlet',
      groups: [{ key: 'x' }],
    });
    expect(await (await app(store).request('/api/report?by=month&top=3')).json()).toEqual({
      by: 'month',
      groups: [{ key: 'x' }],
    });
    expect(await (await app(store).request('/api/outlets')).json()).toEqual({ outlets: [{ key: 'x' }] });
    expect(calls).toEqual([
      ['report', expect.objectContaining({ lang: ['ru'], by: 'outlet', top: undefined })],
      ['report', expect.objectContaining({ by: 'month', top: 3 })],
      ['report', { by: 'outlet' }],
    ]);
  });

  it('exports JSONL or CSV as an attachment, after checking the query', async () => {
    const doc = { id: 'd1', text: 'Text one.', meta: { title: 'One' } } as unknown as NewsDocument;
    const { store, calls } = fakeStore({ d1: doc });
    const jsonl = await app(store).request('/api/export?outlet=x');
    expect(jsonl.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(jsonl.headers.get('content-disposition')).toBe('attachment; filename="newsprism-export.jsonl"');
    expect(await jsonl.text()).toBe(`${JSON.stringify(doc)}\n`);
    expect(calls[0]).toEqual(['search', expect.objectContaining({ outlet: ['x'], limit: 1 })]);
    expect(calls[1]).toEqual(['documents', expect.objectContaining({ outlet: ['x'] })]);
    const csv = await app(store).request('/api/export?format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="newsprism-export.csv"');
    const rows = (await csv.text()).trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('d1');
  });

  it('toRequest leaves absent filters undefined', () => {
    expect(toRequest({}, DEFAULT_LIMITS)).toEqual({
      query: undefined,
      outlet: undefined,
      lang: undefined,
      from: undefined,
      to: undefined,
      genre: undefined,
      frame: undefined,
      technique: undefined,
      entity: undefined,
      sourceType: undefined,
      minClaimScore: undefined,
    });
  });
});

describe('reuse and stories', () => {
  it('lists pairs with the documents they name, filtered by known kinds only', async () => {
    const { store, calls } = fakeStore();
    const res = await app(store).request('/api/reuse?kind=copy,%20partial,&tree=t1&limit=2&offset=4');
    expect(await res.json()).toEqual({
      total: 1,
      pairs: [{ a: 'a', b: 'b' }],
      documents: { a: { title: 'A' }, b: {} },
    });
    expect(calls).toEqual([
      ['reuse', { kind: ['copy', 'partial'], tree: 't1', limit: 2, offset: 4 }],
      ['heads', ['a', 'b']],
    ]);
    const empty = fakeStore();
    await app(empty.store).request('/api/reuse?kind=,');
    expect(empty.calls[0]).toEqual([
      'reuse',
      { kind: undefined, tree: undefined, limit: undefined, offset: undefined },
    ]);
    const bad = await app(store).request(`/api/reuse?kind=copy,${'z'.repeat(50)}`);
    expect(await problem(bad)).toEqual({
      status: 400,
      code: 'E_BAD_FILTER',
      detail: `unknown reuse kind "${'z'.repeat(40)}"; use copy, partial, rewrite, translation`,
    });
  });

  it('lists a stored document’s pairs, 404 for an unknown one', async () => {
    const { store, calls } = fakeStore({ a: { id: 'a', text: 'x' } as unknown as NewsDocument });
    const res = await app(store).request('/api/documents/a/reuse?kind=translation');
    expect(res.status).toBe(200);
    expect(calls.slice(0, 2)).toEqual([
      ['hashes', ['a']],
      ['reuse', { id: 'a', kind: ['translation'], limit: undefined, offset: undefined }],
    ]);
    const missing = await app(store).request('/api/documents/zz/reuse');
    expect(await problem(missing)).toEqual({
      status: 404,
      code: 'E_NOT_FOUND',
      detail: 'no document "zz" in the store',
    });
  });

  it('lists stories, optionally the one a document is in', async () => {
    const { store, calls } = fakeStore({ a: { text: 'A' } as NewsDocument });
    expect(await (await app(store).request('/api/stories?id=a&limit=3')).json()).toEqual({
      total: 0,
      stories: [],
      documents: {},
    });
    expect(calls.find((c) => c[0] === 'stories')).toEqual([
      'stories',
      { id: 'a', limit: 3, offset: undefined },
    ]);
  });
});

describe('without a store', () => {
  it.each([
    '/api/documents/x',
    '/api/search',
    '/api/report',
    '/api/outlets',
    '/api/export',
    '/api/reuse',
    '/api/stories',
  ])('%s answers 404 E_NO_STORE', async (path) => {
    expect(await problem(await app().request(path))).toEqual({
      status: 404,
      code: 'E_NO_STORE',
      detail: 'this server has no corpus store; start it with --db',
    });
  });
});

describe('the OpenAPI document', () => {
  type Schema = { $ref?: string; type?: unknown; description?: string };
  type Op = {
    summary?: string;
    description?: string;
    parameters?: { name: string; description?: string; schema?: Schema }[];
    requestBody?: { description?: string; content: Record<string, { schema: Schema }> };
    responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
  };
  type Doc = { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, unknown> } };

  it('documents every operation: a summary, what each answer means and carries, problems as Problem', async () => {
    const doc = (await (await app(fakeStore().store).request('/api/openapi.json')).json()) as Doc;
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(ops.map((o) => o.at).sort()).toEqual([
      'DELETE /api/documents/{id}',
      'GET /api/documents/{id}',
      'GET /api/documents/{id}/reuse',
      'GET /api/export',
      'GET /api/health',
      'GET /api/outlets',
      'GET /api/report',
      'GET /api/reuse',
      'GET /api/reuse/outlets',
      'GET /api/search',
      'GET /api/stories',
      'POST /api/analyze',
      'POST /api/documents',
    ]);
    const schemas = (content: Record<string, { schema: Schema }> | undefined) =>
      Object.values(content ?? {}).map((c) => c.schema);
    for (const { at, op } of ops) {
      // A summary a reader can go by; descriptions, where given, say something.
      expect(op.summary?.split(' ').length, at).toBeGreaterThanOrEqual(3);
      if ('description' in op) expect(op.description!.length, at).toBeGreaterThan(20);
      for (const p of op.parameters ?? []) if ('description' in p) expect(p.description, at).not.toBe('');
      if (op.requestBody) {
        expect(op.requestBody.description, at).toMatch(/\w+ \w+/);
        for (const s of schemas(op.requestBody.content)) expect(s.$ref ?? s.type, at).toBeDefined();
      }
      expect(Object.keys(op.responses).filter((st) => st.startsWith('2')).length, at).toBe(1);
      for (const [status, r] of Object.entries(op.responses)) {
        expect(r.description, `${at} ${status}`).toMatch(/\w+/);
        if (status === '204') expect(r.content, at).toBeUndefined();
        else expect(schemas(r.content).length, `${at} ${status}`).toBeGreaterThan(0);
        // Every answer says what it carries: a named schema or a type.
        for (const s of schemas(r.content)) {
          expect(s.$ref ?? s.type, `${at} ${status}`).toBeDefined();
          if (s.$ref) expect(doc.components.schemas, s.$ref).toHaveProperty(s.$ref.split('/').pop()!);
        }
        if (status.startsWith('4'))
          expect(r.content, `${at} ${status}`).toEqual({
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          });
      }
      // Writes need the token: the operations that document a 401 are those that say so.
      expect('401' in op.responses, at).toBe(/\(write access\)/.test(op.summary!));
    }
  });

  /** Whether `value` is what `schema` (OpenAPI 3.1, as zod-openapi writes it) allows; why not. */
  function conforms(value: unknown, schema: Record<string, unknown>, doc: Doc, at: string): string[] {
    const ref = schema.$ref as string | undefined;
    if (ref) {
      const named = doc.components.schemas[ref.split('/').pop()!] as Record<string, unknown> | undefined;
      return named ? conforms(value, named, doc, at) : [`${at}: ${ref} is not in components`];
    }
    if (schema.anyOf)
      return (schema.anyOf as Record<string, unknown>[]).some((s) => conforms(value, s, doc, at).length === 0)
        ? []
        : [`${at}: ${JSON.stringify(value)} matches no choice`];
    const types = [schema.type ?? []].flat() as string[];
    // `{}` (z.unknown()): anything.
    if (types.length === 0 && !schema.enum) return [];
    if (value === null) return types.includes('null') ? [] : [`${at}: null not allowed`];
    if (schema.enum && !(schema.enum as unknown[]).includes(value))
      return [`${at}: ${value} not in the enum`];
    if (Array.isArray(value))
      return types.includes('array')
        ? value.flatMap((v, i) => conforms(v, schema.items as Record<string, unknown>, doc, `${at}[${i}]`))
        : [`${at}: an array where ${types} is documented`];
    if (typeof value === 'object') {
      if (!types.includes('object')) return [`${at}: an object where ${types} is documented`];
      const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const extra = schema.additionalProperties as Record<string, unknown> | undefined;
      return [
        ...((schema.required ?? []) as string[])
          .filter((k) => !(k in value))
          .map((k) => `${at}.${k} missing`),
        ...Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
          props[k]
            ? conforms(v, props[k], doc, `${at}.${k}`)
            : extra
              ? conforms(v, extra, doc, `${at}.${k}`)
              : [`${at}.${k} not documented`],
        ),
      ];
    }
    const type =
      typeof value === 'number'
        ? Number.isInteger(value)
          ? ['integer', 'number']
          : ['number']
        : [typeof value];
    return type.some((t) => types.includes(t)) ? [] : [`${at}: ${typeof value} where ${types} is documented`];
  }

  it('describes the answers the routes give: each 200 body conforms to its documented schema', async () => {
    const { store } = fakeStore({ a: { id: 'a', text: 'A text.', meta: {} } as unknown as NewsDocument });
    const api = app(store);
    const doc = (await (await api.request('/api/openapi.json')).json()) as Doc;
    for (const [url, path] of [
      ['/api/health', '/api/health'],
      ['/api/reuse', '/api/reuse'],
      ['/api/reuse/outlets', '/api/reuse/outlets'],
      ['/api/documents/a/reuse', '/api/documents/{id}/reuse'],
      ['/api/stories', '/api/stories'],
    ] as const) {
      const res = await api.request(url);
      expect(res.status, url).toBe(200);
      const schema = doc.paths[path]!.get!.responses['200']!.content!['application/json']!.schema;
      expect(conforms(await res.json(), schema as Record<string, unknown>, doc, url)).toEqual([]);
    }
    // Health says `degraded` with 503 when the store is down: a value its schema allows too.
    const down = await app(fakeStore({}, { down: true }).store).request('/api/health');
    const health = doc.paths['/api/health']!.get!.responses['503']!.content!['application/json']!.schema;
    expect(conforms(await down.json(), health as Record<string, unknown>, doc, 'health 503')).toEqual([]);
    const status = (doc.components.schemas.Health as { properties: { status: { enum: string[] } } })
      .properties.status;
    expect(status.enum).toEqual(['ok', 'degraded']);
  });

  it('lists the reuse kinds in the kind filters as the links name them', async () => {
    const doc = (await (await app(fakeStore().store).request('/api/openapi.json')).json()) as Doc;
    const links = doc.components.schemas.OutletLinks as {
      properties: { links: { items: { properties: { kind: { enum: string[] } } } } };
    };
    const known = links.properties.links.items.properties.kind.enum;
    expect(known).toEqual(['copy', 'partial', 'rewrite', 'translation']);
    for (const path of ['/api/reuse', '/api/reuse/outlets', '/api/documents/{id}/reuse']) {
      const kind = doc.paths[path]!.get!.parameters!.find((p) => p.name === 'kind')!;
      expect(kind.description!.replace(/^[^:]*:\s*/, '').split(/,\s*/), path).toEqual(known);
    }
    for (const [path, name] of [
      ['/api/reuse', 'tree'],
      ['/api/stories', 'id'],
    ] as const)
      expect(doc.paths[path]!.get!.parameters!.find((p) => p.name === name)!.description, path).toMatch(
        /\w+ \w+ \w+/,
      );
  });

  it('lists in docs/api.md every path it documents', async () => {
    const doc = (await (await app(fakeStore().store).request('/api/openapi.json')).json()) as Doc;
    const md = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    for (const path of Object.keys(doc.paths)) {
      const pattern = new RegExp(`${path.replace(/\{id\}/g, '[^/\\s?"]+').replace(/\//g, '\\/')}(?![\\w/])`);
      expect(md, path).toMatch(pattern);
    }
  });
});
