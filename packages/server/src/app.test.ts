import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@newsprism/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from './analysis.js';
import { createApp } from './app.js';
import { inProcessAnalysis } from './testing.js';

const ARTICLE = [
  'Kiev asks for more arms as Artyomovsk battle drags on',
  'WASHINGTON (Example Wire) - The United States will send more shells to Kiev, a senior official who refused to be named told reporters on Monday.',
  '"We will stand with them for as long as it takes," the official said, according to AFP.',
  'Belgian military expert Pierre Henrot said the city of Artyomovsk had become a symbol for both sides.',
].join('\n');

const SECOND = [
  'Sanctions hit Russian oil exports',
  'LONDON (Example Wire) - Oil exports fell by 12% in May after new sanctions, the International Energy Agency said on Tuesday.',
].join('\n');

let dir: string;
let store: Store;
let analysis: Analysis;
const TOKEN = 'test-token-123';
let app: ReturnType<typeof createApp>;
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'np-server-'));
  store = await openStore(join(dir, 'test.db'));
  analysis = await inProcessAnalysis();
  app = createApp({
    analysis,
    store,
    token: TOKEN,
    version: '0.0.0-test',
    limits: { bodyBytes: 200_000, documents: 5 },
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...auth },
  body: JSON.stringify(body),
});

async function problemOf(res: Response): Promise<{ code: string; status: number; detail: string }> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { code: string; status: number; detail: string };
}

describe('POST /api/analyze', () => {
  it('analyses a JSON record and stores nothing', async () => {
    const res = await app.request('/api/analyze?layers=quotes,naming', json({ id: 'a1', text: ARTICLE }));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown> & {
      text: string;
      naming: { entities: { name: string }[] };
    };
    expect(doc.id).toBe('a1');
    expect(doc.text).toBe(ARTICLE);
    expect(Object.keys(doc)).not.toContain('techniques');
    expect(doc.naming.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Kyiv', 'Bakhmut']));
    expect((await store.stats()).documents).toBe(0);
  });

  it('takes plain text and HTML bodies', async () => {
    const text = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: ARTICLE,
    });
    const plain = (await text.json()) as { text: string; meta: { title?: string; format?: string } };
    expect(plain.text).toBe(ARTICLE);
    // Like a .txt file for the CLI: the first line is the title.
    expect(plain.meta).toMatchObject({ format: 'text', title: ARTICLE.split('\n')[0] });
    const html = `<html><head><title>Oil</title></head><body><article><h1>Oil</h1><p>${SECOND.split('\n')[1]}</p><p>Exports had risen in April, according to the agency's previous report on the market.</p></article></body></html>`;
    const res = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: html,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toContain('Oil exports fell by 12%');
  });

  it('streams NDJSON out for NDJSON in, a bad line reported in its place', async () => {
    const body = [
      JSON.stringify({ id: 'x1', text: ARTICLE }),
      'not json',
      JSON.stringify({ id: 'x3', text: SECOND }),
    ].join('\n');
    const res = await app.request('/api/analyze?layers=sources', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? l.error.code)).toEqual(['x1', 'E_INVALID_JSON', 'x3']);
    expect(lines[1].line).toBe(2);
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"text": ', 400, 'E_INVALID_JSON'],
    ['a wrong type', { 'content-type': 'application/json' }, '{"text": 42}', 400, 'E_BAD_RECORD'],
    [
      'an unknown field',
      { 'content-type': 'application/json' },
      '{"text": "a b c", "evil": 1}',
      400,
      'E_BAD_RECORD',
    ],
    ['no text', { 'content-type': 'application/json' }, '{"title": "x"}', 400, 'E_BAD_RECORD'],
    ['an empty text', { 'content-type': 'application/json' }, '{"text": "   "}', 422, 'E_EMPTY_INPUT'],
    ['an empty plain text', { 'content-type': 'text/plain' }, ' \n ', 422, 'E_EMPTY_INPUT'],
    ['an unknown media type', { 'content-type': 'image/png' }, 'PNG', 415, 'E_UNSUPPORTED_MEDIA_TYPE'],
    ['an unknown layer', { 'content-type': 'text/plain' }, 'a b c', 400, 'E_UNKNOWN_LAYER'],
  ])('refuses %s with a problem and its code', async (_name, headers, body, status, code) => {
    const url = code === 'E_UNKNOWN_LAYER' ? '/api/analyze?layers=quotes,nope' : '/api/analyze';
    const res = await app.request(url, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect((await problemOf(res)).code).toBe(code);
  });

  it('refuses invalid UTF-8 and a body over the limit', async () => {
    const bad = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: new Uint8Array([0x4b, 0xff, 0xfe, 0x20]),
    });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).code).toBe('E_INVALID_UTF8');
    const big = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'word '.repeat(50_000),
    });
    expect(big.status).toBe(413);
    expect((await problemOf(big)).code).toBe('E_BODY_TOO_LARGE');
  });

  it('refuses more documents than a request may hold', async () => {
    const body = Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `n${i}`, text: SECOND })).join(
      '\n',
    );
    const res = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).code).toBe('E_TOO_MANY_DOCUMENTS');
  });
});

describe('documents, search, report and export', () => {
  it('needs the token to write', async () => {
    const none = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: SECOND }),
    });
    expect(none.status).toBe(401);
    expect((await problemOf(none)).code).toBe('E_UNAUTHORIZED');
    const wrong = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const off = createApp({ analysis, store, version: 'x' });
    const res = await off.request('/api/documents/d1', { method: 'DELETE', headers: auth });
    expect(res.status).toBe(403);
    expect((await problemOf(res)).code).toBe('E_WRITE_DISABLED');
  });

  it('ingests idempotently, then reads, searches, reports and exports', async () => {
    const body = [
      JSON.stringify({ id: 'd1', text: ARTICLE, outlet: 'Example Wire', published: '2023-05-22' }),
      JSON.stringify({ id: 'd2', text: SECOND, outlet: 'Other', published: '2023-06-01' }),
    ].join('\n');
    const first = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...auth },
      body,
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual([
      'added',
      'added',
    ]);
    const again = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...auth },
      body,
    });
    expect(((await again.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual([
      'unchanged',
      'unchanged',
    ]);

    const doc = await app.request('/api/documents/d1?layers=sources');
    expect(doc.status).toBe(200);
    const d = (await doc.json()) as Record<string, unknown>;
    expect(d.text).toBe(ARTICLE);
    expect(d.sources).toBeDefined();
    expect(d.quotes).toBeUndefined();
    // Stored as `newsprism ingest` stores it: the layers the server was asked for, not the
    // sentences and tokens they read.
    const whole = (await (await app.request('/api/documents/d1')).json()) as Record<string, unknown>;
    expect(Object.keys(whole.producers as object).sort()).toEqual([...analysis.stored].sort());
    expect(whole.quotes).toBeDefined();
    expect(whole.tokens).toBeUndefined();

    const search = await app.request('/api/search?q=sanction&facets=true');
    expect(search.status).toBe(200);
    const s = (await search.json()) as {
      total: number;
      hits: { id: string; snippets: { text: string; highlights: { start: number; end: number }[] }[] }[];
      facets: Record<string, unknown>;
    };
    expect(s.hits.map((h) => h.id)).toEqual(['d2']);
    const snip = s.hits[0]!.snippets[0]!;
    expect(snip.text.slice(snip.highlights[0]!.start, snip.highlights[0]!.end).toLowerCase()).toContain(
      'sanction',
    );
    expect(s.facets).toBeDefined();

    const filtered = await app.request('/api/search?outlet=Example%20Wire&outlet=Nobody');
    expect(((await filtered.json()) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual(['d1']);
    // Outlets regardless of case; languages as codes in any case, an unknown one refused.
    const folded = await app.request('/api/search?outlet=EXAMPLE%20wire&lang=EN');
    expect(((await folded.json()) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual(['d1']);
    // Problems name the query parameter, not the CLI's flag.
    for (const [query, detail] of [
      ['from=yesterday', '"from" takes a date as YYYY, YYYY-MM or YYYY-MM-DD (got "yesterday")'],
      ['genre=news', '"genre" takes reporting, opinion, satire (got "news")'],
      ['source_type=persons', '"source_type" takes person, anonymous,'],
      ['lang=klingon', '"lang" takes a language code: am, ar,'],
    ]) {
      const bad = await problemOf(await app.request(`/api/search?${query}`));
      expect(bad.code, query).toBe('E_BAD_FILTER');
      expect(bad.detail.startsWith(detail), `${query}: ${bad.detail}`).toBe(true);
    }

    // Literal by default; all_names also finds the town under its other names.
    const literal = await app.request('/api/search?q=Bakhmut');
    expect(((await literal.json()) as { hits: unknown[] }).hits).toEqual([]);
    const named = (await (await app.request('/api/search?q=Bakhmut&all_names=true')).json()) as {
      hits: { id: string }[];
      expansions: { entity: string; names: string[] }[];
    };
    expect(named.hits.map((h) => h.id)).toEqual(['d1']);
    expect(named.expansions.map((e) => e.entity)).toEqual(['bakhmut']);
    expect(named.expansions[0]!.names).toContain('Artyomovsk');
    // A report says so too; without all_names, nothing.
    const namedReport = (await (await app.request('/api/report?q=Bakhmut&all_names=true')).json()) as {
      expansions: { entity: string }[];
    };
    expect(namedReport.expansions.map((e) => e.entity)).toEqual(['bakhmut']);
    expect(await (await app.request('/api/report?q=Bakhmut')).json()).not.toHaveProperty('expansions');

    const report = await app.request('/api/report?by=outlet,month');
    const r = (await report.json()) as { groups: { outlet: string; month: string; documents: number }[] };
    expect(r.groups.map((g) => `${g.outlet}/${g.month}/${g.documents}`).sort()).toEqual([
      'Example Wire/2023-05/1',
      'Other/2023-06/1',
    ]);

    const exp = await app.request('/api/export?format=jsonl&outlet=Other');
    expect(exp.headers.get('content-type')).toMatch(/ndjson/);
    const lines = (await exp.text()).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['d2']);
    const csv = await app.request('/api/export?format=csv');
    const rows = (await csv.text()).trim().split('\n');
    expect(rows[0]).toMatch(/^id,title,outlet/);
    expect(rows).toHaveLength(3);

    const del = await app.request('/api/documents/d2', { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
    const gone = await app.request('/api/documents/d2');
    expect(gone.status).toBe(404);
    expect((await problemOf(gone)).code).toBe('E_NOT_FOUND');
  });

  it.each([
    ['/api/search?q=%22unclosed', 'E_BAD_QUERY'],
    ["/api/search?q='; DROP TABLE documents; --", undefined],
    ['/api/search?q=%22)%20OR%201%3D1%20--', undefined],
    ['/api/search?from=yesterday', 'E_BAD_FILTER'],
    ['/api/search?limit=100000', 'E_BAD_REQUEST'],
    ['/api/search?q=Bakhmut&all_names=maybe', 'E_BAD_REQUEST'],
    ['/api/search?bogus=1', 'E_UNKNOWN_FIELD'],
    ['/api/report?by=planet', 'E_BAD_REQUEST'],
    ['/api/documents/..%2F..%2Fetc%2Fpasswd', 'E_NOT_FOUND'],
    ['/api/nothing-here', 'E_NOT_FOUND'],
  ])('answers %s safely', async (url, code) => {
    const res = await app.request(url);
    if (code === undefined) {
      // Injection-shaped queries are words to search for, never SQL: an answer, not a crash.
      expect([200, 400]).toContain(res.status);
      expect((await store.stats()).documents).toBeGreaterThan(0);
      return;
    }
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await problemOf(res)).code).toBe(code);
  });

  it('says where a query is wrong and how to fix it, as the CLI does', async () => {
    const res = await app.request('/api/search?q=Bakhmut%20AND');
    expect(await problemOf(res)).toMatchObject({
      code: 'E_BAD_QUERY',
      detail: 'a term is missing at column 12 of "Bakhmut AND"; put a term after AND, or remove it',
    });
  });
});

describe('every response', () => {
  it('carries the security headers', async () => {
    // Answers of every kind: a route, not found, a page, a refused query (the validator's hook
    // and a thrown error), a stream, a refused write, a body over the limit.
    const requests: [string, RequestInit?][] = [
      ['/api/health'],
      ['/api/nothing'],
      ['/api/docs'],
      ['/api/search?q=sanctions'],
      ['/api/search?limit=many'],
      ['/api/search?q=%22open'],
      ['/api/export?format=csv'],
      ['/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }],
      [
        '/api/analyze',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'w '.repeat(200_000) },
      ],
    ];
    const statuses: number[] = [];
    for (const [url, init] of requests) {
      const res = await app.request(url, init);
      statuses.push(res.status);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(statuses).toEqual([200, 404, 200, 200, 400, 400, 200, 401, 413]);
  });

  it('documents the API as OpenAPI 3.1 generated from the validating schemas', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/analyze',
        '/api/documents',
        '/api/documents/{id}',
        '/api/documents/{id}/reuse',
        '/api/export',
        '/api/health',
        '/api/outlets',
        '/api/report',
        '/api/reuse',
        '/api/reuse/outlets',
        '/api/search',
        '/api/stories',
      ].sort(),
    );
    expect(doc.paths['/api/search']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'outlet', 'technique', 'cursor']),
    );
    const page = await (await app.request('/api/docs')).text();
    expect(page).toContain('GET /api/search');
    expect(page).not.toContain('<script');
  });

  it('reports health with the store reachable', async () => {
    const res = await app.request('/api/health');
    const h = (await res.json()) as {
      status: string;
      store: { backend: string; reachable: boolean };
      analysis: { layers: string[] };
    };
    expect(h.status).toBe('ok');
    expect(h.store).toMatchObject({ backend: 'sqlite', reachable: true });
    expect(h.analysis.layers).toContain('quotes');
  });
});
