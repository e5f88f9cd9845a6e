import type { DocumentInput } from '@newsprism/core';
import {
  type InputRecord,
  type ReadOptions,
  readInputs,
  runDocuments,
  type Skip,
  type SourceItem,
  textOverLimit,
} from '@newsprism/core/node';
import { type PreparedDocument, prepareInWorkers, textId } from '@newsprism/store';

/**
 * The store commands' view of core's input adapters and runner: inputs read as `analyze` reads
 * them, analysed in worker threads, each result a document prepared for the store, an input left
 * alone, or a skip.
 */

/**
 * One input after analysis: a document prepared for the store (rows derived and analysis packed
 * in the worker thread that analysed it: the main thread only writes), an input left alone, or
 * a skipped input.
 */
export type AnalysedItem = { ok: true; doc: PreparedDocument } | { ok: true; kept: DocumentInput } | Skip;

/** Options of {@link analyseInputs}. */
export interface AnalyseOptions {
  maxBytes: number;
  /** Largest text of one document in UTF-8 bytes (`E_TEXT_TOO_LARGE` over it); default none. */
  maxText?: number;
  lang?: string;
  /** The layers asked for: computed with their requirements, stored alone (as `analyze` writes them). */
  layers: readonly string[];
  /** Analyzer options (`--set`), as `createPipeline` takes them. */
  options?: Record<string, Record<string, unknown>>;
  /** Worker threads (0 = analyse on the main thread). */
  jobs: number;
  /**
   * Limit per document in ms of its worker thread's CPU time (wall time where that clock cannot be
   * read; needs jobs ≥ 1): a runaway is skipped with `E_TIME_BUDGET`.
   */
  timeBudgetMs?: number;
  /** An input for which this resolves true is not analysed but yielded as `kept`. */
  keep?: (input: DocumentInput) => Promise<boolean>;
  /** Read only: every input is yielded as `kept` (for `ingest --queue`). */
  readOnly?: boolean;
  signal?: AbortSignal;
  /** Told of what the readers change on their own (`W_ID_COLLISION`: files renamed to be unique). */
  onNotice?: ReadOptions['onNotice'];
}

/**
 * Reads the inputs of `analyze` (files, directories, JSONL, stdin) and analyses them with
 * core's runner. Kept inputs come out as soon as they are read; analysed ones in input order.
 * A bad input or a failed document is yielded as a skip and the rest goes on.
 */
export async function* analyseInputs(
  paths: readonly string[],
  opts: AnalyseOptions,
): AsyncGenerator<AnalysedItem> {
  const items = named(
    readInputs(paths, {
      maxBytes: opts.maxBytes,
      // Read only, nothing comes after reading: the limit applies there. Otherwise it is checked
      // after `keep`, so a stored, unchanged document over the limit stays unchanged.
      maxText: opts.readOnly ? opts.maxText : undefined,
      lang: opts.lang,
      onNotice: opts.onNotice,
    }),
  );
  if (opts.readOnly) {
    for await (const item of items) yield item.ok ? { ok: true, kept: item.input } : item;
    return;
  }
  const kept: DocumentInput[] = [];
  // An id-less record met again in this run (same text, same id) is not analysed twice: it is
  // kept, as the store would find it unchanged after the first copy.
  const unnamed = new Set<string>();
  async function* toAnalyse(): AsyncGenerator<SourceItem> {
    for await (const item of items) {
      if (item.ok && item.unnamed) {
        if (unnamed.has(item.id)) {
          kept.push(item.input);
          continue;
        }
        unnamed.add(item.id);
      }
      if (item.ok && opts.keep && (await opts.keep((item as InputRecord).input))) kept.push(item.input);
      else {
        const over =
          item.ok && opts.maxText !== undefined
            ? textOverLimit(item.source, item.input.text, opts.maxText)
            : undefined;
        yield over ? { ok: false, source: item.source, ...over } : item;
      }
    }
  }
  const results = runDocuments<PreparedDocument>(toAnalyse(), {
    render: prepareInWorkers(opts.layers),
    layers: opts.layers,
    options: opts.options,
    jobs: opts.jobs,
    timeBudgetMs: opts.timeBudgetMs,
    signal: opts.signal,
  });
  for await (const r of results) {
    for (const k of kept.splice(0)) yield { ok: true, kept: k };
    yield r.ok ? { ok: true, doc: r.output } : r;
  }
  for (const k of kept.splice(0)) yield { ok: true, kept: k };
}

/**
 * The inputs with an id of their own: what came without one — a text or page on stdin (id
 * `stdin`), a JSONL record without `id` on stdin (`stdin-<line>`) or in a file (`<file
 * stem>-<line>`) — is stored under {@link textId}, as the API stores a body or record without an
 * id. So each `… | newsprism ingest -` adds its documents instead of replacing those of the last
 * feed piped in, and `a/feed.jsonl` and `b/feed.jsonl` do not both give `feed-1` (the second
 * replacing the first); the id depends on the text alone, so it is the same whatever path,
 * line or run the record comes from. Records with an `id` and text files keep theirs.
 */
async function* named(items: AsyncIterable<SourceItem>): AsyncGenerator<SourceItem> {
  for await (const item of items) {
    if (item.ok && item.unnamed) item.id = item.input.id = textId(item.input.text);
    yield item;
  }
}
