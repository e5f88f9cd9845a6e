import { describe, expect, it } from 'vitest';
import { deleteCommand } from '../commands/delete.js';
import { exportCommand } from '../commands/export.js';
import { ingestCommand } from '../commands/ingest.js';
import { reanalyzeCommand } from '../commands/reanalyze.js';
import { reportCommand } from '../commands/report.js';
import { reuseCommand } from '../commands/reuse.js';
import { searchCommand } from '../commands/search.js';
import { showCommand } from '../commands/show.js';
import { statsCommand } from '../commands/stats.js';
import { storiesCommand } from '../commands/stories.js';
import { workerCommand } from '../commands/worker.js';

/** Where each option line's description starts: `  -f, --format <name>   json | text`. */
const columns = (usage: string) =>
  usage
    .split('\n')
    .map((l) => /^ {2}(?:-\w, | {4})--[\w-]+(?: <[^>]+>)? +(?=\S)/.exec(l)?.[0].length)
    .filter((n) => n !== undefined);

describe('the store commands’ help', () => {
  it.each([
    deleteCommand,
    exportCommand,
    ingestCommand,
    reanalyzeCommand,
    reportCommand,
    reuseCommand,
    searchCommand,
    showCommand,
    statsCommand,
    storiesCommand,
    workerCommand,
  ])('$name: --db is described in the column of the other options', (command) => {
    const cols = columns(command.usage);
    expect(cols.length).toBeGreaterThan(1);
    expect(new Set(cols).size, command.usage).toBe(1);
  });
});
