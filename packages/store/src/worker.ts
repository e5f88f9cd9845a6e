import { hostname } from 'node:os';
import type { DocumentInput, NewsDocument } from '@newsprism/core';
import { contentHash } from './ingest.js';
import type { Store } from './store.js';

/** Settings of {@link runWorker}. */
export interface WorkerOptions {
  /**
   * Analyses one input (the pipeline's `run`, awaited if it is async); `options`: those the job
   * was queued with (`ingest --queue --set`), to lay over the worker's own.
   */
  analyze: (
    input: DocumentInput,
    options?: Record<string, Record<string, unknown>>,
  ) => NewsDocument | Promise<NewsDocument>;
  /**
   * Analyses a stored document again for a job that replaces it (`ingest --queue --reanalyze
   * other-options`, the same text): the worker's layers made again with the job's options, the
   * stored layers it does not make kept (as `reanalyze -l`). Without it such a job is analysed
   * with `analyze` and its document replaces the stored one whole.
   */
  refresh?: (
    stored: NewsDocument,
    options?: Record<string, Record<string, unknown>>,
  ) => NewsDocument | Promise<NewsDocument>;
  /** A name for this worker in the queue (default host:pid). */
  name?: string;
  /** Jobs taken at a time (default 4). */
  batch?: number;
  /** How long a taken job is this worker's; after that another worker may take it (default 60 s). */
  leaseMs?: number;
  /** Failures after which a job is dead-lettered (default 3). */
  maxAttempts?: number;
  /** Wait between polls of an empty queue (default 1 s). */
  pollMs?: number;
  /** Stop when the queue is empty instead of waiting for more. */
  exitWhenEmpty?: boolean;
  signal?: AbortSignal;
  /**
   * Called after each job; `unchanged`: the store held its id with the same text, so it was not
   * analysed (as `ingest` leaves it), and `options` are those it was queued with.
   */
  onJob?: (job: {
    id: string;
    ok: boolean;
    error?: string;
    unchanged?: boolean;
    options?: Record<string, Record<string, unknown>>;
  }) => unknown;
}

/** What one worker run did: `done` analysed and stored, `unchanged` left as stored. */
export interface WorkerSummary {
  done: number;
  unchanged: number;
  failed: number;
}

/**
 * Failures that another try would repeat: the job is dead-lettered at the first (over the time
 * budget or the text limit, or options this worker's analyzers refuse).
 */
const PERMANENT = new Set([
  'E_TIME_BUDGET',
  'E_TEXT_TOO_LARGE',
  'E_UNKNOWN_ANALYZER',
  'E_UNKNOWN_OPTION',
  'E_OPTION_TYPE',
  'E_OPTION_VALUE',
  'E_OPTION_NOT_ALLOWED',
]);

/**
 * A `newsprism worker` loop over a PostgreSQL store's queue: take jobs, analyse each, store the
 * document and mark its job done in one transaction. A failure re-queues the job until it has
 * failed `maxAttempts` times, then dead-letters it (one over the time budget, `E_TIME_BUDGET`,
 * or over the text limit, `E_TEXT_TOO_LARGE`, at once); the job's error starts with the failure's code; a worker that dies holds its jobs only
 * until its lease runs out, and a job taken over meanwhile is not committed twice.
 */
export async function runWorker(store: Store, opts: WorkerOptions): Promise<WorkerSummary> {
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const leaseMs = opts.leaseMs ?? 60_000;
  const maxAttempts = opts.maxAttempts ?? 3;
  const summary: WorkerSummary = { done: 0, unchanged: 0, failed: 0 };
  while (!opts.signal?.aborted) {
    const jobs = await store.claim(name, opts.batch ?? 4, leaseMs);
    if (jobs.length === 0) {
      // A job another worker holds may come back when that worker dies: wait for it.
      if (opts.exitWhenEmpty && (await store.stats()).queue.running === 0) break;
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 1000));
      continue;
    }
    for (const job of jobs) {
      if (job.attempts > maxAttempts) {
        // Taken this often without finishing: its workers died on it (out of memory, killed).
        await store.fail(name, job, 'worker stopped on this document every time', 0);
        summary.failed++;
        opts.onJob?.({ id: job.id, ok: false, error: 'dead-lettered after repeated worker deaths' });
        continue;
      }
      try {
        // As `ingest`: the same id and text already stored is left alone, unless the job replaces it.
        const same = (await store.hashes([job.id])).get(job.id) === contentHash(job.input.text);
        if (same && !job.replace) {
          await store.complete(name, job);
          summary.unchanged++;
          await opts.onJob?.({ id: job.id, ok: true, unchanged: true, options: job.options });
          continue;
        }
        const stored = same && opts.refresh ? await store.get(job.id) : undefined;
        const doc = stored
          ? await opts.refresh!(stored, job.options)
          : await opts.analyze(job.input, job.options);
        await store.complete(name, job, doc);
        summary.done++;
        await opts.onJob?.({ id: job.id, ok: true });
      } catch (err) {
        const code = (err as { code?: string }).code;
        const message = code ? `${code} ${(err as Error).message}` : (err as Error).message;
        // Over the time budget or the text limit, the document would be over it again:
        // dead-lettered at once rather than costing each worker its budget `maxAttempts` times.
        if (code !== 'E_LEASE_LOST')
          await store.fail(name, job, message, code && PERMANENT.has(code) ? 0 : maxAttempts);
        summary.failed++;
        opts.onJob?.({ id: job.id, ok: false, error: message });
      }
    }
  }
  return summary;
}
