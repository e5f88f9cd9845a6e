import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { NewsprismError } from '../errors.js';
import { openRegular, textOverLimit, tooLarge } from './bytes.js';
import { documentId, kindOf, stripExtension } from './kinds.js';
import { readStream } from './read-stream.js';
import { skipOf } from './skip.js';
import type { Notice, ReadOptions, SourceItem } from './types.js';

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
async function* readFile(path: string, id: string, opts: ReadOptions): AsyncGenerator<SourceItem> {
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
        { source: path, id, kind, gzip },
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
  const max = opts.maxText;
  if (max === undefined) {
    yield* readAll(paths, opts);
    return;
  }
  // Checked on the text a document will be analysed on (a page's extracted text, not its HTML):
  // what its analysis's memory grows with.
  for await (const item of readAll(paths, opts)) {
    const over = item.ok ? textOverLimit(item.source, item.input.text, max) : undefined;
    yield over ? { ok: false, source: item.source, ...over } : item;
  }
}

async function* readAll(paths: readonly string[], opts: ReadOptions): AsyncGenerator<SourceItem> {
  // The files are listed first (names only) so that ids can be made unique across the run.
  const plan: ({ stdin: true } | { skip: SourceItem } | { files: string[]; skipped: SourceItem[] })[] = [];
  const roots: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      plan.push({ stdin: true });
      continue;
    }
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p);
    } catch (err) {
      plan.push({ skip: skipOf(p, err) });
      continue;
    }
    const skipped: SourceItem[] = [];
    const files: string[] = [];
    if (st.isDirectory()) for await (const f of walk(p, skipped)) files.push(f);
    else files.push(p);
    roots.push(st.isDirectory() ? resolve(p) : dirname(resolve(p)));
    plan.push({ files, skipped });
  }
  const ids = fileIds(
    plan.flatMap((s) => ('files' in s ? s.files : [])),
    roots,
    opts.onNotice,
  );
  for (const step of plan) {
    if ('stdin' in step) yield* readStdin(opts);
    else if ('skip' in step) yield step.skip;
    else {
      for (const f of step.files) yield* readFile(f, ids.get(f) ?? documentId(f), opts);
      yield* step.skipped;
    }
  }
}

/**
 * The id of each file of one run: its {@link documentId} (the name without extension), unless
 * another file of the run has the same one — then each of them takes its path relative to the
 * inputs' common root, without extension (`a/index`, `b/index`; with the extension when that
 * is still not enough, `a/index.txt` and `a/index.html`), and one `W_ID_COLLISION` notice for
 * the run says so (the first three shared ids in full). A file named twice (`a/` and `a/x.txt`)
 * is one file, not a collision. JSONL files only collide among themselves: their id is the stem
 * of their records' `<id>-<line>`.
 */
function fileIds(
  files: readonly string[],
  roots: readonly string[],
  onNotice?: (n: Notice) => void,
): Map<string, string> {
  const groups = new Map<string, Map<string, string[]>>();
  for (const f of files) {
    const key = `${kindOf(f) === 'jsonl' ? 'jsonl:' : ''}${documentId(f)}`;
    const group = groups.get(key) ?? new Map<string, string[]>();
    groups.set(key, group);
    const abs = resolve(f);
    group.set(abs, [...(group.get(abs) ?? []), f]);
  }
  const ids = new Map<string, string>();
  const root = commonRoot(roots);
  const shared: string[] = [];
  let files_ = 0;
  for (const group of groups.values()) {
    if (group.size < 2) continue;
    const rel = [...group.keys()].map((abs) => relative(root, abs).split(sep).join('/'));
    const stems = rel.map(stripExtension);
    const unique = new Set(stems).size === stems.length;
    const named = [...group.values()].map((fs_, i) => [fs_, unique ? stems[i]! : rel[i]!] as const);
    for (const [fs_, id] of named) for (const f of fs_) ids.set(f, id);
    const first = named[0]![0][0]!;
    const suffix = kindOf(first) === 'jsonl' ? '-<line>' : '';
    files_ += group.size;
    shared.push(`"${documentId(first)}${suffix}" → ${named.map(([, id]) => `"${id}${suffix}"`).join(', ')}`);
  }
  if (shared.length > 0)
    onNotice?.({
      code: 'W_ID_COLLISION',
      message: `${files_} files of this run would share ${shared.length === 1 ? 'an id' : `${shared.length} ids`}; they take their paths instead: ${shared.slice(0, 3).join('; ')}${shared.length > 3 ? `; and ${shared.length - 3} more` : ''}`,
    });
  return ids;
}

/** The deepest directory holding every root (the filesystem root at worst). */
function commonRoot(roots: readonly string[]): string {
  if (roots.length === 0) return process.cwd();
  let parts = roots[0]!.split(sep);
  for (const r of roots.slice(1)) {
    const q = r.split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
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
