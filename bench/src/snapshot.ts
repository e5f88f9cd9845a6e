import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createPipeline } from '@newsprism/core';
import { loadArticles, sharedData } from './corpus.js';

/**
 * `npm run snapshot -- <out.jsonl> [--against <before.jsonl>]`: runs the full pipeline over the
 * bench corpus and writes one JSON document per line, for byte-for-byte comparison of output
 * before and after a change that must not change it (a refactoring, a speed-up). With
 * `--against`, prints the documents and top-level fields that differ and exits 1 if any do.
 * Skips with a message when ../shared is absent.
 */
async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  const i = process.argv.indexOf('--against');
  const against = i > 0 ? process.argv[i + 1] : undefined;
  const data = sharedData();
  if (!data) {
    console.log('snapshot: ../shared/data not found; set NEWSPRISM_SHARED to the shared folder. Skipped.');
    return;
  }
  if (!out || out.startsWith('--'))
    throw new Error('usage: npm run snapshot -- <out.jsonl> [--against <before.jsonl>]');
  const p = await createPipeline({});
  const lines: string[] = [];
  const hash = createHash('sha256');
  for (const a of loadArticles(data)) {
    const line = JSON.stringify(p.run({ id: `${a.set}/${a.id}`, text: a.text }));
    lines.push(line);
    hash.update(line);
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`${lines.length} documents, sha256 ${hash.digest('hex')} → ${out}`);
  if (!against) return;
  if (!existsSync(against)) throw new Error(`snapshot: no file ${against}`);
  const before = readFileSync(against, 'utf8').split('\n');
  let differ = 0;
  for (let k = 0; k < Math.max(lines.length, before.length - 1); k++) {
    if (lines[k] === before[k]) continue;
    differ++;
    const x = JSON.parse(lines[k] ?? '{}') as Record<string, unknown>;
    const y = JSON.parse(before[k] || '{}') as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
      (key) => JSON.stringify(x[key]) !== JSON.stringify(y[key]),
    );
    if (differ <= 20) console.log(`differs: ${x.id ?? y.id} (${keys.join(', ')})`);
  }
  console.log(differ ? `${differ} documents differ from ${against}` : `identical to ${against}`);
  if (differ) process.exitCode = 1;
}

await main();
