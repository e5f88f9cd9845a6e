import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  builtinAnalyzers,
  createPipeline,
  type DocumentInput,
  heavyLayers,
  NewsprismError,
} from '@newsprism/core';
import { choice, parse, parseSize } from '../args.js';
import { formats, makeFormat } from '../formats/index.js';
import { type InputItem, kindOf, readInputs } from '../inputs.js';
import { openSink } from '../output.js';
import { AnalyzePool, DocumentFailed, PoolFailed, type Rendered } from '../parallel/pool.js';
import { type Command, warn } from './command.js';

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
      --lang <code>     declare the language of every input (skips detection)
      --max-size <n>    largest single document (default 20MB)
  -j, --jobs <n>        analyse in n worker threads, output order kept (default 1;
                        "auto" for one per CPU core)
  -o, --output <file>   write to a file instead of stdout
      --color           colour in the text report (default: when stdout is a terminal)
  -h, --help            show this help

Exit codes: 0 every input analyzed; 1 some inputs were skipped (each reported on stderr,
the rest analyzed); 2 usage error or nothing could be analyzed.`;

/** Splits a --layers value into the wanted list, given all layers a pipeline can produce. */
export function selectLayers(value: string | undefined, all: readonly string[]): string[] {
  const defaults = all.filter((l) => !heavyLayers.includes(l));
  if (value === undefined || value === '') return defaults;
  if (value === 'all') return [...all];
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out = new Set(parts.every((p) => p.startsWith('+')) ? defaults : []);
  for (const p of parts) {
    const name = p.replace(/^\+/, '');
    if (!all.includes(name)) {
      throw new NewsprismError(
        'E_UNKNOWN_LAYER',
        `unknown layer "${name}" in --layers; known: ${all.join(', ')}`,
      );
    }
    out.add(name);
  }
  return [...out];
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('analyze', argv, {
    format: { type: 'string', short: 'f' },
    layers: { type: 'string', short: 'l' },
    lang: { type: 'string' },
    'max-size': { type: 'string' },
    output: { type: 'string', short: 'o' },
    color: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length === 0)
    throw new NewsprismError('E_USAGE', 'no inputs; give files, directories or - for stdin (see --help)');
  if (values.lang !== undefined && !/^[a-z]{2,3}$/.test(values.lang as string)) {
    throw new NewsprismError(
      'E_USAGE',
      `--lang takes an ISO 639-1 code such as en or ru (got "${values.lang}")`,
    );
  }
  const formatName = choice('format', values.format, Object.keys(formats));
  const wanted = selectLayers(
    values.layers as string | undefined,
    builtinAnalyzers.map((a) => a.produces),
  );
  // One document by default gives JSON; a directory, a JSONL file or several inputs give JSONL.
  const first = positionals[0]!;
  const oneFile =
    positionals.length === 1 &&
    (first === '-' ||
      (kindOf(first) !== 'jsonl' && statSync(first, { throwIfNoEntry: false })?.isDirectory() !== true));
  const formatKey = formatName ?? (oneFile ? 'json' : 'jsonl');
  const format = makeFormat(formatKey);
  // A research format names the layers it prints; without --layers only those are computed.
  const computed =
    format.layers && values.layers === undefined ? [...format.layers] : [...wanted, ...(format.layers ?? [])];
  const pipeline = await createPipeline({ layers: computed });
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 20 * 1024 * 1024;
  const jobs = parseJobs(values.jobs as string | undefined);
  const sink = await openSink(values.output as string | undefined);
  const ctx = {
    layers: new Set(wanted),
    color: (values.color as boolean | undefined) ?? (process.stdout.isTTY === true && !values.output),
  };

  let done = 0;
  const skipped: Extract<InputItem, { ok: false }>[] = [];
  const skip = (e: Extract<InputItem, { ok: false }>) => {
    skipped.push(e);
    warn(`skipped ${e.source}: ${e.code} ${e.message}`);
  };
  // Documents in analysis, in input order; with --jobs they finish in any order but are
  // written in this one.
  const queue: { source: string; doc: Promise<Rendered> }[] = [];
  const pool =
    jobs > 1
      ? new AnalyzePool(jobs, { layers: computed, format: formatKey, output: wanted, color: ctx.color })
      : undefined;
  const analyse = (input: DocumentInput): Promise<Rendered> => {
    if (pool) return pool.analyze(input);
    try {
      const doc = pipeline.run(input);
      return Promise.resolve({ id: doc.id, out: format.render(doc, ctx) });
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const flush = async (keep: number) => {
    while (queue.length > keep) {
      const { source, doc } = queue.shift()!;
      let out: string;
      try {
        const r = await doc;
        out = format.write ? format.write(r.out, r.id) : r.out;
      } catch (err) {
        if (err instanceof PoolFailed) throw err;
        // A crash inside an analyzer loses only this document.
        const code = err instanceof DocumentFailed ? err.code : 'E_ANALYZER_FAILED';
        skip({ ok: false, source, code, message: (err as Error).message });
        continue;
      }
      await sink.write(out);
      done++;
    }
  };
  try {
    if (format.begin) await sink.write(format.begin());
    for await (const item of readInputs(positionals, { maxBytes, lang: values.lang as string | undefined })) {
      if (!item.ok) {
        skip(item);
        continue;
      }
      const doc = analyse(item.input);
      // Settled later, in order; a rejection is not unhandled meanwhile.
      doc.catch(() => {});
      queue.push({ source: item.input.meta?.source ?? item.input.id, doc });
      await flush(pool ? jobs * 4 - 1 : 0);
    }
    await flush(0);
  } finally {
    await pool?.close();
  }
  if (format.end) await sink.write(format.end());
  await sink.close();
  if (skipped.length > 0) {
    const codes = [...new Set(skipped.map((s) => s.code))].join(', ');
    // A lone failed input has said everything in its one line.
    if (done > 0 || skipped.length > 1) {
      warn(`analyzed ${done} document${done === 1 ? '' : 's'}, skipped ${skipped.length} (${codes})`);
    }
    return done === 0 ? 2 : 1;
  }
  if (done === 0) {
    warn(
      'no documents found in the inputs (directories are searched for .txt, .html, .htm, .html.gz and .jsonl files)',
    );
    return 2;
  }
  return 0;
}

/** Reads --jobs: a whole number of worker threads, or `auto` for one per core. */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new NewsprismError(
      'E_USAGE',
      `--jobs takes a whole number from 1 to 256 or "auto" (got "${value}")`,
    );
  return n;
}

/** `newsprism analyze`: analyze articles and print the layers. */
export const analyze: Command = {
  name: 'analyze',
  summary: 'analyze articles (text, HTML, JSONL, directories, stdin)',
  usage,
  run,
};
