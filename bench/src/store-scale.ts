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

/** p95 and median ms of running every query `rounds` times: wall, and this process's CPU time. */
export async function timeQueries(
  store: Store,
  rounds: number,
  facets: boolean,
): Promise<{ p50: number; p95: number; cpuP50: number; cpuP95: number }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (const q of QUERIES) await store.search({ ...q, facets });
  for (let r = 0; r < rounds; r++)
    for (const q of QUERIES) {
      const c = process.cpuUsage();
      const t = performance.now();
      await store.search({ ...q, facets });
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
): Promise<{
  docs: number;
  search: Awaited<ReturnType<typeof timeQueries>>;
  facets: Awaited<ReturnType<typeof timeQueries>>;
  report: { ms: number; cpuMs: number };
}> {
  const store = await openStore(location);
  try {
    const docs = (await store.stats()).documents;
    const search = await timeQueries(store, rounds, false);
    const facets = await timeQueries(store, rounds, true);
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
  /** RSS of this process after each quarter of the ingest (MiB). */
  rssMiB: number[];
  bytesPerDoc: number;
  search: { p50: number; p95: number };
  facets: { p50: number; p95: number };
  reportOutletMonthMs: number;
}

/** Ingests the generated corpus into a fresh store at `url` and times search, facets and report. */
export async function benchScale(url: string, base: readonly NewsDocument[], n: number): Promise<ScaleBench> {
  const store = await openStore(url);
  const rss: number[] = [];
  const t0 = performance.now();
  let batch: NewsDocument[] = [];
  let i = 0;
  for (const d of corpus(base, n)) {
    batch.push(d);
    if (batch.length === 500) {
      await store.ingest(batch);
      batch = [];
    }
    if (++i % (n / 4) === 0) rss.push(Math.round(process.memoryUsage().rss / 1048576));
  }
  await store.ingest(batch);
  const ingestSecs = (performance.now() - t0) / 1000;
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
    docs: n,
    ingestDocsPerSec: Math.round(n / ingestSecs),
    rssMiB: rss,
    bytesPerDoc: Math.round(stats.bytes / n),
    search,
    facets,
    reportOutletMonthMs: Math.round(quantile(reports, 0.5)),
  };
}

/** A fresh SQLite file and a way to remove it. */
export function sqliteTarget(): { url: string; drop(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-scale-'));
  return { url: join(dir, 'scale.db'), drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh PostgreSQL database on the local server, or undefined when none answers. */
export async function postgresTarget(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const server = process.env.NEWSPRISM_BENCH_PG ?? 'postgres://root@127.0.0.1:5432';
  const name = `newsprism_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: `${server}/postgres` });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch {
    return undefined;
  }
  return { url: `${server}/${name}`, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
