import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { NewsDocument } from '@newsprism/core';
import type { BenchArticle } from './corpus.js';
import { benchIngest } from './store-ingest.js';
import { benchScale, postgresTarget, sqliteTarget, timeStore } from './store-scale.js';
import { benchWorkers } from './store-workers.js';

/**
 * The analysed documents the generated corpus repeats (NEWSPRISM_BENCH_STORE_BASE of them, 500
 * by default), read from NEWSPRISM_BENCH_STORE_BASE_FILE (JSONL) when it exists, else analysed
 * and written there, so that a kept store can be grown or re-queried without analysing again.
 */
async function baseDocuments(articles: readonly BenchArticle[]): Promise<NewsDocument[]> {
  const file = process.env.NEWSPRISM_BENCH_STORE_BASE_FILE;
  if (file && existsSync(file))
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as NewsDocument);
  const base = (
    await benchIngest(spread(articles, Number(process.env.NEWSPRISM_BENCH_STORE_BASE ?? 500)), true)
  ).analysed;
  if (file) writeFileSync(file, base.map((d) => `${JSON.stringify(d)}\n`).join(''));
  return base;
}

/** The machine's 1-, 5- and 15-minute load averages. */
function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** Every 1-in-k article, so that every data set (and both languages) is in the sample. */
export function spread(articles: readonly BenchArticle[], n: number): BenchArticle[] {
  const step = Math.max(1, Math.floor(articles.length / n));
  return articles.filter((_, i) => i % step === 0).slice(0, n);
}

/**
 * `npm run bench -- --only store`: ingest overhead against `analyze -o out.jsonl` on 2,000
 * documents; a generated corpus (100,000 documents; NEWSPRISM_BENCH_STORE_DOCS to change) in
 * SQLite and PostgreSQL (NEWSPRISM_BENCH_STORE_KEEP=NAME keeps the PostgreSQL one in database
 * NAME, to be queried again by a later run; NEWSPRISM_BENCH_STORE_SQLITE=PATH keeps the SQLite one at PATH; NEWSPRISM_BENCH_STORE_WRITERS=K ingests it with K
 * processes, given NEWSPRISM_BENCH_STORE_BASE_FILE); queue workers. NEWSPRISM_BENCH_INGEST_ORDER=document
 * times the ingest part document by document, as the CLI runs with -j 0. `--phase ingest|sqlite|postgres|workers` runs one part
 * (the parts are independent, so they can run in separate processes).
 */
export async function benchStore(articles: readonly BenchArticle[], phase?: string): Promise<void> {
  const want = (p: string) => !phase || phase === p;
  if (want('ingest')) {
    const before = loadAverage();
    // NEWSPRISM_BENCH_INGEST_ORDER=document: each document written and prepared right after its
    // own analysis, as the CLI with -j 0 does (default: by batches of 100, as sessions ≤ 16 measured).
    const perDocument = process.env.NEWSPRISM_BENCH_INGEST_ORDER === 'document';
    const ing = await benchIngest(spread(articles, 2000), false, perDocument);
    console.log(
      `\n## store: ingest vs analyze -o out.jsonl (same documents, one core, one run; ${perDocument ? 'each document written and prepared after its analysis' : 'batches of 100'})`,
    );
    console.log(`load average ${before} before, ${loadAverage()} after`);
    console.log(
      `${ing.docs} documents: analysis ${ing.analysisMs} ms, + JSONL write ${ing.jsonlMs} ms, + SQLite ingest ${ing.storeMs} ms → ingest overhead ${ing.overheadPct} % (${ing.bytesPerDoc} bytes/document on disk)`,
    );
    console.log(
      `CPU time: analysis ${ing.cpu.analysisMs} ms, + JSONL write ${ing.cpu.jsonlMs} ms, + SQLite ingest ${ing.cpu.storeMs} ms → ingest overhead ${ing.cpu.overheadPct} %`,
    );
  }
  if (phase === 'queries') {
    const db = process.env.NEWSPRISM_BENCH_STORE_DB;
    if (!db) throw new Error('--phase queries needs NEWSPRISM_BENCH_STORE_DB=<an existing store>');
    // NEWSPRISM_BENCH_ALL_NAMES=1: every query with `allNames` (search --all-names).
    const allNames = process.env.NEWSPRISM_BENCH_ALL_NAMES === '1';
    const q = await timeStore(db, 5, allNames);
    console.log(
      `\n## store queries on ${db}: ${q.docs.toLocaleString('en')} documents (18 queries × 5, limit 20${allNames ? ', all names' : ''})`,
    );
    for (const [name, s] of [
      ['search', q.search],
      ['search + facets', q.facets],
    ] as const)
      console.log(
        `${name}: wall p50 ${s.p50} ms, p95 ${s.p95} ms; CPU time p50 ${s.cpuP50} ms, p95 ${s.cpuP95} ms`,
      );
    console.log(`report --by outlet,month: ${q.report.ms} ms wall, ${q.report.cpuMs} ms CPU`);
    return;
  }
  if (!want('sqlite') && !want('postgres') && !want('workers')) return;
  console.log(`load average ${loadAverage()}`);
  // The generated corpus repeats 500 analysed documents (NEWSPRISM_BENCH_STORE_BASE).
  const base = await baseDocuments(articles);
  const n = Number(process.env.NEWSPRISM_BENCH_STORE_DOCS ?? 100_000);
  for (const backend of ['sqlite', 'postgres'] as const) {
    if (!want(backend) && !(backend === 'postgres' && want('workers'))) continue;
    const t =
      backend === 'sqlite'
        ? sqliteTarget(process.env.NEWSPRISM_BENCH_STORE_SQLITE)
        : await postgresTarget(process.env.NEWSPRISM_BENCH_STORE_KEEP);
    if (!t) {
      console.log('(no PostgreSQL at 127.0.0.1:5432: PostgreSQL figures skipped)');
      continue;
    }
    if (want(backend)) {
      // PostgreSQL takes several writer processes (NEWSPRISM_BENCH_STORE_WRITERS), which read
      // the analysed documents from the base file.
      const writers = backend === 'postgres' ? Number(process.env.NEWSPRISM_BENCH_STORE_WRITERS ?? 1) : 1;
      const s = await benchScale(t.url, base, n, writers, process.env.NEWSPRISM_BENCH_STORE_BASE_FILE);
      console.log(`\n## store at scale: ${s.backend}, ${s.docs.toLocaleString('en')} documents`);
      if (s.ingestDocsPerSec)
        console.log(
          `ingest ${s.ingestDocsPerSec} docs/s${writers > 1 ? ` (${writers} writer processes)` : ''} (analysis stored, batches of 500); RSS by quarter ${s.rssMiB.join(', ')} MiB`,
        );
      console.log(`bytes per document ${s.bytesPerDoc}`);
      console.log(`search (18 queries × 3, limit 20): p50 ${s.search.p50} ms, p95 ${s.search.p95} ms`);
      console.log(`search + facets (× 2): p50 ${s.facets.p50} ms, p95 ${s.facets.p95} ms`);
      console.log(`report --by outlet,month: ${s.reportOutletMonthMs} ms (median of 3)`);
    }
    if (backend === 'postgres' && want('workers')) {
      console.log('\n## store: PostgreSQL queue, 300 documents');
      for (const k of [1, 2]) {
        const rate = await benchWorkers(t.url, base, 300, k);
        console.log(`${k} worker process${k > 1 ? 'es' : ''}: ${rate} docs/s`);
      }
    }
    await t.drop();
  }
}
