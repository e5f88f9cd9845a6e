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
      const articles = { documents: 0, longer: 0 };
      if (format.begin) await sink.write(format.begin());
      for await (const doc of store.documents(req)) {
        const ctx = { layers: new Set(Object.keys(doc.producers)), color: false };
        const out = format.render(doc, ctx);
        await sink.write(format.write ? format.write(out, doc.id) : out);
        articles.documents++;
        if ((doc.sentences?.length ?? 0) > 1) articles.longer++;
      }
      if (format.end) await sink.write(format.end());
      const note = sentenceFormatNote(name, articles.longer, articles.documents);
      if (note) process.stderr.write(`${note}\n`);
    }
    await sink.close();
    return 0;
  });
}

/** Formats of CheckThat! records, one sentence each: the column of the CSV export that says the same of an article. */
const SENTENCE_FORMATS: Record<string, string> = { subjectivity: 'subjectivity', checkworthy: 'checkworthy' };

/**
 * The note a sentence format's export ends with when documents are longer than a sentence: the
 * label is the model's on the whole text as if one sentence (`000`: `SUBJ` while 0 % of its own
 * sentences are subjective), not what the article's analysis says.
 */
export function sentenceFormatNote(format: string, longer: number, documents: number): string | undefined {
  const column = SENTENCE_FORMATS[format];
  if (!column || longer === 0) return undefined;
  return `newsprism: note: ${longer} of ${documents} ${documents === 1 ? 'document is' : 'documents are'} longer than one sentence; --format ${format} labels each whole document as one sentence (a CheckThat! record); for articles the csv export's ${column} column holds what the analysis found`;
}

/** `newsprism export`: write stored documents in a research or tabular format. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'export stored documents (jsonl, csv, research formats), streamed',
  usage,
  run,
};
