import { createPipeline, type DocumentInput, type NewsDocument } from '@newsprism/core';
import { type InputItem, readInputs } from '../inputs.js';
import { AnalyzePool, DocumentFailed, PoolFailed } from '../parallel/pool.js';

/**
 * The one place the store commands touch the CLI's input reading and worker pool (both are
 * moving into core): re-point these imports, and nothing else in the store commands changes.
 */

/** One input after analysis: a document, an input left alone, or a skipped input. */
export type AnalysedItem =
  | { ok: true; doc: NewsDocument }
  | { ok: true; kept: DocumentInput }
  | Extract<InputItem, { ok: false }>;

/** Options of {@link analyseInputs}. */
export interface AnalyseOptions {
  maxBytes: number;
  lang?: string;
  layers: readonly string[];
  /** Worker threads (1 = analyse on the main thread). */
  jobs: number;
  /** An input for which this resolves true is not analysed but yielded as `kept`. */
  keep?: (input: DocumentInput) => Promise<boolean>;
  /** Read only: every input is yielded as `kept` (for `ingest --queue`). */
  readOnly?: boolean;
}

/**
 * Reads the inputs of `analyze` (files, directories, JSONL, stdin) and analyses each with the
 * pipeline, in `jobs` worker threads when asked; yields in input order. A bad input or an
 * analyzer crash is yielded as a skip record and the rest goes on.
 */
export async function* analyseInputs(
  paths: readonly string[],
  opts: AnalyseOptions,
): AsyncGenerator<AnalysedItem> {
  const pipeline = opts.readOnly || opts.jobs > 1 ? undefined : await createPipeline({ layers: opts.layers });
  const pool =
    !opts.readOnly && opts.jobs > 1
      ? new AnalyzePool(opts.jobs, {
          layers: opts.layers,
          format: 'jsonl',
          output: opts.layers,
          color: false,
        })
      : undefined;
  const queue: { source: string; item: Promise<AnalysedItem> }[] = [];
  const analyse = async (input: DocumentInput): Promise<AnalysedItem> => {
    if (opts.readOnly || (opts.keep && (await opts.keep(input)))) return { ok: true, kept: input };
    // Workers send rendered JSON, not documents: only strings cross threads cheaply.
    if (pool) return { ok: true, doc: JSON.parse((await pool.analyze(input)).out) as NewsDocument };
    return { ok: true, doc: pipeline!.run(input) };
  };
  const settle = async (source: string, item: Promise<AnalysedItem>): Promise<AnalysedItem> => {
    try {
      return await item;
    } catch (err) {
      if (err instanceof PoolFailed) throw err;
      const code = err instanceof DocumentFailed ? err.code : 'E_ANALYZER_FAILED';
      return { ok: false, source, code, message: (err as Error).message };
    }
  };
  try {
    for await (const item of readInputs(paths, { maxBytes: opts.maxBytes, lang: opts.lang })) {
      if (!item.ok) {
        yield item;
        continue;
      }
      const p = analyse(item.input);
      p.catch(() => {});
      queue.push({ source: item.input.meta?.source ?? item.input.id, item: p });
      while (queue.length > (pool ? opts.jobs * 4 - 1 : 0)) {
        const next = queue.shift()!;
        yield await settle(next.source, next.item);
      }
    }
    for (const next of queue.splice(0)) yield await settle(next.source, next.item);
  } finally {
    await pool?.close();
  }
}
