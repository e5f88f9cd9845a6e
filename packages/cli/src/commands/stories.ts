import { NewsprismError } from '@newsprism/core';
import { comparisonView, type Story, StoryIndex, textView } from '@newsprism/core/corpus';
import { pictureControls } from '@newsprism/core/schema';
import { choice, parse, parseSize } from '../args.js';
import { type CorpusRead, finishCorpus, readCorpus } from '../corpus-inputs.js';
import { renderStoriesText } from '../formats/stories-text.js';
import { dbHelp } from '../store/db-option.js';
import { checkStoreFlags, withStoredCorpus } from '../store/stored-corpus.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism stories <inputs…> [options]
       newsprism stories --db <path|url> [--save] [options]

Groups articles about the same event into stories, across outlets and languages. Each story
has a label (the places, entities, names and dates at least half its members share), its
members with outlet, publication time and language, who published first, its speakers (merged
by name across members, with the members quoting each: "Ford ×3" in text) and a side-by-side
comparison: the speakers each member quotes, the contested names it uses, the claims it
includes or omits, its techniques and frames. Articles join stories one by one, in input order: a new article joins the most similar
story or starts one, and nothing already placed moves. Inputs as for \`newsprism analyze\`.
With --db, the documents of a corpus store in stored order, with the layers they were analysed
with at ingest (nothing is analysed again); --save keeps the stories in the store (replacing
those saved before) for \`newsprism serve\` (GET /api/stories, the stories page of the web UI).

Options:
${dbHelp}
      --save            with --db: store the stories found
  -f, --format <name>   jsonl (one story a line) | text (default: jsonl)
      --no-compare      group only (no sources, names, claims, techniques, frames): faster
      --threshold <x>   concept cosine an article needs to join a story (default 0.2)
      --lang <code>     declare the language of every input (skips detection)
      --max-size <n>    largest single document (default 20MB)
  -o, --output <file>   write to a file instead of stdout
  -h, --help            show this help

Exit codes: 0 done; 1 some inputs were skipped (each reported on stderr); 2 usage error or
nothing could be read.`;

const COMPARE = ['paragraphs', 'naming', 'sources', 'claims', 'techniques', 'frames'];

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('stories', argv, {
    db: { type: 'string' },
    save: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    'no-compare': { type: 'boolean' },
    threshold: { type: 'string' },
    lang: { type: 'string' },
    'max-size': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const format = choice('format', values.format, ['jsonl', 'text'] as const) ?? 'jsonl';
  const threshold = values.threshold === undefined ? 0.2 : Number(values.threshold);
  if (!(threshold > 0 && threshold < 1))
    throw new NewsprismError(
      'E_USAGE',
      `--threshold takes a number between 0 and 1 (got "${values.threshold}")`,
    );
  const output = values.output as string | undefined;
  const group = (read: CorpusRead): Story[] => {
    const index = new StoryIndex({ threshold });
    for (const d of read.docs) index.add(d);
    return index.stories();
  };
  const render = (stories: Story[], read: CorpusRead) =>
    format === 'jsonl'
      ? stories.map((s) => `${JSON.stringify(s)}\n`)
      : [pictureControls(renderStoriesText(stories, titlesOf(read)))];
  checkStoreFlags(values.db, values.save, positionals, 'stories');
  if (values.db !== undefined)
    return withStoredCorpus(
      values.db as string,
      values['no-compare'] ? textView : comparisonView,
      async (read, store) => {
        const stories = group(read);
        if (values.save) warn(`saved ${await store.saveStories(stories)} stories in ${store.location}`);
        return finishCorpus(output, render(stories, read), read, 'stories');
      },
    );
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 20 * 1024 * 1024;
  const read = await readCorpus(positionals, {
    maxBytes,
    lang: values.lang as string | undefined,
    layers: values['no-compare'] ? ['language', 'paragraphs'] : COMPARE,
  });
  return finishCorpus(output, render(group(read), read), read, 'stories');
}

/** Each document's title by id (the text report names articles by title, as the web UI does). */
function titlesOf(read: CorpusRead): Map<string, string> {
  const titles = new Map<string, string>();
  for (const d of read.docs) if (d.meta?.title) titles.set(d.id, d.meta.title);
  return titles;
}

/** `newsprism stories`: which articles tell the same story, and how they differ. */
export const storiesCommand: Command = {
  name: 'stories',
  summary: 'group articles about the same event and compare how outlets tell it',
  usage,
  run,
};
