import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

// One-sentence records of our own, as in the CheckThat! research data: clear cases for both
// models (a figure-laden factual claim, a greeting, an evaluative opinion, a neutral report).
const RECORDS = [
  { id: 'f1', text: 'Unemployment fell from 7.8 percent to 4.1 percent between 2009 and 2016.' },
  { id: 'f2', text: 'Thank you all very much for coming tonight.' },
  { id: 's1', text: 'This is a truly shameful and absurd plan that insults every honest taxpayer!' },
  { id: 's2', text: 'The committee will meet on Tuesday to discuss the budget.' },
];

function jsonl(): string {
  const f = join(tempDir(), 'records.jsonl');
  writeFileSync(f, RECORDS.map((r) => JSON.stringify(r)).join('\n'));
  return f;
}

describe('CheckThat! formats of analyze', { timeout: 120_000 }, () => {
  it.each([
    ['checkworthy', { f1: 'Yes', f2: 'No' }],
    ['subjectivity', { s1: 'SUBJ', s2: 'OBJ' }],
  ])('--format %s prints one `id<TAB>label` line per record', async (format, expected) => {
    const r = await runCli(['analyze', '-j', '0', jsonl(), '--format', format]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(RECORDS.length);
    const labels = Object.fromEntries(lines.map((l) => l.split('\t')));
    expect(Object.keys(labels)).toEqual(RECORDS.map((x) => x.id));
    for (const [id, label] of Object.entries(expected)) expect(labels[id], id).toBe(label);
  });
});
