// `npm pack` / `npm publish` of @newsprism/core: `prepack` copies the repository's models/ into the
// package (src/models/dir.ts prefers that copy), `postpack` (argument `clean`) removes it again so
// that the repository's own models/ stays the only one in a checkout.
import { cpSync, rmSync } from 'node:fs';

const from = new URL('../../../models/', import.meta.url);
const to = new URL('../models/', import.meta.url);
rmSync(to, { recursive: true, force: true });
// Word clusters: the English file is read by the entities analyzer (a tagger trained with them);
// the other languages' files by the trainers only (`--set wc=`), from the repository, so the
// published package does not carry them.
const analyzersRead = (src) => !/[\\/]models[\\/]clusters[\\/]clusters\.(?!en\.)[a-z]+\.json$/.test(src);
if (process.argv[2] !== 'clean') cpSync(from, to, { recursive: true, filter: analyzersRead });
