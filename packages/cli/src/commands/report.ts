import { pictureControls } from '@newsprism/core/schema';
import type { ReportBy, ReportGroup } from '@newsprism/store';
import { choice, parse } from '../args.js';
import { dbHelpAt, dbOption, withCorpus } from '../store/db-option.js';
import { allNamesFlag, filterHelp, filterOptions, readFilters } from '../store/filter-options.js';
import { reportCsv, reportTable } from '../store/report-output.js';
import type { Command } from './command.js';

const usage = `Usage: newsprism report [QUERY] [options]

Compares outlets and months in a corpus store: documents and words; shares of body words in
the outlet's own voice, attributed to named sources and to anonymous ones; persuasion
techniques per 1,000 words; frames and genres (share of documents); the naming profile (share
of Russian-standard forms such as Kiev among contested names, and each name's forms); the war's
terms (per concept the forms the outlet uses in its own voice, with uses and pole; the share of
Russian-standard forms among its own polar terms; terms in quotations and kept at a distance
counted apart); the top entities and sources. A query and filters (as in search) choose the
documents.

Options:
${dbHelpAt(28)}
      --by <groups>         outlet | month | outlet,month | none (default outlet)
      --top <n>             entities and sources listed per group (default 10)
  -f, --format <name>       table | json | csv (default table)
${allNamesFlag.help}
  -h, --help                show this help
${filterHelp}`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('report', argv, {
    ...dbOption,
    ...filterOptions,
    ...allNamesFlag.options,
    by: { type: 'string' },
    top: { type: 'string' },
    format: { type: 'string', short: 'f' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const by = choice<ReportBy>('by', values.by, ['outlet', 'month', 'outlet,month', 'none']) ?? 'outlet';
  const format = choice('format', values.format, ['table', 'json', 'csv'] as const) ?? 'table';
  const top = values.top === undefined ? 10 : Number(values.top);
  const named = allNamesFlag.read('report', values, positionals);
  const groups: ReportGroup[] = await withCorpus(values.db, (store) =>
    store.report({ ...readFilters(values), ...named, by, top }),
  );
  allNamesFlag.note(named);
  if (format === 'json') process.stdout.write(`${JSON.stringify(groups, null, 2)}\n`);
  else if (format === 'csv') process.stdout.write(reportCsv(groups));
  // Outlet, entity and source names are what the feeds gave: no escape reaches the terminal.
  else process.stdout.write(pictureControls(reportTable(groups)));
  return 0;
}

/** `newsprism report`: compare outlets and months in a corpus store. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'compare outlets and months: voice, techniques, frames, naming, terms, sources',
  usage,
  run,
};
