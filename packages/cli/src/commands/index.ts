import { analyze } from './analyze.js';
import type { Command } from './command.js';
import { evalCommand } from './eval.js';
import { extractCommand } from './extract.js';
import { reuseCommand } from './reuse.js';
import { similarityCommand } from './similarity.js';
import { storiesCommand } from './stories.js';
import { trainCommand } from './train.js';

/** Every CLI command, in help order. */
export const commands: Command[] = [
  analyze,
  extractCommand,
  reuseCommand,
  similarityCommand,
  storiesCommand,
  trainCommand,
  evalCommand,
];
