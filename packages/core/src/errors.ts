/**
 * A usage error: a bad flag, an unreadable file, invalid JSON. It carries a stable `code`
 * that scripts can match on, and a message that says how to fix the problem. Problems in
 * a document's content are diagnostics, not errors.
 *
 * @example
 * throw new NewsprismError('E_FILE_NOT_FOUND', `no such file: ${path}; check the path`);
 */
export class NewsprismError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsprismError';
    this.code = code;
  }
}

/** True for errors that carry a stable newsprism error code. */
export function isNewsprismError(err: unknown): err is NewsprismError {
  return err instanceof NewsprismError;
}
