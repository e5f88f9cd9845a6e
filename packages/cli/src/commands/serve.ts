import { fileURLToPath } from 'node:url';
import { NewsprismError } from '@newsprism/core/schema';
import { analyzerSets, setOption } from '../analyzer-sets.js';
import { maxTextOption, parse, parseSize } from '../args.js';
import type { Command } from './command.js';
import { workerHeapLimit } from './worker-heap.js';

const usage = `Usage: newsprism serve [options]

Serves the HTTP API (docs at /api/docs) and the web UI over the corpus store.

Options:
      --db <path|url>       the store: an SQLite file or postgres://… (default: $NEWSPRISM_DB or ./newsprism.db)
      --host <address>      address to listen on (default 127.0.0.1; any other needs NEWSPRISM_TOKEN)
      --port <n>            port (default 8080; 0 picks a free one)
  -j, --jobs <n|auto>       analysis worker threads (default 1; auto: one per CPU core)
      --layers <list>       layers to compute (default: all but tokens and syntax)
      --set <a.k=v>         an analyzer's option for every analysis, repeatable
                            (--set genre.prior=news-wire; as in analyze); the default of
                            POST /api/analyze and /api/documents, whose ?options= and record
                            "options" go over it ("default" sets one back), shown by /api/health
      --time-budget <secs>  longest analysis of one document (default 60)
      --max-body <size>     largest request body (default 21MB)
      --max-text <size>     largest text of one document to analyse (default 5MB; 0 for none):
                            a larger one gets E_TEXT_TOO_LARGE (413), as analyze skips it
      --search-threads <n>  SQLite: searches in n reader threads, 0 on the main thread (default 2)
      --search-cache <n>    SQLite: keep up to n search results until the store changes, 0 none (default 500)
      --cors <origins>      comma-separated origins allowed to call the API from a browser (default none)
  -h, --help                show this help

Write endpoints (POST/DELETE /api/documents) need "Authorization: Bearer $NEWSPRISM_TOKEN";
without NEWSPRISM_TOKEN set they are refused. Stop with Ctrl-C.`;

function intFlag(name: string, v: unknown, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new NewsprismError(
      'E_USAGE',
      `--${name} takes a whole number from ${min} to ${max} (got "${String(v)}")`,
    );
  return n;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('serve', argv, {
    db: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    layers: { type: 'string' },
    ...setOption,
    'time-budget': { type: 'string' },
    'max-body': { type: 'string' },
    'max-text': { type: 'string' },
    'search-threads': { type: 'string' },
    'search-cache': { type: 'string' },
    cors: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length)
    throw new NewsprismError('E_USAGE', 'serve takes no inputs; see `newsprism serve --help`');
  const { availableParallelism } = await import('node:os');
  const jobs = values.jobs === 'auto' ? availableParallelism() : (intFlag('jobs', values.jobs, 1, 256) ?? 1);
  const { startServer } = await import('@newsprism/server');
  const { createRequire } = await import('node:module');
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  const server = await startServer({
    host: (values.host as string | undefined) ?? '127.0.0.1',
    port: intFlag('port', values.port, 0, 65535) ?? 8080,
    db: values.db as string | undefined,
    token: process.env.NEWSPRISM_TOKEN || undefined,
    jobs,
    workerMaxOldMb: workerHeapLimit(process.env.NEWSPRISM_WORKER_MAX_OLD_MB),
    layers: (values.layers as string | undefined)
      ?.split(',')
      .map((l) => l.trim())
      .filter(Boolean),
    options: analyzerSets(values.set as string[] | undefined),
    timeBudgetMs: (intFlag('time-budget', values['time-budget'], 1, 86_400) ?? 60) * 1000,
    searchThreads: intFlag('search-threads', values['search-threads'], 0, 64) ?? 2,
    searchCache: intFlag('search-cache', values['search-cache'], 0, 1_000_000) ?? 500,
    maxText: maxTextOption(values['max-text']),
    maxBodyBytes: values['max-body'] ? parseSize('max-body', values['max-body'] as string) : undefined,
    corsOrigins: (values.cors as string | undefined)
      ?.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    webRoot: fileURLToPath(new URL('../../../web/dist/', import.meta.url)),
    version,
  });
  process.stderr.write(
    `newsprism: serving on ${server.url} (API docs ${server.url}api/docs); Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** `newsprism serve`: the HTTP API and the web UI. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the HTTP API and the web UI',
  usage,
  run,
};
