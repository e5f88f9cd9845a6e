import { NewsprismError } from '../errors.js';
import { collect, gunzipChunks, isGzip, openRegular, tooLarge } from './bytes.js';
import { skipOf } from './skip.js';

/**
 * Reads the bytes of one input — a regular file, or `-` for stdin — gunzipped when its name
 * ends in `.gz` or it starts with the gzip magic, with the size, empty and file-type checks of
 * {@link readInputs}. Throws a `NewsprismError` with the same codes instead of skipping.
 */
export async function readInputBytes(
  path: string,
  maxBytes: number,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<Uint8Array> {
  const name = path === '-' ? 'stdin' : path;
  const gzName = path.toLowerCase().endsWith('.gz');
  try {
    let bytes: Buffer;
    if (path === '-') {
      const chunks = (async function* () {
        for await (const c of stdin) yield typeof c === 'string' ? Buffer.from(c) : c;
      })();
      // Compressed stdin may be small and expand past the limit; its own size is checked first.
      bytes = await collect(chunks, maxBytes, name, false);
    } else {
      const { handle, size } = await openRegular(path);
      try {
        if (size > maxBytes) throw tooLarge(path, maxBytes, size);
        bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
    }
    if (bytes.length === 0)
      throw new NewsprismError('E_EMPTY_INPUT', `${name} is empty; give it an article's text`);
    if (gzName || isGzip(bytes)) {
      bytes = await collect(gunzipChunks([bytes], name), maxBytes, name, true);
      if (bytes.length === 0)
        throw new NewsprismError('E_EMPTY_INPUT', `${name} is empty; give it an article's text`);
    }
    return bytes;
  } catch (err) {
    const s = skipOf(path, err);
    throw new NewsprismError(s.code, s.message);
  }
}
