import { chosenOptions } from '@newsprism/core/node';
import { NewsprismError } from '@newsprism/core/schema';
import { choice, parse } from '../args.js';
import { makeFormat } from '../formats/index.js';
import { dbHelp, dbOption, withCorpus } from '../store/db-option.js';
import type { Command } from './command.js';

const usage = `Usage: newsprism show ID [options]

Prints one stored document with every stored layer. The text report names the analyzer
options it was analysed with that are not the defaults (\`ingest --set genre.prior=news-wire\`);
the JSON has every layer's options in its producers.

Options:
${dbHelp}
  -f, --format <name>   json | text (default json)
      --color           colour in the text report (default: when stdout is a terminal)
  -h, --help            show this help`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('show', argv, {
    ...dbOption,
    format: { type: 'string', short: 'f' },
    color: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new NewsprismError('E_USAGE', 'give one document id (see --help)');
  const name = choice('format', values.format, ['json', 'text'] as const) ?? 'json';
  const id = positionals[0]!;
  const doc = await withCorpus(values.db, (store) => store.get(id));
  if (!doc)
    throw new NewsprismError(
      'E_NOT_FOUND',
      `no document "${id}" in the store; list ids with newsprism search`,
    );
  const format = await makeFormat(name);
  const color = (values.color as boolean | undefined) ?? process.stdout.isTTY === true;
  // The options chosen at analysis (`ingest --set`), which the JSON has in its producers.
  const options = name === 'text' ? await chosenOptions(doc.producers) : undefined;
  const out = format.render(doc, { layers: new Set(Object.keys(doc.producers)), color, options });
  process.stdout.write(format.write ? format.write(out, doc.id) : out);
  if (format.end) process.stdout.write([format.end()].flat().join(''));
  return 0;
}

/** `newsprism show`: print one stored document. */
export const showCommand: Command = { name: 'show', summary: 'print one stored document', usage, run };
