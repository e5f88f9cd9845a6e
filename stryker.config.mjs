// Mutation testing with StrykerJS: `npm run mutate -- <paths>` (scripts/mutate.mjs fills in
// --mutate and, through NEWSPRISM_MUTATE_TSCONFIG, the tsconfig of the package mutated). Not in
// CI: too slow for 2 cores. One test process at a time: the machines are shared.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  // NEWSPRISM_MUTATE_CHECK=0 (`npm run mutate -- … --no-check`): no type-checking of mutants. On a
  // loaded machine the checker, not the tests, took most of the time (a minute a mutant at load
  // 28); mutants that would not compile then run, and count as killed or survived.
  checkers: process.env.NEWSPRISM_MUTATE_CHECK === '0' ? [] : ['typescript'],
  // The runner and checker by name (a glob would be an unresolvable import to knip), and ours.
  plugins: [
    '@stryker-mutator/vitest-runner',
    '@stryker-mutator/typescript-checker',
    './scripts/stryker-ignore-imports.mjs',
  ],
  ignorers: ['dynamic-import'],
  // Only TypeScript sources: the default also tries the HTML fixtures.
  disableTypeChecks: '{packages,eval,bench}/**/*.{ts,tsx}',
  tsconfigFile: process.env.NEWSPRISM_MUTATE_TSCONFIG ?? 'packages/core/tsconfig.json',
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'json'],
  // NEWSPRISM_MUTATE_REPORT: another report file, so that two runs can go side by side (`--name`
  // sets it, and a sandbox directory of its own: scripts/mutate.mjs).
  jsonReporter: { fileName: process.env.NEWSPRISM_MUTATE_REPORT ?? 'reports/mutation/mutation.json' },
  thresholds: { high: 80, low: 70, break: null },
  ignorePatterns: ['reports', '**/dist', 'bench/results'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
