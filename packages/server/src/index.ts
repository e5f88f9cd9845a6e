export type { Analysis } from './analysis.js';
export { type AppOptions, createApp } from './app.js';
export { type PoolAnalysisOptions, poolAnalysis } from './pool-analysis.js';
export { DEFAULT_LIMITS, type Limits } from './schemas.js';
export { isLoopback } from './security.js';
export { type RunningServer, type ServeOptions, startServer } from './serve.js';
