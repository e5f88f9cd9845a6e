import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '../errors.js';
import { openRegular, tooLarge } from './bytes.js';
import { documentId, kindOf } from './kinds.js';
import { readStream } from './read-stream.js';
import { skipOf } from './skip.js';
import type { ReadOptions, SourceItem } from './types.js';

async function* walk(dir: string, skipped: SourceItem[]): AsyncGenerator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    const s = skipOf(dir, err);
    skipped.push({
      ...s,
      code: 'E_DIR_UNREADABLE',
      message: `cannot list the directory ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check its permissions`,
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, skipped);
    // FIFOs, sockets and devices with an article's name are opened (without blocking) and
    // refused by readFile, so they are reported, not silently passed over.
    else if (kindOf(e.name)) yield p;
  }
}

/** Reads one file (never blocking on a FIFO or device) as a stream of documents. */
async function* readFile(path: string, opts: ReadOptions): AsyncGenerator<SourceItem> {
  try {
    const { handle, size } = await openRegular(path);
    try {
      const kind = kindOf(path);
      const gzip = path.toLowerCase().endsWith('.gz');
      // A large JSONL file is fine (each record is checked); one large document is not.
      if (size > opts.maxBytes && !gzip && (opts.inputFormat ?? kind) !== 'jsonl' && kind !== undefined)
        throw tooLarge(path, opts.maxBytes, size);
      if (size === 0)
        throw new NewsprismError('E_EMPTY_INPUT', `${path} is empty; give it an article's text`);
      yield* readStream(
        handle.createReadStream({ autoClose: false }),
        { source: path, id: documentId(path), kind, gzip },
        opts,
      );
    } finally {
      await handle.close();
    }
  } catch (err) {
    yield skipOf(path, err);
  }
}

/** Reads standard input as a stream of documents (one text or page, or JSONL records). */
async function* readStdin(opts: ReadOptions): AsyncGenerator<SourceItem> {
  try {
    yield* readStream(opts.stdin ?? process.stdin, { source: '-', id: 'stdin', unnamed: true }, opts);
  } catch (err) {
    const s = skipOf('-', err);
    yield s.code === 'E_EMPTY_INPUT'
      ? { ...s, message: s.message.replace(/; give it an article's text$/, '; pipe an article into it') }
      : s;
  }
}

/**
 * Reads every input as one stream of documents: files, directories (recursively, files with a
 * known extension, in name order), and `-` for stdin. A bad input, record or line becomes a
 * skip `{ok: false, source, code, message}` and reading goes on; memory stays bounded (JSONL
 * is read line by line, one document at a time is held).
 *
 * @example
 * for await (const item of readInputs(['feed.jsonl', 'pages/'], { maxBytes: 20 << 20 }))
 *   if (item.ok) pipeline.run(item.input); else console.error(item.code, item.message);
 */
export async function* readInputs(paths: readonly string[], opts: ReadOptions): AsyncGenerator<SourceItem> {
  for (const p of paths) {
    if (p === '-') {
      yield* readStdin(opts);
      continue;
    }
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p);
    } catch (err) {
      yield skipOf(p, err);
      continue;
    }
    if (st.isDirectory()) {
      const skipped: SourceItem[] = [];
      for await (const f of walk(p, skipped)) yield* readFile(f, opts);
      yield* skipped;
    } else yield* readFile(p, opts);
  }
}

/**
 * How many documents {@link readInputs} will yield for these paths, when that is known without
 * reading them: each file is one document, so the count is unknown (undefined) when stdin or
 * a JSONL file is among the inputs. For progress bars; walks directories once more.
 */
export async function countDocuments(
  paths: readonly string[],
  opts: Pick<ReadOptions, 'inputFormat'> = {},
): Promise<number | undefined> {
  if (opts.inputFormat === 'jsonl') return undefined;
  let n = 0;
  for (const p of paths) {
    if (p === '-') return undefined;
    const st = await fs.stat(p).catch(() => undefined);
    const files: string[] = [];
    if (st?.isDirectory()) for await (const f of walk(p, [])) files.push(f);
    else files.push(p);
    for (const f of files) {
      const kind = kindOf(f);
      if (kind === 'jsonl' || (kind === undefined && st?.isFile())) return undefined;
      n++;
    }
  }
  return n;
}
