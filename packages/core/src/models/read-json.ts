import { readFileSync } from 'node:fs';
import { NewsprismError } from '../errors.js';

/**
 * Reads a model file's JSON: `E_MODEL_MISSING` when it cannot be read, `E_MODEL_INVALID` when it is
 * not JSON; both say `the <what> <path> …; run \`<hint>\``. Checking the shape is the caller's.
 */
export function readModelJson<T>(path: string, what: string, hint: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new NewsprismError(
      'E_MODEL_MISSING',
      `cannot read the ${what} ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); run \`${hint}\``,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new NewsprismError('E_MODEL_INVALID', `the ${what} ${path} is not valid JSON; run \`${hint}\``);
  }
}
