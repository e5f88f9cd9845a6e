import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/run-cli.js';
import { analyseInputs } from './analysed-inputs.js';

describe('analyseInputs', () => {
  it('analyses an id-less record met twice in one run once, keeping the copy', async () => {
    const feed = join(tempDir(), 'feed.jsonl');
    const a = 'Budget passes. The council approved the budget on Tuesday.';
    const b = 'Strike ends. The dock workers went back on Friday.';
    writeFileSync(feed, [{ text: a }, { text: b }, { text: a }].map((r) => JSON.stringify(r)).join('\n'));
    const got: string[] = [];
    for await (const item of analyseInputs([feed], { maxBytes: 1 << 20, layers: ['sentences'], jobs: 0 }))
      got.push(
        !item.ok
          ? `skip ${item.code}`
          : 'doc' in item
            ? `doc ${item.doc.doc.text}`
            : `kept ${item.kept.text}`,
      );
    expect(got.filter((g) => g.startsWith('doc')).sort()).toEqual([`doc ${a}`, `doc ${b}`]);
    expect(got.filter((g) => g.startsWith('kept'))).toEqual([`kept ${a}`]);
  }, 60_000);
});
