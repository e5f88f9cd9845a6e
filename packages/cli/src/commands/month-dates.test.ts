import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

// Short records written for this test: one dated by its month alone, with a region subtag.
const RECORDS = [
  {
    id: 'may',
    text: 'The ferry to the island ran late again this week.',
    published: '2023-05',
    lang: 'en-GB',
  },
  {
    id: 'june',
    text: 'The harbour opened a new pier for fishing boats.',
    published: '2023-06-02',
    lang: 'EN',
  },
];

describe('a record dated by its month, in a language with a region (CLI)', () => {
  it('is stored in its month, found by --lang en and by a range reaching into its month', async () => {
    const dir = tempDir();
    const db = join(dir, 'corpus.db');
    writeFileSync(join(dir, 'feed.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n'));
    const ingest = await runCli(['ingest', join(dir, 'feed.jsonl'), '-l', 'language', '--db', db]);
    expect(ingest.stderr).not.toMatch(/W_DATE_UNREAD|W_LANG_UNKNOWN/);
    expect(ingest.code).toBe(0);
    const report = await runCli(['report', '--by', 'month', '--format', 'json', '--db', db]);
    expect(
      JSON.parse(report.stdout).map((g: { month: string; documents: number }) => [g.month, g.documents]),
    ).toEqual([
      ['2023-05', 1],
      ['2023-06', 1],
    ]);
    const found = async (...flags: string[]) => {
      const r = await runCli(['search', ...flags, '--format', 'jsonl', '--db', db]);
      expect(r.code, flags.join(' ')).toBe(0);
      return r.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).id)
        .sort();
    };
    expect(await found('--lang', 'en')).toEqual(['june', 'may']);
    expect(await found('--from', '2023-05-20', '--to', '2023-05-31')).toEqual(['may']);
    expect(await found('--from', '2023-06')).toEqual(['june']);
  }, 60_000);
});
