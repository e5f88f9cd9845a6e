import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSink } from './output.js';
import { tempDir } from './testing/run-cli.js';

describe('openSink', () => {
  it('writes a long string in slices, never splitting a surrogate pair, and pieces in order', async () => {
    // An emoji (two UTF-16 code units) across every slice boundary (slices of 2^20 characters).
    const unit = 'ab\u{1F600}';
    const long = `x${unit.repeat(700_000)}`;
    const file = join(tempDir(), 'out.json');
    const sink = await openSink(file);
    await sink.write(long);
    await sink.write(['', 'tail', '\n']);
    await sink.close();
    expect(readFileSync(file, 'utf8') === `${long}tail\n`).toBe(true);
  });
});
