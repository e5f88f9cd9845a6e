import type { DocumentInput, NewsDocument } from '@newsprism/core';
import {
  builtinCatalog,
  DocumentFailed,
  resolveAnalyzers,
  textOverLimit,
  WorkerPool,
} from '@newsprism/core/node';
import { heavyLayers, NewsprismError, OPTION_DEFAULT, type Producer } from '@newsprism/core/schema';
import type { Analysis, AnalyzerOptions } from './analysis.js';

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
  /**
   * Largest text of one document in UTF-8 bytes (`--max-text`): a larger one fails with
   * `E_TEXT_TOO_LARGE` before it reaches a worker (its analysis would need about 0.25 GB a MB).
   */
  maxText?: number;
}

/**
 * The layers a pool is asked for (by default every layer but the heavy ones) and those its
 * documents then have: the asked-for ones with their requirements. Unknown layers throw
 * `E_UNKNOWN_LAYER`.
 */
export function poolLayers(asked?: readonly string[]): { wanted: readonly string[]; layers: string[] } {
  const wanted = asked ?? builtinCatalog.map((a) => a.produces).filter((l) => !heavyLayers.includes(l));
  return { wanted, layers: resolveAnalyzers(builtinCatalog, wanted).map((a) => a.produces) };
}

/**
 * The options of `set` (`serve --set`) a client is shown, from the producers they made: an
 * option a producer does not record names a file (left out of producers, and not for a client
 * to see) or is unset; `default` is the analyzer's own, no option of the server's.
 */
export function shownOptions(
  set: AnalyzerOptions | undefined,
  producers: Readonly<Record<string, Producer>>,
): AnalyzerOptions {
  const out: AnalyzerOptions = {};
  for (const [name, given] of Object.entries(set ?? {})) {
    const made = Object.values(producers).find((p) => p.name === name)?.options ?? {};
    const keys = Object.keys(given).filter((k) => given[k] !== OPTION_DEFAULT && made[k] !== undefined);
    if (keys.length) out[name] = Object.fromEntries(keys.map((k) => [k, made[k]]));
  }
  return out;
}

/** A pool's answer, a document's failure as the `NewsprismError` of its code. */
async function answer<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof DocumentFailed) throw new NewsprismError(err.code, err.message);
    throw err;
  }
}

/**
 * Analysis in core's worker pool: each worker builds the pipeline once (models loaded, options
 * checked); a bad option or layer stops the server at start, before it listens. A request's
 * options are checked and run by the workers too (a pipeline per option set, kept for the next
 * request): the server's main thread loads no analyzer.
 */
export async function poolAnalysis(o: PoolAnalysisOptions): Promise<Analysis> {
  const { wanted, layers } = poolLayers(o.layers);
  const pool = new WorkerPool({
    spec: { layers: wanted, options: o.options },
    size: o.jobs,
    prefetch: 1,
    timeBudgetMs: o.timeBudgetMs,
    maxOldMb: o.maxOldMb,
  });
  await pool.started;
  // The server's own producers, asked once: a request without options compares against them.
  const own = await answer(pool.check());
  return {
    layers,
    stored: wanted,
    options: shownOptions(o.options, own),
    async analyze(input: DocumentInput, options?: AnalyzerOptions): Promise<NewsDocument> {
      const over = o.maxText === undefined ? undefined : textOverLimit(input.id, input.text, o.maxText);
      if (over) throw new NewsprismError(over.code, over.message);
      return (await answer(pool.analyze(input, options))) as NewsDocument;
    },
    check: (options?: AnalyzerOptions) => (options ? answer(pool.check(options)) : Promise.resolve(own)),
    close: () => pool.close(),
  };
}
