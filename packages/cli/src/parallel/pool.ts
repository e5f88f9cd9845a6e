import { Worker } from 'node:worker_threads';
import type { DocumentInput } from '@newsprism/core';

/** What a worker needs to analyse and render documents as the main thread would. */
export interface RenderSettings {
  /** Layers to compute. */
  layers: readonly string[];
  /** Output format name. */
  format: string;
  /** Layers to print. */
  output: readonly string[];
  color: boolean;
}

/** One analysed document, rendered by the run's format. */
export interface Rendered {
  id: string;
  out: string;
}

interface Task {
  seq: number;
  input: DocumentInput;
  resolve(r: Rendered): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** Tasks posted to this worker, in the order it answers them. */
  pending: Task[];
  /** The worker has built its pipeline. */
  ready: boolean;
}

/** An analyzer failure inside a worker; the document is skipped, the run goes on. */
export class DocumentFailed extends Error {
  constructor(
    readonly code: 'E_ANALYZER_FAILED' | 'E_WORKER_CRASHED',
    message: string,
  ) {
    super(message);
  }
}

/** A worker could not start (its pipeline failed to build): the whole run stops. */
export class PoolFailed extends Error {}

/**
 * A pool of worker threads that run one pipeline each (`analyze --jobs N`). `analyze(input)`
 * resolves to the document analysed and rendered in the run's format; the caller keeps output order by awaiting the promises in
 * input order. A worker that dies (out of memory on one huge document) fails only the document
 * it was working on: it is replaced and its queued documents go to the new worker.
 */
export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closed = false;
  private fatal: PoolFailed | undefined;

  constructor(
    size: number,
    private readonly settings: RenderSettings,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  analyze(input: DocumentInput): Promise<Rendered> {
    return new Promise((resolve, reject) => {
      if (this.fatal) return reject(this.fatal);
      const slot = this.slots.reduce((a, b) => (b.pending.length < a.pending.length ? b : a));
      const task: Task = { seq: this.seq++, input, resolve, reject };
      slot.pending.push(task);
      slot.worker.postMessage({ seq: task.seq, input });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.settings), pending: [], ready: false };
    slot.worker.on(
      'message',
      (m: { ready?: true; seq: number; id?: string; out?: string; error?: string }) => {
        if (m.ready) {
          slot.ready = true;
          return;
        }
        const task = slot.pending.shift();
        if (!task || task.seq !== m.seq) throw new Error(`worker answered ${m.seq} out of order`);
        if (m.error !== undefined) task.reject(new DocumentFailed('E_ANALYZER_FAILED', m.error));
        else task.resolve({ id: m.id!, out: m.out! });
      },
    );
    const fail = (why: string) => {
      if (this.closed || this.fatal) return;
      if (!slot.ready) {
        // Not a document's fault: every worker would fail the same way.
        this.fatal = new PoolFailed(`an analysis worker failed to start (${why})`);
        for (const s of this.slots) for (const t of s.pending.splice(0)) t.reject(this.fatal);
        return;
      }
      const [culprit, ...rest] = slot.pending;
      slot.pending = [];
      culprit?.reject(new DocumentFailed('E_WORKER_CRASHED', `the analysis worker stopped (${why})`));
      const fresh = this.spawn();
      this.slots[this.slots.indexOf(slot)] = fresh;
      for (const t of rest) {
        fresh.pending.push(t);
        fresh.worker.postMessage({ seq: t.seq, input: t.input });
      }
    };
    slot.worker.on('error', (err) => fail(err.message));
    slot.worker.on('exit', (code) => {
      if (slot.pending.length > 0 || !slot.ready) fail(`exit code ${code}`);
    });
    return slot;
  }
}

/**
 * Starts a worker on the built `analyze-worker.js`, or, when this module runs from source under
 * the test runner, on `analyze-worker.ts` through tsx's loader with the workspace's `source`
 * export condition (a worker does not inherit the parent's loader hooks).
 */
function startWorker(workerData: RenderSettings): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./analyze-worker.js', import.meta.url), { workerData });
  const url = JSON.stringify(new URL('./analyze-worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${url}); });`;
  return new Worker(boot, { eval: true, workerData, execArgv: ['--conditions=source'] });
}
