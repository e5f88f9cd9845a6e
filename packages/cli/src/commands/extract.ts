import {
  decodeDeclaredCharset,
  decodeText,
  extractOrFail,
  kindOf,
  NewsprismError,
  readInputBytes,
  sniff,
} from '@newsprism/core/node';
import { choice, parse, parseSize } from '../args.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism extract <file.html | file.html.gz | -> [options]

Prints the main article of a web page: its body text without the title (paragraphs separated
by a blank line), or with --format json the object
{title, byline, published, site, url, lang, text}.

Options:
  -f, --format <name>   text | json (default: text)
      --url <url>       the page's address, when the page does not state it
      --max-size <n>    largest input (default 20MB)
  -h, --help            show this help

Exit codes: 0 article printed; 2 bad input (missing, empty, binary or broken gzip file, not a
regular file, JSONL records instead of a page, or a page with no article), each reported as one
line "newsprism: E_CODE message".`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('extract', argv, {
    format: { type: 'string', short: 'f' },
    url: { type: 'string' },
    'max-size': { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new NewsprismError(
      'E_USAGE',
      'extract takes exactly one input: a .html or .html.gz file, or - for stdin',
    );
  }
  const format = choice('format', values.format, ['text', 'json'] as const) ?? 'text';
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 20 * 1024 * 1024;
  const path = positionals[0]!;
  const name = path === '-' ? 'stdin' : path;
  const records = () =>
    new NewsprismError(
      'E_NOT_HTML',
      `${name} holds JSON Lines records, not a web page; analyze them with \`newsprism analyze ${path}\``,
    );
  if (kindOf(path) === 'jsonl') throw records();
  const bytes = await readInputBytes(path, maxBytes);
  // Records are read line by line: one bad line must not make the file "binary".
  const head = Buffer.from(bytes.subarray(0, 65536)).toString('utf8');
  if (sniff(head) === 'jsonl') throw records();
  const decoded = decodeDeclaredCharset(bytes, decodeText(bytes, name));
  if (decoded.text.trim() === '')
    throw new NewsprismError('E_EMPTY_INPUT', `${name} holds only white space; give it an article's text`);
  for (const d of decoded.diagnostics) warn(`${d.code} ${d.message}`);
  const a = await extractOrFail(decoded.text, name, values.url as string | undefined);
  if (format === 'json') {
    // Missing fields are null, so every key is always there for scripts.
    const out = {
      title: a.title ?? null,
      byline: a.byline ?? null,
      published: a.published ?? null,
      site: a.site ?? null,
      url: a.url ?? null,
      lang: a.lang ?? null,
      text: a.text,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else process.stdout.write(`${a.text}\n`);
  return 0;
}

/** `newsprism extract`: the main article of an HTML page, as text or JSON. */
export const extractCommand: Command = {
  name: 'extract',
  summary: 'print the main article of an HTML page (text or JSON)',
  usage,
  run,
};
