import { createReadStream, promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import {
  type DocumentInput,
  type DocumentMeta,
  decodeDeclaredCharset,
  decodeText,
  NewsprismError,
} from '@newsprism/core';
import { htmlToInput } from './html-input.js';

/** One item read from the inputs: a document, or a problem with one input that was skipped. */
export type InputItem =
  | { ok: true; input: DocumentInput }
  | { ok: false; source: string; code: string; message: string };

/** Options for {@link readInputs}. */
export interface ReadOptions {
  /** Largest single document in bytes; larger ones are skipped with `E_INPUT_TOO_LARGE`. */
  maxBytes: number;
  /** Language to declare for every document (skips detection). */
  lang?: string;
  /** Read stdin as this kind instead of sniffing it. */
  stdinKind?: InputKind;
}

/** What an input file holds. */
export type InputKind = 'text' | 'html' | 'jsonl';

const EXTENSIONS: [string, InputKind][] = [
  ['.html.gz', 'html'],
  ['.htm.gz', 'html'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.txt', 'text'],
  ['.txt.gz', 'text'],
  ['.jsonl.gz', 'jsonl'],
];

/** The kind of a file by its name, or undefined for an unknown extension. */
export function kindOf(path: string): InputKind | undefined {
  const l = path.toLowerCase();
  return EXTENSIONS.find(([ext]) => l.endsWith(ext))?.[1];
}

/** The document id of a file: `<ID>` for `article<ID>.txt`, else the name without extensions. */
export function documentId(path: string): string {
  const name = basename(path);
  const l = name.toLowerCase();
  const ext = EXTENSIONS.find(([e]) => l.endsWith(e))?.[0];
  const stem = ext ? name.slice(0, -ext.length) : name.replace(/\.[^.]+$/, '');
  const m = /^article(.+)$/.exec(stem);
  return m ? m[1]! : stem;
}

function sniff(text: string): InputKind {
  // Pages often open with a BOM, an XML declaration or comments before the first tag.
  const head = text
    .slice(0, 4000)
    .replace(/^\uFEFF?(\s*(<\?xml[^>]*>|<!--[\s\S]*?-->))*/, '')
    .trimStart();
  if (
    /^(<!doctype html|<html|<head|<body|<article|<main|<section|<div|<p[ >]|<meta|<title|<link)/i.test(head)
  )
    return 'html';
  if (head.startsWith('{')) {
    const first = head.split('\n', 1)[0]!;
    try {
      JSON.parse(first);
      return 'jsonl';
    } catch {
      return 'text';
    }
  }
  return 'text';
}

async function* walk(dir: string, skipped: InputItem[]): AsyncGenerator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    skipped.push({
      ok: false,
      source: dir,
      code: 'E_DIR_UNREADABLE',
      message: `cannot read directory: ${(err as Error).message}`,
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, skipped);
    else if (kindOf(e.name)) yield p;
  }
}

function fail(source: string, err: unknown): InputItem {
  if (err instanceof NewsprismError) return { ok: false, source, code: err.code, message: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT')
    return { ok: false, source, code: 'E_FILE_NOT_FOUND', message: `no such file or directory: ${source}` };
  if (e.code === 'EACCES' || e.code === 'EPERM') {
    return {
      ok: false,
      source,
      code: 'E_FILE_UNREADABLE',
      message: `permission denied reading ${source}; check its permissions`,
    };
  }
  if (e.code === 'EISDIR')
    return { ok: false, source, code: 'E_FILE_UNREADABLE', message: `${source} is a directory` };
  return { ok: false, source, code: 'E_FILE_UNREADABLE', message: `cannot read ${source}: ${e.message}` };
}

function tooLarge(source: string, size: number, max: number): NewsprismError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new NewsprismError(
    'E_INPUT_TOO_LARGE',
    `${source} is ${mb(size)}, over the ${mb(max)} limit for one document; raise it with --max-size`,
  );
}

function gunzip(bytes: Uint8Array, source: string, max: number): Uint8Array {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: max + 1 });
    if (out.length > max) throw tooLarge(source, out.length, max);
    return out;
  } catch (err) {
    if (err instanceof NewsprismError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(source, max + 1, max);
    throw new NewsprismError(
      'E_BAD_GZIP',
      `${source} is not a valid gzip file; decompress it or fix the file`,
    );
  }
}

/** Builds a document input from decoded text of a known kind (never JSONL). */
export function textToInput(
  text: string,
  kind: 'text' | 'html',
  id: string,
  source: string,
  opts: ReadOptions,
): DocumentInput {
  if (kind === 'html') {
    const input = htmlToInput(text, id, source);
    if (opts.lang) input.meta = { ...input.meta, lang: opts.lang };
    return input;
  }
  const meta: DocumentMeta = { source, format: 'text' };
  if (opts.lang) meta.lang = opts.lang;
  return { id, text, meta };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Turns one parsed JSONL record into a document input; throws a usage error for bad records. */
export function recordToInput(
  rec: unknown,
  fallbackId: string,
  source: string,
  opts: ReadOptions,
): DocumentInput {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new NewsprismError('E_BAD_RECORD', 'a JSONL line must be an object like {"id": "…", "text": "…"}');
  }
  const r = rec as Record<string, unknown>;
  const id = r.id === undefined || r.id === null ? fallbackId : String(r.id);
  let input: DocumentInput;
  if (typeof r.text === 'string') {
    input = { id, text: r.text, meta: { source, format: 'jsonl' } };
  } else if (typeof r.html === 'string') {
    input = htmlToInput(r.html, id, source, str(r.url));
  } else {
    throw new NewsprismError('E_BAD_RECORD', `record "${id}" has no "text" or "html" string field`);
  }
  const meta: DocumentMeta = { ...input.meta };
  for (const key of ['title', 'outlet', 'url', 'published', 'lang', 'byline'] as const) {
    const v = str(r[key]);
    if (v !== undefined) meta[key] = v;
  }
  if (opts.lang) meta.lang = opts.lang;
  input.meta = meta;
  return input;
}

async function* readJsonl(
  lines: AsyncIterable<string>,
  source: string,
  opts: ReadOptions,
): AsyncGenerator<InputItem> {
  const stem = source === '-' ? 'stdin' : documentId(source);
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const where = `${source}:${n}`;
    if (line.length > opts.maxBytes) {
      yield fail(where, tooLarge(where, line.length, opts.maxBytes));
      continue;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      yield {
        ok: false,
        source: where,
        code: 'E_INVALID_JSON',
        message: `line ${n} is not valid JSON (${(err as Error).message}); fix or remove it`,
      };
      continue;
    }
    try {
      yield { ok: true, input: recordToInput(rec, `${stem}-${n}`, where, opts) };
    } catch (err) {
      yield fail(where, err);
    }
  }
}

async function readStdin(max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    size += (c as Buffer).length;
    if (size > max) throw tooLarge('stdin', size, max);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads the bytes of one input — a file (gunzipped when it ends in `.gz` or starts with the
 * gzip magic) or `-` for stdin — with the same size, empty and gzip checks as
 * {@link readInputs}. Throws a `NewsprismError` with the same codes instead of skipping.
 */
export async function readInputBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    let bytes: Uint8Array;
    if (path === '-') bytes = await readStdin(maxBytes);
    else {
      const st = await fs.stat(path);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (st.size > maxBytes && !path.toLowerCase().endsWith('.gz')) throw tooLarge(path, st.size, maxBytes);
      bytes = await fs.readFile(path);
    }
    const name = path === '-' ? 'stdin' : path;
    if (bytes.length === 0) throw new NewsprismError('E_EMPTY_INPUT', `${name} is empty`);
    if (path.toLowerCase().endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b))
      bytes = gunzip(bytes, name, maxBytes);
    if (bytes.length === 0) throw new NewsprismError('E_EMPTY_INPUT', `${name} is empty`);
    return bytes;
  } catch (err) {
    const f = fail(path, err) as Extract<InputItem, { ok: false }>;
    throw new NewsprismError(f.code, f.message);
  }
}

async function* readFile(path: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  let kind = kindOf(path);
  const gz = path.toLowerCase().endsWith('.gz');
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (kind === 'jsonl' && !gz) {
      const lines = createInterface({
        input: createReadStream(path, { encoding: 'utf8' }),
        crlfDelay: Infinity,
      });
      yield* readJsonl(lines, path, opts);
      return;
    }
    if (st.size > opts.maxBytes && !gz) throw tooLarge(path, st.size, opts.maxBytes);
    let bytes: Uint8Array = await fs.readFile(path);
    if (gz) bytes = gunzip(bytes, path, opts.maxBytes);
    if (bytes.length === 0) throw new NewsprismError('E_EMPTY_INPUT', `${path} is empty`);
    let dec = decodeText(bytes, path);
    kind ??= sniff(dec.text);
    if (kind === 'html') dec = decodeDeclaredCharset(bytes, dec);
    if (kind === 'jsonl') {
      yield* readJsonl(
        (async function* () {
          yield* dec.text.split(/\r?\n/);
        })(),
        path,
        opts,
      );
      return;
    }
    if (dec.text.trim() === '') throw new NewsprismError('E_EMPTY_INPUT', `${path} holds only white space`);
    const input = textToInput(dec.text, kind, documentId(path), path, opts);
    input.diagnostics = [...dec.diagnostics, ...(input.diagnostics ?? [])];
    yield { ok: true, input };
  } catch (err) {
    yield fail(path, err);
  }
}

/**
 * Reads every input: files, directories (recursively, files with a known extension, in name
 * order), and `-` for stdin. A bad input becomes a `{ok: false}` item and reading goes on.
 */
export async function* readInputs(paths: readonly string[], opts: ReadOptions): AsyncGenerator<InputItem> {
  for (const p of paths) {
    if (p === '-') {
      try {
        const bytes = await readStdin(opts.maxBytes);
        if (bytes.length === 0)
          throw new NewsprismError('E_EMPTY_INPUT', 'stdin is empty; pipe an article into it');
        let dec = decodeText(bytes, 'stdin');
        const kind = opts.stdinKind ?? sniff(dec.text);
        if (kind === 'html') dec = decodeDeclaredCharset(bytes, dec);
        if (kind === 'jsonl') {
          yield* readJsonl(
            (async function* () {
              yield* dec.text.split(/\r?\n/);
            })(),
            '-',
            opts,
          );
        } else {
          if (dec.text.trim() === '')
            throw new NewsprismError('E_EMPTY_INPUT', 'stdin holds only white space');
          const input = textToInput(dec.text, kind, 'stdin', '-', opts);
          input.diagnostics = [...dec.diagnostics, ...(input.diagnostics ?? [])];
          yield { ok: true, input };
        }
      } catch (err) {
        yield fail('-', err);
      }
      continue;
    }
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p);
    } catch (err) {
      yield fail(p, err);
      continue;
    }
    if (st.isDirectory()) {
      const skipped: InputItem[] = [];
      for await (const f of walk(p, skipped)) yield* readFile(f, opts);
      yield* skipped;
    } else yield* readFile(p, opts);
  }
}
