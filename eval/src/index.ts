export type { BenchmarkPage } from './extraction/benchmark-data.js';
export { loadExtractionBenchmark } from './extraction/benchmark-data.js';
export type { PageCounts } from './extraction/shingles.js';
export { benchmarkScores, pageCounts } from './extraction/shingles.js';
export type { Report, Task, TaskOptions } from './task.js';
export { formatReport } from './task.js';
export { evalTasks, trainTasks } from './tasks.js';
