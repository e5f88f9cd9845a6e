import type { Command } from './command.js';
import { lazyCommand } from './lazy.js';

/**
 * Every CLI command, in help order. Each loads its module only when it runs: `extract` must
 * not pay for the analyzers, nor `analyze` for the training code or the store.
 */
export const commands: Command[] = [
  lazyCommand(
    'analyze',
    'analyze articles (text, HTML, JSONL, directories, stdin)',
    async () => (await import('./analyze.js')).analyze,
  ),
  lazyCommand(
    'extract',
    'print the main article of an HTML page (text or JSON)',
    async () => (await import('./extract.js')).extractCommand,
  ),
  lazyCommand(
    'parse',
    'fill UPOS, LEMMA and FEATS of a CoNLL-U file with the syntax layer',
    async () => (await import('./parse.js')).parseCommand,
  ),
  lazyCommand(
    'reuse',
    'find copies, partial copies, rewrites and translations across documents',
    async () => (await import('./reuse.js')).reuseCommand,
  ),
  lazyCommand(
    'similarity',
    'score how alike the stories of text pairs are (1–4, by dimension)',
    async () => (await import('./similarity.js')).similarityCommand,
  ),
  lazyCommand(
    'stories',
    'group articles about the same event and compare how outlets tell it',
    async () => (await import('./stories.js')).storiesCommand,
  ),
  lazyCommand(
    'train',
    'train a model from a data set into models/',
    async () => (await import('./train.js')).trainCommand,
  ),
  lazyCommand(
    'eval',
    'score an analyzer on gold data (official metrics)',
    async () => (await import('./eval.js')).evalCommand,
  ),
  // The corpus store (packages/store).
  lazyCommand(
    'ingest',
    'analyze articles into a corpus store (SQLite file or PostgreSQL)',
    async () => (await import('./ingest.js')).ingestCommand,
  ),
  lazyCommand(
    'reanalyze',
    'bring stored documents up to date with the current analyzers',
    async () => (await import('./reanalyze.js')).reanalyzeCommand,
  ),
  lazyCommand(
    'search',
    'search a corpus store: full text, filters on the analysis, facets',
    async () => (await import('./search.js')).searchCommand,
  ),
  lazyCommand(
    'report',
    'compare outlets and months: voice, techniques, frames, naming, terms, sources',
    async () => (await import('./report.js')).reportCommand,
  ),
  lazyCommand(
    'export',
    'export stored documents (jsonl, csv, research formats), streamed',
    async () => (await import('./export.js')).exportCommand,
  ),
  lazyCommand('show', 'print one stored document', async () => (await import('./show.js')).showCommand),
  lazyCommand('delete', 'delete stored documents', async () => (await import('./delete.js')).deleteCommand),
  lazyCommand(
    'stats',
    'show what a corpus store holds and its job queue',
    async () => (await import('./stats.js')).statsCommand,
  ),
  lazyCommand(
    'worker',
    'analyse queued documents from a PostgreSQL store (scale-out)',
    async () => (await import('./worker.js')).workerCommand,
  ),
  lazyCommand(
    'serve',
    'serve the HTTP API and the web UI',
    async () => (await import('./serve.js')).serveCommand,
  ),
];
