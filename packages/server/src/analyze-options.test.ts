import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@newsprism/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzerOptions } from './analysis.js';
import { createApp } from './app.js';
import { poolAnalysis } from './pool-analysis.js';
import { inProcessAnalysis } from './testing.js';

// A short wire story written for this test (line 1 the title): long enough for the genre model.
const WIRE = [
  'Ministers meet in Brussels',
  'BRUSSELS (Example Wire) - European ministers met on Tuesday to discuss the budget for next year, officials said. The talks lasted five hours and ended without a deal, according to two diplomats who attended the meeting.',
  'A spokesman for the commission said further talks would be held next week in Luxembourg.',
].join('\n');

const NEWS_WIRE = { reporting: 0.85, opinion: 0.14, satire: 0.01 };

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'np-options-'));
  store = await openStore(join(dir, 'test.db'));
  const analysis = await inProcessAnalysis(['genre']);
  app = createApp({
    analysis,
    store,
    token: 'tok',
    version: '0.0.0-test',
    limits: { bodyBytes: 200_000, documents: 5 },
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Doc = {
  id: string;
  genre?: { prior?: unknown };
  producers: { genre?: { options?: { prior?: unknown; why?: unknown } } };
};

const post = (path: string, type: string, body: string) =>
  app.request(path, { method: 'POST', headers: { 'content-type': type }, body });

async function problem(res: Response): Promise<{ code: string; status: number; detail: string }> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { code: string; status: number; detail: string };
}

describe('POST /api/analyze with options (issue 14)', () => {
  it("applies a record's options and records them in the producers; without, the server's defaults", async () => {
    const res = await post(
      '/api/analyze',
      'application/json',
      JSON.stringify({ id: 'w', text: WIRE, options: { genre: { prior: 'news-wire' } } }),
    );
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.genre?.prior).toEqual(NEWS_WIRE);
    expect(doc.producers.genre?.options?.prior).toBe('news-wire');
    const plain = (await (
      await post('/api/analyze', 'application/json', JSON.stringify({ text: WIRE }))
    ).json()) as Doc;
    expect(plain.genre?.prior).toBeUndefined();
    expect(plain.producers.genre?.options?.prior).toBeUndefined();
  });

  it("takes ?options= for a text body, and a record's options over them", async () => {
    const q = `?options=${encodeURIComponent(JSON.stringify({ genre: { prior: 'newspaper' } }))}`;
    const text = (await (await post(`/api/analyze${q}`, 'text/plain', WIRE)).json()) as Doc;
    expect(text.producers.genre?.options?.prior).toBe('newspaper');
    const lines = [
      { id: 'a', text: WIRE },
      { id: 'b', text: WIRE, options: { genre: { prior: 'news-wire' } } },
    ];
    const res = await post(
      `/api/analyze${q}`,
      'application/x-ndjson',
      lines.map((l) => JSON.stringify(l)).join('\n'),
    );
    const docs = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc);
    expect(docs.map((d) => d.producers.genre?.options?.prior)).toEqual(['newspaper', 'news-wire']);
  });

  it.each([
    [
      { genre: { prior: 'newswire' } },
      'E_OPTION_VALUE',
      'option "prior" of analyzer "genre" must be a preset (news-wire, newspaper)',
    ],
    // A name every object inherits is no preset (it passed, and the prior came out NaN).
    [
      { genre: { prior: 'constructor' } },
      'E_OPTION_VALUE',
      'option "prior" of analyzer "genre" must be a preset (news-wire, newspaper)',
    ],
    [
      { genre: { prio: 'news-wire' } },
      'E_UNKNOWN_OPTION',
      'analyzer "genre" has no option "prio"; its options: model, why, minWords, prior',
    ],
    [{ genr: { prior: 'news-wire' } }, 'E_UNKNOWN_ANALYZER', 'no analyzer named "genr"; known: language,'],
    [
      { genre: { why: '2' } },
      'E_OPTION_TYPE',
      'option "why" of analyzer "genre" must be a number, got string "2"',
    ],
    [
      { genre: 'news-wire' },
      'E_OPTION_TYPE',
      'options are an object of analyzers\' options, like {"genre": {"prior": "news-wire"}}',
    ],
  ])('refuses options %j with 400 %s, worded as the CLI', async (options, code, detail) => {
    const res = await post('/api/analyze', 'application/json', JSON.stringify({ text: WIRE, options }));
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code, status: 400, detail: expect.stringContaining(detail) });
    const q = await post(
      `/api/analyze?options=${encodeURIComponent(JSON.stringify(options))}`,
      'text/plain',
      WIRE,
    );
    expect(q.status).toBe(400);
    expect((await problem(q)).code).toBe(code);
  });

  it('refuses ?options= that is not JSON, and fails only the NDJSON line whose own options are bad', async () => {
    const res = await post('/api/analyze?options=genre.prior%3Dnews-wire', 'text/plain', WIRE);
    expect(await problem(res)).toMatchObject({
      code: 'E_OPTION_TYPE',
      status: 400,
      detail: expect.stringContaining('must be JSON'),
    });
    const lines = [{ text: WIRE, options: { genre: { prior: 'wire' } } }, { text: WIRE }];
    const nd = await post(
      '/api/analyze',
      'application/x-ndjson',
      lines.map((l) => JSON.stringify(l)).join('\n'),
    );
    expect(nd.status).toBe(200);
    const [bad, good] = (await nd.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(bad).toMatchObject({ line: 1, error: { code: 'E_OPTION_VALUE', status: 400 } });
    expect(good.producers.genre).toBeDefined();
  });

  it('refuses a request whose documents carry more than four option sets, before analysing any (E_TOO_MANY_OPTION_SETS)', async () => {
    const withWhy = (why: number) => ({ text: WIRE, options: { genre: { why } } });
    const nd = (lines: object[], q = '') =>
      post(`/api/analyze${q}`, 'application/x-ndjson', lines.map((l) => JSON.stringify(l)).join('\n'));
    // Four sets (a repeated one counts once, key order aside): analysed.
    const four = [
      { text: WIRE, options: { genre: { why: 5, minWords: 0 } } },
      withWhy(1),
      withWhy(2),
      withWhy(3),
      { text: WIRE, options: { genre: { minWords: 0, why: 5 } } },
    ];
    const ok = await nd(four);
    expect(ok.status).toBe(200);
    const docs = (await ok.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc);
    expect(docs.map((d) => d.producers.genre?.options?.why)).toEqual([5, 1, 2, 3, 5]);
    const five = await nd([withWhy(1), withWhy(2), withWhy(3), withWhy(4), withWhy(5)]);
    expect(await problem(five)).toMatchObject({
      code: 'E_TOO_MANY_OPTION_SETS',
      status: 400,
      detail: expect.stringMatching(
        /carry 5 different analyzer option sets, over the 4 one request may; send .* separate requests/,
      ),
    });
    // ?options= alone is one set; laid under each record's, four sets of records and the
    // query's own (for the record without) are five.
    const q = `?options=${encodeURIComponent(JSON.stringify({ genre: { prior: 'newspaper' } }))}`;
    expect((await nd([withWhy(1), withWhy(2), withWhy(3), withWhy(4)], q)).status).toBe(200);
    expect(
      (await problem(await nd([withWhy(1), withWhy(2), withWhy(3), withWhy(4), { text: WIRE }], q))).code,
    ).toBe('E_TOO_MANY_OPTION_SETS');
  });

  it('refuses an option naming a file on the server with 403 E_OPTION_NOT_ALLOWED', async () => {
    for (const options of [{ genre: { model: '/etc/passwd' } }, { naming: { gazetteers: ['/etc/hosts'] } }]) {
      const res = await post('/api/analyze', 'application/json', JSON.stringify({ text: WIRE, options }));
      expect(await problem(res)).toMatchObject({
        code: 'E_OPTION_NOT_ALLOWED',
        status: 403,
        detail: expect.stringMatching(
          /names a file and cannot be given with a request; give it to the server \(serve --set/,
        ),
      });
    }
  });
});

/** `POST /api/documents` with the token, and its results. */
async function ingest(
  q: string,
  type: string,
  body: string,
): Promise<{ status: number; results: Record<string, unknown>[] }> {
  const res = await app.request(`/api/documents${q}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: 'Bearer tok' },
    body,
  });
  const json = (await res.json()) as { results: Record<string, unknown>[] };
  return { status: res.status, results: json.results ?? json };
}

const storedGenre = async (id: string) => {
  const doc = (await store.get(id))! as unknown as Doc;
  return { prior: doc.genre?.prior, options: doc.producers.genre?.options ?? {} };
};

describe('POST /api/documents with options (issue 14)', () => {
  it("stores with a record's options and ?options=, recorded in the producers", async () => {
    const lines = [
      { id: 's1', text: WIRE, options: { genre: { prior: 'news-wire' } } },
      { id: 's2', text: `${WIRE} Again.` },
    ];
    const q = `?options=${encodeURIComponent(JSON.stringify({ genre: { prior: 'newspaper' } }))}`;
    const r = await ingest(q, 'application/x-ndjson', lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(r.status).toBe(200);
    expect(r.results).toEqual([
      { line: 1, id: 's1', status: 'added' },
      { line: 2, id: 's2', status: 'added' },
    ]);
    expect(await storedGenre('s1')).toMatchObject({ prior: NEWS_WIRE, options: { prior: 'news-wire' } });
    expect((await storedGenre('s2')).options.prior).toBe('newspaper');
    const text = await ingest(q, 'text/plain', `Other title\n${WIRE}`);
    const id = text.results[0]!.id as string;
    expect((await storedGenre(id)).options.prior).toBe('newspaper');
  });

  it('names the layers of an unchanged document stored with other options, and leaves it as stored', async () => {
    const again = (options?: object) =>
      ingest(
        '',
        'application/json',
        JSON.stringify({ id: 's1', text: WIRE, ...(options ? { options } : {}) }),
      );
    expect((await again({ genre: { prior: 'news-wire' } })).results).toEqual([
      { line: 1, id: 's1', status: 'unchanged' },
    ]);
    expect((await again({ genre: { prior: 'news-wire', why: 4 } })).results).toEqual([
      { line: 1, id: 's1', status: 'unchanged' },
    ]);
    for (const options of [undefined, { genre: { prior: 'newspaper' } }, { genre: { prior: 'default' } }])
      expect((await again(options)).results).toEqual([
        { line: 1, id: 's1', status: 'unchanged', otherOptions: ['genre'] },
      ]);
    expect((await storedGenre('s1')).options.prior).toBe('news-wire');
  });

  it('?reanalyze=other-options analyses again only the unchanged documents stored with other options, and replaces them', async () => {
    const lines = [
      { id: 'r1', text: WIRE },
      { id: 'r2', text: `${WIRE} Two.` },
    ];
    const body = lines.map((l) => JSON.stringify(l)).join('\n');
    const first = await ingest('', 'application/x-ndjson', body);
    expect(first.results.map((r) => r.status)).toEqual(['added', 'added']);
    // r1 again with a prior: stored with it; r2 keeps the defaults.
    const one = JSON.stringify({ ...lines[0], options: { genre: { prior: 'news-wire' } } });
    expect((await ingest('', 'application/json', one)).results).toEqual([
      { line: 1, id: 'r1', status: 'unchanged', otherOptions: ['genre'] },
    ]);
    expect((await ingest('?reanalyze=other-options', 'application/json', one)).results).toEqual([
      { line: 1, id: 'r1', status: 'reanalysed', otherOptions: ['genre'] },
    ]);
    expect(await storedGenre('r1')).toMatchObject({ prior: NEWS_WIRE, options: { prior: 'news-wire' } });
    // Both with the defaults: only r1 (now with the prior) is analysed again; r2 is left as it is.
    const r = await ingest('?reanalyze=other-options', 'application/x-ndjson', body);
    expect(r.results).toEqual([
      { line: 1, id: 'r1', status: 'reanalysed', otherOptions: ['genre'] },
      { line: 2, id: 'r2', status: 'unchanged' },
    ]);
    expect((await storedGenre('r1')).options.prior).toBeUndefined();
    expect(
      (await ingest('?reanalyze=other-options', 'application/x-ndjson', body)).results.map((x) => x.status),
    ).toEqual(['unchanged', 'unchanged']);
    const bad = await app.request('/api/documents?reanalyze=all', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer tok' },
      body: WIRE,
    });
    expect(await problem(bad)).toMatchObject({
      code: 'E_BAD_REQUEST',
      status: 400,
      detail:
        '"reanalyze": the one value is other-options; leave it out to keep such documents unchanged (got "all")',
    });
  });

  it('?reanalyze=other-options stores the lines in order in one transaction: a later line of the id wins', async () => {
    expect((await ingest('', 'application/json', JSON.stringify({ id: 'o1', text: WIRE }))).results).toEqual([
      { line: 1, id: 'o1', status: 'added' },
    ]);
    const lines = [
      { id: 'o1', text: WIRE, options: { genre: { prior: 'news-wire' } } },
      { id: 'o1', text: `${WIRE} Later.` },
    ];
    const r = await ingest(
      '?reanalyze=other-options',
      'application/x-ndjson',
      lines.map((l) => JSON.stringify(l)).join('\n'),
    );
    expect(r.results).toEqual([
      { line: 1, id: 'o1', status: 'reanalysed', otherOptions: ['genre'] },
      { line: 2, id: 'o1', status: 'replaced' },
    ]);
    expect((await store.get('o1'))!.text).toBe(`${WIRE} Later.`);
    expect((await storedGenre('o1')).options.prior).toBeUndefined();
  });

  it('?reanalyze=other-options on a server making fewer layers than a document holds keeps the others, and refuses when one reads a layer it makes again', async () => {
    const full = createApp({
      analysis: await inProcessAnalysis(),
      store,
      token: 'tok',
      version: '0.0.0-test',
    });
    const body = JSON.stringify({ id: 'n1', text: WIRE });
    const put = async (served: ReturnType<typeof createApp>, q: string, b: string) =>
      (await (
        await served.request(`/api/documents${q}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
          body: b,
        })
      ).json()) as { results: Record<string, unknown>[] };
    expect((await put(full, '', body)).results).toEqual([{ line: 1, id: 'n1', status: 'added' }]);
    const before = (await store.get('n1'))!;
    const held = Object.keys(before.producers);
    expect(held).toEqual(expect.arrayContaining(['techniques', 'quotes', 'claims', 'genre']));
    const wire = JSON.stringify({ id: 'n1', text: WIRE, options: { genre: { prior: 'news-wire' } } });
    expect((await ingest('?reanalyze=other-options', 'application/json', wire)).results).toEqual([
      { line: 1, id: 'n1', status: 'reanalysed', otherOptions: ['genre'] },
    ]);
    const after = (await store.get('n1'))!;
    expect(Object.keys(after.producers)).toEqual(held);
    expect(after.genre?.prior).toEqual(NEWS_WIRE);
    for (const l of ['techniques', 'quotes', 'claims'] as const) expect(after[l]).toEqual(before[l]);
    // A server making quotes again, under the stored claims that read them: the line fails, nothing changes.
    const quotes = createApp({
      analysis: await inProcessAnalysis(['quotes']),
      store,
      token: 'tok',
      version: '0.0.0-test',
    });
    const strict = JSON.stringify({ id: 'n1', text: WIRE, options: { quotes: { minCueReliability: 0.9 } } });
    const refused = await put(quotes, '?reanalyze=other-options', strict);
    expect(refused.results).toEqual([
      {
        line: 1,
        error: expect.objectContaining({ code: 'E_REANALYZE_LAYERS', status: 409 }),
      },
    ]);
    expect((refused.results[0]!.error as { detail: string }).detail).toMatch(
      /^"n1" is stored with layers \(.*claims.*\) that read quotes, which this server makes again without them \(serve --layers /,
    );
    expect(await store.get('n1')).toEqual(after);
    // Options for a stored layer the server makes only as a requirement (`language`): made again
    // and compared like the others, not copied from the stored document as if reanalysed.
    const lqe = createApp({
      analysis: await inProcessAnalysis(['language', 'quotes', 'entities']),
      store,
      token: 'tok',
      version: '0.0.0-test',
    });
    const n3 = JSON.stringify({ id: 'n3', text: WIRE });
    expect((await put(lqe, '', n3)).results).toEqual([{ line: 1, id: 'n3', status: 'added' }]);
    const held3 = (await store.get('n3'))!;
    expect(Object.keys(held3.producers).sort()).toEqual(['entities', 'language', 'quotes']);
    const lang = `?reanalyze=other-options&options=${encodeURIComponent(JSON.stringify({ language: { minConfidence: 0.5 } }))}`;
    // Under the kept entities, which read language: refused, naming the layers the server was given.
    const byQuotes = await put(quotes, lang, n3);
    expect(byQuotes.results).toEqual([
      { line: 1, error: expect.objectContaining({ code: 'E_REANALYZE_LAYERS', status: 409 }) },
    ]);
    expect((byQuotes.results[0]!.error as { detail: string }).detail).toMatch(
      /^"n3" is stored with layers \(entities\) that read language, quotes, which this server makes again without them \(serve --layers quotes\);/,
    );
    expect(await store.get('n3')).toEqual(held3);
    // A server making every stored layer: language stored with the new options, then unchanged.
    const two = createApp({
      analysis: await inProcessAnalysis(['quotes', 'entities']),
      store,
      token: 'tok',
      version: '0.0.0-test',
    });
    expect((await put(two, lang, n3)).results).toEqual([
      { line: 1, id: 'n3', status: 'reanalysed', otherOptions: ['language'] },
    ]);
    const again = (await store.get('n3'))!;
    expect(Object.keys(again.producers).sort()).toEqual(['entities', 'language', 'quotes']);
    expect(again.producers.language?.options).toMatchObject({ minConfidence: 0.5 });
    expect((await put(two, lang, n3)).results).toEqual([{ line: 1, id: 'n3', status: 'unchanged' }]);
  }, 120_000);

  it('refuses bad options with the codes of analyze: ?options= the whole request, a record its line', async () => {
    const q = await app.request(
      `/api/documents?options=${encodeURIComponent(JSON.stringify({ genre: { prior: 'wire' } }))}`,
      { method: 'POST', headers: { 'content-type': 'text/plain', authorization: 'Bearer tok' }, body: WIRE },
    );
    expect(await problem(q)).toMatchObject({ code: 'E_OPTION_VALUE', status: 400 });
    const lines = [
      { id: 'b1', text: WIRE, options: { genre: { prior: 'wire' } } },
      { id: 'b2', text: WIRE, options: { genre: { model: '/etc/passwd' } } },
      { id: 'b3', text: WIRE, options: { genre: 'news-wire' } },
      // Unchanged, so not analysed: its options are still checked.
      { id: 's1', text: WIRE, options: { genre: { prior: 'wire' } } },
    ];
    const r = await ingest('', 'application/x-ndjson', lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(r.results.map((x) => (x.error as { code: string; status: number }).code)).toEqual([
      'E_OPTION_VALUE',
      'E_OPTION_NOT_ALLOWED',
      'E_OPTION_TYPE',
      'E_OPTION_VALUE',
    ]);
    expect((r.results[1]!.error as { status: number }).status).toBe(403);
    for (const id of ['b1', 'b2', 'b3']) expect(await store.get(id)).toBeUndefined();
    const withWhy = (why: number) => JSON.stringify({ text: `${WIRE} ${why}`, options: { genre: { why } } });
    const five = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer tok' },
      body: [1, 2, 3, 4, 5].map(withWhy).join('\n'),
    });
    expect(await problem(five)).toMatchObject({ code: 'E_TOO_MANY_OPTION_SETS', status: 400 });
  });
});

describe("a server started with options (serve --set): a request's `default` unsets them, /api/health shows them", () => {
  it('shows the non-file options and analyses a request with genre.prior=default without the prior', async () => {
    const analysis = await inProcessAnalysis(['genre'], { genre: { prior: 'news-wire', model: '' } });
    const served = createApp({
      analysis,
      version: '0.0.0-test',
      limits: { bodyBytes: 200_000, documents: 5 },
    });
    const health = (await (await served.request('/api/health')).json()) as { analysis: { options: unknown } };
    expect(health.analysis.options).toEqual({ genre: { prior: 'news-wire' } });
    const analyse = async (options?: object) =>
      (await (
        await served.request('/api/analyze', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: WIRE, ...(options ? { options } : {}) }),
        })
      ).json()) as Doc;
    expect((await analyse()).genre?.prior).toEqual(NEWS_WIRE);
    const reset = await analyse({ genre: { prior: 'default' } });
    expect(reset.genre?.prior).toBeUndefined();
    expect(reset.producers.genre?.options).not.toHaveProperty('prior');
    // A server without options shows none.
    const plain = (await (await app.request('/api/health')).json()) as { analysis: { options: unknown } };
    expect(plain.analysis.options).toEqual({});
  });
});

describe('POST /api/documents on a server started with a file option (serve --set quotes.learned=off)', () => {
  it("names the layers stored with other model files than the server's, not only other options", async () => {
    const own = await openStore(join(dir, 'files.db'));
    const serve = async (options?: AnalyzerOptions) =>
      createApp({
        analysis: await inProcessAnalysis(['quotes', 'genre'], options),
        store: own,
        token: 'tok',
        version: '0.0.0-test',
        limits: { bodyBytes: 200_000, documents: 5 },
      });
    const send = async (served: ReturnType<typeof createApp>, options?: object) => {
      const res = await served.request('/api/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
        body: JSON.stringify({ id: 'f1', text: WIRE, ...(options ? { options } : {}) }),
      });
      return ((await res.json()) as { results: Record<string, unknown>[] }).results;
    };
    try {
      expect(await send(await serve())).toEqual([{ line: 1, id: 'f1', status: 'added' }]);
      const off = await serve({ genre: { prior: 'news-wire' }, quotes: { learned: 'off' } });
      expect(await send(off)).toEqual([
        { line: 1, id: 'f1', status: 'unchanged', otherOptions: ['genre', 'quotes'] },
      ]);
      // A request setting both back to the shipped defaults asks for what is stored.
      expect(await send(off, { genre: { prior: 'default' }, quotes: { learned: 'default' } })).toEqual([
        { line: 1, id: 'f1', status: 'unchanged' },
      ]);
    } finally {
      await own.close();
    }
  }, 60_000);
});

// The production path: the worker pool of `serve`, with `serve --set genre.why=2` as its base.
describe('POST /api/analyze with options through the worker pool', { timeout: 120_000 }, () => {
  it("lays a record's options over the server's --set in a worker, and leaves another record's alone", async () => {
    const analysis = await poolAnalysis({
      layers: ['genre'],
      options: { genre: { why: 2, model: '' } },
      jobs: 1,
      timeBudgetMs: 60_000,
    });
    // What /api/health shows: the server's options as its workers apply them, files left out.
    expect(analysis.options).toEqual({ genre: { why: 2 } });
    try {
      const pooled = createApp({
        analysis,
        version: '0.0.0-test',
        limits: { bodyBytes: 200_000, documents: 5 },
      });
      const lines = [
        { id: 'a', text: WIRE, options: { genre: { prior: 'news-wire' } } },
        { id: 'b', text: WIRE },
        { id: 'c', text: WIRE, options: { genre: { why: 'default' } } },
      ];
      const res = await pooled.request('/api/analyze', {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: lines.map((l) => JSON.stringify(l)).join('\n'),
      });
      expect(res.status).toBe(200);
      const [a, b, c] = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Doc);
      expect(a!.producers.genre?.options).toMatchObject({ why: 2, prior: 'news-wire' });
      expect(a!.genre?.prior).toEqual(NEWS_WIRE);
      expect(b!.producers.genre?.options).toMatchObject({ why: 2 });
      expect(b!.producers.genre?.options?.prior).toBeUndefined();
      expect(b!.genre?.prior).toBeUndefined();
      // `default` unsets the server's own option in the worker: genre's default why (4).
      expect(c!.producers.genre?.options).toMatchObject({ why: 4 });
    } finally {
      await analysis.close();
    }
  });
});
