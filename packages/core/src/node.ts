/**
 * `@newsprism/core/node`: the Node-only front-end services every front end shares — the CLI,
 * a corpus store's ingest, an HTTP server. Input adapters (files, directories, JSONL, stdin) as
 * one stream of records, a parallel runner over worker threads, JSON serialisation, and
 * terminal-safe text. Importing this entry loads no analyzer or model: the runner loads the
 * pipeline where it runs.
 */

export { type AnalyzerEntry, builtinCatalog } from './catalog.js';
export { fastSnowball } from './corpus/snowball.js';
export { isNewsprismError, NewsprismError } from './errors.js';
export { decodeDeclaredCharset } from './extract/charset.js';
export {
  type AnalyzerOptions,
  layOptions,
  optionVariants,
  type Prepared,
  prepare,
} from './io/build-pipeline.js';
export { gunzipChunks, isGzip, openRegular, splitLines, textOverLimit, tooLarge } from './io/bytes.js';
export { escapeControl, pictureControls } from './io/escape.js';
export { extractOrFail, htmlToInput } from './io/html-input.js';
export { jsonlItems, recordToInput } from './io/jsonl.js';
export { documentId, kindOf, sniff } from './io/kinds.js';
export { siblingModule } from './io/module-url.js';
export { DocumentFailed, type PoolSettings, WorkerPool } from './io/pool.js';
export { countDocuments, readInputs } from './io/read-inputs.js';
export { readInputBytes } from './io/read-one.js';
export { readStream, type StreamInfo } from './io/read-stream.js';
export type { PipelineSpec, Render, RendererFactory, RendererSpec, RunOptions } from './io/run-options.js';
export { type RunResult, runDocuments } from './io/runner.js';
export { keepLayers, type SerializeOptions, serializeDocument, toJson } from './io/serialize.js';
export { skipOf } from './io/skip.js';
export type { InputKind, InputRecord, Notice, ReadOptions, Skip, SourceItem } from './io/types.js';
// The shipped gazetteer's entries by id (what `--all-names` searches expand a name to).
export { type GazetteerEntry, shippedEntries } from './layers/entities/gazetteer.js';
// Orders and checks a layer set over the catalog's declarations, loading no analyzer module.
export {
  checkAnalyzerOptions,
  chosenOptions,
  nonDefaultOptions,
  refuseFileOptions,
  resolveAnalyzers,
} from './pipeline.js';
export { decodeText } from './text/decode.js';
