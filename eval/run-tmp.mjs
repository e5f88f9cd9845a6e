import { createPipeline } from '@newsprism/core';
import { readFileSync } from 'node:fs';
const pipe = await createPipeline({ layers: ['quotes'] });
const text = process.argv[2] === '-f' ? readFileSync(process.argv[3], 'utf8') : process.argv.slice(2).join(' ');
const doc = pipe.run({ id: 'x', text, meta: { lang: 'ru' } });
for (const q of doc.quotes ?? []) {
  if (q.kind === 'scare') continue;
  console.log(`${q.rule} ${q.kind} [${text.slice(q.start, q.end)}] <- [${q.source ? text.slice(q.source.start, q.source.end) : ''}] cue=[${q.cue ? text.slice(q.cue.start, q.cue.end) : ''}] sp=${JSON.stringify(q.speaker ?? null).slice(0, 120)}`);
}
