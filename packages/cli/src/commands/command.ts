/** A CLI command: one file per command under `commands/`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Writes one line to stderr, prefixed with the program name. */
export function warn(message: string): void {
  process.stderr.write(`newsprism: ${message}\n`);
}
