import { trainTasks } from '@newsprism/eval';
import { taskCommand } from './task-command.js';

/** `newsprism train`: train a shipped model from a data set. */
export const trainCommand = taskCommand('train', 'train a model from a data set into models/', trainTasks);
