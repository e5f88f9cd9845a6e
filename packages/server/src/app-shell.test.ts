// What app.ts promises of every answer, whatever the route: a problem document (RFC 9457) with
// its stable code and status for each kind of failure, the security headers, CORS only when
// configured, the token on writes, the limits, 404s, the OpenAPI document and its page. A
// stand-in analysis and store (no pipeline): each request is in-process, milliseconds.
// routes.test.ts checks the routes themselves; app.test.ts the same app over a real store.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentInput, NewsDocument } from '@newsprism/core';
import type { Store } from '@newsprism/store';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Analysis } from './analysis.js';
import { type AppOptions, createApp } from './app.js';
import { securityHeaders } from './security.js';

const TOKEN = 'shell-token';

/** Analyses into a whole document; the text `THROW` fails with a plain error (a bug, not a code). */
const analysis: Analysis = {
  layers: ['quotes'],
  stored: ['quotes'],
  analyze: async (input: DocumentInput): Promise<NewsDocument> => {
    if (input.text === 'THROW') throw new Error('secret: /srv/models/quotes.bin is corrupt');
    return {
      schema: 'newsprism/1',
      id: input.id,
      text: input.text,
      meta: { ...input.meta },
      producers: { quotes: 'quotes@1' },
      diagnostics: [],
      quotes: [],
    } as unknown as NewsDocument;
  },
  close: async () => undefined,
};

/** The store's part the tests reach: it notes which ids were deleted. */
function stubStore() {
  const deleted: string[] = [];
  const store = {
    backend: 'stub',
    stats: async () => ({ documents: 0 }),
    get: async () => undefined,
    delete: async (id: string) => {
      deleted.push(id);
      return true;
    },
    search: async () => ({ total: 0, hits: [] }),
    searchJson: async () => JSON.stringify({ total: 0, hits: [] }),
  };
  return { store: store as unknown as Store, deleted };
}

const make = (o: Partial<AppOptions> = {}) =>
  createApp({ analysis, store: stubStore().store, token: TOKEN, version: '1.2.3', ...o });

const text = (body: string | Uint8Array, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'text/plain', ...headers },
  // Node's fetch takes any Uint8Array; the DOM typings ask for one backed by an ArrayBuffer.
  body: body as RequestInit['body'],
});

/** A problem answer's status, content type and fields. */
async function problem(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  expect(body.status).toBe(res.status);
  expect(body.type).toBe(`https://newsprism.invalid/errors/${body.code}`);
  return { status: res.status, code: body.code, title: body.title, detail: body.detail };
}

/** The headers `securityHeaders` sets (units.test.ts checks each), read off a bare app. */
async function securityHeaderSet(): Promise<[string, string][]> {
  const res = await new Hono()
    .use(securityHeaders)
    .get('/', (c) => c.body(null, 204))
    .request('/');
  return [...res.headers];
}

let web: string;
beforeAll(() => {
  web = mkdtempSync(join(tmpdir(), 'np-shell-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>newsprism</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'export {};');
});
afterAll(() => rmSync(web, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('requests the schemas refuse', () => {
  it('answer 400 E_BAD_REQUEST naming the parameter, E_UNKNOWN_FIELD for one not known', async () => {
    const app = make();
    expect(await problem(await app.request('/api/search?limit=many'))).toEqual({
      status: 400,
      code: 'E_BAD_REQUEST',
      title: 'Bad request',
      detail: '"limit": expected a whole number from 1 to 1000 (got "many")',
    });
    // Every problem of a number says its range, as the CLI's flags do.
    for (const [query, detail] of [
      ['limit=0', '"limit": expected a whole number from 1 to 1000 (got "0")'],
      ['limit=2.5', '"limit": expected a whole number from 1 to 1000 (got "2.5")'],
      ['offset=-1', '"offset": expected a whole number from 0 to 100000 (got "-1")'],
      ['min_claim_score=2', '"min_claim_score": expected a number from 0 to 1 (got "2")'],
    ])
      expect((await problem(await app.request(`/api/search?${query}`))).detail, query).toBe(detail);
    expect((await problem(await app.request('/api/report?top=x'))).detail).toBe(
      '"top": expected a whole number from 1 to 100 (got "x")',
    );
    // A parameter of a few values lists them, as the CLI's flags do (not zod's "Invalid option: expected one of").
    expect((await problem(await app.request('/api/report?by=year'))).detail).toBe(
      '"by" takes outlet, month, outlet,month or none (got "year")',
    );
    expect((await problem(await app.request('/api/export?format=xml'))).detail).toBe(
      '"format" takes jsonl or csv (got "xml")',
    );
    // A parameter that takes one value, given twice: read as a list, refused as such.
    for (const twice of ['limit=2&limit=3', 'q=a&q=b', 'sort=date&sort=relevance'])
      expect(await problem(await app.request(`/api/search?${twice}`))).toMatchObject({
        status: 400,
        code: 'E_BAD_REQUEST',
        detail: `"${twice.split('=')[0]}" is given 2 times; give it once`,
      });
    // A list filter may be repeated.
    expect((await app.request('/api/search?lang=en&lang=ru')).status).not.toBe(400);
    expect(await problem(await app.request('/api/search?q=x&bogus=1'))).toEqual({
      status: 400,
      code: 'E_UNKNOWN_FIELD',
      title: 'Bad request',
      detail: 'unknown query parameter "bogus"; /api/docs lists this endpoint\'s query parameters',
    });
  });

  it.each([
    ['a%01b', 'within'],
    ['%01ab', 'first'],
    ['ab%7F', 'last'],
  ])('refuses the document id %s (a control character %s)', async (id) => {
    const res = await make().request(`/api/documents/${id}`);
    expect(await problem(res)).toMatchObject({
      status: 400,
      code: 'E_BAD_REQUEST',
      detail: '"id": an id has no control characters',
    });
  });
});

describe('errors thrown while answering', () => {
  it('a NewsprismError: its code, the status of that code and its message', async () => {
    const res = await make().request(`/api/search?q=${'w'.repeat(1001)}`);
    expect(await problem(res)).toEqual({
      status: 400,
      code: 'E_BAD_QUERY',
      title: 'Bad request',
      detail: 'the query is over 1000 characters; shorten it',
    });
  });

  it('anything else: an opaque 500 E_INTERNAL, the error itself only in the server log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await make().request('/api/analyze', text('THROW'));
    const body = await res.clone().text();
    expect(await problem(res)).toEqual({
      status: 500,
      code: 'E_INTERNAL',
      title: 'Internal server error',
      detail: 'internal error; see the server log',
    });
    expect(body).not.toContain('secret');
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]![0])).toContain('secret: /srv/models/quotes.bin is corrupt');
  });

  // Hono's own middleware throws HTTPExceptions: a route added to the app stands in for it.
  it.each([
    [
      400,
      'Malformed JSON in request body',
      'E_INVALID_JSON',
      'Bad request',
      'Malformed JSON in request body',
    ],
    [415, 'no such type', 'E_UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'no such type'],
    [405, 'not here', 'E_HTTP_405', 'Method not allowed', 'not here'],
    [418, undefined, 'E_HTTP_418', 'Error', 'bad request'],
  ])('an HTTPException %i: its status, a code for it', async (status, message, code, title, detail) => {
    const app = make();
    app.get('/api/throws', () => {
      throw new HTTPException(status as 400, { message });
    });
    expect(await problem(await app.request('/api/throws'))).toEqual({ status, code, title, detail });
  });

  it('no endpoint: 404 E_NOT_FOUND with the method and (at most 100 characters of) the path', async () => {
    const app = make();
    expect(await problem(await app.request('/api/nothing'))).toEqual({
      status: 404,
      code: 'E_NOT_FOUND',
      title: 'Not found',
      detail: 'no endpoint GET /api/nothing',
    });
    expect((await problem(await app.request('/api/nothing', { method: 'PUT' }))).detail).toBe(
      'no endpoint PUT /api/nothing',
    );
    const long = await app.request(`/${'a'.repeat(300)}?q=1`, { method: 'POST' });
    expect((await problem(long)).detail).toBe(`no endpoint POST /${'a'.repeat(99)}`);
  });

  it('a known path with another method: 405 E_METHOD_NOT_ALLOWED with Allow', async () => {
    const app = make();
    for (const [method, path, allow] of [
      ['PUT', '/api/search', 'GET, HEAD'],
      ['PUT', '/api/health', 'GET, HEAD'],
      ['DELETE', '/api/analyze', 'POST'],
      ['PATCH', '/api/documents/some-id', 'DELETE, GET, HEAD'],
    ] as const) {
      const res = await app.request(path, { method });
      expect(res.headers.get('allow'), path).toBe(allow);
      expect(await problem(res), path).toEqual({
        status: 405,
        code: 'E_METHOD_NOT_ALLOWED',
        title: 'Method not allowed',
        detail: `${method} is not allowed on ${path}; use ${allow}`,
      });
    }
    // A path no route has stays a 404, whatever the method.
    expect((await app.request('/api/documents/a/b', { method: 'PUT' })).status).toBe(404);
  });

  it('without a store: the corpus endpoints answer E_NO_STORE, the others as usual', async () => {
    const app = make({ store: undefined });
    expect((await problem(await app.request('/api/search?q=x'))).code).toBe('E_NO_STORE');
    expect((await problem(await app.request('/api/nothing'))).code).toBe('E_NOT_FOUND');
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/analyze', text('Some words.'))).status).toBe(200);
  });
});

describe('security', () => {
  it('puts the security headers on every kind of answer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = make({ webRoot: web, limits: { bodyBytes: 16 } });
    const answers: [string, RequestInit?][] = [
      ['/api/health'],
      ['/api/openapi.json'],
      ['/api/docs'],
      ['/'],
      ['/assets/app.js'],
      ['/api/nothing'],
      ['/api/search?limit=many'],
      [`/api/search?q=${'w'.repeat(1001)}`],
      ['/api/analyze', text('THROW')],
      ['/api/analyze', text('far more than sixteen bytes')],
      ['/api/documents/x', { method: 'DELETE' }],
    ];
    const expected = await securityHeaderSet();
    expect(expected.map(([name]) => name)).toContain('content-security-policy');
    const statuses: number[] = [];
    for (const [url, init] of answers) {
      const res = await app.request(url, init);
      statuses.push(res.status);
      for (const [name, value] of expected) expect(res.headers.get(name), `${url} ${name}`).toBe(value);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404, 400, 400, 500, 413, 401]);
  });

  it('asks for the token on writes only, and refuses every write when none is configured', async () => {
    const { store, deleted } = stubStore();
    const app = make({ store });
    const anon = await app.request('/api/documents/d1', { method: 'DELETE' });
    expect((await problem(anon)).code).toBe('E_UNAUTHORIZED');
    expect(anon.headers.get('www-authenticate')).toBe('Bearer realm="newsprism"');
    const ingest = await app.request('/api/documents', text('Some words.'));
    expect((await problem(ingest)).code).toBe('E_UNAUTHORIZED');
    expect(deleted).toEqual([]);
    const ok = await app.request('/api/documents/d1', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(204);
    expect(deleted).toEqual(['d1']);
    // Reads and analysis need none.
    expect((await app.request('/api/search?q=x')).status).toBe(200);
    expect((await app.request('/api/analyze', text('Some words.'))).status).toBe(200);

    const off = make({ store, token: undefined });
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const res = await off.request('/api/documents/d2', { method: 'DELETE', headers });
      expect(await problem(res)).toMatchObject({ status: 403, code: 'E_WRITE_DISABLED' });
    }
    expect(deleted).toEqual(['d1']);
  });
});

describe('CORS', () => {
  const ORIGIN = 'https://example.org';
  const preflight = {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
  };

  it.each([
    ['not configured', undefined],
    ['configured empty', []],
  ])('none when %s: no CORS headers, no preflight', async (_name, corsOrigins) => {
    const app = make({ corsOrigins });
    const res = await app.request('/api/health', { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await app.request('/api/analyze', preflight);
    expect(await problem(pre)).toMatchObject({ status: 405, code: 'E_METHOD_NOT_ALLOWED' });
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('for the configured origins only, and on the API only', async () => {
    const app = make({ corsOrigins: [ORIGIN], webRoot: web });
    const res = await app.request('/api/health', { headers: { origin: ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const pre = await app.request('/api/analyze', preflight);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const other = await app.request('/api/health', { headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const page = await app.request('/', { headers: { origin: ORIGIN } });
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('limits', () => {
  it('refuses a body over the limit with 413 E_BODY_TOO_LARGE, one at it passes', async () => {
    const app = make({ limits: { bodyBytes: 16 } });
    expect(await problem(await app.request('/api/analyze', text('seventeen bytes!!')))).toEqual({
      status: 413,
      code: 'E_BODY_TOO_LARGE',
      title: 'Content too large',
      detail: 'the body is over 16 bytes; split it into several requests',
    });
    expect((await app.request('/api/analyze', text('sixteen bytes!!!'))).status).toBe(200);
  });

  it('keeps the default of each limit not given: 21 MB a body, 1,000 characters a query, 200 a page', async () => {
    const app = make({ limits: { documents: 2 } });
    // The declared length is enough: the body is not read.
    const big = await app.request(
      '/api/analyze',
      text('x', { 'content-length': String(21 * 1024 * 1024 + 1) }),
    );
    expect((await problem(big)).detail).toBe(
      'the body is over 22020096 bytes; split it into several requests',
    );
    const query = await app.request(`/api/search?q=${'w'.repeat(1001)}`);
    expect((await problem(query)).detail).toBe('the query is over 1000 characters; shorten it');
    expect((await app.request(`/api/search?q=${'w'.repeat(1000)}`)).status).toBe(200);
    const page = await app.request('/api/search?limit=201');
    expect((await problem(page)).detail).toBe('limit is at most 200');
  });

  // Through a socket (@hono/node-server) a request's body is built only when something reads it:
  // reads must not, or every GET would pay for a Request copy.
  it.each(['GET', 'HEAD'])('leaves the body of a %s unread', async (method) => {
    let touched = 0;
    class Watched extends Request {
      override get body() {
        touched++;
        return super.body;
      }
    }
    const res = await make().fetch(new Watched('http://localhost/api/health', { method }));
    expect(res.status).toBe(200);
    expect(touched).toBe(0);
  });
});

describe('the OpenAPI document and its page', () => {
  it('describes the API with its version and the bearer scheme the write routes name', async () => {
    const doc = (await (await make().request('/api/openapi.json')).json()) as {
      openapi: string;
      info: unknown;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({
      title: 'newsprism API',
      version: '1.2.3',
      description: 'How news articles work on their readers, over HTTP.',
    });
    expect(doc.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    const secured = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        (op.security ?? []).map((s) => `${method} ${path} ${Object.keys(s)}`),
      ),
    );
    expect(secured.sort()).toEqual(['delete /api/documents/{id} bearer', 'post /api/documents bearer']);
  });

  it('names the shapes of problems and documents as components the answers conform to', async () => {
    type Obj = { type: string; properties: Record<string, { type?: string }>; required: string[] };
    const app = make();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      components: { schemas: Record<string, Obj> };
    };
    const conforms = (value: Record<string, unknown>, schema: Obj | undefined) => {
      expect(schema?.type).toBe('object');
      expect(schema!.required.length).toBeGreaterThan(0);
      for (const key of schema!.required) {
        const want = schema!.properties[key]?.type;
        const got = Array.isArray(value[key]) ? 'array' : typeof value[key];
        expect(`${key}: ${got}`).toBe(`${key}: ${want}`);
      }
    };
    const refused = (await (await app.request('/api/nothing')).json()) as Record<string, unknown>;
    conforms(refused, doc.components.schemas.Problem);
    expect(Object.keys(refused).sort()).toEqual([...doc.components.schemas.Problem!.required].sort());
    const analysed = await (await app.request('/api/analyze', text('Some words.'))).json();
    conforms(analysed as Record<string, unknown>, doc.components.schemas.NewsDocument);
  });

  it('documents a record example that analyze takes, and the syntax of the query and dates', async () => {
    const app = make();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { example?: unknown }> };
            parameters?: { name: string; description?: string }[];
          }
        >
      >;
    };
    const example = doc.paths['/api/analyze']!.post!.requestBody!.content['application/json']!.example;
    expect(example).toMatchObject({ id: expect.any(String), text: expect.any(String) });
    const res = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(example),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe((example as { id: string }).id);
    const described = Object.fromEntries(
      doc.paths['/api/search']!.get!.parameters!.map((p) => [p.name, p.description]),
    );
    expect(described.q).toMatch(/"phrases", AND\/OR\/NOT, prefix\*/);
    expect(described.from).toMatch(/YYYY-MM-DD/);
  });

  it('documents the id pattern so that a client’s validator takes the ids the server takes', async () => {
    const doc = (await (await make().request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string; schema: { pattern?: string; example?: string } }[] }
        >
      >;
    };
    const id = doc.paths['/api/documents/{id}']!.get!.parameters!.find((p) => p.name === 'id')!;
    expect(id.in).toBe('path');
    // JSON Schema patterns are ECMA-262 regexes; validators such as ajv compile them with `u`.
    const pattern = new RegExp(id.schema.pattern!, 'u');
    for (const ok of [id.schema.example, 'rt/2023/x y', 'Украина?#']) expect(ok).toMatch(pattern);
    for (const bad of ['a\u0001b', '\tab', 'ab\u007f', 'a\u0085b']) expect(bad).not.toMatch(pattern);
  });

  it('is readable at /api/docs as HTML generated from the same document', async () => {
    const app = make();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const res = await app.request('/api/docs');
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const page = await res.text();
    expect(page).toContain('<title>newsprism API — API</title>');
    expect(page).toContain('<h1>newsprism API <small>1.2.3</small></h1>');
    const ops = Object.entries(doc.paths).flatMap(([path, m]) =>
      Object.keys(m).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops) expect(page).toContain(`<code>${op}</code>`);
  });
});

describe('the web UI', () => {
  it('is served only when a web root is given', async () => {
    const none = await make().request('/');
    expect(await problem(none)).toMatchObject({ status: 404, detail: 'no endpoint GET /' });
    const res = await make({ webRoot: web }).request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>newsprism</title>');
  });
});
