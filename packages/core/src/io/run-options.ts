import type { NewsDocument } from '../schema.js';

/**
 * A module that renders analysed documents, loaded by each worker thread (and by the calling
 * thread when running in-process): `module` is a file URL, `name` the export — a
 * {@link RendererFactory}. Rendering where the document was made means only the string crosses
 * threads; cloning a whole document costs more than that.
 */
export interface RendererSpec {
  module: string;
  name: string;
  /** Structured-cloneable settings passed to the factory. */
  settings?: unknown;
}

/**
 * A render function made by a {@link RendererSpec}'s factory: a string (an output format), or
 * any structured-cloneable value (the store's prepared rows).
 */
export type Render = (doc: NewsDocument) => unknown;

/**
 * Makes a render function from a spec's settings, given the layers the analyzers can produce.
 * It may also return the layers to compute (overriding the run's `layers`), so an output
 * format that needs certain layers gets them, and analyzer options laid over the run's (a
 * research format decides every article: `{genre: {minWords: 0}}`); throwing here (an unknown
 * layer) stops the run.
 */
export type RendererFactory = (
  settings: unknown,
  ctx: { layers: readonly string[] },
) => Render | RendererMade | Promise<Render | RendererMade>;

/** What a {@link RendererFactory} makes besides the render function. */
export interface RendererMade {
  layers?: string[];
  /** Per-analyzer options laid over the run's (`PipelineSpec.options`), analyzer by analyzer. */
  options?: Record<string, Record<string, unknown>>;
  render: Render;
}

/** What every runner builds its pipelines from; the same on every thread. */
export interface PipelineSpec {
  /** Layers to compute (their requirements are added). Default: every layer. */
  layers?: readonly string[];
  /** Per-analyzer option overrides, as `createPipeline` takes them. */
  options?: Record<string, Record<string, unknown>>;
}

/** Options of {@link runDocuments}. */
export interface RunOptions extends PipelineSpec {
  /**
   * Worker threads (default 1). `0` runs in the calling thread: no thread start-up, but no time
   * budget either, and the caller's event loop waits while a document is analysed.
   */
  jobs?: number;
  /** Render each document in the worker; results then carry what it made. Default: the document. */
  render?: RendererSpec;
  /** Stops the run: workers are terminated and the iteration throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Time limit for one document, in milliseconds (default: none): CPU time of its worker
   * thread on Linux (a busy machine does not eat the budget), wall time elsewhere. A document
   * over it is a skip with `E_TIME_BUDGET`; its worker is replaced and the run goes on. Needs
   * `jobs ≥ 1`.
   */
  timeBudgetMs?: number;
  /**
   * Heap limit of each worker thread in MB (V8's old generation; default: Node's own). A
   * document whose analysis needs more is a skip with `E_WORKER_CRASHED`; its worker is
   * replaced and the run goes on. Needs `jobs ≥ 1`.
   */
  workerMaxOldMb?: number;
  /** Documents sent to one worker ahead of its answers (default 2): keeps it busy, no more. */
  prefetch?: number;
  /**
   * Most documents held at once — read, in analysis, or waiting for an earlier one to be
   * yielded (default `jobs * 4 + 4`). Reading pauses when it is reached: back-pressure.
   */
  window?: number;
}
