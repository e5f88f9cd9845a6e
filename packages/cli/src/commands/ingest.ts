import type { DocumentInput } from '@newsprism/core';
import { builtinCatalog, escapeControl } from '@newsprism/core/node';
import { NewsprismError, otherOptionLayers, type Producer } from '@newsprism/core/schema';
import {
  contentHash,
  DEFAULT_BATCH,
  type IngestStatus,
  type PreparedDocument,
  type Store,
} from '@newsprism/store';
import { checkedSets, setHelp, setOption } from '../analyzer-sets.js';
import { langOption, maxTextOption, parse, parseSize } from '../args.js';
import { selectLayers } from '../formats/renderer.js';
import { Progress } from '../progress.js';
import { analyseInputs } from '../store/analysed-inputs.js';
import { dbHelp, dbOption, withStore } from '../store/db-option.js';
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
${setHelp(
  24,
  `for the documents analysed now, recorded with them (\`show\` prints them).
A stored document with the same text stays unchanged, whatever its
options: the summary counts those analysed with others than the run's
(--set over the defaults), and \`newsprism reanalyze --set …\` brings them
to these. Not with --queue: a queued document gets the options of the
worker taking it.`,
)}
  -h, --help            show this help

Exit codes: 0 all stored; 1 some inputs skipped (each reported); 2 usage error; 130 interrupted
(Ctrl-C: what was analysed before it is stored).`;

/** Counts of an ingest run, by outcome; `otherOptions`: unchanged documents stored with other options. */
type Counts = Record<IngestStatus | 'failed' | 'queued' | 'otherOptions', number>;

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
  if (values.queue && values.set)
    throw new NewsprismError(
      'E_USAGE',
      '--set does not go with --queue: a queued document is analysed with the options of the `newsprism worker` that takes it; give --set to the workers',
    );
  const options = await checkedSets(values.set as string[] | undefined);
  return withStore(values.db, async (store) => {
    if (values.queue && store.backend !== 'postgres')
      throw new NewsprismError(
        'E_QUEUE_NEEDS_POSTGRES',
        '--queue needs a PostgreSQL store (--db postgres://…); on SQLite ingest directly with -j N',
      );
    const counts: Counts = { added: 0, unchanged: 0, replaced: 0, failed: 0, queued: 0, otherOptions: 0 };
    const otherOptions = keptOptions(store, options, layers);
    const progress = new Progress(process.stderr);
    let docs: PreparedDocument[] = [];
    let queued: DocumentInput[] = [];
    const flush = async () => {
      if (docs.length) countOutcomes(await store.ingestPrepared(docs), docs, counts);
      if (queued.length) {
        const n = await store.enqueue(queued);
        counts.queued += n;
        counts.unchanged += queued.length - n;
      }
      docs = [];
      queued = [];
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
      readOnly: values.queue === true,
      keep: (input) => unchanged(store, input),
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
        else if (values.queue && !(await unchanged(store, item.kept))) queued.push(item.kept);
        else {
          counts.unchanged++;
          // Queued documents get a worker's options: only a direct ingest compares its own.
          if (!values.queue && (await otherOptions(item.kept.id))) counts.otherOptions++;
        }
        if (docs.length + queued.length >= batchSize) await flush();
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
        `interrupted: ${summaryOf(counts, values.queue === true)} (${store.location}); run the same command again to store the rest`,
      );
      return 130;
    }
    if (Object.values(counts).every((n) => n === 0)) {
      warn(NO_DOCUMENTS);
      return 2;
    }
    warn(`${summaryOf(counts, values.queue === true)} (${store.location})`);
    if (counts.otherOptions > 0)
      warn(otherOptionsNote(counts.otherOptions, values.set as string[] | undefined));
    // As `analyze`: 1 when inputs were skipped, 2 when none could be stored or queued.
    if (counts.failed === 0) return 0;
    return counts.added + counts.unchanged + counts.replaced + counts.queued > 0 ? 1 : 2;
  });
}

/**
 * Whether the stored document of an id this run leaves unchanged was analysed with other
 * options than the run's (`--set` over the defaults) for one of the layers it stores: its
 * producers compared with those a pipeline of the run's layers and options records (core's
 * `otherOptionLayers`: the options, and the checksums of the model and data files, so a file
 * option such as `quotes.learned=off` counts too). That pipeline is built at the first stored
 * document met, in this thread (its models are loaded once more when the analysis runs in
 * worker threads); documents made by one pipeline share their producers: each distinct set is
 * compared once.
 */
function keptOptions(
  store: Store,
  options: Record<string, Record<string, unknown>> | undefined,
  layers: readonly string[],
): (id: string) => Promise<boolean> {
  const seen = new Map<string, Promise<boolean>>();
  let plan: Promise<Readonly<Record<string, Producer>>> | undefined;
  return async (id) => {
    const producers = (await store.producersOf([id])).get(id);
    if (!producers) return false;
    const key = JSON.stringify(producers);
    let other = seen.get(key);
    if (!other) {
      plan ??= import('@newsprism/core').then(async ({ createPipeline }) => {
        return (await createPipeline({ layers, options })).producers as Record<string, Producer>;
      });
      other = plan.then((p) => otherOptionLayers(producers, p).some((l) => layers.includes(l)));
      seen.set(key, other);
    }
    return other;
  };
}

/** The note of unchanged documents kept with other options, and the command that changes them. */
function otherOptionsNote(n: number, sets: readonly string[] | undefined): string {
  const one = n === 1;
  const quoted = (sets ?? []).map(
    (s) => `--set ${/^[\w.=,:/@+-]*$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`}`,
  );
  const command = ['newsprism reanalyze', ...quoted].join(' ');
  return `${n} unchanged ${one ? 'document was' : 'documents were'} analysed with other options than this run's (${quoted.length ? quoted.join(' ') : 'the defaults'}) and ${one ? 'keeps them' : 'keep them'}, not analysed again: \`${command}\` on this store brings every document to this run's options`;
}

/** The counts of a run as its summary line says them. */
const summaryOf = (counts: Counts, queue: boolean): string =>
  queue
    ? `queued ${counts.queued}, unchanged ${counts.unchanged}, failed ${counts.failed}`
    : `added ${counts.added}, unchanged ${counts.unchanged}, replaced ${counts.replaced}, failed ${counts.failed}`;

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
