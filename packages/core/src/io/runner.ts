import type { NewsDocument } from '../schema.js';
import { failure, prepare } from './build-pipeline.js';
import { WorkerPool } from './pool.js';
import type { RunOptions } from './run-options.js';
import type { Skip, SourceItem } from './types.js';

/** One result of a run, in input order: an analysed document (or its rendering), or a skip. */
export type RunResult<T = NewsDocument> = { ok: true; id: string; source: string; output: T } | Skip;

/**
 * Analyses a stream of records and yields the results in input order — the document (or the
 * string the `render` module made of it), or a skip `{ok: false, source, code, message}` for a
 * bad input or a document that failed (`E_ANALYZER_FAILED`, `E_WORKER_CRASHED`,
 * `E_TIME_BUDGET`). Skips from the source pass through in their place.
 *
 * The work runs in `jobs` worker threads, each with its own pipeline, fed from one queue; at
 * most `window` records are held at once, so a slow consumer or a slow document pauses reading
 * (back-pressure) and memory stays bounded. Stopping the iteration early or aborting `signal`
 * terminates the workers. A worker that cannot build its pipeline (a bad option) ends the run
 * with that error. The same generator serves the CLI, a store's ingest and an HTTP server.
 *
 * @example
 * for await (const r of runDocuments(readInputs(['news/'], { maxBytes: 20 << 20 }), { layers: ['quotes'], jobs: 2 }))
 *   if (r.ok) store(r.output); else console.error(r.source, r.code, r.message);
 */
export async function* runDocuments<T = NewsDocument>(
  items: AsyncIterable<SourceItem>,
  opts: RunOptions = {},
): AsyncGenerator<RunResult<T>> {
  const jobs = opts.jobs ?? 1;
  const signal = opts.signal;
  signal?.throwIfAborted();
  const spec = { layers: opts.layers, options: opts.options };
  let analyze: (item: SourceItem & { ok: true }) => Promise<unknown>;
  let pool: WorkerPool | undefined;
  if (jobs === 0) {
    const p = await prepare(spec, opts.render);
    analyze = async (item) => {
      const doc = p.run(item.input);
      return p.render ? p.render(doc) : doc;
    };
  } else {
    pool = new WorkerPool({
      spec,
      render: opts.render,
      size: jobs,
      prefetch: opts.prefetch ?? 2,
      timeBudgetMs: opts.timeBudgetMs,
      maxOldMb: opts.workerMaxOldMb,
    });
    const pl = pool;
    analyze = (item) => pl.analyze(item.input);
  }
  const onAbort = () => void pool?.close(signal?.reason as Error);
  signal?.addEventListener('abort', onAbort, { once: true });
  const window = Math.max(1, opts.window ?? jobs * 4 + 4);
  const held: Promise<RunResult<T>>[] = [];
  const source = items[Symbol.asyncIterator]();
  let drained = false;
  try {
    for (;;) {
      while (!drained && held.length < window) {
        const next = await source.next();
        signal?.throwIfAborted();
        if (next.done) {
          drained = true;
          break;
        }
        held.push(settle<T>(next.value, analyze));
      }
      const head = held.shift();
      if (!head) return;
      // A worker that cannot build its pipeline (a bad layer or option) must be reported
      // before any input error: it is the run's problem, not the document's.
      await pool?.started;
      const r = await head;
      signal?.throwIfAborted();
      if (pool?.failed) throw pool.failed;
      yield r;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool?.close();
    if (!drained) await source.return?.();
  }
}

/** Starts one record and turns its outcome into a result that never rejects. */
function settle<T>(
  item: SourceItem,
  analyze: (item: SourceItem & { ok: true }) => Promise<unknown>,
): Promise<RunResult<T>> {
  if (!item.ok) return Promise.resolve(item);
  return analyze(item).then(
    (output) => ({ ok: true as const, id: item.id, source: item.source, output: output as T }),
    (err) => ({ ok: false as const, source: item.source, ...failure(err) }),
  );
}
