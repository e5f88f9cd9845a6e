export { CSV_HEADER, csvHeader, csvLine } from './csv.js';
export type { Dialect } from './db.js';
export { type DocumentRow, deriveRows, textHash } from './derive.js';
export type { DocumentHead } from './documents.js';
export type { SearchFilters } from './filters.js';
export {
  contentHash,
  DEFAULT_BATCH,
  type IngestOptions,
  type IngestOutcome,
  type IngestStatus,
  textId,
} from './ingest.js';
export { migrations, SCHEMA_VERSION } from './migrations.js';
export { type PreparedDocument, prepareDocument, prepareInWorkers } from './prepare.js';
export { type NameExpansion, queryExpansions } from './query/names.js';
export { parseQuery, type QueryNode } from './query/parse.js';
export type { EnqueueOptions, EnqueueResult, Job, QueueStats } from './queue.js';
export type { ReportBy, ReportGroup, ReportRequest, ReportTerms, TermPoles } from './report.js';
export type { ReusePage, ReuseRequest, StoriesPage, StoriesRequest } from './reuse.js';
export type { Facets, SearchHit, SearchRequest, SearchResult } from './search.js';
export type { Snippet } from './snippets.js';
export { staleLayers } from './stale.js';
export type { StoreStats } from './stats.js';
export { stemWord } from './stem.js';
export { DEFAULT_DB, dbLocation, type OpenOptions, openStore, type Store } from './store.js';
export { runWorker, type WorkerOptions, type WorkerSummary } from './worker.js';
