import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { runCli, tempDir } from '../testing/run-cli.js';

const ARTICLE = (place: string) =>
  `Port Talks Resume In ${place}\nNegotiators resumed talks on the grain corridor in ${place} on Tuesday. Both delegations attended.\n"We are close," one negotiator said.`;
const rec = (id: string, text: string) => JSON.stringify({ id, text });
const lines = (s: string) => s.trim().split('\n');

// Each run starts a worker thread from TypeScript source through tsx: slow on a loaded machine;
// the timeout is not a speed check.
describe('analyze and extract on hostile input', { timeout: 120_000 }, () => {
  it('skips a FIFO in a directory with -j auto and writes the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE('Izmir'));
    execFileSync('mkfifo', [join(dir, 'b.txt')]);
    writeFileSync(join(dir, 'c.txt'), ARTICLE('Bursa'));
    const out = join(tempDir(), 'o.jsonl');
    const r = await runCli(['analyze', dir, '-j', 'auto', '-o', out, '--layers', 'sentences']);
    expect(r.code).toBe(1);
    expect(lines(readFileSync(out, 'utf8')).map((l) => JSON.parse(l).id)).toEqual(['a', 'c']);
    expect(r.stderr).toMatch(/skipped .*b\.txt: E_NOT_A_FILE .*named pipe/);
    expect(r.stderr).toMatch(/analyzed 2 documents, skipped 1 \(E_NOT_A_FILE\) in /);
  });

  it('extract refuses a FIFO and a JSONL file with a clear code', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'page.html')]);
    const fifo = await runCli(['extract', join(dir, 'page.html')]);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/E_NOT_A_FILE .*page\.html is a named pipe/);
    const feed = join(dir, 'feed.jsonl');
    writeFileSync(feed, `${rec('a', 'one')}\n${rec('b', 'two')}\n`);
    const jsonl = await runCli(['extract', feed]);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toMatch(/E_NOT_HTML .*feed\.jsonl holds JSON Lines records.*newsprism analyze/);
    const sniffed = await runCli(['extract', '-'], `${rec('a', 'one')}\n${rec('b', 'two')}\n`);
    expect(sniffed.stderr).toMatch(/E_NOT_HTML stdin holds JSON Lines records/);
  });

  it('keeps the good JSONL records on stdin after a bad first line, and --input-format', async () => {
    const feed = ['oops', rec('r1', ARTICLE('Adana')), rec('r2', ARTICLE('Konya'))].join('\n');
    const r = await runCli(['analyze', '-j', '0', '-', '--layers', 'paragraphs', '--format', 'jsonl'], feed);
    expect(lines(r.stdout).map((l) => JSON.parse(l).id)).toEqual(['r1', 'r2']);
    expect(r.stderr).toMatch(/skipped -:1: E_INVALID_JSON line 1 is not valid JSON/);
    expect(r.code).toBe(1);
    const asText = await runCli(
      ['analyze', '-j', '0', '-', '--input-format', 'text', '--layers', 'paragraphs'],
      feed,
    );
    expect(JSON.parse(asText.stdout)).toMatchObject({ id: 'stdin', meta: { format: 'text' } });
    const bad = await runCli(['analyze', '-', '--input-format', 'xml']);
    expect(bad.stderr).toMatch(/E_USAGE --input-format must be one of jsonl, text, html/);
  });

  it('escapes control characters in stderr and in the text report', async () => {
    const dir = tempDir();
    const f = join(dir, 'feed.jsonl');
    const evil = JSON.stringify({
      id: 'x\u001b[2J',
      title: 'Title \u001b]8;;http://evil\u0007link',
      text: ARTICLE('Ankara'),
    });
    // The second record's id holds ESC as a JSON escape: valid JSON, a control byte once parsed.
    writeFileSync(f, `${evil}\n{"id": "\\u001b[31mred", "text": 5}\n`);
    const r = await runCli(['analyze', '-j', '0', f, '--format', 'text', '--layers', 'paragraphs']);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toMatch(/E_BAD_RECORD record "\\x1b\[31mred" has no "text"/);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('■ x␛[2J — Title ␛]8;;http://evil␇link');
  });

  it('ends a clean run with a summary and warns when two inputs share an id', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE('Izmir'));
    const f = join(dir, 'feed.jsonl');
    writeFileSync(f, [rec('a', ARTICLE('Bursa')), rec('b', ARTICLE('Konya'))].join('\n'));
    const r = await runCli(['analyze', '-j', '0', join(dir, 'a.txt'), f, '--layers', 'paragraphs']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*feed\.jsonl:1 has the id "a" of .*a\.txt; give inputs unique ids/);
    expect(lines(r.stderr).at(-1)).toMatch(/^newsprism: analyzed 3 documents in \d+(\.\d)? s$/);
  });

  it('gives every document its # id header with --format brat over several', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE('Izmir'));
    writeFileSync(join(dir, 'b.txt'), ARTICLE('Bursa'));
    const many = await runCli(['analyze', '-j', '0', dir, '--format', 'brat']);
    expect(lines(many.stdout).filter((l) => l.startsWith('#'))).toEqual(['# a', '# b']);
    expect(many.stdout.startsWith('# a\n')).toBe(true);
    const one = await runCli(['analyze', '-j', '0', join(dir, 'a.txt'), '--format', 'brat']);
    expect(one.stdout).not.toContain('#');
    expect(one.stdout).toMatch(/^T1\tSource/);
  });

  it('keeps the headline of a page that has it only in <h1>', async () => {
    const f = join(tempDir(), 'page.html');
    const para =
      'Negotiators resumed talks on the grain corridor on Tuesday, officials said, and both delegations attended the session in full.';
    writeFileSync(f, `<html><body><h1>Grain Talks Resume</h1><p>${para}</p><p>${para}</p></body></html>`);
    const r = await runCli(['analyze', '-j', '0', f, '--layers', 'paragraphs']);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta.title).toBe('Grain Talks Resume');
    expect(doc.text).not.toContain('Grain Talks Resume');
  });

  it('ends quietly with exit 141 when stdout is closed (| head)', async () => {
    const dir = tempDir();
    for (const p of ['a', 'b', 'c']) writeFileSync(join(dir, `${p}.txt`), ARTICLE(p));
    let stderr = '';
    let writes = 0;
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => {
      if (++writes === 1) return true;
      // The reader went away after the first document.
      queueMicrotask(() =>
        process.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
      );
      return false;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      stderr += String(s);
      return true;
    });
    try {
      expect(await main(['analyze', dir, '--layers', 'paragraphs'])).toBe(141);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(stderr).toBe('');
  });
});
