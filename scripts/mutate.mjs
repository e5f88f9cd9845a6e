#!/usr/bin/env node
// `npm run mutate -- <paths…>`: StrykerJS over the given files or directories (their .ts files,
// tests excluded), type-checked against the tsconfig of the package they live in. Scope runs
// tightly: every mutant re-runs the tests that cover it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const USAGE =
  'usage: npm run mutate -- <file, file:lines or directory>… [--tests <test globs>] [--name <run name>] [--no-check] (e.g. packages/core/src/layers/frames)\n';
const fail = (message) => {
  process.stderr.write(`mutate: ${message}\n`);
  process.exit(2);
};

const argv = process.argv.slice(2);
/** Takes `flag <value>` out of argv; undefined when absent, an error when the value is missing. */
const option = (flag) => {
  const at = argv.indexOf(flag);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) fail(`${flag} needs a value`);
  argv.splice(at, 2);
  return value;
};
// `--tests <globs>` (comma-separated) narrows the tests run per mutant (vitest.mutate.config.ts).
const tests = option('--tests');
// `--name <name>`: a run of its own beside others — its sandbox `.stryker-tmp-<name>` (Stryker
// copies the worktree there and deletes it at the end, so two runs cannot share one) and its
// report `reports/mutation/<name>.json` (unless NEWSPRISM_MUTATE_REPORT names another).
const name = option('--name');
if (name !== undefined && !/^[A-Za-z0-9_-]+$/.test(name))
  fail(`--name takes letters, digits, "-" and "_" only (got "${name}")`);
// `--no-check`: mutants are not type-checked first (stryker.config.mjs).
const noCheck = argv.indexOf('--no-check');
if (noCheck >= 0) argv.splice(noCheck, 1);
const unknown = argv.find((a) => a.startsWith('--'));
if (unknown) fail(`unknown option ${unknown}\n${USAGE.trimEnd()}`);
const paths = argv;
if (paths.length === 0) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const globs = [];
for (const p of paths.map((x) => x.replace(/\/$/, ''))) {
  // `file.tsx:11-34` (Stryker's line range) mutates only those lines: the logic of a view file
  // without its components.
  const range = /^(.+\.tsx?):\d+(?::\d+)?-\d+(?::\d+)?$/.exec(p);
  if (range) {
    if (!existsSync(range[1])) fail(`no such file: ${range[1]}`);
    globs.push(p);
    continue;
  }
  if (!existsSync(p)) fail(`no such file or directory: ${p}`);
  if (statSync(p).isDirectory()) globs.push(`${p}/**/*.ts`, `!${p}/**/*.test.ts`, `!${p}/**/*.fixture.ts`);
  else globs.push(p);
}
// One package per run: the checker needs that package's tsconfig.
const pkg = paths[0].match(/^(packages\/[^/]+|eval|bench)\//)?.[1];
const tsconfig = pkg && existsSync(`${pkg}/tsconfig.json`) ? `${pkg}/tsconfig.json` : 'tsconfig.base.json';
const stryker = ['stryker', 'run', '--mutate', globs.join(',')];
if (name !== undefined) stryker.push('--tempDirName', `.stryker-tmp-${name}`);
const r = spawnSync('npx', stryker, {
  stdio: 'inherit',
  env: {
    ...process.env,
    NEWSPRISM_MUTATE_TSCONFIG: tsconfig,
    NEWSPRISM_MUTATE_TESTS: tests ?? '',
    ...(noCheck >= 0 ? { NEWSPRISM_MUTATE_CHECK: '0' } : {}),
    ...(name !== undefined && !process.env.NEWSPRISM_MUTATE_REPORT
      ? { NEWSPRISM_MUTATE_REPORT: `reports/mutation/${name}.json` }
      : {}),
  },
});
process.exit(r.status ?? 1);
