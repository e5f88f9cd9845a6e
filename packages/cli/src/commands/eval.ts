import { evalTasks } from '@newsprism/eval';
import { taskCommand } from './task-command.js';

/** `newsprism eval`: score an analyzer on a gold data set with the task's official metric. */
export const evalCommand = taskCommand(
  'eval',
  'score an analyzer on gold data (official metrics)',
  evalTasks,
);
