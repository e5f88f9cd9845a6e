// Using newsprism as a TypeScript library: analyse one article and list who speaks, which
// names it chooses and which claims to check first. Run it with
//   npx tsx --conditions=source examples/library.ts
import { readFileSync } from 'node:fs';
import { createPipeline } from '@newsprism/core';

/** Analyses `text` and returns a short readable summary, one finding per line. */
export async function summarise(id: string, text: string): Promise<string[]> {
  const pipeline = await createPipeline({ layers: ['quotes', 'sources', 'naming', 'claims'] });
  const doc = pipeline.run({ id, text });
  const out: string[] = [];
  for (const q of doc.quotes ?? []) {
    const who = q.speaker ? `${q.speaker.name} (${q.speaker.type})` : 'unknown speaker';
    const verb = q.cue ? doc.text.slice(q.cue.start, q.cue.end) : '—';
    out.push(`quote  ${q.kind.padEnd(8)} ${who} ${verb}: ${doc.text.slice(q.start, q.end)}`);
  }
  for (const e of doc.naming?.entities ?? [])
    out.push(`naming ${e.name}: ${e.variants.map((v) => `${v.form} ×${v.count}`).join(', ')}`);
  const claims = (doc.claims ?? []).filter((c) => c.attrs.checkworthy).sort((a, b) => b.score - a.score);
  for (const c of claims.slice(0, 3))
    out.push(`claim  ${c.score.toFixed(2)} ${c.label}: ${doc.text.slice(c.start, c.end)}`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('./kherson-bridge.txt', import.meta.url);
  for (const line of await summarise('kherson-bridge', readFileSync(path, 'utf8'))) console.log(line);
}
