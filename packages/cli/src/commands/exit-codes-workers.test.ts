import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE, codes, files, runCli, tempDir } from '../testing/run-cli.js';

// The exit and error codes that take analysis worker threads (time budget, a worker out of
// memory, a pipeline no worker can load, `serve`'s pool): apart from `exit-codes.test.ts`, whose
// cases run in the main thread, so that the two files balance across the suite's two threads.
// Each case names the fewest layers that show its point: a worker loads only their models.

/** ~5 MB of quoted prose, every sentence different, titled "Big story". */
function bigStory(): string {
  const line = (i: number) =>
    Array.from(
      { length: 60 },
      (_, k) =>
        `The minister said on day ${i * 60 + k} that "talks ${k} will go on", and officials in Ankara agreed. `,
    ).join('');
  return `Big story\n${Array.from({ length: 900 }, (_, i) => line(i)).join('\n')}\n`;
}

const ids = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id);

describe('exit codes and error codes of the CLI that take worker threads', { timeout: 120_000 }, () => {
  const added: (() => void)[] = [];
  afterEach(() => {
    for (const undo of added.splice(0)) undo();
  });
  /** Sets NEWSPRISM_WORKER_MAX_OLD_MB for one test (put back after it). */
  const heapCap = (value: string) => {
    const before = process.env.NEWSPRISM_WORKER_MAX_OLD_MB;
    process.env.NEWSPRISM_WORKER_MAX_OLD_MB = value;
    added.push(() => {
      if (before === undefined) delete process.env.NEWSPRISM_WORKER_MAX_OLD_MB;
      else process.env.NEWSPRISM_WORKER_MAX_OLD_MB = before;
    });
  };

  it('serve: E_PORT_IN_USE and exit 2 when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const port = (taken.address() as { port: number }).port;
    try {
      const dir = tempDir();
      // No search threads: the case is the analysis pool's start, then the taken port.
      const r = await runCli([
        'serve',
        '--port',
        String(port),
        '--db',
        join(dir, 'x.db'),
        '--layers',
        'paragraphs',
        '--search-threads',
        '0',
      ]);
      expect(codes(r.stderr)).toEqual(['E_PORT_IN_USE']);
      expect(r.code).toBe(2);
    } finally {
      await new Promise((ok) => taken.close(ok));
    }
  });

  it('skips a document over --time-budget with E_TIME_BUDGET and goes on with a new worker', async () => {
    // Tokens and sentences of ~5 MB take over a second of CPU (about 1.3 s here, the JSON of the
    // tokens included), four times the 0.3 s budget; the short articles take milliseconds.
    const dir = files({ 'a.txt': ARTICLE('Izmir'), 'b-big.txt': bigStory(), 'c.txt': ARTICLE('Konya') });
    const r = await runCli([
      'analyze',
      dir,
      '-j',
      '1',
      '--time-budget',
      '0.3',
      '--format',
      'jsonl',
      '--layers',
      'sentences,tokens',
    ]);
    expect(ids(r.stdout)).toEqual(['a', 'c']);
    expect(codes(r.stderr)).toEqual(['E_TIME_BUDGET']);
    expect(r.stderr).toMatch(/skipped \S*b-big\.txt: E_TIME_BUDGET/);
    expect(r.code).toBe(1);
  });

  it('ingest: skips a document over --time-budget with E_TIME_BUDGET and stores the others', async () => {
    const dir = files({ 'a.txt': ARTICLE('Izmir'), 'b-big.txt': bigStory(), 'c.txt': ARTICLE('Konya') });
    const db = join(tempDir(), 'budget.db');
    const argv = ['ingest', dir, '--db', db, '-j', '1', '--layers', 'sentences,tokens'];
    const r = await runCli([...argv, '--time-budget', '0.3']);
    expect(codes(r.stderr)).toEqual(['E_TIME_BUDGET']);
    expect(r.stderr).toMatch(/skipped \S*b-big\.txt: E_TIME_BUDGET/);
    expect(r.stderr).toMatch(/added 2, unchanged 0, replaced 0, failed 1/);
    expect(r.code).toBe(1);
    expect(codes((await runCli([...argv, '--time-budget', 'soon'])).stderr)).toEqual(['E_USAGE']);
  });

  it('skips a document whose worker runs out of memory with E_WORKER_CRASHED and loses nothing else', async () => {
    // NEWSPRISM_WORKER_MAX_OLD_MB caps each worker's heap (docs/cli.md): 96 MB holds the tokens
    // layer's set-up and a short article (it starts with 56), not the tokens of the ~5 MB
    // document in the middle (it runs out up to 160).
    const dir = files({ 'a.txt': ARTICLE('Izmir'), 'b-big.txt': bigStory(), 'c.txt': ARTICLE('Konya') });
    heapCap('96');
    const r = await runCli([
      'analyze',
      dir,
      '-j',
      '1',
      '--time-budget',
      '0',
      '--format',
      'jsonl',
      '--layers',
      'tokens',
    ]);
    expect(ids(r.stdout)).toEqual(['a', 'c']);
    expect(codes(r.stderr)).toEqual(['E_WORKER_CRASHED']);
    expect(r.stderr).toMatch(/skipped \S*b-big\.txt: E_WORKER_CRASHED/);
    expect(r.code).toBe(1);
  });

  it('E_PIPELINE_FAILED and exit 2 when no worker can load the pipeline (a 16 MB heap)', async () => {
    const dir = files({ 'a.txt': ARTICLE('Izmir'), 'c.txt': ARTICLE('Konya') });
    heapCap('16');
    const r = await runCli(['analyze', dir, '-j', '1', '--format', 'jsonl']);
    expect(codes(r.stderr)).toEqual(['E_PIPELINE_FAILED']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('serve applies NEWSPRISM_WORKER_MAX_OLD_MB to its workers: a 16 MB heap stops the start, E_PIPELINE_FAILED', async () => {
    const dir = tempDir();
    heapCap('16');
    // No search threads: only the analysis workers can fail the start.
    const r = await runCli(['serve', '--port', '0', '--db', join(dir, 'x.db'), '--search-threads', '0']);
    expect(codes(r.stderr)).toEqual(['E_PIPELINE_FAILED']);
    expect(r.code).toBe(2);
  });

  it('NEWSPRISM_WORKER_MAX_OLD_MB that is not a number of MB is E_USAGE, exit 2', async () => {
    const dir = files({ 'a.txt': ARTICLE('Izmir') });
    heapCap('lots');
    const r = await runCli(['analyze', join(dir, 'a.txt')]);
    expect(codes(r.stderr)).toEqual(['E_USAGE']);
    expect(r.stderr).toContain('NEWSPRISM_WORKER_MAX_OLD_MB');
    expect(r.code).toBe(2);
  });
});
