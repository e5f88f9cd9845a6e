import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline, type NewsDocument } from '@newsprism/core';
import { type InputRecord, runDocuments } from '@newsprism/core/node';
import { startServer } from '@newsprism/server';
import { openStore, type SearchRequest } from '@newsprism/store';
import autocannon from 'autocannon';
import type { BenchArticle } from './corpus.js';
import { corpus, QUERIES } from './store-scale.js';

/** Result of the HTTP API benchmark. */
export interface ApiBench {
  analyze: { documents: number; runnerDocsPerSec: number; apiDocsPerSec: number; ratio: number };
  search: {
    documents: number;
    seconds: number;
    requestsPerSec: number;
    p99ms: number;
    errors: number;
    rssMiB: number[];
  };
}

/** The URL query of a search request (the API's parameter names). */
function searchPath(q: SearchRequest): string {
  const p = new URLSearchParams();
  if (q.query) p.set('q', q.query);
  for (const o of q.outlet ?? []) p.append('outlet', o);
  for (const l of q.lang ?? []) p.append('lang', l);
  for (const t of q.technique ?? []) p.append('technique', t);
  for (const e of q.entity ?? []) p.append('entity', e);
  for (const s of q.sourceType ?? []) p.append('source_type', s);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.sort) p.set('sort', q.sort);
  return `/api/search?${p}`;
}

/** Runs autocannon over `paths` (cycled) or over POST bodies, bounded in time or count. */
function load(
  url: string,
  o: { connections: number; duration?: number; amount?: number; paths?: string[]; bodies?: string[] },
): Promise<autocannon.Result> {
  let k = 0;
  return autocannon({
    url,
    connections: o.connections,
    ...(o.amount !== undefined ? { amount: o.amount } : { duration: o.duration }),
    requests: [
      {
        setupRequest: (req) =>
          o.bodies
            ? {
                ...req,
                method: 'POST',
                path: '/api/analyze?layers=quotes',
                headers: { 'content-type': 'application/json' },
                body: o.bodies[k++ % o.bodies.length],
              }
            : { ...req, path: o.paths![k++ % o.paths!.length]! },
      },
    ],
  });
}

/**
 * `npm run bench -- --only api`: the HTTP API on loopback under autocannon. Analyse: the same
 * documents through core's runner (what `analyze -j 2` does) and through `POST /api/analyze`
 * with two workers, documents per second of each. Search: a store of `n` generated documents
 * (the store benchmark's corpus), the store benchmark's queries cycled by 16 connections for
 * `seconds`, with the server's RSS sampled every 10 s.
 */
export async function benchApi(
  articles: readonly BenchArticle[],
  n = 100_000,
  seconds = 120,
): Promise<ApiBench> {
  const sample = articles
    .filter((_, i) => i % Math.max(1, Math.floor(articles.length / 200)) === 0)
    .slice(0, 200);
  const records: InputRecord[] = sample.map((a) => ({
    ok: true,
    id: a.id,
    source: a.id,
    input: { id: a.id, text: a.text },
  }));
  async function* source() {
    yield* records;
  }
  let t = performance.now();
  let done = 0;
  for await (const r of runDocuments(source(), { layers: ['quotes'], jobs: 2 })) if (r.ok) done++;
  const runnerDocsPerSec = (done * 1000) / (performance.now() - t);

  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-api-'));
  const db = join(dir, 'api.db');
  try {
    // The corpus: analysed base documents repeated with new ids, outlets and days.
    const pipeline = await createPipeline({});
    const base: NewsDocument[] = articles.slice(0, 1000).map((a) => pipeline.run({ id: a.id, text: a.text }));
    const store = await openStore(db);
    let batch: NewsDocument[] = [];
    for (const d of corpus(base, n)) {
      batch.push(d);
      if (batch.length === 1000) {
        await store.ingest(batch);
        batch = [];
      }
    }
    await store.ingest(batch);
    await store.close();

    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      db,
      jobs: 2,
      layers: ['quotes'],
      timeBudgetMs: 60_000,
      version: 'bench',
    });
    try {
      const bodies = sample.map((a) => JSON.stringify({ id: a.id, text: a.text }));
      await load(server.url, { connections: 2, amount: 4, bodies }); // workers warm
      t = performance.now();
      const a = await load(server.url, { connections: 4, amount: bodies.length, bodies });
      const apiDocsPerSec = (a['2xx'] * 1000) / (performance.now() - t);
      const rss: number[] = [];
      const timer = setInterval(() => rss.push(Math.round(process.memoryUsage().rss / 1048576)), 10_000);
      const s = await load(server.url, {
        connections: 16,
        duration: seconds,
        paths: QUERIES.map(searchPath),
      });
      clearInterval(timer);
      return {
        analyze: {
          documents: sample.length,
          runnerDocsPerSec: Math.round(runnerDocsPerSec * 10) / 10,
          apiDocsPerSec: Math.round(apiDocsPerSec * 10) / 10,
          ratio: Math.round((apiDocsPerSec / runnerDocsPerSec) * 100) / 100,
        },
        search: {
          documents: n,
          seconds,
          requestsPerSec: Math.round(s.requests.average),
          p99ms: s.latency.p99,
          errors: s.errors + s.timeouts + s.non2xx,
          rssMiB: rss,
        },
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
