import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  countDocuments,
  kindOf,
  NewsprismError,
  nonDefaultOptions,
  type ReadOptions,
  readInputs,
  runDocuments,
  type Skip,
  siblingModule,
} from '@newsprism/core/node';
import { analyzerSets, setHelp, setOption } from '../analyzer-sets.js';
import { choice, langOption, maxTextOption, parse, parseSize } from '../args.js';
import { formats, makeFormat } from '../formats/index.js';
import type { RendererSettings } from '../formats/renderer.js';
import { openSink } from '../output.js';
import { Progress } from '../progress.js';
import { type Command, NO_DOCUMENTS, warn, warnNotice } from './command.js';
import { workerHeapLimit } from './worker-heap.js';

const usage = `Usage: newsprism analyze <inputs…> [options]

Analyzes articles and prints the analysis. Inputs are plain-text files (line 1 the title, then
one paragraph per line), HTML files (.html, .htm, .html.gz), JSONL files of records
{id?, title?, text? | html?, url?, outlet?, published?, lang?}, directories (recursively)
and - for stdin.

Options:
  -f, --format <name>   ${Object.keys(formats).join(' | ')}
                        (default: json for one file, jsonl for several)
  -l, --layers <list>   comma-separated layers to output (default: all but tokens);
                        "all" for every layer, "+tokens" to add to the default
      --lang <code>     declare the language of every input (skips detection;
                        en, EN and en-GB are en)
      --input-format <kind>
                        read every input as jsonl | text | html (default: by extension,
                        else sniffed: stdin and unknown extensions)
      --max-size <n>    largest single document (default 20MB)
      --max-text <n>    largest text of one document, what analysis needs memory for
                        (default 5MB; 0 for none): a larger one is skipped, E_TEXT_TOO_LARGE
  -j, --jobs <n>        worker threads analysing in parallel, output order kept (default 1;
                        "auto" for one per CPU core; 0 in the main thread, no time budget)
      --time-budget <s> CPU seconds one document may take before it is skipped with
                        E_TIME_BUDGET (default 60; 0 for none)
${setHelp(24)}
  -o, --output <file>   write to a file instead of stdout
      --color           colour in the text report (default: when stdout is a terminal)
  -h, --help            show this help

Progress shows on stderr when it is a terminal; a one-line summary always ends the run.
Exit codes: 0 every input analyzed; 1 some inputs were skipped (each reported on stderr,
the rest analyzed); 2 usage error or nothing could be analyzed; 130 interrupted (Ctrl-C);
141 stdout was closed by its reader (e.g. | head), the run stopped quietly.`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('analyze', argv, {
    format: { type: 'string', short: 'f' },
    layers: { type: 'string', short: 'l' },
    lang: { type: 'string' },
    'input-format': { type: 'string' },
    'max-size': { type: 'string' },
    'max-text': { type: 'string' },
    'time-budget': { type: 'string' },
    output: { type: 'string', short: 'o' },
    color: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    ...setOption,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length === 0)
    throw new NewsprismError('E_USAGE', 'no inputs; give files, directories or - for stdin (see --help)');
  const lang = langOption(values.lang);
  const options = analyzerSets(values.set as string[] | undefined);
  const formatName = choice('format', values.format, Object.keys(formats));
  const inputFormat = choice('input-format', values['input-format'], ['jsonl', 'text', 'html'] as const);
  // One document by default gives JSON; a directory, a JSONL file or several inputs give JSONL.
  const first = positionals[0]!;
  const oneFile =
    positionals.length === 1 &&
    inputFormat !== 'jsonl' &&
    (first === '-' ||
      (kindOf(first) !== 'jsonl' && statSync(first, { throwIfNoEntry: false })?.isDirectory() !== true));
  const formatKey = formatName ?? (oneFile ? 'json' : 'jsonl');
  const format = await makeFormat(formatKey);
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 20 * 1024 * 1024;
  const jobs = parseJobs(values.jobs as string | undefined);
  const budget = parseBudget(values['time-budget'] as string | undefined);
  const workerMaxOldMb = workerHeapLimit(process.env.NEWSPRISM_WORKER_MAX_OLD_MB);
  const sink = await openSink(values.output as string | undefined);
  const settings: RendererSettings = {
    format: formatKey,
    layers: values.layers as string | undefined,
    color: (values.color as boolean | undefined) ?? (process.stdout.isTTY === true && !values.output),
    // What the run uses (the last of repeated --set, no option at its default), as `show` prints.
    options: await nonDefaultOptions(options),
  };
  const say = (line: string) => {
    progress.clear();
    warn(line);
  };
  const readOpts: ReadOptions = {
    maxBytes,
    maxText: maxTextOption(values['max-text']),
    lang,
    inputFormat,
    onNotice: warnNotice(() => progress.clear()),
  };
  const progress = new Progress(process.stderr, await countDocuments(positionals, readOpts));
  const codes = new Set<string>();
  const skip = (s: Skip) => {
    codes.add(s.code);
    progress.tick(false);
    say(`skipped ${s.source}: ${s.code} ${s.message}`);
  };
  const seen = new Map<string, string>();
  // Ctrl-C stops the workers and ends the run with what was written.
  const stop = new AbortController();
  const interrupt = () => stop.abort(new NewsprismError('E_INTERRUPTED', 'interrupted'));
  process.once('SIGINT', interrupt);
  let code: number | undefined;
  try {
    if (format.begin) await sink.write(format.begin());
    const results = runDocuments<string>(readInputs(positionals, readOpts), {
      jobs,
      options,
      timeBudgetMs: budget,
      workerMaxOldMb,
      signal: stop.signal,
      render: {
        module: siblingModule(import.meta.url, '../formats/renderer'),
        name: 'makeRenderer',
        settings,
      },
    });
    for await (const r of results) {
      if (!r.ok) {
        skip(r);
        continue;
      }
      const earlier = seen.get(r.id);
      if (earlier !== undefined)
        say(`warning: ${r.source} has the id "${r.id}" of ${earlier}; give inputs unique ids`);
      else seen.set(r.id, r.source);
      await sink.write(format.write ? format.write(r.output, r.id) : r.output);
      if (sink.closed) break;
      progress.tick(true);
    }
    if (format.end && !sink.closed) await sink.write(format.end());
  } catch (err) {
    if (!stop.signal.aborted) throw err;
    code = 130;
  } finally {
    process.removeListener('SIGINT', interrupt);
    progress.clear();
  }
  await sink.close();
  // A reader that closed the pipe (| head) has what it wanted: stop quietly.
  if (sink.closed) return 141;
  const done = progress.done;
  const skipped = progress.skipped;
  if (done === 0 && skipped === 0 && code === undefined) {
    warn(NO_DOCUMENTS);
    return 2;
  }
  // A lone failed input has said everything in its one line.
  if (done > 0 || skipped !== 1 || code !== undefined) warn(progress.summary([...codes]));
  if (code !== undefined) return code;
  if (skipped > 0) return done === 0 ? 2 : 1;
  return 0;
}

/** Reads --jobs: a whole number of worker threads, `auto` for one per core, 0 for in-process. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256)
    throw new NewsprismError(
      'E_USAGE',
      `--jobs takes a whole number from 0 to 256 or "auto" (got "${value}")`,
    );
  return n;
}

/** Reads --time-budget in seconds (default 60); 0 turns it off. */
export function parseBudget(value: string | undefined): number | undefined {
  if (value === undefined) return 60_000;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new NewsprismError(
      'E_USAGE',
      `--time-budget takes seconds, e.g. 60 or 0 for none (got "${value}")`,
    );
  return n === 0 ? undefined : n * 1000;
}

/** `newsprism analyze`: analyze articles and print the layers. */
export const analyze: Command = {
  name: 'analyze',
  summary: 'analyze articles (text, HTML, JSONL, directories, stdin)',
  usage,
  run,
};
