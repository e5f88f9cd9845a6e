import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation runs (stryker.config.mjs) re-run the covering tests for every mutant: on 2 shared
// cores only a named set of test files is affordable. NEWSPRISM_MUTATE_TESTS (comma-separated
// globs, set by `npm run mutate -- <paths> --tests <globs>`) narrows the suite; unset, it is whole.
const only = process.env.NEWSPRISM_MUTATE_TESTS?.split(',').filter(Boolean);

export default only?.length ? mergeConfig(base, defineConfig({ test: { include: only } }), false) : base;
