import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codes, runCli, tempDir } from '../testing/run-cli.js';

// Short records written for this test; the limit is set low so that one of them is "huge".
const SHORT = (id: string) => ({ id, text: `The ferry to the island of ${id} ran late again this week.` });
const LONG = { id: 'long', text: 'The harbour council met again on the new pier. '.repeat(20) };

describe('--max-text: a document whose text is over the limit (CLI)', { timeout: 120_000 }, () => {
  const feed = () => {
    const dir = tempDir();
    const path = join(dir, 'feed.jsonl');
    writeFileSync(path, [SHORT('a'), LONG, SHORT('b')].map((r) => JSON.stringify(r)).join('\n'));
    return { dir, path };
  };

  it('analyze skips it with E_TEXT_TOO_LARGE naming the flag, analyses the rest, exits 1', async () => {
    const { path } = feed();
    const r = await runCli(['analyze', path, '--max-text', '500', '-l', 'sentences', '-j', '0']);
    expect(r.code).toBe(1);
    expect(codes(r.stderr)).toEqual(['E_TEXT_TOO_LARGE']);
    expect(r.stderr).toMatch(
      /skipped [^\n]*feed\.jsonl:2: E_TEXT_TOO_LARGE [^\n]* of text, over the 500 bytes limit [^\n]*; raise it with --max-text\n/,
    );
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a', 'b']);
    // Raised (or 0, no limit), the same feed is analysed whole.
    for (const max of ['1MB', '0']) {
      const all = await runCli(['analyze', path, '--max-text', max, '-l', 'sentences', '-j', '0']);
      expect(all.code).toBe(0);
      expect(all.stdout.trim().split('\n')).toHaveLength(3);
    }
  });

  it('ingest skips it and stores the rest', async () => {
    const { dir, path } = feed();
    const db = join(dir, 'corpus.db');
    const r = await runCli(['ingest', path, '--max-text', '500', '-l', 'language', '--db', db, '-j', '0']);
    expect(r.code).toBe(1);
    expect(codes(r.stderr)).toEqual(['E_TEXT_TOO_LARGE']);
    expect(r.stderr).toMatch(/added 2, unchanged 0, replaced 0, failed 1/);
  });

  it('ingest leaves a stored, unchanged document over a lower limit unchanged (nothing to analyse)', async () => {
    const { dir, path } = feed();
    const db = join(dir, 'corpus.db');
    const first = await runCli(['ingest', path, '-l', 'language', '--db', db, '-j', '0']);
    expect(first.code).toBe(0);
    const again = await runCli([
      'ingest',
      path,
      '--max-text',
      '500',
      '-l',
      'language',
      '--db',
      db,
      '-j',
      '0',
    ]);
    expect(codes(again.stderr)).toEqual([]);
    expect(again.stderr).toMatch(/added 0, unchanged 3, replaced 0, failed 0/);
    expect(again.code).toBe(0);
  });

  it('refuses a --max-text that is not a size', async () => {
    const { path } = feed();
    const r = await runCli(['analyze', path, '--max-text', 'lots', '-j', '0']);
    expect(r.code).toBe(2);
    expect(codes(r.stderr)).toEqual(['E_USAGE']);
  });
});
