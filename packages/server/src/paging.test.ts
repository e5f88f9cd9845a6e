import { openStore, type Store } from '@newsprism/store';
import { postgresAvailable, postgresBackend, sqliteBackend, type TestDb } from '@newsprism/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from './analysis.js';
import { createApp } from './app.js';
import { inProcessAnalysis } from './testing.js';

// Cursor paging while documents are ingested: every page is fetched with an ingest of new
// matching documents running at the same time, and another finishing before the next page.
// The new documents change the corpus statistics relevance scores depend on (on SQLite, bm25's
// document frequency and average length), so a cursor that kept the last score as a number
// would repeat or skip hits. Pre-existing hits must each come exactly once.

const TOKEN = 'paging-token';
const FILLER = ['harbour', 'weather', 'council', 'river', 'market', 'school', 'bridge', 'garden'];

/** A document that names "sanctions" `k` times among `words` other words. */
function record(id: string, k: number, words: number, published: string): string {
  const body = Array.from({ length: words }, (_, j) => FILLER[(j * 7 + k) % FILLER.length]).join(' ');
  const hits = Array.from({ length: k }, () => 'Sanctions were discussed again.').join(' ');
  return JSON.stringify({
    id,
    title: `Report ${id}`,
    outlet: k % 2 ? 'Example Wire' : 'Example Daily',
    published,
    text: `The ${body} story. ${hits} The ${body.split(' ').reverse().join(' ')} end.`,
  });
}

const day = (i: number) => `2023-0${1 + (i % 6)}-${String(10 + (i % 17)).padStart(2, '0')}`;
// Pre-existing hits of differing term counts and lengths, several on one day (ties).
const BEFORE = Array.from({ length: 48 }, (_, i) =>
  record(`old-${i}`, 1 + (i % 4), 4 + ((i * 5) % 23), day(i)),
);

const hasPostgres = await postgresAvailable();

describe.each([
  { backend: sqliteBackend, skip: false },
  { backend: postgresBackend, skip: !hasPostgres && process.env.CI !== 'true' },
])('cursor paging under concurrent ingest on $backend.name', ({ backend, skip }) => {
  let db: TestDb;
  let store: Store;
  let analysis: Analysis;
  let app: ReturnType<typeof createApp>;
  let batch = 0;

  /** Ingests `n` new matching documents over the API (short and term-dense: they shift bm25). */
  async function ingestNew(n: number): Promise<void> {
    const b = batch++;
    const body = Array.from({ length: n }, (_, i) =>
      record(`new-${b}-${i}`, 3 + (i % 5), 1 + (i % 3), day(b + i)),
    ).join('\n');
    const res = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${TOKEN}` },
      body,
    });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    if (skip) return;
    db = await backend.create();
    store = await openStore(db.url);
    analysis = await inProcessAnalysis(['quotes']);
    app = createApp({ analysis, store, token: TOKEN, version: 'paging' });
    const res = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${TOKEN}` },
      body: BEFORE.join('\n'),
    });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  /** Pages through `query` 5 hits at a time, ingesting while each page is fetched. */
  async function pageThrough(query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 40; n++) {
      const url = `/api/search?${query}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const [res] = await Promise.all([app.request(url), ingestNew(3)]);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { hits: { id: string }[]; next?: string };
      seen.push(...page.hits.map((h) => h.id));
      if (!page.next) return seen;
      cursor = page.next;
      await ingestNew(2);
    }
    throw new Error('paging did not end');
  }

  it.skipIf(skip)(
    'by relevance: no hit twice, no pre-existing hit skipped',
    async () => {
      const ids = await pageThrough('q=sanctions');
      expect(ids.length).toBe(new Set(ids).size);
      const old = ids.filter((id) => id.startsWith('old-'));
      expect(old.sort()).toEqual(BEFORE.map((r) => JSON.parse(r).id as string).sort());
    },
    120_000,
  );

  it.skipIf(skip)(
    'by date: no hit twice, no pre-existing hit skipped',
    async () => {
      const ids = await pageThrough('q=sanctions&sort=date');
      expect(ids.length).toBe(new Set(ids).size);
      const old = ids.filter((id) => id.startsWith('old-'));
      expect(old.sort()).toEqual(BEFORE.map((r) => JSON.parse(r).id as string).sort());
    },
    120_000,
  );
});
