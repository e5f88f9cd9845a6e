import { NewsprismError } from '../errors.js';
import { decodeDeclaredCharset } from '../extract/charset.js';
import { languageCode } from '../languages.js';
import type { DocumentMeta } from '../schema.js';
import { decodeText } from '../text/decode.js';
import { collect, gunzipChunks, isGzip, splitLines } from './bytes.js';
import { htmlToInput } from './html-input.js';
import { jsonlItems } from './jsonl.js';
import { sniff } from './kinds.js';
import type { InputKind, ReadOptions, SourceItem } from './types.js';

/** What is known about a stream before its bytes are read. */
export interface StreamInfo {
  /** Its name in messages and `meta.source`: a path or `-`. */
  source: string;
  /** The document id of a single document (JSONL records get `id-line`). */
  id: string;
  /** The kind its name declares, if any. */
  kind?: InputKind;
  /** `id` is a stand-in, not the document's name (stdin): its single document is `unnamed`. */
  unnamed?: boolean;
  /** Its name ends in `.gz`. */
  gzip?: boolean;
}

const SNIFF_BYTES = 64 * 1024;

/** Reads the first bytes of a stream and returns them with a stream of everything. */
async function peek(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  want: number,
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const it =
    Symbol.asyncIterator in chunks
      ? chunks[Symbol.asyncIterator]()
      : (async function* () {
          yield* chunks;
        })();
  const first: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : Buffer.from(r.value);
    first.push(b);
    size += b.length;
  }
  const head = Buffer.concat(first);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next())
      yield typeof r.value === 'string' ? Buffer.from(r.value) : Buffer.from(r.value);
  }
  return { head, all: all() };
}

/**
 * Reads one input stream — a file's bytes or stdin — as documents: gzip is undone (by name or
 * magic bytes), the kind is `--input-format`, else the name's, else sniffed from the first
 * 64 KB; JSON Lines is read line by line, each bad line a skip of its own; text and HTML are one
 * document, decoded once (`decodeText`, then the page's declared charset for HTML).
 */
export async function* readStream(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  info: StreamInfo,
  opts: ReadOptions,
): AsyncGenerator<SourceItem> {
  const name = info.source === '-' ? 'stdin' : info.source;
  let { head, all } = await peek(chunks, SNIFF_BYTES);
  if (head.length === 0)
    throw new NewsprismError('E_EMPTY_INPUT', `${name} is empty; give it an article's text`);
  const gzip = info.gzip === true || isGzip(head);
  if (gzip) ({ head, all } = await peek(gunzipChunks(all, name), SNIFF_BYTES));
  if (head.length === 0)
    throw new NewsprismError('E_EMPTY_INPUT', `${name} is empty; give it an article's text`);
  const kind = opts.inputFormat ?? info.kind ?? sniff(head.toString('utf8'));
  if (kind === 'jsonl') {
    yield* jsonlItems(splitLines(all, opts.maxBytes), info.source, info.id, opts);
    return;
  }
  const bytes = await collect(all, opts.maxBytes, name, gzip);
  let dec = decodeText(bytes, name);
  if (dec.text.trim() === '')
    throw new NewsprismError('E_EMPTY_INPUT', `${name} holds only white space; give it an article's text`);
  let input: SourceItem & { ok: true };
  if (kind === 'html') {
    dec = decodeDeclaredCharset(bytes, dec);
    const doc = await htmlToInput(dec.text, info.id, info.source);
    if (opts.lang) doc.meta = { ...doc.meta, lang: languageCode(opts.lang) ?? opts.lang };
    input = { ok: true, id: info.id, source: info.source, input: doc };
  } else {
    const meta: DocumentMeta = { source: info.source, format: 'text' };
    if (opts.lang) meta.lang = languageCode(opts.lang) ?? opts.lang;
    input = { ok: true, id: info.id, source: info.source, input: { id: info.id, text: dec.text, meta } };
  }
  input.input.diagnostics = [...dec.diagnostics, ...(input.input.diagnostics ?? [])];
  if (info.unnamed) input.unnamed = true;
  yield input;
}
