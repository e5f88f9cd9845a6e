// `npm run check:pack`: packs @newsprism/core as npm would publish it, installs the tarball into an
// empty project and analyses a short article there, so that the published library is known to
// carry what it needs (dist, the models copied by `prepack`, its dependencies).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'newsprism-pack-'));
const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
try {
  npm(['pack', '--silent', '--pack-destination', work], pkg);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'pack-check', private: true, type: 'module' }),
  );
  npm(['install', '--silent', '--no-audit', '--no-fund', join(work, tarball)], work);
  const probe = `
import { createPipeline } from '@newsprism/core';
import { parseDocument, staleLayers, LAYER_INFO } from '@newsprism/core/schema';
import { LinearModel } from '@newsprism/core/train';
const text = 'Bridge talks\\n\\nThe ministry said on Monday that the bridge would reopen, according to Reuters. “We will rebuild it,” said Dmitry Peskov, the Kremlin spokesman. Critics called the vote a sham and a disgrace.';
// The probe is shorter than the genre and frames models' minimum length: decide it anyway.
const pipeline = await createPipeline({ options: { genre: { minWords: 0 }, frames: { minWords: 0 } } });
const doc = parseDocument(JSON.stringify(pipeline.run({ id: 'probe', text })));
if (staleLayers(doc, pipeline).length || LAYER_INFO.length !== pipeline.layers.length || typeof LinearModel !== 'function')
  throw new Error('published package: the schema or train entry does not work');
const missing = ['quotes', 'techniques', 'frames', 'genre', 'entities', 'claims', 'subjectivity', 'sources'].filter((l) => doc[l] === undefined);
const errors = doc.diagnostics.filter((d) => d.severity === 'error');
if (missing.length || errors.length || !doc.quotes.some((q) => q.rule === 'inverted') || !doc.genre.genre)
  throw new Error('published package: missing ' + missing.join(', ') + ' ' + JSON.stringify(errors));
// The English tagger reads the word clusters, which prepack copies too.
if (!doc.producers.entities.models?.['clusters/clusters.en.json'])
  throw new Error('published package: the entities layer did not load the English word clusters');
console.log('@newsprism/core packed and installed: ' + doc.quotes.length + ' attributions, genre ' + doc.genre.genre + ', ' + doc.entities.length + ' entities');
// The runner of @newsprism/core/node starts its worker thread from the installed dist.
const { runDocuments } = await import('@newsprism/core/node');
const records = (async function* () { yield { ok: true, id: 'w1', source: 'w1', input: { id: 'w1', text } }; })();
for await (const r of runDocuments(records, { layers: ['quotes'], jobs: 1 }))
  if (!r.ok || r.output.quotes.length !== doc.quotes.length) throw new Error('runner in the published package: ' + JSON.stringify(r));
console.log('@newsprism/core/node runner: a worker thread analysed the article the same way');
`;
  writeFileSync(join(work, 'probe.mjs'), probe);
  process.stdout.write(execFileSync('node', ['probe.mjs'], { cwd: work, encoding: 'utf8' }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
