import type { Command } from './command.js';
import { lazyCommand } from './lazy.js';

/**
 * Every CLI command, in help order. Each loads its module only when it runs: `extract` must
 * not pay for the analyzers, nor `analyze` for the training code.
 */
export const commands: Command[] = [
  lazyCommand(
    'analyze',
    'analyze articles (text, HTML, JSONL, directories, stdin)',
    async () => (await import('./analyze.js')).analyze,
  ),
  lazyCommand(
    'extract',
    'print the main article of an HTML page (text or JSON)',
    async () => (await import('./extract.js')).extractCommand,
  ),
  lazyCommand(
    'train',
    'train a model from a data set into models/',
    async () => (await import('./train.js')).trainCommand,
  ),
  lazyCommand(
    'eval',
    'score an analyzer on gold data (official metrics)',
    async () => (await import('./eval.js')).evalCommand,
  ),
];
