export type { Report, Task, TaskOptions } from './task.js';
export { formatReport } from './task.js';
export { evalTasks, trainTasks } from './tasks.js';
