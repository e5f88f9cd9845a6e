import { choice, parse } from '../args.js';
import { dbHelp, dbOption, withCorpus } from '../store/db-option.js';
import type { Command } from './command.js';

const usage = `Usage: newsprism stats [options]

Shows what a corpus store holds: documents, words, outlets, languages, dates, size on disk,
schema version and the job queue (queued, running, done, dead, done in the last minute).

Options:
${dbHelp}
  -f, --format <name>   table | json (default table)
  -h, --help            show this help`;

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
/** ` (181 documents without an outlet)`: the line's figure is of the others alone. */
const without = (n: number, what: string) =>
  n > 0 ? ` (${n.toLocaleString('en')} ${n === 1 ? 'document' : 'documents'} without ${what})` : '';

async function run(argv: string[]): Promise<number> {
  const { values } = parse('stats', argv, { ...dbOption, format: { type: 'string', short: 'f' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const format = choice('format', values.format, ['table', 'json'] as const) ?? 'table';
  const s = await withCorpus(values.db, (store) => store.stats());
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return 0;
  }
  const per = s.documents
    ? ` (${Math.round(s.bytes / s.documents).toLocaleString('en')} bytes per document)`
    : '';
  const q = s.queue;
  const lines = [
    `store       ${s.location} (${s.backend}, schema ${s.schemaVersion})`,
    `documents   ${s.documents.toLocaleString('en')}`,
    `words       ${s.words.toLocaleString('en')}`,
    `outlets     ${s.outlets.toLocaleString('en')}${without(s.documents - s.withOutlet, 'an outlet')}`,
    `languages   ${
      Object.entries(s.languages)
        .map(([l, n]) => `${l} ${n}`)
        .join(', ') || '—'
    }`,
    `dates       ${s.firstDay ?? '—'} … ${s.lastDay ?? '—'}${without(s.documents - s.dated, 'a date')}`,
    `on disk     ${mib(s.bytes)}${per}`,
    `queue       ${q.queued} queued, ${q.running} running, ${q.done} done, ${q.dead} dead; ${q.donePerMinute} done in the last minute`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** `newsprism stats`: what a corpus store holds. */
export const statsCommand: Command = {
  name: 'stats',
  summary: 'show what a corpus store holds and its job queue',
  usage,
  run,
};
