import base from './vitest.config.js';

// Mutation runs (stryker.config.mjs) re-run the covering tests for every mutant: on 2 shared
// cores only a named set of test files is affordable. NEWSPRISM_MUTATE_TESTS (comma-separated
// globs, set by `npm run mutate -- <paths> --tests <globs>`) replaces the suite's include list
// (mergeConfig would add to it); unset, the suite is whole.
const only = process.env.NEWSPRISM_MUTATE_TESTS?.split(',').filter(Boolean);

// Each test file gets fresh modules (isolate, unlike the suite): a mutant in module-level code
// (a static mutant) must be evaluated anew, not read from a cache another file filled.
const test = { ...base.test, poolOptions: { threads: { isolate: true } } };

export default { ...base, test: only?.length ? { ...test, include: only } : test };
