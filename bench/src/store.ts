import type { BenchArticle } from './corpus.js';
import { benchIngest } from './store-ingest.js';
import { benchScale, postgresTarget, sqliteTarget } from './store-scale.js';
import { benchWorkers } from './store-workers.js';

/**
 * `npm run bench -- --only store`: ingest overhead against `analyze -o out.jsonl` on 2,000
 * documents, then a generated corpus (100,000 documents by default; NEWSPRISM_BENCH_STORE_DOCS
 * to change) in SQLite and PostgreSQL, then queue workers.
 */
export async function benchStore(articles: readonly BenchArticle[]): Promise<void> {
  // Every 1-in-k article so that every data set (and both languages) is in the 2,000.
  const step = Math.max(1, Math.floor(articles.length / 2000));
  const sample = articles.filter((_, i) => i % step === 0).slice(0, 2000);
  const ing = await benchIngest(sample);
  console.log('\n## store: ingest vs analyze -o out.jsonl (same documents, one core, one run)');
  console.log(
    `${ing.docs} documents: analysis ${ing.analysisMs} ms, + JSONL write ${ing.jsonlMs} ms, + SQLite ingest ${ing.storeMs} ms → ingest overhead ${ing.overheadPct} % (${ing.bytesPerDoc} bytes/document on disk)`,
  );
  const n = Number(process.env.NEWSPRISM_BENCH_STORE_DOCS ?? 100_000);
  const targets: { url: string; drop(): unknown }[] = [sqliteTarget()];
  const pgTarget = await postgresTarget();
  if (pgTarget) targets.push(pgTarget);
  else console.log('(no PostgreSQL at 127.0.0.1:5432: PostgreSQL figures skipped)');
  for (const t of targets) {
    const s = await benchScale(t.url, ing.analysed, n);
    console.log(`\n## store at scale: ${s.backend}, ${s.docs.toLocaleString('en')} documents`);
    console.log(
      `ingest ${s.ingestDocsPerSec} docs/s (stored analysis, batches of 500); RSS by quarter ${s.rssMiB.join(', ')} MiB`,
    );
    console.log(`bytes per document ${s.bytesPerDoc}`);
    console.log(`search (${18} queries, limit 20): p50 ${s.search.p50} ms, p95 ${s.search.p95} ms`);
    console.log(`search + facets: p50 ${s.facets.p50} ms, p95 ${s.facets.p95} ms`);
    console.log(`report --by outlet,month: ${s.reportOutletMonthMs} ms`);
    if (t !== targets[0]) {
      for (const k of [1, 2]) {
        const rate = await benchWorkers(t.url, ing.analysed, 300, k);
        console.log(`queue with ${k} worker process${k > 1 ? 'es' : ''}: ${rate} docs/s`);
      }
    }
    await t.drop();
  }
}
