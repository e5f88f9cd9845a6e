import type { DocumentInput } from '@newsprism/core';
import { builtinCatalog, escapeControl } from '@newsprism/core/node';
import { NewsprismError } from '@newsprism/core/schema';
import {
  contentHash,
  DEFAULT_BATCH,
  type EnqueueResult,
  type IngestStatus,
  type PreparedDocument,
  prepareDocument,
  type Store,
} from '@newsprism/store';
import { checkedSets, setHelp, setOption } from '../analyzer-sets.js';
import { langOption, maxTextOption, parse, parseSize } from '../args.js';
import { selectLayers } from '../formats/renderer.js';
import { Progress } from '../progress.js';
import { analyseInputs } from '../store/analysed-inputs.js';
import { dbHelp, dbOption, withStore } from '../store/db-option.js';
import {
  keptOptions,
  keptQueueOptions,
  keptRefresher,
  otherOptionsNote,
  queueFileOption,
  REANALYZE_OTHER_OPTIONS,
  shellWord,
} from '../store/kept-options.js';
import { parseBudget, parseJobs } from './analyze.js';
import { type Command, NO_DOCUMENTS, warn, warnNotice } from './command.js';

const usage = `Usage: newsprism ingest <inputs…> [options]

Analyzes articles and stores them in a corpus store, for search, report and export: the layers
\`analyze -o\` writes (those --layers selects, not those computed only as their requirements).
Inputs are those of \`analyze\` (text, HTML, JSONL files, directories, - for stdin).
A document's key is its id (JSONL "id", else the file name; a JSONL record without "id" and
text on stdin: "text-" and its text's hash): the same id and text again is left alone without
analysis, a changed text replaces the stored document. Documents are
committed in batches, each in one transaction: after an interruption, run the same command
again to finish.

Options:
${dbHelp}
  -j, --jobs <n>        analyse in n worker threads ("auto": one per core; default 1)
  -l, --layers <list>   layers to store (as analyze; default all but tokens and syntax;
                        "+tokens" adds them)
      --lang <code>     declare the language of every input (en, EN and en-GB are en)
      --max-size <n>    largest single document (default 20MB)
      --max-text <n>    largest text of one document (default 5MB; 0 for none), as analyze
      --time-budget <s> CPU seconds one document may take before it is skipped with
                        E_TIME_BUDGET, as in analyze (default 60; 0 for none)
      --batch <n>       documents per transaction (default ${DEFAULT_BATCH})
      --queue           only put the inputs on the store's job queue for \`newsprism worker\`
                        processes (PostgreSQL)
      --reanalyze <m>   m = other-options: also analyse again the stored documents with
                        the same text that were analysed with other options than this
                        run's (--set over the defaults), replacing them (as reanalyze -l:
                        the run's layers and the stored ones reading them, the other
                        stored layers kept); the others stay unchanged. With --queue:
                        give --set too (the options the jobs carry)
${setHelp(
  24,
  `for the documents analysed now, recorded with them (\`show\` prints them).
A stored document with the same text stays unchanged, whatever its
options: the summary counts those analysed with others than the run's
(--set over the defaults) and prints the command that analyses only
them again (this one with --reanalyze other-options). With --queue:
the jobs carry them, laid over the options of the worker taking them
(none naming a file), and unchanged documents are compared on the
options --set names only; a waiting job of an id takes them (else
"already queued"); without --set a queued document gets the
worker's, and unchanged ones are not compared.`,
)}
  -h, --help            show this help

Exit codes: 0 all stored; 1 some inputs skipped (each reported); 2 usage error; 130 interrupted
(Ctrl-C: what was analysed before it is stored).`;

/** Counts of an ingest run, by outcome; `otherOptions`: unchanged documents stored with other options. */
type Counts = Record<
  IngestStatus | 'failed' | 'queued' | 'otherOptions' | 'reanalysed' | 'alreadyQueued',
  number
>;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('ingest', argv, {
    ...dbOption,
    jobs: { type: 'string', short: 'j' },
    layers: { type: 'string', short: 'l' },
    lang: { type: 'string' },
    'max-size': { type: 'string' },
    'max-text': { type: 'string' },
    'time-budget': { type: 'string' },
    batch: { type: 'string' },
    queue: { type: 'boolean' },
    reanalyze: { type: 'string' },
    ...setOption,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length === 0)
    throw new NewsprismError('E_USAGE', 'no inputs; give files, directories or - for stdin (see --help)');
  const batchSize = Number(values.batch ?? DEFAULT_BATCH);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new NewsprismError(
      'E_USAGE',
      `--batch takes a whole number from 1 to 10000 (got "${values.batch}")`,
    );
  const all = builtinCatalog.map((a) => a.produces);
  const layers = selectLayers(values.layers as string | undefined, all);
  const jobs = parseJobs(values.jobs as string | undefined);
  // As analyze: one document with no end (a 50 MB file ran for hours) must not hold up the batch.
  const budget = parseBudget(values['time-budget'] as string | undefined);
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 20 * 1024 * 1024;
  const maxText = maxTextOption(values['max-text']);
  const lang = langOption(values.lang);
  const queue = values.queue === true;
  const sets = values.set as string[] | undefined;
  const again = values.reanalyze !== undefined;
  if (again && values.reanalyze !== REANALYZE_OTHER_OPTIONS)
    throw new NewsprismError(
      'E_USAGE',
      `--reanalyze takes ${REANALYZE_OTHER_OPTIONS} (the unchanged documents stored with other options than this run's; got "${values.reanalyze}")`,
    );
  if (again && queue && !sets?.length)
    throw new NewsprismError(
      'E_USAGE',
      '--reanalyze other-options with --queue needs --set: the jobs carry those options, and the stored documents are compared with them',
    );
  const options = await checkedSets(sets);
  // A queued job may be taken on another machine: options naming files there stay the workers'.
  if (queue && options)
    await (await import('@newsprism/core/node')).refuseFileOptions(options).catch((err) => {
      throw new NewsprismError(
        'E_OPTION_NOT_ALLOWED',
        queueFileOption((err as Error).message, 'cannot go with --queue'),
      );
    });
  return withStore(values.db, async (store) => {
    if (values.queue && store.backend !== 'postgres')
      throw new NewsprismError(
        'E_QUEUE_NEEDS_POSTGRES',
        '--queue needs a PostgreSQL store (--db postgres://…); on SQLite ingest directly with -j N',
      );
    const counts: Counts = {
      added: 0,
      unchanged: 0,
      replaced: 0,
      failed: 0,
      queued: 0,
      otherOptions: 0,
      reanalysed: 0,
      alreadyQueued: 0,
    };
    // Queued documents get a worker's options under the jobs': only the options `--set` names
    // are compared, with what the stored producers record (a worker's own --set is no difference).
    const otherOptions =
      queue && options ? keptQueueOptions(store, layers, options) : keptOptions(store, layers, options);
    // Without --set a queued document gets the worker's options: nothing to compare.
    const compare = !queue || options !== undefined;
    // The inputs stored with the same text that this run analyses again (`--reanalyze
    // other-options`): kept out of the analysis and made from the stored document instead.
    const redo = new WeakSet<DocumentInput>();
    const refresh = keptRefresher(layers, options);
    const progress = new Progress(process.stderr);
    // The batch in input order: analysed documents, and stored ones to analyse again (`redo`).
    let docs: (PreparedDocument | DocumentInput)[] = [];
    let queued: DocumentInput[] = [];
    let requeued: DocumentInput[] = [];
    const flush = async () => {
      if (docs.length) {
        // Stored in input order in one transaction: a later line with the same id wins.
        const prepared: PreparedDocument[] = [];
        const again: boolean[] = [];
        for (const d of docs) {
          if ('doc' in d) {
            prepared.push(d);
            again.push(false);
            continue;
          }
          const stored = await store.get(d.id);
          if (!stored) continue;
          try {
            prepared.push(prepareDocument(await refresh(stored)));
            again.push(true);
          } catch (err) {
            counts.failed++;
            progress.clear();
            warn(`skipped ${escapeControl(d.id)}: ${failureOf(err)}`);
          }
        }
        const outcomes = await store.ingestPrepared(prepared, { replace: again });
        countOutcomes(
          outcomes.filter((_, i) => !again[i]),
          prepared.filter((_, i) => !again[i]),
          counts,
        );
        counts.reanalysed += again.filter(Boolean).length;
      }
      if (queued.length) count(await store.enqueue(queued, { options }), counts, 'queued');
      if (requeued.length)
        count(await store.enqueue(requeued, { options, replace: true }), counts, 'reanalysed');
      docs = [];
      queued = [];
      requeued = [];
    };
    // A stored document with the same text: left unchanged, unless it is to be analysed again
    // (then not analysed with the inputs: yielded as kept, and marked).
    const keep = async (input: DocumentInput) => {
      if (!(await unchanged(store, input))) return false;
      if (again && (await otherOptions(input.id))) redo.add(input);
      return true;
    };
    // Ctrl-C stops the analysis; what was analysed before it is still stored (one batch of up to
    // --batch documents, minutes of work), and the summary says how to finish.
    const stop = new AbortController();
    const interrupt = () => stop.abort(new NewsprismError('E_INTERRUPTED', 'interrupted'));
    process.once('SIGINT', interrupt);
    const items = analyseInputs(positionals, {
      signal: stop.signal,
      maxBytes,
      maxText,
      lang,
      layers,
      options,
      jobs,
      timeBudgetMs: budget,
      readOnly: queue,
      keep,
      onNotice: warnNotice(() => progress.clear()),
    });
    let interrupted = false;
    try {
      for await (const item of items) {
        progress.tick(item.ok);
        if (!item.ok) {
          counts.failed++;
          progress.clear();
          warn(`skipped ${escapeControl(item.source)}: ${item.code} ${escapeControl(item.message)}`);
        } else if ('doc' in item) docs.push(item.doc);
        else if (queue && !(await keep(item.kept))) queued.push(item.kept);
        else if (redo.has(item.kept)) (queue ? requeued : docs).push(item.kept);
        else {
          counts.unchanged++;
          if (compare && (await otherOptions(item.kept.id))) counts.otherOptions++;
        }
        if (docs.length + queued.length + requeued.length >= batchSize) await flush();
      }
    } catch (err) {
      // Only the interruption itself: a store or read error after Ctrl-C is still that error.
      const ours = err === stop.signal.reason || (err as { code?: string } | null)?.code === 'E_INTERRUPTED';
      if (!stop.signal.aborted || !ours) throw err;
      interrupted = true;
    } finally {
      process.removeListener('SIGINT', interrupt);
    }
    await flush();
    progress.clear();
    if (interrupted) {
      warn(
        `interrupted: ${summaryOf(counts, queue, again)} (${store.location}); run the same command again to store the rest`,
      );
      return 130;
    }
    if (Object.values(counts).every((n) => n === 0)) {
      warn(NO_DOCUMENTS);
      return 2;
    }
    warn(`${summaryOf(counts, queue, again)} (${store.location})`);
    if (counts.otherOptions > 0) {
      const quoted = (sets ?? []).map((s) => `--set ${shellWord(s)}`);
      const command = [
        'newsprism',
        'ingest',
        ...withoutPassword(argv).map(shellWord),
        '--reanalyze',
        REANALYZE_OTHER_OPTIONS,
      ];
      warn(
        otherOptionsNote(
          counts.otherOptions,
          `this run's (${quoted.length ? quoted.join(' ') : 'the defaults'})`,
          `\`${command.join(' ')}\`${positionals.some(oneTime) ? ' with the same input' : ''} analyses only them again${queue ? ' (through the queue)' : ''}`,
        ),
      );
    }
    // As `analyze`: 1 when inputs were skipped, 2 when none could be stored or queued.
    if (counts.failed === 0) return 0;
    return counts.added +
      counts.unchanged +
      counts.replaced +
      counts.queued +
      counts.reanalysed +
      counts.alreadyQueued >
      0
      ? 1
      : 2;
  });
}

/**
 * The arguments of a run to print again, the password of a `--db` URL left out (PostgreSQL's
 * PGPASSWORD or ~/.pgpass gives it to the command printed).
 */
function withoutPassword(argv: readonly string[]): string[] {
  const bare = (v: string): string => {
    try {
      const url = new URL(v);
      if (!url.password) return v;
      url.password = '';
      return url.toString();
    } catch {
      return v;
    }
  };
  return argv.map((a, i) =>
    argv[i - 1] === '--db' ? bare(a) : a.startsWith('--db=') ? `--db=${bare(a.slice(5))}` : a,
  );
}

/** An input that cannot be read again by the same name: stdin, a pipe (`<(…)`: /dev/fd/N). */
const oneTime = (p: string): boolean => p === '-' || /^\/(dev\/fd|proc\/self\/fd|dev\/stdin)(\/|$)/.test(p);

/** The counts of a run as its summary line says them. */
const summaryOf = (counts: Counts, queue: boolean, again: boolean): string =>
  (queue
    ? `queued ${counts.queued}, unchanged ${counts.unchanged}`
    : `added ${counts.added}, unchanged ${counts.unchanged}, replaced ${counts.replaced}`) +
  `${again ? `, ${queue ? 're-queued' : 'reanalysed'} ${counts.reanalysed}` : ''}` +
  `${counts.alreadyQueued ? `, already queued ${counts.alreadyQueued}` : ''}, failed ${counts.failed}`;

/**
 * Adds what queueing a batch did to the run's counts: jobs queued or updated (a waiting job of
 * the id given this run's options) count as `key`; an id waiting with the same options, or
 * being worked on, as "already queued".
 */
function count(r: EnqueueResult, counts: Counts, key: 'queued' | 'reanalysed'): void {
  counts[key] += r.queued + r.updated;
  counts.alreadyQueued += r.already;
}

/** A failure's code and message, as a `skipped` line gives them. */
function failureOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' && e.code.startsWith('E_') ? e.code : 'E_ANALYZER_FAILED';
  return `${code} ${escapeControl(String(e?.message ?? err))}`;
}

/**
 * Adds a batch's outcomes to the run's counts. The store answers `added` for each copy of a new
 * id that comes twice in one batch (a feed repeating a record without `id`: both copies get its
 * text's id); the store gains one document, so a repeat counts as a later batch would see it —
 * `unchanged` with the same text, `replaced` with another — and the summary does not depend on
 * where the batches are cut.
 */
function countOutcomes(
  outcomes: readonly { id: string; status: IngestStatus }[],
  docs: readonly PreparedDocument[],
  counts: Counts,
): void {
  const last = new Map<string, string>();
  outcomes.forEach((o, i) => {
    const hash = docs[i]!.doc.textHash;
    const before = last.get(o.id);
    last.set(o.id, hash);
    if (before === undefined) counts[o.status]++;
    else counts[before === hash ? 'unchanged' : 'replaced']++;
  });
}

/** Whether the store already holds this id with this very text (no need to analyse it). */
async function unchanged(store: Store, input: DocumentInput): Promise<boolean> {
  const stored = (await store.hashes([input.id])).get(input.id);
  return stored !== undefined && stored === contentHash(input.text);
}

/** `newsprism ingest`: analyse articles into a corpus store. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'analyze articles into a corpus store (SQLite file or PostgreSQL)',
  usage,
  run,
};
