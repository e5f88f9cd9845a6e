import { NewsprismError } from '@newsprism/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BODY_TEXT, mediaType, ndjsonRecords, utf8Body } from './body.js';
import { problem, problemOf, statusOf } from './problem.js';
import { isLoopback, requireToken, securityHeaders } from './security.js';

describe('problem documents', () => {
  it.each([
    ['E_UNAUTHORIZED', 401, 'Unauthorized'],
    ['E_WRITE_DISABLED', 403, 'Forbidden'],
    ['E_NOT_FOUND', 404, 'Not found'],
    ['E_NO_STORE', 404, 'Not found'],
    ['E_METHOD_NOT_ALLOWED', 405, 'Method not allowed'],
    ['E_BODY_TOO_LARGE', 413, 'Content too large'],
    ['E_INPUT_TOO_LARGE', 413, 'Content too large'],
    ['E_TOO_MANY_DOCUMENTS', 413, 'Content too large'],
    ['E_UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported media type'],
    ['E_EMPTY_INPUT', 422, 'Unprocessable content'],
    ['E_NO_ARTICLE', 422, 'Unprocessable content'],
    ['E_BINARY_INPUT', 422, 'Unprocessable content'],
    ['E_ANALYZER_FAILED', 500, 'Internal server error'],
    ['E_INTERNAL', 500, 'Internal server error'],
    ['E_DB_CORRUPT', 500, 'Internal server error'],
    ['E_TIME_BUDGET', 503, 'Service unavailable'],
    ['E_WORKER_CRASHED', 503, 'Service unavailable'],
    ['E_STORE_UNAVAILABLE', 503, 'Service unavailable'],
    ['E_BAD_QUERY', 400, 'Bad request'],
    ['E_ANYTHING_ELSE', 400, 'Bad request'],
  ])('%s → %i %s', (code, status, title) => {
    expect(statusOf(code)).toBe(status);
    expect(problemOf(code, 'what went wrong')).toEqual({
      type: `https://newsprism.invalid/errors/${code}`,
      title,
      status,
      detail: 'what went wrong',
      code,
    });
  });

  it('takes an explicit status, titled "Error" when it has no title', () => {
    expect(problemOf('E_X', 'd', 418)).toMatchObject({ status: 418, title: 'Error' });
    expect(problemOf('E_X', 'd', 404)).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('answers application/problem+json with the status', async () => {
    const app = new Hono().get('/', (c) => problem(c, 'E_NOT_FOUND', 'no such page'));
    const res = await app.request('/');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await res.json()).toEqual(problemOf('E_NOT_FOUND', 'no such page'));
  });
});

describe('security', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.12.0.255', true],
    ['127.0.10.1', true],
    ['[localhost]', true],
    ['::1]', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['127.0.0.1.example.org', false],
    ['x127.0.0.1', false],
    ['127.0.0', false],
    ['192.168.1.2', false],
    ['localhost.example.org', false],
  ])('isLoopback(%s) is %s', (host, want) => {
    expect(isLoopback(host)).toBe(want);
  });

  const guarded = (token: string | undefined) =>
    new Hono().use(securityHeaders).post('/w', requireToken(token), (c) => c.text('written'));
  const post = (app: Hono, authorization?: string) =>
    app.request('/w', { method: 'POST', headers: authorization ? { authorization } : {} });

  it('refuses writes without a configured token, whatever is sent', async () => {
    const res = await post(guarded(undefined), 'Bearer x');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'E_WRITE_DISABLED',
      detail: 'writes are disabled: start the server with NEWSPRISM_TOKEN set',
    });
    expect(res.headers.get('www-authenticate')).toBeNull();
  });

  const denied = [
    'E_UNAUTHORIZED: send "Authorization: Bearer <token>" with the token of NEWSPRISM_TOKEN',
    'Bearer realm="newsprism"',
  ] as const;
  it.each([
    [undefined, 401, ...denied],
    ['Bearer wrong', 401, ...denied],
    ['Bearer s3cret-longer', 401, ...denied],
    ['Bearer s3cre', 401, ...denied],
    ['Basic s3cret', 401, ...denied],
    ['Bearer', 401, ...denied],
    ['Bearer s3cret extra', 401, ...denied],
    ['Bearer s3cret x', 401, ...denied],
    ['X Bearer s3cret', 401, ...denied],
    ['Bearer s3cret', 200, 'written', null],
    ['bearer   s3cret  ', 200, 'written', null],
  ])('Authorization %j → %i %s', async (authorization, status, body, challenge) => {
    const res = await post(guarded('s3cret'), authorization);
    const text = await res.text();
    const got = res.headers.get('content-type')?.startsWith('application/problem+json')
      ? `${JSON.parse(text).code}: ${JSON.parse(text).detail}`
      : text;
    expect([res.status, got, res.headers.get('www-authenticate')]).toEqual([status, body, challenge]);
  });

  it('sets the security headers on every response, errors too', async () => {
    for (const res of [await post(guarded('t'), 'Bearer t'), await post(guarded('t'))]) {
      expect(
        Object.fromEntries(
          [...res.headers].filter(([k]) => k !== 'content-type' && k !== 'www-authenticate'),
        ),
      ).toEqual({
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
    }
  });
});

describe('request bodies', () => {
  it.each([
    ['application/json', 'application/json'],
    ['Application/JSON; charset=utf-8', 'application/json'],
    ['  text/plain ;x=1', 'text/plain'],
    [undefined, ''],
  ])('mediaType(%j) is %j', (header, want) => {
    expect(mediaType(header)).toBe(want);
  });

  it('parses NDJSON line by line, numbering lines from 1 and skipping blank ones', () => {
    const got = ndjsonRecords('{"a":1}\r\n\n  \n{bad\n[2]\n');
    expect(got.map((r) => [r.line, r.record, r.error?.code])).toEqual([
      [1, { a: 1 }, undefined],
      [4, undefined, 'E_INVALID_JSON'],
      [5, [2], undefined],
    ]);
    expect(got[1]!.error!.message).toMatch(/^line 4 is not valid JSON \(.*\); fix or remove it$/);
    expect(ndjsonRecords('')).toEqual([]);
  });

  it('reads a UTF-8 body once for later readers and refuses other bytes', async () => {
    const app = new Hono()
      .onError((err, c) => c.text((err as NewsprismError).code, 400))
      .post('/b', utf8Body, (c) => c.text(`${c.get(BODY_TEXT as never)}|${c.req.header('x') ?? ''}`));
    const ok = await app.request('/b', { method: 'POST', body: 'Привет' });
    expect([ok.status, await ok.text()]).toEqual([200, 'Привет|']);
    const bad = await app.request('/b', { method: 'POST', body: new Uint8Array([0x50, 0xff, 0xfe]) });
    expect([bad.status, await bad.text()]).toEqual([400, 'E_INVALID_UTF8']);
    const said = await new Hono()
      .onError((err, c) => c.text(err.message, 400))
      .post('/b', utf8Body, (c) => c.text('read'))
      .request('/b', { method: 'POST', body: new Uint8Array([0xff]) });
    expect(await said.text()).toBe('the request body is not valid UTF-8; send UTF-8 text');
    // The body is decoded as UTF-8, not in another charset, and kept under its name.
    const latin = await app.request('/b', { method: 'POST', body: new Uint8Array([0xc3, 0xa9]) });
    expect(await latin.text()).toBe('é|');
    expect(BODY_TEXT).toBe('bodyText');
    expect(new NewsprismError('E_X', 'x').code).toBe('E_X');
  });
});
