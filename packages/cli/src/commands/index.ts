import { analyze } from './analyze.js';
import type { Command } from './command.js';
import { deleteCommand } from './delete.js';
import { evalCommand } from './eval.js';
import { exportCommand } from './export.js';
import { extractCommand } from './extract.js';
import { ingestCommand } from './ingest.js';
import { reanalyzeCommand } from './reanalyze.js';
import { reportCommand } from './report.js';
import { searchCommand } from './search.js';
import { showCommand } from './show.js';
import { statsCommand } from './stats.js';
import { trainCommand } from './train.js';
import { workerCommand } from './worker.js';

/** Every CLI command, in help order. */
export const commands: Command[] = [
  analyze,
  extractCommand,
  trainCommand,
  evalCommand,
  // The corpus store (packages/store).
  ingestCommand,
  reanalyzeCommand,
  searchCommand,
  reportCommand,
  exportCommand,
  showCommand,
  deleteCommand,
  statsCommand,
  workerCommand,
];
