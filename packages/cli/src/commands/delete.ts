import { escapeControl, NewsprismError } from '@newsprism/core/schema';
import { parse } from '../args.js';
import { dbHelp, dbOption, withCorpus } from '../store/db-option.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism delete ID… [options]

Deletes documents from a corpus store, with everything derived from them.

Options:
${dbHelp}
  -h, --help            show this help

Exit codes: 0 all deleted; 1 some ids were not in the store.`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('delete', argv, dbOption);
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new NewsprismError('E_USAGE', 'give the ids to delete (see --help)');
  return withCorpus(values.db, async (store) => {
    let missing = 0;
    for (const id of positionals) {
      if (!(await store.delete(id))) {
        missing++;
        warn(`E_NOT_FOUND no document "${escapeControl(id)}" in the store; list ids with newsprism search`);
      }
    }
    warn(`deleted ${positionals.length - missing} of ${positionals.length}`);
    return missing ? 1 : 0;
  });
}

/** `newsprism delete`: remove documents from a corpus store. */
export const deleteCommand: Command = { name: 'delete', summary: 'delete stored documents', usage, run };
