// `npm pack` / `npm publish` of @newsprism/core: `prepack` copies the repository's models/ into the
// package (src/models/dir.ts prefers that copy), `postpack` (argument `clean`) removes it again so
// that the repository's own models/ stays the only one in a checkout.
import { cpSync, rmSync } from 'node:fs';

const from = new URL('../../../models/', import.meta.url);
const to = new URL('../models/', import.meta.url);
rmSync(to, { recursive: true, force: true });
// Word clusters (`models/clusters/`) are read by the trainers only (`--set wc=`), from the
// repository: no analyzer reads them yet, so the published package does not carry them.
const analyzersRead = (src) => !/[\\/]models[\\/]clusters([\\/]|$)/.test(src);
if (process.argv[2] !== 'clean') cpSync(from, to, { recursive: true, filter: analyzersRead });
