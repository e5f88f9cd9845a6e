import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';
import { NOBODY, runCliChild } from '../testing/run-cli-child.js';

const ROOT = process.getuid?.() === 0;

const ARTICLE = `Port Talks Resume In Istanbul - Officials

ISTANBUL (Example Wire - 4th April, 2023) Negotiators resumed talks on the grain corridor on Tuesday. Both delegations attended.

"We are close," one negotiator said.`;

// Each run starts a worker thread from TypeScript source through tsx: slow on a loaded machine;
// the timeout is not a speed check.
describe('newsprism analyze', { timeout: 120_000 }, () => {
  it('prints one JSON document for one file, without tokens by default', async () => {
    const dir = tempDir();
    const f = join(dir, 'article123.txt');
    writeFileSync(f, ARTICLE);
    const r = await runCli(['analyze', '-j', '0', f]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schema: 'newsprism/2', id: '123', text: ARTICLE });
    expect(doc.meta).toMatchObject({
      title: 'Port Talks Resume In Istanbul - Officials',
      lang: 'en',
      published: '2023-04-04',
    });
    expect(doc.paragraphs).toHaveLength(3);
    expect(doc.sentences.length).toBeGreaterThanOrEqual(4);
    expect(doc.tokens).toBeUndefined();
    expect(doc.producers.sentences).toMatchObject({ name: 'sentences', version: 3 });
  });

  it('selects layers, including tokens, with --layers', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    const r = await runCli(['analyze', '-j', '0', join(dir, 'a.txt'), '--layers', 'tokens']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.producers)).toEqual(['tokens']);
    const t = doc.tokens[0];
    expect(ARTICLE.slice(t.start, t.end)).toBe('Port');
  });

  it('reads the voice of terms with --layers naming alone, as a full run does', async () => {
    const dir = tempDir();
    const text =
      'Russian forces shelled Kharkiv.\n\n"The invasion will fail, whatever the Kremlin says," the mayor said.\n\nMoscow calls it a "special military operation".';
    writeFileSync(join(dir, 'a.txt'), text);
    const r = await runCli(['analyze', '-j', '0', join(dir, 'a.txt'), '--layers', 'naming']);
    const doc = JSON.parse(r.stdout);
    expect(doc.quotes).toBeUndefined();
    const terms = doc.naming.terms.flatMap(
      (t: { form: string; voice: string; mentions: { start: number; end: number }[] }) =>
        t.mentions.map((m) => `${text.slice(m.start, m.end)} | ${t.form} | ${t.voice}`),
    );
    expect(terms.sort()).toEqual([
      'Russian forces | Russian forces | outlet',
      'The invasion | invasion | quoted',
      'special military operation | special military operation | distanced',
    ]);
  });

  it('reads a directory recursively as JSONL, skipping and reporting a bad file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'one.txt'), ARTICLE);
    writeFileSync(
      join(dir, 'sub', 'two.txt.gz'),
      gzipSync(Buffer.from(ARTICLE.replace('Istanbul', 'Ankara'))),
    );
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'pic.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(join(dir, 'notes.md'), 'ignored');
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, ARTICLE);
    chmodSync(locked, 0o000);
    const r = await runCli(['analyze', '-j', '0', dir]);
    const ids = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    // Root reads a mode-000 file; everyone else is refused (see the unprivileged run below).
    expect(ids).toEqual(ROOT ? ['locked', 'one', 'two'] : ['one', 'two']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/skipped .*empty\.txt: E_EMPTY_INPUT/);
    expect(r.stderr).toMatch(/skipped .*pic\.txt: E_BINARY_INPUT/);
    expect(r.stderr).toMatch(/analyzed \d documents, skipped \d/);
  });

  // Run as an unprivileged user whoever runs the suite: as root (CI) in a child process that
  // drops to `nobody`, otherwise as the user itself.
  it('skips an unreadable file with E_FILE_UNREADABLE and a directory it cannot list with E_DIR_UNREADABLE', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'one.txt'), ARTICLE);
    writeFileSync(join(dir, 'locked.txt'), ARTICLE);
    chmodSync(join(dir, 'locked.txt'), 0o000);
    mkdirSync(join(dir, 'shut'));
    writeFileSync(join(dir, 'shut', 'inside.txt'), ARTICLE);
    chmodSync(join(dir, 'shut'), 0o000);
    const r = await runCliChild(
      ['analyze', '-j', '0', dir, '--layers', 'language'],
      ROOT ? NOBODY : undefined,
    );
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['one']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/skipped \S*locked\.txt: E_FILE_UNREADABLE /);
    expect(r.stderr).toMatch(
      /skipped \S*shut: E_DIR_UNREADABLE cannot list the directory \S*shut \(EACCES\); check its permissions\n/,
    );
  });

  it('gives the same output in the same order with --jobs, skipping bad inputs', async () => {
    const dir = tempDir();
    const places = ['Istanbul', 'Ankara', 'Izmir', 'Bursa', 'Antalya', 'Konya', 'Adana'];
    for (const [i, p] of places.entries())
      writeFileSync(join(dir, `a${i}.txt`), ARTICLE.replaceAll('Istanbul', p));
    writeFileSync(join(dir, 'a3b.txt'), '');
    const one = await runCli(['analyze', '-j', '0', dir, '--format', 'jsonl']);
    const two = await runCli(['analyze', dir, '--format', 'jsonl', '--jobs', '2']);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(
      one.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(places.map((_, i) => `a${i}`));
    expect(two.stderr).toMatch(/skipped .*a3b\.txt: E_EMPTY_INPUT/);
    expect(two.stderr).toMatch(/analyzed 7 documents, skipped 1/);
    // Workers start from source through tsx here: slow on a loaded machine, not a speed check.
  }, 120_000);

  it('reads JSONL records, keeping their metadata and reporting bad lines', async () => {
    const dir = tempDir();
    const f = join(dir, 'feed.jsonl');
    const lines = [
      JSON.stringify({
        id: 'r1',
        title: 'Given title',
        text: 'Body text of the first record. It has two sentences.',
        outlet: 'Example Daily',
        lang: 'en',
      }),
      '{not json',
      JSON.stringify({ id: 'r3' }),
      JSON.stringify({ text: 'Второй документ без идентификатора. Он на русском языке.' }),
    ];
    writeFileSync(f, `${lines.join('\n')}\n`);
    const r = await runCli(['analyze', '-j', '0', f]);
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => d.id)).toEqual(['r1', 'feed-4']);
    expect(docs[0].meta).toMatchObject({
      title: 'Given title',
      outlet: 'Example Daily',
      lang: 'en',
      format: 'jsonl',
    });
    expect(docs[1].meta.lang).toBe('ru');
    expect(r.stderr).toMatch(/feed\.jsonl:2: E_INVALID_JSON line 2 is not valid JSON/);
    expect(r.stderr).toMatch(/feed\.jsonl:3: E_BAD_RECORD record "r3" has no "text" or "html"/);
    expect(r.code).toBe(1);
  });

  it('reads stdin with -', async () => {
    const r = await runCli(['analyze', '-j', '0', '-', '--format', 'jsonl'], ARTICLE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('stdin');
  });

  it('prints a readable text report', async () => {
    const r = await runCli(['analyze', '-j', '0', '-', '--format', 'text'], ARTICLE);
    expect(r.stdout).toMatch(/■ stdin — Port Talks Resume In Istanbul - Officials/);
    expect(r.stdout).toMatch(/dateline: ISTANBUL \(Example Wire - 4th April, 2023\)/);
    expect(r.stdout).toMatch(/3 paragraphs, \d+ sentences/);
  });

  it.each([
    [
      ['analyze', '--bogus', 'x'],
      /^newsprism: E_USAGE Unknown option '--bogus'.*see `newsprism analyze --help`\n$/,
    ],
    [['analyze'], /E_USAGE no inputs/],
    [['analyze', 'x.txt', '--format', 'xml'], /E_USAGE --format must be one of/],
    [['analyze', 'x.txt', '--layers', 'colour'], /E_UNKNOWN_LAYER unknown layer "colour"/],
    [['analyze', 'x.txt', '--max-size', 'lots'], /E_USAGE --max-size takes a size/],
    [['analyze', 'x.txt', '--jobs', '1.5'], /E_USAGE --jobs takes a whole number/],
    [['frobnicate'], /E_USAGE unknown command "frobnicate"/],
  ])('rejects bad usage %j with one line and exit 2', async (argv, message) => {
    const r = await runCli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails with exit 2 when the only input is missing or too large', async () => {
    const missing = await runCli(['analyze', '-j', '0', '/nonexistent/article.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/E_FILE_NOT_FOUND/);
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'word '.repeat(300_000));
    const r = await runCli(['analyze', '-j', '0', big, '--max-size', '1MB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_INPUT_TOO_LARGE .*big\.txt is 1\.4 MB, over the 1\.0 MB limit.*--max-size/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
