import { builtinAnalyzers, type DocumentInput, keepLayers, NewsprismError } from '@newsprism/core';
import { optionVariants, prepare, refuseFileOptions, textOverLimit } from '@newsprism/core/node';
import { openStore, runWorker } from '@newsprism/store';
import { analyzerSets, setHelp, setOption } from '../analyzer-sets.js';
import { maxTextOption, parse } from '../args.js';
import { selectLayers } from '../formats/renderer.js';
import { dbHelpAt, dbOption } from '../store/db-option.js';
import {
  keptOptions,
  keptRefresher,
  otherOptionsNote,
  queueFileOption,
  REANALYZE_OTHER_OPTIONS,
} from '../store/kept-options.js';
import { parseBudget } from './analyze.js';
import { type Command, warn } from './command.js';
import { workerHeapLimit } from './worker-heap.js';

const usage = `Usage: newsprism worker --db postgres://… [options]

Takes documents that \`newsprism ingest --queue\` put on a PostgreSQL store's job queue,
analyses them and stores them. Run any number of workers on any number of machines: each job
is taken by one worker at a time (FOR UPDATE SKIP LOCKED); a worker that dies loses its jobs
to the others once its lease runs out; a document that keeps failing is dead-lettered.
Stops cleanly on Ctrl-C or SIGTERM. A job carries the options \`ingest --queue --set\` gave
it, laid over this worker's own (--set); a job whose document is already stored with the same
text is left unchanged, not analysed (as ingest), unless it was queued with --reanalyze
other-options: then it is analysed again from the stored document in this thread (this
worker's layers and the stored ones reading them; its other stored layers kept) — the
summary counts those stored with other options than the job's. Stop every worker before
upgrading the store's schema (a worker of schema 14 would drop a job's options).

Options:
${dbHelpAt(28)}
  -l, --layers <list>       layers to compute (as analyze; default all but tokens)
      --batch <n>           jobs taken at a time (default 4)
      --lease <seconds>     how long a taken job stays this worker's (default 60)
      --max-attempts <n>    failures before a job is dead-lettered (default 3)
      --time-budget <s>     CPU seconds one document may take, as in analyze and ingest
                            (default 60; 0 for none, analysing in the main thread): a
                            document over it is dead-lettered with E_TIME_BUDGET
      --max-text <n>        largest text of one document (default 5MB; 0 for none), as
                            analyze: checked when the job is taken, whatever limit
                            ingest --queue had; a larger one is dead-lettered with
                            E_TEXT_TOO_LARGE, not analysed
      --exit-when-empty     stop when the queue is empty instead of waiting for more
${setHelp(
  28,
  `for every document this worker analyses, recorded with it (a job's
own options, from \`ingest --queue --set\`, are laid over these)`,
)}
  -h, --help                show this help`;

const positive = (flag: string, v: unknown, dflt: number): number => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new NewsprismError('E_USAGE', `--${flag} takes a positive number (got "${v}")`);
  return n;
};

async function run(argv: string[]): Promise<number> {
  const { values } = parse('worker', argv, {
    ...dbOption,
    layers: { type: 'string', short: 'l' },
    batch: { type: 'string' },
    lease: { type: 'string' },
    'max-attempts': { type: 'string' },
    'time-budget': { type: 'string' },
    'max-text': { type: 'string' },
    'exit-when-empty': { type: 'boolean' },
    ...setOption,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const all = builtinAnalyzers.map((a) => a.produces);
  const layers = selectLayers(values.layers as string | undefined, all);
  const budget = parseBudget(values['time-budget'] as string | undefined);
  const maxText = maxTextOption(values['max-text']);
  const options = analyzerSets(values.set as string[] | undefined);
  // With a budget, documents are analysed in a worker thread that is stopped when one overruns
  // it (the server's pool); without, in this thread.
  const analysis =
    budget === undefined
      ? await inThread(layers, options)
      : await (await import('@newsprism/server')).poolAnalysis({
          layers,
          options,
          jobs: 1,
          timeBudgetMs: budget,
          maxOldMb: workerHeapLimit(process.env.NEWSPRISM_WORKER_MAX_OLD_MB),
        });
  // Stored as `analyze` writes them: the asked-for layers, not those computed as requirements.
  const keep = new Set(layers);
  const store = await openStore(values.db as string | undefined).catch(async (err) => {
    await analysis.close();
    throw err;
  });
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (store.backend !== 'postgres')
      throw new NewsprismError(
        'E_QUEUE_NEEDS_POSTGRES',
        'workers need a PostgreSQL store: --db postgres://…',
      );
    const otherOptions = keptOptions(store, layers, options);
    const refresh = keptRefresher(layers, options);
    let kept = 0;
    const summary = await runWorker(store, {
      analyze: async (input, jobOptions) => {
        // Jobs queued by an ingest with another --max-text (or none) are held to this worker's.
        const over = maxText === undefined ? undefined : textOverLimit(input.id, input.text, maxText);
        if (over) throw new NewsprismError(over.code, over.message);
        return keepLayers(await analysis.analyze(input, jobOptions).catch(queueError), keep);
      },
      // A job replacing a stored document with the same text: this worker's layers made again
      // from it with the job's options, its other stored layers kept (in this thread).
      refresh: (stored, jobOptions) =>
        refuseFileOptions(jobOptions)
          .then(() => refresh(stored, jobOptions))
          .catch(queueError),
      batch: Math.round(positive('batch', values.batch, 4)),
      leaseMs: positive('lease', values.lease, 60) * 1000,
      maxAttempts: Math.round(positive('max-attempts', values['max-attempts'], 3)),
      exitWhenEmpty: values['exit-when-empty'] === true,
      signal: stop.signal,
      onJob: async (j) => {
        if (!j.ok) warn(`job ${j.id} failed: ${j.error}`);
        // A comparison that fails (options this worker's analyzers refuse) names nothing.
        else if (j.unchanged && (await otherOptions(j.id, j.options).catch(() => false))) kept++;
      },
    });
    warn(`worker done: ${summary.done} analysed, ${summary.unchanged} unchanged, ${summary.failed} failed`);
    if (kept > 0)
      warn(
        otherOptionsNote(
          kept,
          "their jobs' (this worker's, with the options each was queued with)",
          `\`newsprism ingest … --set … --reanalyze ${REANALYZE_OTHER_OPTIONS}\` (with or without --queue) analyses only them again`,
        ),
      );
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await analysis.close();
    await store.close();
  }
}

/** A job's option naming a file, refused: the remedy is this worker's `--set`, not a server's. */
function queueError(err: unknown): never {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'E_OPTION_NOT_ALLOWED' && typeof e.message === 'string')
    throw new NewsprismError(e.code, queueFileOption(e.message, 'cannot come with a queued job'));
  throw err;
}

/** `newsprism worker`: analyse documents from a PostgreSQL store's job queue. */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'analyse queued documents from a PostgreSQL store (scale-out)',
  usage,
  run,
};

/**
 * The analysis of a worker without a time budget: in this thread, one pipeline a set of options
 * (the worker's own, and each job's laid over them, as the server's pool does: none naming a
 * file; the eight latest kept).
 */
async function inThread(
  layers: readonly string[],
  options: Record<string, Record<string, unknown>> | undefined,
) {
  const variant = optionVariants(await prepare({ layers, options }));
  return {
    analyze: async (input: DocumentInput, over?: Record<string, Record<string, unknown>>) =>
      (await variant(over)).run(input),
    close: async () => {},
  };
}
