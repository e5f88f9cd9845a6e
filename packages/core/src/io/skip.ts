import { NewsprismError } from '../errors.js';
import type { Skip } from './types.js';

/** Turns an error met while reading `source` into a skip with a stable code. */
export function skipOf(source: string, err: unknown): Skip {
  if (err instanceof NewsprismError) return { ok: false, source, code: err.code, message: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT')
    return {
      ok: false,
      source,
      code: 'E_FILE_NOT_FOUND',
      message: `no such file or directory: ${source}; check the path`,
    };
  if (e.code === 'EACCES' || e.code === 'EPERM') {
    return {
      ok: false,
      source,
      code: 'E_FILE_UNREADABLE',
      message: `permission denied reading ${source}; check its permissions`,
    };
  }
  // open() of a Unix socket fails with ENXIO before fstat could say what it is.
  if (e.code === 'ENXIO')
    return {
      ok: false,
      source,
      code: 'E_NOT_A_FILE',
      message: `${source} is a socket or device; pass regular files, or - to read standard input`,
    };
  if (e.code === 'EISDIR')
    return {
      ok: false,
      source,
      code: 'E_FILE_UNREADABLE',
      message: `${source} is a directory; give a file (analyze, ingest, reuse and stories also read directories)`,
    };
  return {
    ok: false,
    source,
    code: 'E_FILE_UNREADABLE',
    message: `cannot read ${source} (${e.code ?? e.message}); check the file and its permissions`,
  };
}
