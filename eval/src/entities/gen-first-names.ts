/**
 * Regenerates `packages/core/src/layers/entities/first-names.en.json`: first words of person
 * names in PolNeAR's CoreNLP silver `train` split (seen at least twice, capitalised, alphabetic),
 * a lexicon feature of the English tagger. Run:
 * `node --import tsx eval/src/entities/gen-first-names.ts ../shared/data/polnear`, then retrain.
 */
import { writeFileSync } from 'node:fs';
import { loadPolnearNer } from './polnear-ner.js';

const NOT_NAMES = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'President',
  'Sen',
  'Gov',
  'Rep',
  'Secretary',
  'General',
  'Gen',
]);
const data = process.argv[2] ?? '../shared/data/polnear';
const counts = new Map<string, number>();
for (const d of loadPolnearNer(data, 'train'))
  for (const g of d.gold) {
    if (g.type !== 'PER') continue;
    const words = d.text.slice(g.start, g.end).split(/\s+/);
    const first = words[0]!;
    if (words.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(first) || NOT_NAMES.has(first)) continue;
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
const names = [...counts.entries()]
  .filter(([, n]) => n >= 2)
  .map(([w]) => w)
  .sort();
writeFileSync(
  new URL('../../../packages/core/src/layers/entities/first-names.en.json', import.meta.url),
  `${JSON.stringify({ description: 'First names (PolNeAR silver train, >= 2 uses); see eval/src/entities/gen-first-names.ts', names })}\n`,
);
console.log(`${names.length} first names`);
