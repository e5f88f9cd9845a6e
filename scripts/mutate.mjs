#!/usr/bin/env node
// `npm run mutate -- <paths…>`: StrykerJS over the given files or directories (their .ts files,
// tests excluded), type-checked against the tsconfig of the package they live in. Scope runs
// tightly: every mutant re-runs the tests that cover it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

// `--tests <globs>` (comma-separated) narrows the tests run per mutant (vitest.mutate.config.ts).
const argv = process.argv.slice(2);
const at = argv.indexOf('--tests');
const tests = at >= 0 ? argv.splice(at, 2)[1] : undefined;
// `--no-check`: mutants are not type-checked first (stryker.config.mjs).
const noCheck = argv.indexOf('--no-check');
if (noCheck >= 0) argv.splice(noCheck, 1);
const paths = argv;
if (paths.length === 0) {
  process.stderr.write(
    'usage: npm run mutate -- <file, file:lines or directory>… [--tests <test globs>] [--no-check] (e.g. packages/core/src/layers/frames)\n',
  );
  process.exit(2);
}
const globs = [];
for (const p of paths.map((x) => x.replace(/\/$/, ''))) {
  // `file.tsx:11-34` (Stryker's line range) mutates only those lines: the logic of a view file
  // without its components.
  const range = /^(.+\.tsx?):\d+(?::\d+)?-\d+(?::\d+)?$/.exec(p);
  if (range) {
    if (!existsSync(range[1])) {
      process.stderr.write(`mutate: no such file: ${range[1]}\n`);
      process.exit(2);
    }
    globs.push(p);
    continue;
  }
  if (!existsSync(p)) {
    process.stderr.write(`mutate: no such file or directory: ${p}\n`);
    process.exit(2);
  }
  if (statSync(p).isDirectory()) globs.push(`${p}/**/*.ts`, `!${p}/**/*.test.ts`, `!${p}/**/*.fixture.ts`);
  else globs.push(p);
}
// One package per run: the checker needs that package's tsconfig.
const pkg = paths[0].match(/^(packages\/[^/]+|eval|bench)\//)?.[1];
const tsconfig = pkg && existsSync(`${pkg}/tsconfig.json`) ? `${pkg}/tsconfig.json` : 'tsconfig.base.json';
const r = spawnSync('npx', ['stryker', 'run', '--mutate', globs.join(',')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NEWSPRISM_MUTATE_TSCONFIG: tsconfig,
    NEWSPRISM_MUTATE_TESTS: tests ?? '',
    ...(noCheck >= 0 ? { NEWSPRISM_MUTATE_CHECK: '0' } : {}),
  },
});
process.exit(r.status ?? 1);
