import type { DocumentInput, NewsDocument, Producer } from '@newsprism/core';

/** Per-analyzer options, keyed by analyzer name: `{genre: {prior: 'news-wire'}}`. */
export type AnalyzerOptions = Record<string, Record<string, unknown>>;

/**
 * Where the server's analysis runs: a pool of worker threads set up once at start (models
 * loaded, options checked), so a long article never blocks the event loop and a runaway one
 * ends with `E_TIME_BUDGET`. Tests may pass an in-process implementation.
 */
export interface Analysis {
  /** The layers every analysis produces (a request's `?layers=` picks among them). */
  readonly layers: readonly string[];
  /**
   * The layers the server was asked for, without the requirements `layers` adds: what
   * `POST /documents` stores (as `newsprism ingest` does).
   */
  readonly stored: readonly string[];
  /**
   * Analyses one document; rejects with a `NewsprismError` carrying a stable code. `options`
   * (a request's) are laid over the server's own (`serve --set`), analyzer by analyzer, key by key.
   */
  analyze(input: DocumentInput, options?: AnalyzerOptions): Promise<NewsDocument>;
  /**
   * The server's own options (`serve --set`) a client may see (`GET /api/health`), as the
   * analysis applies them: options naming files and those set to `default` left out. None: `{}`.
   */
  readonly options?: AnalyzerOptions;
  /**
   * Checks a request's `options` before any document is analysed: rejects with the pipeline's
   * `NewsprismError` (`E_OPTION_VALUE`, `E_UNKNOWN_OPTION`, `E_OPTION_TYPE`, `E_UNKNOWN_ANALYZER`),
   * else resolves to the producer entries a document analysed with them gets (no options: the
   * server's own), which `POST /api/documents` compares with a stored document's.
   * Without it a bad option fails each document that carries it.
   */
  check?(options?: AnalyzerOptions): Promise<Readonly<Record<string, Producer>>>;
  close(): Promise<void>;
}
