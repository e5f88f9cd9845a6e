import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formats } from '../formats/index.js';
import { ARTICLE, codes, files, runCli } from '../testing/run-cli.js';
import { commands } from './index.js';

describe('exit codes and error codes of the CLI', { timeout: 120_000 }, () => {
  const added: (() => void)[] = [];
  afterEach(() => {
    for (const undo of added.splice(0)) undo();
  });
  it('exits 70 with E_INTERNAL when a command fails with a bug, not a usage error', async () => {
    // A command that fails as a bug would: a plain Error, not a NewsprismError.
    commands.push({
      name: 'boom',
      summary: 'test only',
      usage: '',
      run: async () => {
        throw new TypeError('undefined is not a function');
      },
    });
    added.push(() =>
      commands.splice(
        commands.findIndex((c) => c.name === 'boom'),
        1,
      ),
    );
    const r = await runCli(['boom']);
    expect(r.code).toBe(70);
    expect(codes(r.stderr)).toEqual(['E_INTERNAL']);
    expect(r.stderr).toContain('undefined is not a function');
  });

  it('skips a document whose analysis throws with E_ANALYZER_FAILED and exits 1', async () => {
    // A format whose renderer fails on one document, run in the main thread (-j 0) so the
    // registration reaches it.
    formats['test-fails'] = async () => ({
      name: 'test-fails',
      description: 'test only',
      layers: ['sentences'],
      render: (doc) => {
        if (doc.id === 'bad') throw new Error('renderer failed on purpose');
        return `${doc.id}:${doc.sentences!.length}\n`;
      },
    });
    added.push(() => delete formats['test-fails']);
    const dir = files({ 'a.txt': ARTICLE('Izmir'), 'bad.txt': ARTICLE('Bursa'), 'c.txt': ARTICLE('Konya') });
    const r = await runCli(['analyze', dir, '-j', '0', '--format', 'test-fails']);
    expect(r.stdout).toBe('a:4\nc:4\n');
    expect(codes(r.stderr)).toEqual(['E_ANALYZER_FAILED']);
    expect(r.stderr).toMatch(/skipped \S*bad\.txt: E_ANALYZER_FAILED renderer failed on purpose/);
    expect(r.code).toBe(1);
  });

  it('exits 130 on Ctrl-C, keeping what was written', async () => {
    // A format that presses Ctrl-C while the sixth of eight documents is analysed (-j 0: in this
    // thread; the runner analyses a few documents ahead of what it has written).
    formats['test-interrupt'] = async () => ({
      name: 'test-interrupt',
      description: 'test only',
      layers: ['sentences'],
      render: (doc) => {
        if (doc.id === 'f') process.emit('SIGINT');
        return `${doc.id}\n`;
      },
    });
    added.push(() => delete formats['test-interrupt']);
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const dir = files(Object.fromEntries(ids.map((id) => [`${id}.txt`, ARTICLE(`Izmir ${id}`)])));
    const r = await runCli(['analyze', dir, '-j', '0', '--format', 'test-interrupt']);
    expect(r.code).toBe(130);
    // Written: the documents before the interrupt, in order, at least one and never `f` or later.
    const written = r.stdout.split('\n').filter(Boolean);
    expect(written.length).toBeGreaterThan(0);
    expect(written).toEqual(ids.slice(0, written.length));
    expect(written).not.toContain('f');
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('writes to -o and prints nothing on stdout', async () => {
    const dir = files({ 'one.txt': ARTICLE('Izmir') });
    const out = join(dir, 'out.json');
    const r = await runCli(['analyze', join(dir, 'one.txt'), '-j', '0', '-o', out, '--layers', 'sentences']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc).toMatchObject({ id: 'one', text: ARTICLE('Izmir') });
    expect(doc.sentences).toHaveLength(4);
  });

  it.each([
    ['a missing directory', (dir: string) => join(dir, 'no', 'such', 'out.json')],
    ['a directory', (dir: string) => dir],
  ])('fails with E_OUTPUT_UNWRITABLE and exit 2 when -o is %s', async (_what, path) => {
    const dir = files({ 'one.txt': ARTICLE('Izmir') });
    const r = await runCli([
      'analyze',
      join(dir, 'one.txt'),
      '-j',
      '0',
      '-o',
      path(dir),
      '--layers',
      'sentences',
    ]);
    expect(r.code).toBe(2);
    expect(codes(r.stderr)).toEqual(['E_OUTPUT_UNWRITABLE']);
    expect(r.stdout).toBe('');
  });

  it('takes a declared language with --lang in any case and refuses one that is not a code', async () => {
    const dir = files({ 'one.txt': ARTICLE('Izmir') });
    const ok = await runCli([
      'analyze',
      join(dir, 'one.txt'),
      '-j',
      '0',
      '--lang',
      'ru',
      '--layers',
      'language',
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).language).toMatchObject({ code: 'ru', method: 'declared' });
    // Any case, and a region subtag as its language, as the store's --lang filter reads them.
    for (const [given, code] of [
      ['EN', 'en'],
      ['en-US', 'en'],
      ['ru-RU', 'ru'],
    ]) {
      const r = await runCli([
        'analyze',
        join(dir, 'one.txt'),
        '-j',
        '0',
        '--lang',
        given!,
        '--layers',
        'language',
      ]);
      expect(r.code, given).toBe(0);
      expect(JSON.parse(r.stdout).language, given).toMatchObject({ code, method: 'declared' });
    }
    for (const bad of ['english', 'e', 'xx', '']) {
      const r = await runCli(['analyze', join(dir, 'one.txt'), '--lang', bad]);
      expect(r.code, bad).toBe(2);
      expect(codes(r.stderr), bad).toEqual(['E_USAGE']);
      expect(r.stdout, bad).toBe('');
    }
  });

  it.each([
    [['analyze', 'x.txt', '--layers', 'sentences,moods'], 'E_UNKNOWN_LAYER'],
    [['analyze', 'x.txt', '--time-budget', '-1'], 'E_USAGE'],
    [['analyze', 'x.txt', '--jobs', '257'], 'E_USAGE'],
    [['analyze', 'x.txt', '--bogus'], 'E_USAGE'],
    [['frobnicate'], 'E_USAGE'],
  ])('%j fails with %s and exit 2', async (argv, code) => {
    const dir = files({ 'x.txt': ARTICLE('Izmir') });
    // -j 0 where the case is not about --jobs: no worker thread to start.
    const jobs = argv.includes('--jobs') ? [] : ['-j', '0'];
    const r = await runCli([...argv.map((a) => (a === 'x.txt' ? join(dir, a) : a)), ...jobs]);
    expect(r.code).toBe(2);
    expect(codes(r.stderr)).toEqual([code]);
  });

  // Read errors happen before analysis: -j 0 spares a worker thread per case.
  it.each([
    ['E_FILE_NOT_FOUND', {}, ['gone.txt']],
    ['E_EMPTY_INPUT', { 'empty.txt': '  \n' }, ['empty.txt']],
    ['E_BAD_GZIP', { 'x.txt.gz': 'not gzip at all' }, ['x.txt.gz']],
    [
      'E_NO_ARTICLE',
      { 'page.html': '<html><body><nav><a href="/">Home</a></nav></body></html>' },
      ['page.html'],
    ],
    ['E_INVALID_JSON', { 'feed.jsonl': '{"text": "A"\n' }, ['feed.jsonl']],
    ['E_BAD_RECORD', { 'feed.jsonl': '{"title": "no text"}\n' }, ['feed.jsonl']],
    ['E_BINARY_INPUT', { 'pic.txt': '\u0089PNG\u0000\u0000\u0000\u0001' }, ['pic.txt']],
    ['E_INPUT_TOO_LARGE', { 'big.txt': ARTICLE('Izmir') }, ['big.txt', '--max-size', '10']],
    // A folder of other files only (a PDF export): nothing to analyze, and says which files it reads.
    ['E_NO_DOCUMENTS', { 'report.pdf': '%PDF-1.4 not an article' }, ['.']],
  ] as const)('%s for a lone bad input, exit 2', async (code, names, argv) => {
    const dir = files(names);
    const r = await runCli(['analyze', join(dir, argv[0]), ...argv.slice(1), '-j', '0']);
    expect(r.code).toBe(2);
    expect(codes(r.stderr)).toEqual([code]);
    expect(r.stdout).toBe('');
    // One line that says how to fix it: a clause after the problem (`…; check the path`).
    expect(r.stderr).toMatch(/^newsprism: [^\n]*E_[A-Z_]+ [^\n]+; [^\n]+\n$/);
  });

  // The codes of the other commands, one documented case each (docs/cli.md), -j where a
  // command takes it kept at its cheapest.
  it.each([
    [
      'stories repeats a document id',
      'E_DUPLICATE_ID',
      1,
      (d: string) => ['stories', `${d}/a.txt`, `${d}/a.txt`],
    ],
    [
      'parse --model is missing',
      'E_MODEL_MISSING',
      2,
      (d: string) => ['parse', `${d}/s.conllu`, '--model', `${d}/none.json`],
    ],
    [
      'parse --model is not a model',
      'E_MODEL_INVALID',
      2,
      (d: string) => ['parse', `${d}/s.conllu`, '--model', `${d}/x.json`],
    ],
    ['parse reads no sentence', 'E_CONLLU', 2, (d: string) => ['parse', `${d}/empty.conllu`, '--lang', 'en']],
    ['parse --lang has no model', 'E_LANGUAGE', 2, (d: string) => ['parse', `${d}/s.conllu`, '--lang', 'de']],
    [
      'similarity --model is missing',
      'E_MODEL_MISSING',
      2,
      (d: string) => ['similarity', `${d}/p.jsonl`, '--model', `${d}/none.json`],
    ],
    [
      'similarity --model is not JSON',
      'E_MODEL_INVALID',
      2,
      (d: string) => ['similarity', `${d}/p.jsonl`, '--model', `${d}/bad.json`],
    ],
    [
      'similarity cannot find its pairs file',
      'E_FILE_NOT_FOUND',
      2,
      (d: string) => ['similarity', `${d}/none.jsonl`],
    ],
    [
      'similarity is given a named pipe, which it must not wait on',
      'E_NOT_A_FILE',
      2,
      (d: string) => ['similarity', `${d}/fifo.jsonl`],
    ],
    [
      'show on a --db where no store is (a typo)',
      'E_DB_NOT_FOUND',
      2,
      (d: string) => ['show', 'nope', '--db', `${d}/x.db`],
    ],
    [
      'worker on an SQLite store',
      'E_QUEUE_NEEDS_POSTGRES',
      2,
      (d: string) => ['worker', '--db', `${d}/x.db`, '--layers', 'sentences'],
    ],
    [
      'similarity reads a line that is not JSON',
      'E_INVALID_JSON',
      1,
      (d: string) => ['similarity', `${d}/mixed.jsonl`],
    ],
    [
      'eval --data has no data set',
      'E_DATA_MISSING',
      2,
      (d: string) => ['eval', 'frames', '--data', `${d}/nowhere`],
    ],
    [
      "eval --data is a folder without the data set's files",
      'E_DATA',
      2,
      (d: string) => ['eval', 'quotes', '--data', d],
    ],
    [
      'eval naming over a folder without the SemEval data',
      'E_DATA',
      2,
      (d: string) => ['eval', 'naming', '--data', d],
    ],
    ['extract reads records, not a page', 'E_NOT_HTML', 2, (d: string) => ['extract', `${d}/p.jsonl`]],
    [
      'ingest finds no document in a folder of other files',
      'E_NO_DOCUMENTS',
      2,
      (d: string) => ['ingest', `${d}/scans`, '--db', `${d}/x.db`, '-j', '0'],
    ],
    ['reuse finds no document', 'E_NO_DOCUMENTS', 2, (d: string) => ['reuse', `${d}/scans`]],
    // Nothing stored: 2, as analyze exits when nothing was analyzed (1 is for some skipped).
    [
      'ingest reads a lone missing file',
      'E_FILE_NOT_FOUND',
      2,
      (d: string) => ['ingest', `${d}/none.txt`, '--db', `${d}/y.db`, '-j', '0'],
    ],
    // A lone input that cannot be read has said why in its line: no E_NO_DOCUMENTS after it.
    ['reuse reads a lone missing file', 'E_FILE_NOT_FOUND', 2, (d: string) => ['reuse', `${d}/none.txt`]],
    ['stories reads a lone missing file', 'E_FILE_NOT_FOUND', 2, (d: string) => ['stories', `${d}/none.txt`]],
    [
      'serve binds a public address without a token',
      'E_INSECURE_BIND',
      2,
      (d: string) => ['serve', '--host', '0.0.0.0', '--db', `${d}/x.db`],
    ],
  ] as const)('%s: %s, exit %i', async (_what, code, exit, argv) => {
    const dir = files({
      'a.txt': ARTICLE('Izmir'),
      's.conllu': '1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tport\t_\t_\t_\t_\t_\t_\t_\t_\n\n',
      'empty.conllu': '# a comment only\n',
      'x.json': '{"a": 1}',
      'scans/page1.png': '\u0089PNG',
      'bad.json': '{not json',
      'p.jsonl': '{"pair_id": "1", "text1": "Talks resumed in Izmir.", "text2": "Talks resumed in Konya."}\n',
      'mixed.jsonl':
        '{"pair_id": "1", "text1": "Talks resumed in Izmir.", "text2": "Talks resumed in Konya."}\n{broken\n',
    });
    const args = argv(dir);
    // Only the case that reads it: each process this thread starts copies its page tables
    // (tens of milliseconds or more with the models loaded).
    if (args.includes(`${dir}/fifo.jsonl`)) execFileSync('mkfifo', [join(dir, 'fifo.jsonl')]);
    const r = await runCli(args);
    expect(codes(r.stderr)).toEqual([code]);
    expect(r.code).toBe(exit);
  });
});
