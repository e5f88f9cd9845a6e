import { serve } from '@hono/node-server';
import { NewsprismError } from '@newsprism/core/schema';
import { openStore } from '@newsprism/store';
import { createApp } from './app.js';
import { poolAnalysis } from './pool-analysis.js';
import { DEFAULT_LIMITS } from './schemas.js';
import { isLoopback } from './security.js';

/** Options of {@link startServer} (the flags of `newsprism serve`). */
export interface ServeOptions {
  host: string;
  port: number;
  /** The store (`--db`): a file or a postgres:// URL. */
  db?: string;
  token?: string;
  jobs: number;
  /** Heap limit of each analysis worker in MB (`NEWSPRISM_WORKER_MAX_OLD_MB`); Node's default if unset. */
  workerMaxOldMb?: number;
  layers?: string[];
  /** Per-analyzer options of every analysis (`--set genre.prior=news-wire`), as `createPipeline` takes them. */
  options?: Record<string, Record<string, unknown>>;
  timeBudgetMs: number;
  /** Largest text of one document to analyse, UTF-8 bytes (`E_TEXT_TOO_LARGE` over it); none if unset. */
  maxText?: number;
  maxBodyBytes?: number;
  /** SQLite: reader threads for searches (0: on the main thread). */
  searchThreads?: number;
  /** SQLite: search results kept until the store changes (0: none). */
  searchCache?: number;
  corsOrigins?: string[];
  webRoot?: string;
  version: string;
}

/** A running server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts `newsprism serve`: refuses a non-loopback address without a token, opens the store,
 * sets up the analysis pool (models loaded once, before listening), then listens.
 */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  if (!isLoopback(o.host) && !o.token)
    throw new NewsprismError(
      'E_INSECURE_BIND',
      `refusing to listen on ${o.host} without a token: set NEWSPRISM_TOKEN, or bind to 127.0.0.1`,
    );
  const store = await openStore(o.db, { readers: o.searchThreads, searchCache: o.searchCache });
  let analysis: Awaited<ReturnType<typeof poolAnalysis>>;
  try {
    analysis = await poolAnalysis({
      layers: o.layers,
      options: o.options,
      jobs: o.jobs,
      timeBudgetMs: o.timeBudgetMs,
      maxOldMb: o.workerMaxOldMb,
      maxText: o.maxText,
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const app = createApp({
    analysis,
    store,
    token: o.token,
    webRoot: o.webRoot,
    corsOrigins: o.corsOrigins,
    version: o.version,
    limits: { ...DEFAULT_LIMITS, ...(o.maxBodyBytes ? { bodyBytes: o.maxBodyBytes } : {}) },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: o.host, port: o.port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new NewsprismError('E_PORT_IN_USE', `port ${o.port} is in use; choose another with --port`)
          : err,
      ),
    );
  }).catch(async (err) => {
    await analysis.close();
    await store.close();
    throw err;
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shownHost}:${port}/`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await analysis.close();
      await store.close();
    },
  };
}
