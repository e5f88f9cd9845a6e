import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline, heavyLayers, keepLayers, type NewsDocument, toJson } from '@newsprism/core';
import { DEFAULT_BATCH, openStore, type PreparedDocument, prepareDocument } from '@newsprism/store';
import type { BenchArticle } from './corpus.js';
import { r3 } from './stats.js';

/** Ingest against `analyze -o out.jsonl` on the same documents, one core, one run. */
export interface IngestBench {
  docs: number;
  analysisMs: number;
  /** Writing the analysed documents as JSONL (what `analyze -o out.jsonl` adds to the analysis: the selected layers). */
  jsonlMs: number;
  /**
   * Storing them in SQLite as `ingest` does (what it adds to the analysis: the same layers):
   * each document prepared once analysed, the prepared ones committed in batches of the CLI's
   * default size (`DEFAULT_BATCH`).
   */
  storeMs: number;
  /** (analysis + store) / (analysis + jsonl) − 1. */
  overheadPct: number;
  /** The same phases in CPU time of this process (less disturbed by other processes' load). */
  cpu: { analysisMs: number; jsonlMs: number; storeMs: number; overheadPct: number };
  bytesPerDoc: number;
  /** The analysed documents as stored, when asked for (`kept`): holding 2,000 of them grows the heap, which `analyze` and `ingest` never do. */
  analysed: NewsDocument[];
}

/**
 * Analyses `articles` once (the default layers of `analyze` and `ingest`), timing for each
 * batch of 100 the JSONL write of `analyze -o` and the preparing of `ingest` on the very same
 * documents, so that the machine's load falls on both alike, and the SQLite transactions of
 * `ingest` as the CLI makes them: one each {@link DEFAULT_BATCH} prepared documents, the
 * analysed ones dropped once prepared (as `ingest`'s renderer does). Both sides keep what the
 * commands keep: the selected layers and their producers, not the `tokens` the pipeline computed
 * as their requirement (`analyze`'s JSONL format: `toJson`; `ingest`'s preparer: `keepLayers`).
 * Both wall and CPU time are reported: CPU time is the figure that the machine's load disturbs
 * least. `perDocument`: each document written as JSONL and prepared right after its own analysis
 * (the two in turn first), as `analyze` and `ingest` do with -j 0, instead of by batches of 100.
 */
export async function benchIngest(
  articles: readonly BenchArticle[],
  kept = false,
  perDocument = false,
): Promise<IngestBench> {
  const all = await createPipeline();
  const wanted = all.layers.filter((l) => !heavyLayers.includes(l));
  const keep = new Set(wanted);
  const pipeline = await createPipeline({ layers: wanted });
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-store-'));
  const store = await openStore(join(dir, 'ingest.db'));
  const out = join(dir, 'out.jsonl');
  for (const a of articles.slice(0, 50)) pipeline.run({ id: a.id, text: a.text });
  let analysisMs = 0;
  let jsonlMs = 0;
  let storeMs = 0;
  const cpu = { analysisMs: 0, jsonlMs: 0, storeMs: 0 };
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const analysed: NewsDocument[] = [];
  let prepared: PreparedDocument[] = [];
  for (let i = 0; i < articles.length; i += 100) {
    if (perDocument) {
      // As the CLI with -j 0 (`analyze` renders, `ingest` prepares, each document right after its
      // own analysis): each side once first after the analysis, in turn, so neither always
      // finds the document in cache after the other.
      const lines: string[] = [];
      for (const [k, a] of articles.slice(i, i + 100).entries()) {
        let t = performance.now();
        let c = process.cpuUsage();
        const d = pipeline.run({ id: a.id, text: a.text });
        analysisMs += performance.now() - t;
        cpu.analysisMs += cpuMs(c);
        const sides = [
          () => {
            t = performance.now();
            c = process.cpuUsage();
            lines.push(`${JSON.stringify(toJson(d, keep))}\n`);
            jsonlMs += performance.now() - t;
            cpu.jsonlMs += cpuMs(c);
          },
          () => {
            t = performance.now();
            c = process.cpuUsage();
            const s = keepLayers(d, keep);
            prepared.push(prepareDocument(s));
            storeMs += performance.now() - t;
            cpu.storeMs += cpuMs(c);
            if (kept) analysed.push(s);
          },
        ];
        if (k % 2) sides.reverse();
        for (const side of sides) side();
      }
      let t = performance.now();
      let c = process.cpuUsage();
      appendFileSync(out, lines.join(''));
      jsonlMs += performance.now() - t;
      cpu.jsonlMs += cpuMs(c);
      t = performance.now();
      c = process.cpuUsage();
      if (prepared.length >= DEFAULT_BATCH || i + 100 >= articles.length) {
        await store.ingestPrepared(prepared);
        prepared = [];
      }
      storeMs += performance.now() - t;
      cpu.storeMs += cpuMs(c);
      continue;
    }
    let t = performance.now();
    let c = process.cpuUsage();
    const batch = articles.slice(i, i + 100).map((a) => pipeline.run({ id: a.id, text: a.text }));
    analysisMs += performance.now() - t;
    cpu.analysisMs += cpuMs(c);
    t = performance.now();
    c = process.cpuUsage();
    appendFileSync(out, batch.map((d) => `${JSON.stringify(toJson(d, keep))}\n`).join(''));
    jsonlMs += performance.now() - t;
    cpu.jsonlMs += cpuMs(c);
    t = performance.now();
    c = process.cpuUsage();
    const stored = batch.map((d) => keepLayers(d, keep));
    for (const d of stored) prepared.push(prepareDocument(d));
    if (prepared.length >= DEFAULT_BATCH || i + 100 >= articles.length) {
      await store.ingestPrepared(prepared);
      prepared = [];
    }
    storeMs += performance.now() - t;
    cpu.storeMs += cpuMs(c);
    if (kept) analysed.push(...stored);
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
    cpu: {
      analysisMs: Math.round(cpu.analysisMs),
      jsonlMs: Math.round(cpu.jsonlMs),
      storeMs: Math.round(cpu.storeMs),
      overheadPct: r3(((cpu.analysisMs + cpu.storeMs) / (cpu.analysisMs + cpu.jsonlMs) - 1) * 100),
    },
    bytesPerDoc: Math.round(bytes / articles.length),
    analysed,
  };
}
