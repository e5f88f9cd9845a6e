import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline, heavyLayers, keepLayers, type NewsDocument } from '@newsprism/core';
import { type InputRecord, runDocuments } from '@newsprism/core/node';
import { openStore, type SearchRequest } from '@newsprism/store';
import autocannon from 'autocannon';
import type { BenchArticle } from './corpus.js';
import { corpus, QUERIES, timeQueries } from './store-scale.js';

/** Throughput of one autocannon run against a server in its own process. */
export interface LoadFigures {
  documents: number;
  seconds: number;
  requestsPerSec: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  /** The server process's CPU time (all its threads) per request. */
  serverCpuMsPerRequest: number;
}

/** Result of the HTTP API benchmark. */
export interface ApiBench {
  analyze: {
    documents: number;
    runnerDocsPerSec: number;
    runnerSteadyDocsPerSec: number;
    /** The server's rate on its second pass over the documents (the first warms its workers up). */
    apiDocsPerSec: number;
    /** The server's rate on its first pass, right after its workers started. */
    apiFirstPassDocsPerSec: number;
    ratio: number;
    /** CPU time a document, start-up excluded: the runner's (workers included) and the server's. */
    runnerCpuMsPerDoc: number;
    apiCpuMsPerDoc: number;
  };
  /** The search queries on a small corpus: the server's own cost per request. */
  tiny: LoadFigures;
  /** The same queries through the store in this process, ms a query (no HTTP). */
  storeMs: { tiny: { p50: number; p95: number }; full: { p50: number; p95: number } };
  /** The full store, the server's search cache off (`--search-cache 0`): every request searches. */
  search: LoadFigures & { rssMiB: number[] };
  /**
   * The full store, the server's search cache on (its default): after the warm-up every one of
   * the cycled queries is answered from the cache. Not a search's cost; the cached path's.
   */
  cached: LoadFigures;
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
): Promise<autocannon.Result & { lastResponseAt: number }> {
  let k = 0;
  // autocannon reports at its next one-second tick after the last response: a run of a fixed
  // amount is timed to its last response instead (a 200-document pass takes under a second).
  let lastResponseAt = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
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
                    headers: { 'content-type': 'text/plain; charset=utf-8' },
                    body: o.bodies[k++ % o.bodies.length],
                  }
                : { ...req, path: o.paths![k++ % o.paths!.length]! },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ ...result, lastResponseAt })),
    );
    instance.on('response', () => {
      lastResponseAt = performance.now();
    });
  });
}

/** A `newsprism serve` process of the built CLI: its URL, CPU time and RSS read from /proc. */
interface ServerProcess {
  url: string;
  cpuMs(): number;
  rssMiB(): number;
  close(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../../packages/cli/bin/newsprism.js', import.meta.url));

async function spawnServer(db: string, tag: string, flags: string[] = []): Promise<ServerProcess> {
  const prof = process.env.NEWSPRISM_BENCH_API_PROF;
  const node = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`, `--cpu-prof-name=${tag}.cpuprofile`] : [];
  const child = spawn(
    process.execPath,
    [...node, CLI, 'serve', '--db', db, '--port', '0', '--jobs', '2', '--layers', 'quotes', ...flags],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      err += d;
      const m = /serving on (\S+) /.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`newsprism serve exited ${code}: ${err}`)));
  });
  const stat = () => readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return {
    url,
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second).
    cpuMs: () => (Number(stat()[11]) + Number(stat()[12])) * 10,
    rssMiB: () => Math.round((Number(stat()[21]) * 4096) / 1048576),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Builds (or reuses, under `NEWSPRISM_BENCH_API_CACHE`) a store of `n` generated documents from
 * the analysed base documents (analysed only when a store has to be built).
 */
async function buildStore(
  base: () => Promise<readonly NewsDocument[]>,
  n: number,
  dir: string,
): Promise<string> {
  const cache = process.env.NEWSPRISM_BENCH_API_CACHE;
  const db = join(cache ?? dir, `api-${n}.db`);
  if (cache && existsSync(db)) return db;
  const store = await openStore(db);
  let batch: NewsDocument[] = [];
  for (const d of corpus(await base(), n)) {
    batch.push(d);
    if (batch.length === 1000) {
      await store.ingest(batch);
      batch = [];
    }
  }
  await store.ingest(batch);
  await store.close();
  return db;
}

async function storeMs(db: string): Promise<{ p50: number; p95: number }> {
  const store = await openStore(db);
  try {
    return await timeQueries(store, 3, false);
  } finally {
    await store.close();
  }
}

/** The search queries cycled by 16 connections for `seconds`, against a server of its own. */
async function searchLoad(
  server: ServerProcess,
  documents: number,
  seconds: number,
  rss?: number[],
): Promise<LoadFigures> {
  const paths = QUERIES.map(searchPath);
  await load(server.url, { connections: 4, amount: paths.length * 2, paths }); // caches warm
  const cpu0 = server.cpuMs();
  const timer = rss && setInterval(() => rss.push(server.rssMiB()), 10_000);
  const s = await load(server.url, { connections: 16, duration: seconds, paths });
  if (timer) clearInterval(timer);
  const requests = s.requests.total;
  return {
    documents,
    seconds,
    requestsPerSec: Math.round(s.requests.average),
    p50ms: s.latency.p50,
    p99ms: s.latency.p99,
    errors: s.errors + s.timeouts + s.non2xx,
    serverCpuMsPerRequest: Math.round(((server.cpuMs() - cpu0) / Math.max(1, requests)) * 100) / 100,
  };
}

/**
 * `npm run bench -- --only api`: the HTTP API on loopback under autocannon, the server a
 * `newsprism serve` process of its own (2 analysis workers). Analyse: the same documents through
 * core's runner (what `analyze -j 2` does; with and without its worker start-up) and through
 * `POST /api/analyze`, documents per second of each. Search: the store benchmark's queries
 * cycled by 16 connections, first on a 500-document store (the server's own cost per request),
 * then on a store of `n` generated documents for `seconds`, the server's RSS sampled every
 * 10 s — both with the server's search cache off, so that every request searches — and then
 * for up to 30 s with the cache on (every cycled query cached after the warm-up); the same
 * queries straight through the store give the store's share.
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
  /** The runner over the first `k` records: wall ms and CPU ms (this process, workers included). */
  async function runner(k: number): Promise<{ ms: number; cpuMs: number; done: number }> {
    async function* source() {
      yield* records.slice(0, k);
    }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let done = 0;
    for await (const r of runDocuments(source(), { layers: ['quotes'], jobs: 2 })) if (r.ok) done++;
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, done };
  }

  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-api-'));
  try {
    // The corpora: analysed base documents repeated with new ids, outlets and days.
    let analysed: NewsDocument[] | undefined;
    const base = async () => {
      if (!analysed) {
        // Stored as `ingest` stores them: the default layers, not `tokens` and `syntax`, which
        // the pipeline computes only as their requirements.
        const all = await createPipeline();
        const wanted = all.layers.filter((l) => !heavyLayers.includes(l));
        const keep = new Set(wanted);
        const pipeline = await createPipeline({ layers: wanted });
        analysed = articles
          .slice(0, 1000)
          .map((a) => keepLayers(pipeline.run({ id: a.id, text: a.text }), keep));
      }
      return analysed;
    };
    const tinyDb = await buildStore(async () => (await base()).slice(0, 100), 500, dir);
    const db = await buildStore(base, n, dir);
    const storeTimes = { tiny: await storeMs(tinyDb), full: await storeMs(db) };

    const small = await spawnServer(tinyDb, 'tiny', ['--search-cache', '0']);
    let tiny: LoadFigures;
    try {
      tiny = await searchLoad(small, 500, Math.min(30, seconds));
    } finally {
      await small.close();
    }

    // Right before the API's run, so that both see the same machine.
    // The runner's start-up (two workers loading the layer) is the cost of a run on two documents;
    // the steady rate is what 200 documents cost beyond it.
    const few = await runner(2);
    const all = await runner(records.length);
    const runnerDocsPerSec = (all.done * 1000) / all.ms;
    const steady = all.done - few.done;
    const runnerSteadyDocsPerSec = (steady * 1000) / (all.ms - few.ms);
    const runnerCpuMsPerDoc = (all.cpuMs - few.cpuMs) / steady;
    const server = await spawnServer(db, 'full', ['--search-cache', '0']);
    try {
      // The article as a .txt file holds it, read as the runner reads its input (first line a title).
      const bodies = sample.map((a) => a.text);
      await load(server.url, { connections: 2, amount: 4, bodies }); // workers started
      // The first pass over the documents is the workers' warm-up (their code compiled as it
      // runs: about half the rate of what follows); a server serves many more, so the rate
      // compared with the runner's steady one is the second pass's.
      const pass = async () => {
        const cpu0 = server.cpuMs();
        const t = performance.now();
        const a = await load(server.url, { connections: 4, amount: bodies.length, bodies });
        return {
          docsPerSec: (a['2xx'] * 1000) / (a.lastResponseAt - t),
          cpuMsPerDoc: (server.cpuMs() - cpu0) / Math.max(1, a['2xx']),
        };
      };
      const cold = await pass();
      const second = await pass();
      const apiDocsPerSec = second.docsPerSec;
      const apiCpuMsPerDoc = second.cpuMsPerDoc;
      const rss: number[] = [server.rssMiB()];
      const search = await searchLoad(server, n, seconds, rss);
      await server.close();
      const warm = await spawnServer(db, 'cached');
      let cached: LoadFigures;
      try {
        cached = await searchLoad(warm, n, Math.min(30, seconds));
      } finally {
        await warm.close();
      }
      return {
        analyze: {
          documents: sample.length,
          runnerDocsPerSec: Math.round(runnerDocsPerSec * 10) / 10,
          runnerSteadyDocsPerSec: Math.round(runnerSteadyDocsPerSec * 10) / 10,
          apiDocsPerSec: Math.round(apiDocsPerSec * 10) / 10,
          apiFirstPassDocsPerSec: Math.round(cold.docsPerSec * 10) / 10,
          ratio: Math.round((apiDocsPerSec / runnerSteadyDocsPerSec) * 100) / 100,
          runnerCpuMsPerDoc: Math.round(runnerCpuMsPerDoc * 10) / 10,
          apiCpuMsPerDoc: Math.round(apiCpuMsPerDoc * 10) / 10,
        },
        tiny,
        storeMs: storeTimes,
        search: { ...search, rssMiB: rss },
        cached,
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
