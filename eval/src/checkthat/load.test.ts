import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCheckworthy, unwrapCsvField } from './load.js';

describe('unwrapCsvField', () => {
  it.each([
    ['"Rents rose, and wages fell."', 'Rents rose, and wages fell.'],
    ['"They called it ""a bargain,"" twice."', 'They called it "a bargain," twice.'],
    ['"He said ""no"""', 'He said "no"'],
    ['Nobody asked.', 'Nobody asked.'],
    // The sentence's own marks at both ends, with a lone mark inside: not a CSV field.
    ['"Yes" and "no"', '"Yes" and "no"'],
    ['"', '"'],
  ])('%s', (field, text) => {
    expect(unwrapCsvField(field)).toBe(text);
  });
});

describe('loadCheckworthy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'np-ct24-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the sentences unwrapped from their CSV quoting', () => {
    writeFileSync(
      join(dir, 'CT24_checkworthy_english_dev.tsv'),
      'Sentence_id\tText\tclass_label\n7\t"Taxes went up, by 10 percent."\tYes\n9\tThank you.\tNo\n',
    );
    expect(loadCheckworthy(dir, 'dev')).toEqual([
      { id: '7', text: 'Taxes went up, by 10 percent.', positive: true },
      { id: '9', text: 'Thank you.', positive: false },
    ]);
  });
});
