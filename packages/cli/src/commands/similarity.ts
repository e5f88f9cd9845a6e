import { NewsprismError } from '@newsprism/core';
import { loadSimilarityModel, scorePairs, type TextPair } from '@newsprism/core/corpus';
import { readInputBytes } from '@newsprism/core/node';
import { choice, parse, parseSize } from '../args.js';
import { openSink } from '../output.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism similarity <pairs.jsonl | -> [options]

Scores how alike the stories of two texts are, on the 1–4 scale of SemEval-2022 Task 8
(1 = the same story, 4 = unrelated), by dimension: geography (places), entities (people,
organisations, names), time (dates), narrative (what is said) and overall, with the shared
places, entities, dates and words that explain each. Reads one JSON record a line:
{pair_id, text1, text2, lang1?, lang2?}; writes one a line:
{pair_id, overall, geography, entities, time, narrative, why}.

Options:
  -f, --format <name>   jsonl (default)
      --model <file>    a similarity model of your own (newsprism train story-similarity --out …)
  -o, --output <file>   write to a file instead of stdout
      --max-size <size>  largest pairs file read (after decompression; default 200MB)
  -h, --help            show this help

Exit codes: 0 every pair scored; 1 some records were skipped (each reported on stderr);
2 usage error or no pair could be read.`;

/** Parses the records of a pairs file; bad lines are reported and skipped. */
function readPairs(text: string, name: string): { pairs: TextPair[]; skipped: number } {
  const pairs: TextPair[] = [];
  let skipped = 0;
  text.split('\n').forEach((line, k) => {
    if (!line.trim()) return;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line) as Record<string, unknown>;
    } catch {
      skipped++;
      warn(
        `skipped ${name}#${k + 1}: E_INVALID_JSON the line is not JSON; write one {pair_id, text1, text2} object a line`,
      );
      return;
    }
    const str = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : undefined);
    const id = typeof r.pair_id === 'number' ? String(r.pair_id) : str('pair_id');
    const text1 = str('text1');
    const text2 = str('text2');
    if (!id || text1 === undefined || text2 === undefined) {
      skipped++;
      warn(`skipped ${name}#${k + 1}: E_BAD_RECORD a record needs pair_id, text1 and text2 (strings)`);
      return;
    }
    pairs.push({ pair_id: id, text1, text2, lang1: str('lang1'), lang2: str('lang2') });
  });
  return { pairs, skipped };
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('similarity', argv, {
    format: { type: 'string', short: 'f' },
    model: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'max-size': { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  choice('format', values.format, ['jsonl'] as const);
  if (positionals.length !== 1)
    throw new NewsprismError('E_USAGE', 'similarity takes one pairs file (JSONL), or - for stdin');
  const path = positionals[0]!;
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 200 * 1024 * 1024;
  // The inputs' own reader: a FIFO or device is refused instead of blocking, .gz is read, and
  // a missing or unreadable file gets the codes of \`analyze\`.
  const bytes = await readInputBytes(path, maxBytes);
  // Decoded as UTF-8 and split into lines before any check: one bad line is skipped alone.
  const text = Buffer.from(bytes).toString('utf8');
  const model = loadSimilarityModel(values.model as string | undefined);
  const { pairs, skipped } = readPairs(text, path);
  if (pairs.length === 0) {
    warn(`no pairs in ${path}; write one {pair_id, text1, text2} object a line`);
    return 2;
  }
  const sink = await openSink(values.output as string | undefined);
  for (const s of scorePairs(pairs, model)) await sink.write(`${JSON.stringify(s)}\n`);
  await sink.close();
  return skipped ? 1 : 0;
}

/** `newsprism similarity`: how alike two stories are, by dimension, on the 1–4 scale. */
export const similarityCommand: Command = {
  name: 'similarity',
  summary: 'score how alike the stories of text pairs are (1–4, by dimension)',
  usage,
  run,
};
