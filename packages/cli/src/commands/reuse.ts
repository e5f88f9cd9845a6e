import type { ReuseDocument } from '@newsprism/core';
import {
  findReuse,
  type ReusePair,
  reuseTrees,
  reuseView,
  textView,
  treesToDot,
} from '@newsprism/core/corpus';
import { pictureControls } from '@newsprism/core/schema';
import { choice, parse, parseSize } from '../args.js';
import { type CorpusRead, deepen, finishCorpus, readCorpus } from '../corpus-inputs.js';
import { renderReuseText } from '../formats/reuse-text.js';
import { dbHelp } from '../store/db-option.js';
import { checkStoreFlags, withStoredCorpus } from '../store/stored-corpus.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism reuse <inputs…> [options]
       newsprism reuse --db <path|url> [--save] [options]

Finds every pair of documents where one reuses the other: a copy (the same text, allowing
added datelines, titles, credits and boilerplate), a partial copy, a rewrite (the same content
reworded) or a translation (English ↔ Russian), with the shared passages (spans in both
documents), which way the reuse went and why (credits, publication times, textual evidence),
and what changed (paragraphs, names, attributions, hedges, numbers, techniques).
Candidates come from an index (word-shingle fingerprints and language-independent concepts),
never from comparing all pairs. Inputs as for \`newsprism analyze\`; a document's id is its
JSONL \`id\`, else its file name without the extension. With --db, the documents of a corpus
store as they were analysed at ingest (their stored layers make the diff; nothing is analysed
again); --save then keeps the pairs in the store (replacing those saved before) for
\`newsprism serve\` (GET /api/reuse, the article view of the web UI).

Options:
${dbHelp}
      --save            with --db: store the pairs found
  -f, --format <name>   jsonl (one pair a line) | text (republication trees and pairs)
                        | dot (Graphviz drawing of the trees)   (default: jsonl);
                        text starts with who republishes whom by outlet
      --no-diff         skip the diff (no naming, quotes, techniques analysis): faster
      --lang <code>     declare the language of every input (skips detection)
      --max-size <n>    largest single document (default 20MB)
  -o, --output <file>   write to a file instead of stdout
  -h, --help            show this help

Exit codes: 0 done; 1 some inputs were skipped (each reported on stderr); 2 usage error or
nothing could be read.`;

/** The outlet of each document by id, from its metadata. */
function outletsOf(docs: readonly ReuseDocument[]): (id: string) => string | undefined {
  const by = new Map(docs.map((d) => [d.id, d.meta?.outlet]));
  return (id) => by.get(id);
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('reuse', argv, {
    db: { type: 'string' },
    save: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    'no-diff': { type: 'boolean' },
    lang: { type: 'string' },
    'max-size': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const format = choice('format', values.format, ['jsonl', 'text', 'dot'] as const) ?? 'jsonl';
  const diff = !values['no-diff'] && format !== 'dot';
  const output = values.output as string | undefined;
  const render = (pairs: ReusePair[], read: CorpusRead) =>
    format === 'jsonl'
      ? pairs.map((p) => `${JSON.stringify(p)}\n`)
      : [
          format === 'dot'
            ? treesToDot(reuseTrees(pairs))
            : // Titles and outlets are what the inputs gave: no escape reaches the terminal.
              pictureControls(renderReuseText(pairs, read.docs.length, outletsOf(read.docs))),
        ];
  checkStoreFlags(values.db, values.save, positionals, 'reuse');
  if (values.db !== undefined)
    // The stored layers make the diff: nothing is analysed again.
    return withStoredCorpus(values.db as string, diff ? reuseView : textView, async (read, store) => {
      const pairs = findReuse(read.docs);
      if (values.save) warn(`saved ${await store.saveReuse(pairs)} reuse pairs in ${store.location}`);
      return finishCorpus(output, render(pairs, read), read, 'reuse');
    });
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 20 * 1024 * 1024;
  const read = await readCorpus(positionals, {
    maxBytes,
    lang: values.lang as string | undefined,
    layers: ['language', 'paragraphs'],
  });
  const analyze = diff
    ? await deepen(['paragraphs', 'sentences', 'entities', 'naming', 'quotes', 'techniques'])
    : undefined;
  const pairs = findReuse(read.docs, analyze ? { analyze } : {});
  return finishCorpus(output, render(pairs, read), read, 'reuse');
}

/** `newsprism reuse`: who republishes whom, what they changed. */
export const reuseCommand: Command = {
  name: 'reuse',
  summary: 'find copies, partial copies, rewrites and translations across documents',
  usage,
  run,
};
