import { analyze } from './analyze.js';
import type { Command } from './command.js';

/** Every CLI command, in help order. */
export const commands: Command[] = [analyze];
