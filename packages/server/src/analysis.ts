import type { DocumentInput, NewsDocument } from '@newsprism/core';

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
  /** Analyses one document; rejects with a `NewsprismError` carrying a stable code. */
  analyze(input: DocumentInput): Promise<NewsDocument>;
  close(): Promise<void>;
}
