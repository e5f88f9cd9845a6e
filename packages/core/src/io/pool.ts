import { Worker } from 'node:worker_threads';
import { NewsprismError } from '../errors.js';
import type { DocumentInput, Producer } from '../schema.js';
import { siblingModule } from './module-url.js';
import type { PipelineSpec, RendererSpec } from './run-options.js';
import { threadClock } from './thread-clock.js';

/** A document that failed in a worker: skipped with this code, the run goes on. */
export class DocumentFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type WorkerMessage = {
  ready?: true;
  /** The worker's Linux thread id, for its CPU clock. */
  tid?: string;
  fatal?: { code: string; message: string };
  out?: unknown;
  error?: { code: string; message: string };
};

interface Task {
  /** The document; none for a check of `options` alone ({@link WorkerPool.check}). */
  input?: DocumentInput;
  /** Analyzer options laid over the pool's own for this task (a server request's). */
  options?: Record<string, Record<string, unknown>>;
  resolve(out: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** Tasks posted to this worker, in the order it answers them; the first is running. */
  busy: Task[];
  ready: boolean;
  /** The clock of the first busy task's budget: the worker's CPU time, else wall time. */
  clock: () => number;
  /** When (on `clock`) the first busy task started. */
  since: number;
}

/** Settings of a {@link WorkerPool}. */
export interface PoolSettings {
  spec: PipelineSpec;
  render?: RendererSpec;
  size: number;
  prefetch: number;
  timeBudgetMs?: number;
  /**
   * Heap limit of each worker in MB (V8's old generation; default: Node's own). A worker over it
   * dies and fails only the document it was on (`E_WORKER_CRASHED`).
   */
  maxOldMb?: number;
}

/**
 * Worker threads that each run one pipeline. Tasks wait in one shared queue and go to a
 * worker when it has fewer than `prefetch` in hand, so a slow document holds up only its own
 * worker. A worker that dies or overruns the time budget fails only the document it was on
 * (`E_WORKER_CRASHED`, `E_TIME_BUDGET`); it is replaced and its other tasks go back to the
 * queue. A worker that cannot build its pipeline fails the whole pool (every worker would).
 * Workers start as work arrives, up to `size`, so a short run does not load the models on
 * every core.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private fatal: Error | undefined;
  private closed = false;
  private readonly timer: NodeJS.Timeout | undefined;
  private onStart!: { resolve(): void; reject(err: Error): void };
  /** How many worker threads run now (they start as work arrives, up to `size`). */
  get workers(): number {
    return this.slots.length;
  }

  /** Settles when the first worker is ready, or rejects with the error that stops the pool. */
  readonly started: Promise<void>;

  constructor(private readonly settings: PoolSettings) {
    this.started = new Promise((resolve, reject) => {
      this.onStart = { resolve, reject };
    });
    this.started.catch(() => {});
    // One worker now; the others when there is work waiting for them (see dispatch).
    this.slots.push(this.spawn());
    const budget = settings.timeBudgetMs;
    if (budget !== undefined && budget > 0) {
      this.timer = setInterval(() => this.police(budget), Math.max(10, Math.min(1000, budget / 4)));
      this.timer.unref();
    }
  }

  /** The error that stopped the pool (a worker could not build its pipeline), if any. */
  get failed(): Error | undefined {
    return this.fatal;
  }

  /**
   * Analyses one document; resolves to the worker's output (rendered string or document).
   * `options` are laid over the pool's own for this document alone (analyzer by analyzer, key
   * by key); the worker builds and keeps a pipeline for each set it meets (a few at most).
   */
  analyze(input: DocumentInput, options?: Record<string, Record<string, unknown>>): Promise<unknown> {
    return this.submit({ input, options });
  }

  /**
   * Checks analyzer options as {@link analyze} would lay them over the pool's, without a
   * document: rejects with a `DocumentFailed` carrying the pipeline's code (`E_OPTION_VALUE`,
   * `E_UNKNOWN_OPTION`, …) when a worker cannot build a pipeline with them, else resolves to
   * the producer entries its documents get (none given: the pool's own).
   */
  async check(options?: Record<string, Record<string, unknown>>): Promise<Record<string, Producer>> {
    return (await this.submit({ options })) as Record<string, Producer>;
  }

  private submit(task: Omit<Task, 'resolve' | 'reject'>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.fatal) return reject(this.fatal);
      this.queue.push({ ...task, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; tasks not yet answered are rejected with `reason`. */
  async close(reason?: Error): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const err = reason ?? new NewsprismError('E_ABORTED', 'the run was stopped');
    for (const t of this.queue.splice(0)) t.reject(err);
    for (const s of this.slots) for (const t of s.busy.splice(0)) t.reject(err);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.ready && slot.busy.length < this.settings.prefetch && this.queue.length > 0) {
        const task = this.queue.shift()!;
        if (slot.busy.length === 0) slot.since = slot.clock();
        slot.busy.push(task);
        slot.worker.postMessage({ input: task.input, options: task.options });
      }
    }
    // Another worker only when more documents wait than the workers there (starting or not)
    // can take: a run of one or two documents loads the models once, not once per core.
    const room = this.slots.reduce((n, s) => n + this.settings.prefetch - s.busy.length, 0);
    if (!this.closed && !this.fatal && this.queue.length > room && this.slots.length < this.settings.size)
      this.slots.push(this.spawn());
  }

  private police(budget: number): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.busy.length === 0 || slot.clock() - slot.since <= budget) continue;
      const secs = (budget / 1000).toFixed(budget < 10_000 ? 1 : 0);
      this.replace(
        slot,
        new DocumentFailed(
          'E_TIME_BUDGET',
          `analysis used more than the ${secs} s${slot.clock === Date.now ? '' : ' of CPU time'} budgeted for one document and was stopped; raise it with --time-budget or split the document`,
        ),
      );
    }
  }

  /** Kills a worker, fails its current task, requeues the rest first and starts a fresh one. */
  private replace(slot: Slot, err: Error): void {
    const [culprit, ...rest] = slot.busy.splice(0);
    culprit?.reject(err);
    this.queue.unshift(...rest);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    this.slots[this.slots.indexOf(slot)] = this.spawn();
  }

  private failAll(err: Error): void {
    this.fatal = err;
    this.onStart.reject(err);
    for (const t of this.queue.splice(0)) t.reject(err);
    for (const s of this.slots) for (const t of s.busy.splice(0)) t.reject(err);
  }

  private spawn(): Slot {
    const worker = startWorker(
      siblingModule(import.meta.url, './worker'),
      { spec: this.settings.spec, render: this.settings.render },
      this.settings.maxOldMb,
    );
    const slot: Slot = { worker, busy: [], ready: false, clock: Date.now, since: 0 };
    worker.on('message', (m: WorkerMessage) => {
      if (m.ready) {
        slot.ready = true;
        slot.clock = threadClock(m.tid);
        this.onStart.resolve();
        this.dispatch();
        return;
      }
      if (m.fatal) {
        // The pipeline's own error (E_UNKNOWN_LAYER, a bad option) is what the user must fix.
        this.failAll(new NewsprismError(m.fatal.code, m.fatal.message));
        return;
      }
      const task = slot.busy.shift();
      slot.since = slot.clock();
      if (m.error) task?.reject(new DocumentFailed(m.error.code, m.error.message));
      else task?.resolve(m.out);
      this.dispatch();
    });
    const died = (why: string) => {
      if (this.closed || this.fatal) return;
      if (!slot.ready)
        return this.failAll(
          new NewsprismError('E_PIPELINE_FAILED', `an analysis worker failed to start (${why})`),
        );
      this.replace(slot, new DocumentFailed('E_WORKER_CRASHED', `the analysis worker stopped (${why})`));
    };
    worker.on('error', (err) => died(err.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }
}

/**
 * Starts a worker on a module URL. From TypeScript source (tests) the worker boots through
 * tsx's loader with the workspace's `source` condition: a worker does not inherit the parent's
 * loader hooks.
 */
function startWorker(url: string, workerData: unknown, maxOldMb?: number): Worker {
  const resourceLimits = maxOldMb === undefined ? undefined : { maxOldGenerationSizeMb: maxOldMb };
  if (!url.endsWith('.ts')) return new Worker(new URL(url), { workerData, resourceLimits });
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits, execArgv: ['--conditions=source'] });
}
