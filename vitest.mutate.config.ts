import base from './vitest.config.js';

// Mutation runs (stryker.config.mjs) re-run the covering tests for every mutant: on 2 shared
// cores only a named set of test files is affordable. NEWSPRISM_MUTATE_TESTS (comma-separated
// globs, set by `npm run mutate -- <paths> --tests <globs>`) replaces the suite's include list
// (mergeConfig would add to it); unset, the suite is whole.
const only = process.env.NEWSPRISM_MUTATE_TESTS?.split(',').filter(Boolean);

export default only?.length ? { ...base, test: { ...base.test, include: only } } : base;
