import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCheckworthy, loadSubjectivitySources, unwrapCsvField } from './load.js';

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

describe('loadSubjectivitySources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'np-subj-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts dev by whether a row fills solved_conflict, and keeps the flag', () => {
    const head = 'sentence_id\tsentence\tlabel\tsolved_conflict\n';
    writeFileSync(join(dir, 'train_en.tsv'), `${head}t1\tPrices rose.\tOBJ\tFalse\n`);
    writeFileSync(
      join(dir, 'dev_en.tsv'),
      `${head}a1\tWhat a waste.\tSUBJ\tTrue\na2\tIt rained.\tOBJ\tFalse\nb1\tA fine plan.\tSUBJ\t\nb2\tHe left.\tOBJ\n`,
    );
    const s = loadSubjectivitySources(dir, 'en');
    expect(Object.keys(s)).toEqual(['train', 'dev-a', 'dev-b']);
    expect(s.train!.map((r) => r.id)).toEqual(['t1']);
    expect(s['dev-a']!.map((r) => [r.id, r.conflict])).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
    expect(s['dev-b']!.map((r) => [r.id, r.conflict, r.positive])).toEqual([
      ['b1', undefined, true],
      ['b2', undefined, false],
    ]);
  });
});
