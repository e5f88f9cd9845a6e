import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { NewsprismError } from '../errors.js';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
/** A size as people read it: bytes, kB or MB. */
const sized = (n: number) => (n < 1024 ? `${n} bytes` : n < 1048576 ? `${(n / 1024).toFixed(1)} kB` : mb(n));

/** The error for a document over the size limit, saying which size was measured. */
export function tooLarge(source: string, max: number, size?: number, gzip = false): NewsprismError {
  const what = gzip
    ? `decompresses to more than ${mb(max)}`
    : size === undefined
      ? `is more than ${mb(max)}`
      : `is ${mb(size)}`;
  return new NewsprismError(
    'E_INPUT_TOO_LARGE',
    `${source} ${what}, over the ${mb(max)} limit for one document; raise it with --max-size`,
  );
}

/**
 * The skip of a document whose text is over `max` UTF-8 bytes (`E_TEXT_TOO_LARGE`), or undefined
 * when it is within. A UTF-16 code unit takes one to three bytes (a pair four), so only a text
 * between a third of the limit and the limit in length is measured.
 */
export function textOverLimit(
  source: string,
  text: string,
  max: number,
): { code: string; message: string } | undefined {
  if (text.length * 3 <= max) return undefined;
  const size = text.length > max ? text.length : Buffer.byteLength(text);
  if (size <= max) return undefined;
  const more = text.length > max ? 'at least ' : '';
  return {
    code: 'E_TEXT_TOO_LARGE',
    message: `${source} has ${more}${sized(size)} of text, over the ${sized(max)} limit for analysing one document (analysis needs about 0.25 GB of memory a MB of text); raise it with --max-text`,
  };
}

function kindName(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Opens a regular file for reading. The open does not block on a FIFO (O_NONBLOCK: a named
 * pipe with no writer would otherwise hang the whole batch) and anything that is not a regular
 * file is refused with `E_NOT_A_FILE`, so no later read can wait forever.
 */
export async function openRegular(path: string): Promise<{ handle: FileHandle; size: number }> {
  const handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) {
      throw new NewsprismError(
        'E_NOT_A_FILE',
        `${path} is ${kindName(st)}; pass regular files, or - to read standard input`,
      );
    }
    return { handle, size: st.size };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** True when the bytes start with the gzip magic number. */
export const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Decompresses a stream of gzip bytes; a corrupt stream throws `E_BAD_GZIP`. */
export async function* gunzipChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  source: string,
): AsyncGenerator<Buffer> {
  const gz = Readable.from(chunks).pipe(createGunzip());
  try {
    for await (const c of gz) yield c as Buffer;
  } catch {
    throw new NewsprismError(
      'E_BAD_GZIP',
      `${source} is not a valid gzip file; decompress it or fix the file`,
    );
  } finally {
    gz.destroy();
  }
}

/**
 * Reads a whole stream into one buffer, stopping as soon as it passes `max` bytes, so a gzip
 * bomb or an endless pipe costs at most `max` bytes of memory.
 */
export async function collect(
  chunks: AsyncIterable<Uint8Array>,
  max: number,
  source: string,
  gzip: boolean,
): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    if (size > max) throw tooLarge(source, max, undefined, gzip);
    parts.push(c);
  }
  return Buffer.concat(parts);
}

/** One line of a byte stream: its bytes (without the newline), or only its size when too long. */
export interface Line {
  /** 1-based line number. */
  n: number;
  bytes?: Buffer;
  size: number;
}

/**
 * Splits a byte stream into lines. A line longer than `max` is not kept (its bytes are dropped
 * as they arrive, memory stays bounded) and comes out with its size only.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let n = 0;
  const end = (): Line => {
    const line: Line = { n: ++n, size };
    if (size <= max) line.bytes = Buffer.concat(parts);
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    let pos = 0;
    for (let nl = buf.indexOf(10, pos); nl !== -1; nl = buf.indexOf(10, pos)) {
      size += nl - pos;
      if (size <= max) parts.push(buf.subarray(pos, nl));
      yield end();
      pos = nl + 1;
    }
    size += buf.length - pos;
    if (size <= max) parts.push(buf.subarray(pos));
    else parts = [];
  }
  if (size > 0) yield end();
}
