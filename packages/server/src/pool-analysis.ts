import type { DocumentInput, NewsDocument } from '@newsprism/core';
import { builtinCatalog, DocumentFailed, resolveAnalyzers, WorkerPool } from '@newsprism/core/node';
import { heavyLayers, NewsprismError } from '@newsprism/core/schema';
import type { Analysis } from './analysis.js';

/** Settings of the server's analysis pool. */
export interface PoolAnalysisOptions {
  /** Layers to compute (their requirements are added); default: every layer but the heavy ones (tokens, syntax). */
  layers?: readonly string[];
  options?: Record<string, Record<string, unknown>>;
  /** Worker threads. */
  jobs: number;
  /** Wall-clock limit per document (ms): over it the request gets `E_TIME_BUDGET`. */
  timeBudgetMs: number;
  /** Heap limit of each worker in MB: a document that needs more fails alone (`E_WORKER_CRASHED`). */
  maxOldMb?: number;
}

/**
 * Analysis in core's worker pool: each worker builds the pipeline once (models loaded, options
 * checked); a bad option or layer stops the server at start, before it listens.
 */
export async function poolAnalysis(o: PoolAnalysisOptions): Promise<Analysis> {
  const wanted = o.layers ?? builtinCatalog.map((a) => a.produces).filter((l) => !heavyLayers.includes(l));
  const layers = resolveAnalyzers(builtinCatalog, wanted).map((a) => a.produces);
  const pool = new WorkerPool({
    spec: { layers: wanted, options: o.options },
    size: o.jobs,
    prefetch: 1,
    timeBudgetMs: o.timeBudgetMs,
    maxOldMb: o.maxOldMb,
  });
  await pool.started;
  return {
    layers,
    async analyze(input: DocumentInput): Promise<NewsDocument> {
      try {
        return (await pool.analyze(input)) as NewsDocument;
      } catch (err) {
        if (err instanceof DocumentFailed) throw new NewsprismError(err.code, err.message);
        throw err;
      }
    },
    close: () => pool.close(),
  };
}
