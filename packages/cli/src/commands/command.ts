import { escapeControl, type Notice } from '@newsprism/core/node';

/** A CLI command: one file per command under `commands/`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/**
 * Writes one line to stderr, prefixed with the program name. Control characters (from file
 * names, ids or bad input quoted in a message) are shown escaped, never sent to the terminal.
 */
export function warn(message: string): void {
  process.stderr.write(`newsprism: ${escapeControl(message)}\n`);
}

/**
 * The `onNotice` of every command that reads inputs (`analyze`, `ingest`, `stories`, `reuse`):
 * one `warning: CODE message` line on stderr for what the readers did on their own
 * (`W_ID_COLLISION`: same-named files take their relative paths), after `before` (a command
 * clears its progress line there).
 */
export const warnNotice =
  (before?: () => void) =>
  (n: Notice): void => {
    before?.();
    warn(`warning: ${n.code} ${n.message}`);
  };

/**
 * The line of a command whose inputs hold no document at all (an empty directory, only files
 * of other kinds): `E_NO_DOCUMENTS`, exit 2.
 */
export const NO_DOCUMENTS =
  'E_NO_DOCUMENTS no documents found in the inputs (directories are searched for .txt, .html, .htm, .html.gz and .jsonl files); give such files, or - for stdin';
