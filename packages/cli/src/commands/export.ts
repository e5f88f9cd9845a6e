import { csvHeader, csvLine } from '@newsprism/store';
import { choice, parse } from '../args.js';
import { formats, makeFormat } from '../formats/index.js';
import { openSink } from '../output.js';
import { dbHelpAt, dbOption, withCorpus } from '../store/db-option.js';
import { allNamesFlag, filterHelp, filterOptions, readFilters } from '../store/filter-options.js';
import type { Command } from './command.js';

const names = ['csv', ...Object.keys(formats)];

const usage = `Usage: newsprism export [QUERY] [options]

Writes the documents of a corpus store that a query and filters select (all by default),
streamed page by page in constant memory whatever the corpus size.

Options:
${dbHelpAt(28)}
  -f, --format <name>       ${names.join(' | ')}
                            (default jsonl: every layer as stored; csv: one row per document
                            with its metadata and what the analysis found)
  -o, --output <file>       write to a file instead of stdout
${allNamesFlag.help}
  -h, --help                show this help
${filterHelp}`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('export', argv, {
    ...dbOption,
    ...filterOptions,
    ...allNamesFlag.options,
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const name = choice('format', values.format, names) ?? 'jsonl';
  const named = allNamesFlag.read('export', values, positionals);
  const req = { ...readFilters(values), ...named };
  allNamesFlag.note(named);
  return withCorpus(values.db, async (store) => {
    const sink = await openSink(values.output as string | undefined);
    if (name === 'csv') {
      await sink.write(csvHeader());
      for await (const doc of store.documents(req)) await sink.write(csvLine(doc));
    } else {
      const format = await makeFormat(name);
      if (format.begin) await sink.write(format.begin());
      for await (const doc of store.documents(req)) {
        const ctx = { layers: new Set(Object.keys(doc.producers)), color: false };
        const out = format.render(doc, ctx);
        await sink.write(format.write ? format.write(out, doc.id) : out);
      }
      if (format.end) await sink.write(format.end());
    }
    await sink.close();
    return 0;
  });
}

/** `newsprism export`: write stored documents in a research or tabular format. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'export stored documents (jsonl, csv, research formats), streamed',
  usage,
  run,
};
