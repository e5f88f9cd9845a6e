import type { Command } from './command.js';

/**
 * A command whose module is imported only when it runs; `name` and `summary` are all the help
 * listing needs. Start-up then costs what the command uses, not what every command imports.
 */
export function lazyCommand(name: string, summary: string, load: () => Promise<Command>): Command {
  return {
    name,
    summary,
    usage: `run \`newsprism ${name} --help\``,
    run: async (argv) => (await load()).run(argv),
  };
}
