// The API client against a stand-in fetch: the requests it makes and the errors it raises.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from './api.js';

const calls: [string, RequestInit | undefined][] = [];
/** Every call answers a fresh copy of `res` (a body reads once). */
function answer(res: Response | Error) {
  vi.stubGlobal('fetch', async (path: string, init?: RequestInit) => {
    calls.push([path, init]);
    if (res instanceof Error) throw res;
    return res.clone();
  });
}
afterEach(() => {
  calls.length = 0;
  vi.unstubAllGlobals();
});

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('api', () => {
  it('posts the body to analyze with its type and reads the document', async () => {
    answer(json({ id: 'request' }));
    expect(await api.analyze({ type: 'text/html', body: '<p>x</p>' })).toEqual({ id: 'request' });
    expect(calls).toEqual([
      [
        'api/analyze',
        { method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<p>x</p>' },
      ],
    ]);
  });

  it('asks each endpoint at its path, ids escaped', async () => {
    answer(json({}));
    const p = new URLSearchParams('q=a b&outlet=RT');
    await api.document('a/b c');
    await api.documentReuse('a/b');
    await api.stories(p);
    await api.search(p);
    await api.report(p);
    await api.reuseOutlets(p);
    expect(calls.map((c) => c[0])).toEqual([
      'api/documents/a%2Fb%20c',
      'api/documents/a%2Fb/reuse?limit=100',
      'api/stories?q=a+b&outlet=RT',
      'api/search?q=a+b&outlet=RT',
      'api/report?q=a+b&outlet=RT',
      'api/reuse/outlets?q=a+b&outlet=RT',
    ]);
    expect(calls.every((c) => c[1] === undefined)).toBe(true);
  });

  it('makes export links in a format, without the paging cursor, leaving the parameters alone', () => {
    const p = new URLSearchParams('q=x&cursor=abc&format=csv');
    expect(api.exportUrl(p, 'jsonl')).toBe('api/export?q=x&format=jsonl');
    expect(api.exportUrl(p, 'csv')).toBe('api/export?q=x&format=csv');
    expect(p.toString()).toBe('q=x&cursor=abc&format=csv');
  });

  it('raises the problem’s code and detail, else its title, else the status line', async () => {
    answer(
      json(
        { code: 'E_NOT_FOUND', detail: 'no document', title: 'Not Found' },
        404,
        'application/problem+json',
      ),
    );
    await expect(api.document('x')).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
      message: 'no document',
      status: 404,
    });
    answer(json({ title: 'Bad Request' }, 400));
    await expect(api.search(new URLSearchParams())).rejects.toMatchObject({
      code: 'HTTP_400',
      message: 'Bad Request',
      status: 400,
    });
    answer(new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' }));
    const err = await api.report(new URLSearchParams()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'HTTP_502', message: 'Bad Gateway', status: 502 });
  });

  it('raises E_NETWORK when the server does not answer', async () => {
    answer(new TypeError('fetch failed'));
    await expect(api.document('x')).rejects.toMatchObject({
      code: 'E_NETWORK',
      message: 'the server did not answer (fetch failed)',
      status: 0,
    });
  });
});
