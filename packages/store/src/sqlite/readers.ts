import { Worker } from 'node:worker_threads';
import { NewsprismError, OptionError } from '@newsprism/core/schema';
import Database from 'better-sqlite3';
import type { SearchRequest } from '../search.js';

/**
 * Search readers of an SQLite store: better-sqlite3 runs a statement on the calling thread, so a
 * server answering searches on its event loop uses one core however many requests wait. Each
 * reader is a worker thread with a read-only connection of its own (WAL: readers never block
 * the writer or each other); a search goes to the reader with the fewest searches in flight.
 */
export class SearchReaders {
  private slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private closed = false;
  /** Resolves when every reader has opened the store; rejects if one could not. */
  readonly started: Promise<void>;

  constructor(
    private readonly path: string,
    n: number,
  ) {
    const ready: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const slot = this.start();
      this.slots.push(slot);
      ready.push(slot.ready);
    }
    this.started = Promise.all(ready).then(() => undefined);
    // A failed start is reported through `started`, not as an unhandled rejection.
    this.started.catch(() => {});
  }

  private start(): Slot {
    const url = new URL(`./reader-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    const workerData = { path: this.path };
    // From TypeScript source (tests) the worker boots through tsx's loader with the workspace's
    // `source` condition: a worker does not inherit the parent's loader hooks.
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData, execArgv: ['--conditions=source'] },
        )
      : new Worker(url, { workerData });
    let opened: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    const slot: Slot = {
      worker,
      inFlight: 0,
      isReady: false,
      ready: new Promise<void>((resolve, reject) => {
        opened = resolve;
        failed = reject;
      }),
    };
    worker.on('message', (m: Reply) => {
      if ('ready' in m) {
        slot.isReady = true;
        return opened();
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      slot.inFlight--;
      if (m.error) p.reject(toError(m.error));
      else p.resolve(m.json);
    });
    const died = (why: string) => {
      if (this.closed) return;
      for (const [id, p] of this.pending)
        if (p.slot === slot) {
          this.pending.delete(id);
          p.reject(new NewsprismError('E_STORE_READER', `a search reader stopped (${why}); try again`));
        }
      const i = this.slots.indexOf(slot);
      if (!slot.isReady) {
        failed(new NewsprismError('E_DB_OPEN', `a search reader could not open ${this.path} (${why})`));
        return;
      }
      if (i >= 0) this.slots[i] = this.start();
    };
    worker.on('error', (err) => died(err.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }

  /** Runs a search in the least busy reader: its result as JSON text (made in the reader). */
  searchJson(req: SearchRequest): Promise<string> {
    if (this.closed) return Promise.reject(new NewsprismError('E_STORE_CLOSED', 'the store is closed'));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.inFlight < slot.inFlight) slot = s;
    slot.inFlight++;
    const id = ++this.seq;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, req });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.values())
      p.reject(new NewsprismError('E_STORE_CLOSED', 'the store was closed during the search'));
    this.pending.clear();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

interface Slot {
  worker: Worker;
  inFlight: number;
  isReady: boolean;
  ready: Promise<void>;
}

interface Pending {
  resolve(json: string): void;
  reject(e: Error): void;
  slot: Slot;
}

type Reply =
  | { ready: true }
  | { id: number; json: string; error?: undefined }
  | { id: number; error: ReaderError };

/** An error as a reader sends it back: an OptionError's option and wording with it. */
interface ReaderError {
  code?: string;
  message: string;
  option?: string;
  says?: string;
}

function toError(e: ReaderError): Error {
  if (e.code?.startsWith('E_') && e.option !== undefined && e.says !== undefined)
    return new OptionError(e.code, e.option, e.says);
  return e.code?.startsWith('E_') ? new NewsprismError(e.code, e.message) : new Error(e.message);
}

/**
 * Search results (as JSON text) kept by request while the store is unchanged: `PRAGMA data_version` on a
 * connection of its own changes whenever any other connection — this store's writer, a reader
 * thread never writes, another process's ingest — commits, and then every kept result is
 * dropped. Least recently used results go first once `size` are kept.
 */
export class SearchCache {
  private readonly entries = new Map<string, string>();
  private version: number | undefined;
  private readonly check: Database.Database;
  private readonly dataVersion: Database.Statement;
  /** Searches answered from the cache and searches computed, since the store was opened. */
  readonly counts = { hits: 0, misses: 0 };

  constructor(
    path: string,
    private readonly size: number,
  ) {
    this.check = new Database(path, { readonly: true });
    this.dataVersion = this.check.prepare('PRAGMA data_version').pluck();
  }

  async get(req: SearchRequest, compute: () => Promise<string>): Promise<string> {
    const v = this.dataVersion.get() as number;
    if (v !== this.version) {
      this.entries.clear();
      this.version = v;
    }
    const key = JSON.stringify(req);
    const hit = this.entries.get(key);
    if (hit) {
      this.counts.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.counts.misses++;
    const result = await compute();
    // Kept only if nothing was committed since `v` was read (the result may predate a commit).
    if (this.version === v && (this.dataVersion.get() as number) === v) {
      this.entries.set(key, result);
      if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    return result;
  }

  close(): void {
    this.entries.clear();
    if (this.check.open) this.check.close();
  }
}
