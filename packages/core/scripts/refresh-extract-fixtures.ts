/**
 * Regenerates `expected.txt` of every extraction fixture from the current extractor:
 * `npm run fixtures:refresh`. Review the diff before committing — the must-appear and
 * must-not-appear snippets in `fixtures.test.ts` are the independent check.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/extract/extract.js';

const dir = join(import.meta.dirname, '../src/extract/fixtures');
for (const slug of readdirSync(dir, { withFileTypes: true })) {
  if (!slug.isDirectory()) continue;
  const html = readFileSync(join(dir, slug.name, 'source.html'), 'utf8');
  const { text } = extractArticle(html);
  writeFileSync(join(dir, slug.name, 'expected.txt'), text === '' ? '' : `${text}\n`);
  console.log(`${slug.name}: ${text.length} characters`);
}
