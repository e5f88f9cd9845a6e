import { createRequire } from 'node:module';
import { isNewsprismError } from '@newsprism/core/node';
import { warn } from './commands/command.js';
import { commands } from './commands/index.js';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: newsprism <command> [options]',
    '',
    'Shows how news articles work on their readers: sources, naming, techniques, claims.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `newsprism <command> --help` for a command's options.",
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the exit code. Usage
 * errors print one line `newsprism: E_CODE message` and give exit code 2.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    warn(`E_USAGE unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (isNewsprismError(err)) {
      warn(`${err.code} ${err.message}`);
      return 2;
    }
    warn(`E_INTERNAL ${(err as Error).message} (this is a bug in newsprism; please report it)`);
    if (process.env.NEWSPRISM_DEBUG) console.error(err);
    return 70;
  }
}
