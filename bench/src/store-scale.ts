import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewsDocument } from '@newsprism/core';
import { openStore, type SearchRequest, type Store } from '@newsprism/store';
import pg from 'pg';
import { quantile, r3 } from './stats.js';

const OUTLETS = [
  'RT',
  'Sputnik',
  'TASS',
  'RIA Novosti',
  'UrduPoint News',
  'Pravda',
  'BBC',
  'Reuters',
  'AP',
  'CNN',
  'The Guardian',
  'Meduza',
  'Kyiv Independent',
  'Le Monde',
  'Der Spiegel',
  'Al Jazeera',
  'Fox News',
];

/**
 * The `n`-document corpus: the analysed bench documents repeated with new ids, outlets and
 * publication days spread over 24 months (the texts and layers repeat; the query tables and
 * the index grow as with real documents of the same kind).
 */
export function* corpus(base: readonly NewsDocument[], n: number): Generator<NewsDocument> {
  const day0 = Date.UTC(2022, 0, 1);
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length]!;
    const published = new Date(day0 + ((i * 7919) % 730) * 86_400_000).toISOString().slice(0, 10);
    yield { ...b, id: `g${i}`, meta: { ...b.meta, outlet: OUTLETS[(i * 31) % OUTLETS.length]!, published } };
  }
}

/** Queries and filters the search timings cycle through. */
export const QUERIES: SearchRequest[] = [
  { query: 'sanctions' },
  { query: 'Украины' },
  { query: '"White House"' },
  { query: 'Putin AND NATO' },
  { query: 'украин*' },
  { query: 'vaccine OR covid' },
  { query: 'election NOT Trump' },
  { query: 'Zelensky', outlet: ['RT', 'BBC'] },
  { query: 'refugees', from: '2023-01', to: '2023-06' },
  { query: 'migrants', lang: ['en'] },
  { query: '"European Union"' },
  { query: 'oil AND gas' },
  { query: 'Песков' },
  { query: 'climate', sort: 'date' },
  { query: 'war', technique: ['Loaded_Language'] },
  { query: 'Kiev OR Kyiv', entity: ['Kyiv'] },
  { query: 'church' },
  { query: 'immigration', sourceType: ['anonymous'] },
];

/**
 * p95 and median ms of running every query `rounds` times: wall, and this process's CPU time.
 * With `allNames`, each query also searches every name of the gazetteer entities it names.
 */
export async function timeQueries(
  store: Store,
  rounds: number,
  facets: boolean,
  allNames = false,
): Promise<{ p50: number; p95: number; cpuP50: number; cpuP95: number }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  const names = allNames ? { allNames } : {};
  for (const q of QUERIES) await store.search({ ...q, ...names, facets });
  for (let r = 0; r < rounds; r++)
    for (const q of QUERIES) {
      const c = process.cpuUsage();
      const t = performance.now();
      await store.search({ ...q, ...names, facets });
      ms.push(performance.now() - t);
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
    }
  return {
    p50: r3(quantile(ms, 0.5)),
    p95: r3(quantile(ms, 0.95)),
    cpuP50: r3(quantile(cpu, 0.5)),
    cpuP95: r3(quantile(cpu, 0.95)),
  };
}

/**
 * Search, facets and report timings on an existing store (`--phase queries` with
 * `NEWSPRISM_BENCH_STORE_DB`, e.g. the API bench's kept 100,000-document store): wall and CPU
 * time, so that a store built once can be measured again after code changes.
 */
export async function timeStore(
  location: string,
  rounds = 5,
  allNames = false,
): Promise<{
  docs: number;
  search: Awaited<ReturnType<typeof timeQueries>>;
  facets: Awaited<ReturnType<typeof timeQueries>>;
  report: { ms: number; cpuMs: number };
}> {
  const store = await openStore(location);
  try {
    const docs = (await store.stats()).documents;
    const search = await timeQueries(store, rounds, false, allNames);
    const facets = await timeQueries(store, rounds, true, allNames);
    const c = process.cpuUsage();
    const t = performance.now();
    await store.report({ by: 'outlet,month' });
    const u = process.cpuUsage(c);
    return {
      docs,
      search,
      facets,
      report: { ms: r3(performance.now() - t), cpuMs: r3((u.user + u.system) / 1000) },
    };
  } finally {
    await store.close();
  }
}

/** Figures of one backend at scale. */
export interface ScaleBench {
  backend: string;
  docs: number;
  ingestDocsPerSec: number;
  /** RSS after each quarter of the ingest (MiB; with several writers, the largest writer's). */
  rssMiB: number[];
  bytesPerDoc: number;
  search: { p50: number; p95: number };
  facets: { p50: number; p95: number };
  reportOutletMonthMs: number;
}

/**
 * Ingests documents `from` to `to` of the generated corpus into `store` in batches of 500,
 * leaving out those already stored (so that an interrupted run can be resumed), and gives this
 * process' RSS after each quarter of the range.
 */
export async function ingestRange(
  store: Store,
  base: readonly NewsDocument[],
  from: number,
  to: number,
): Promise<number[]> {
  const rss: number[] = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const flush = async (batch: NewsDocument[]) => {
    const held = await store.hashes(batch.map((d) => d.id));
    await store.ingest(batch.filter((d) => !held.has(d.id)));
  };
  let batch: NewsDocument[] = [];
  let i = 0;
  const quarter = Math.max(1, Math.round((to - from) / 4));
  for (const d of corpus(base, to)) {
    if (i++ < from) continue;
    batch.push(d);
    if (batch.length === 500) {
      await flush(batch);
      batch = [];
    }
    if ((i - from) % quarter === 0) {
      rss.push(Math.round(process.memoryUsage().rss / 1048576));
      const c = process.cpuUsage(c0);
      console.log(
        `  [${from}, ${to}): ${i - from} documents, ${Math.round((performance.now() - t0) / 1000)} s wall, ${Math.round((c.user + c.system) / 1e6)} s CPU, RSS ${rss.at(-1)} MiB`,
      );
    }
  }
  await flush(batch);
  return rss;
}

const WRITER = new URL('./store-writer.ts', import.meta.url).pathname;

/** Runs one writer process (`store-writer.ts`) over a range of the corpus; resolves to its RSS list. */
function writer(url: string, baseFile: string, from: number, to: number): Promise<number[]> {
  const p = spawn(process.execPath, [...process.execArgv, WRITER, url, baseFile, String(from), String(to)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  p.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    process.stdout.write(b);
  });
  return new Promise((resolve, reject) =>
    p.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('[')) resolve(JSON.parse(last) as number[]);
      else reject(new Error(`store writer [${from}, ${to}) exited with ${code}`));
    }),
  );
}

/**
 * Ingests the generated corpus into the store at `url` and times search, facets and report. A
 * store that already holds `n` documents (a kept one, `NEWSPRISM_BENCH_STORE_KEEP`) is only
 * queried again: ingest figures are then absent. With `writers` > 1 (PostgreSQL), that many
 * processes ingest a contiguous share each, reading the analysed documents from `baseFile`.
 */
export async function benchScale(
  url: string,
  base: readonly NewsDocument[],
  n: number,
  writers = 1,
  baseFile?: string,
): Promise<ScaleBench> {
  const store = await openStore(url);
  let rss: number[] = [];
  let ingestDocsPerSec = 0;
  const held = (await store.stats()).documents;
  if (held < n) {
    const t0 = performance.now();
    if (writers > 1 && baseFile) {
      const share = Math.ceil(n / writers);
      const lists = await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          writer(url, baseFile, w * share, Math.min(n, (w + 1) * share)),
        ),
      );
      rss = lists[0]!.map((_, q) => Math.max(...lists.map((l) => l[q] ?? 0)));
    } else rss = await ingestRange(store, base, 0, n);
    ingestDocsPerSec = Math.round((n - held) / ((performance.now() - t0) / 1000));
  }
  const stats = await store.stats();
  const search = await timeQueries(store, 3, false);
  const facets = await timeQueries(store, 2, true);
  const reports: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    await store.report({ by: 'outlet,month' });
    reports.push(performance.now() - t);
  }
  await store.close();
  return {
    backend: store.backend,
    docs: stats.documents,
    ingestDocsPerSec,
    rssMiB: rss,
    bytesPerDoc: Math.round(stats.bytes / stats.documents),
    search,
    facets,
    reportOutletMonthMs: Math.round(quantile(reports, 0.5)),
  };
}

/** A fresh SQLite file and a way to remove it. */
export function sqliteTarget(keep?: string): { url: string; drop(): void } {
  // A kept store (NEWSPRISM_BENCH_STORE_SQLITE=PATH) is left in place for `--phase queries`.
  if (keep) return { url: keep, drop: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-scale-'));
  return { url: join(dir, 'scale.db'), drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh PostgreSQL database on the local server, or undefined when none answers. With
 * `keep`, that database is created when missing, left as it is otherwise, and never dropped.
 */
export async function postgresTarget(
  keep?: string,
): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const server = process.env.NEWSPRISM_BENCH_PG ?? 'postgres://root@127.0.0.1:5432';
  if (keep && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error(`not a database name: ${keep}`);
  const name = keep ?? `newsprism_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: `${server}/postgres` });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  };
  try {
    const found = keep ? (await admin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount : 0;
    if (!found) await admin(`CREATE DATABASE ${name}`);
  } catch {
    return undefined;
  }
  return {
    url: `${server}/${name}`,
    drop: async () => {
      if (!keep) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
