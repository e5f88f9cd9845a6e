import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline, heavyLayers, type NewsDocument } from '@newsprism/core';
import { openStore } from '@newsprism/store';
import type { BenchArticle } from './corpus.js';
import { r3 } from './stats.js';

/** Ingest against `analyze -o out.jsonl` on the same documents, one core, one run. */
export interface IngestBench {
  docs: number;
  analysisMs: number;
  /** Writing the analysed documents as JSONL (what `analyze -o out.jsonl` adds to the analysis). */
  jsonlMs: number;
  /** Storing them in SQLite in batches of 100 (what `ingest` adds to the analysis). */
  storeMs: number;
  /** (analysis + store) / (analysis + jsonl) − 1. */
  overheadPct: number;
  bytesPerDoc: number;
  analysed: NewsDocument[];
}

/**
 * Analyses `articles` once (the default layers of `analyze` and `ingest`), timing for each
 * batch of 100 the JSONL write of `analyze -o` and the SQLite transaction of `ingest` on the
 * very same documents, so that the machine's load falls on both alike.
 */
export async function benchIngest(articles: readonly BenchArticle[]): Promise<IngestBench> {
  const all = await createPipeline();
  const pipeline = await createPipeline({ layers: all.layers.filter((l) => !heavyLayers.includes(l)) });
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-store-'));
  const store = await openStore(join(dir, 'ingest.db'));
  const out = join(dir, 'out.jsonl');
  for (const a of articles.slice(0, 50)) pipeline.run({ id: a.id, text: a.text });
  let analysisMs = 0;
  let jsonlMs = 0;
  let storeMs = 0;
  const analysed: NewsDocument[] = [];
  for (let i = 0; i < articles.length; i += 100) {
    let t = performance.now();
    const batch = articles.slice(i, i + 100).map((a) => pipeline.run({ id: a.id, text: a.text }));
    analysisMs += performance.now() - t;
    t = performance.now();
    appendFileSync(out, batch.map((d) => `${JSON.stringify(d)}\n`).join(''));
    jsonlMs += performance.now() - t;
    t = performance.now();
    await store.ingest(batch);
    storeMs += performance.now() - t;
    analysed.push(...batch);
  }
  await store.close();
  const bytes = statSync(join(dir, 'ingest.db')).size;
  rmSync(dir, { recursive: true, force: true });
  return {
    docs: articles.length,
    analysisMs: Math.round(analysisMs),
    jsonlMs: Math.round(jsonlMs),
    storeMs: Math.round(storeMs),
    overheadPct: r3(((analysisMs + storeMs) / (analysisMs + jsonlMs) - 1) * 100),
    bytesPerDoc: Math.round(bytes / articles.length),
    analysed,
  };
}
