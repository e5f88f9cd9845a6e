#!/usr/bin/env node
// The built CLI lives in ../dist (made by `npm ci` through the root `prepare` script, or `npm run build`).
import { existsSync } from 'node:fs';

const dist = new URL('../dist/main.js', import.meta.url);
if (!existsSync(dist)) {
  process.stderr.write(
    'newsprism: E_NOT_BUILT the CLI is not built; run `npm run build` in the repository root\n',
  );
  process.exit(2);
}
const { main } = await import(dist.href);
process.exitCode = await main(process.argv.slice(2));
