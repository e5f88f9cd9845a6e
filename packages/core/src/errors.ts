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

/**
 * A usage error about one option that the CLI and the API both take, under their own names
 * (`--source-type` / `source_type`): one message source, each front door naming the option as
 * its users write it. `message` is the CLI's (`--from takes …`); {@link OptionError.forApi}
 * gives the API's (`"from" takes …`).
 *
 * @example
 * throw new OptionError('E_BAD_FILTER', 'min-claim-score', 'takes a number from 0 to 1 (got 2)');
 */
export class OptionError extends NewsprismError {
  /** The option as the CLI spells it, without dashes: `from`, `source-type`. */
  readonly option: string;
  /** What follows the option's name. */
  readonly says: string;
  constructor(code: string, option: string, says: string) {
    super(code, `--${option} ${says}`);
    this.option = option;
    this.says = says;
  }

  /** The message as an API answer says it: the query parameter (`source_type`), not the flag. */
  forApi(): string {
    return `"${this.option.replace(/-/g, '_')}" ${this.says}`;
  }
}
