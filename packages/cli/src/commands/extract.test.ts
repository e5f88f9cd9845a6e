import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

const P1 =
  'The ferry operator said on Friday that winter sailings would resume next week, after repairs to the ramp took longer than planned.';
const P2 =
  'Passengers have relied on a replacement bus since November, a detour of almost an hour, and local firms say trade has suffered.';
const PAGE = `<!doctype html><html lang="en"><head><title>Ferry sailings to resume</title>
<meta property="og:site_name" content="Island Post"><meta name="author" content="Jo Rees">
<meta property="article:published_time" content="2024-03-01T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry sailings to resume</h1><p>${P1}</p><div class="ad">Advertisement</div><p>${P2}</p></article>
<footer>© 2024 Island Post</footer></body></html>`;
const NAV_ONLY = '<html><body><nav><a href="/">Home</a> <a href="/a">A</a></nav></body></html>';

function files() {
  const dir = tempDir();
  const put = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  };
  return { dir, put };
}

describe('newsprism extract', () => {
  it('prints the body as text: paragraphs separated by a blank line, no title', async () => {
    const { put } = files();
    const r = await runCli(['extract', put('page.html', PAGE)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${P1}\n\n${P2}\n`);
    expect(r.stderr).toBe('');
  });

  it('prints JSON with every field, null when missing, from .html.gz and stdin', async () => {
    const { put } = files();
    for (const r of [
      await runCli(['extract', put('page.html.gz', gzipSync(PAGE)), '--format', 'json']),
      await runCli(['extract', '-', '-f', 'json'], PAGE),
    ]) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        title: 'Ferry sailings to resume',
        byline: 'Jo Rees',
        published: '2024-03-01T09:00:00Z',
        site: 'Island Post',
        url: null,
        lang: 'en',
        text: `${P1}\n\n${P2}`,
      });
    }
  });

  it('decodes a page by the charset it declares when it is not UTF-8', async () => {
    const { put } = files();
    const body = 'Морской порт возобновил работу после шторма, сообщили в администрации порта во вторник.';
    const html = `<html><head><meta charset="koi8-r"></head><body><p>${body}</p></body></html>`;
    const dec = new TextDecoder('koi8-r');
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
    const bytes = new Uint8Array([...html].map((ch) => table.get(ch)!));
    const r = await runCli(['extract', put('koi8.html', bytes)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${body}\n`);
  });

  it.each([
    ['a missing file', (d: string) => [join(d, 'nope.html')], 'E_FILE_NOT_FOUND'],
    ['a directory', (d: string) => [d], 'E_FILE_UNREADABLE'],
    [
      'an empty file',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [put('e.html', '')],
      'E_EMPTY_INPUT',
    ],
    [
      'white space only',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [put('w.html', ' \n\t ')],
      'E_EMPTY_INPUT',
    ],
    [
      'a binary file',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [
        put('b.html', new Uint8Array([0x89, 0x50, 0, 0, 1, 2])),
      ],
      'E_BINARY_INPUT',
    ],
    [
      'a broken gzip file',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [put('g.html.gz', 'not gzip')],
      'E_BAD_GZIP',
    ],
    [
      'a page with no article',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [put('n.html', NAV_ONLY)],
      'E_NO_ARTICLE',
    ],
    [
      'two inputs',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [
        put('a.html', PAGE),
        put('b.html', PAGE),
      ],
      'E_USAGE',
    ],
    [
      'a bad format',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [
        put('a.html', PAGE),
        '--format',
        'xml',
      ],
      'E_USAGE',
    ],
    [
      'an unknown flag',
      (_d: string, put: (n: string, s: string | Uint8Array) => string) => [put('a.html', PAGE), '--fast'],
      'E_USAGE',
    ],
  ])('fails on %s with one line and a non-zero exit', async (_name, args, code) => {
    const { dir, put } = files();
    const r = await runCli(['extract', ...args(dir, put)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^newsprism: ${code} [^\\n]+\\n$`));
  });
});

describe('newsprism analyze on HTML', { timeout: 120_000 }, () => {
  it('analyzes an HTML page with its metadata and skips a page with no article', async () => {
    const { dir, put } = files();
    put('story.html', PAGE);
    put('listing.html', NAV_ONLY);
    const r = await runCli(['analyze', '-j', '0', dir, '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs).toHaveLength(1);
    expect(docs[0].id).toBe('story');
    expect(docs[0].text).toBe(`${P1}\n\n${P2}`);
    expect(docs[0].meta).toMatchObject({
      format: 'html',
      title: 'Ferry sailings to resume',
      outlet: 'Island Post',
      byline: 'Jo Rees',
      lang: 'en',
    });
    expect(
      docs[0].paragraphs.map((p: { start: number; end: number }) => docs[0].text.slice(p.start, p.end)),
    ).toEqual([P1, P2]);
    expect(r.stderr).toMatch(/listing\.html: E_NO_ARTICLE/);
  });

  it('detects the language when the page declares another one', async () => {
    const { put } = files();
    const r = await runCli(['analyze', '-j', '0', put('de.html', PAGE.replace('lang="en"', 'lang="de"'))]);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta.lang).toBe('en');
    expect(doc.language).toMatchObject({ code: 'en', method: 'detected' });
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).toContain('I_PAGE_LANG_IGNORED');
  });

  it('reads HTML from stdin that opens with a BOM, an XML declaration and a comment', async () => {
    const r = await runCli(
      ['analyze', '-j', '0', '-'],
      `\uFEFF<?xml version="1.0"?>\n<!-- cached 2024 -->\n${PAGE}`,
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta.format).toBe('html');
    expect(doc.text).toBe(`${P1}\n\n${P2}`);
  });

  it('extracts JSONL records that carry html', async () => {
    const { put } = files();
    const f = put(
      'feed.jsonl',
      `${JSON.stringify({ id: 'r1', html: PAGE, url: 'https://island.example/1' })}\n`,
    );
    const r = await runCli(['analyze', '-j', '0', f]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout.trim().split('\n')[0]!);
    expect(doc.id).toBe('r1');
    expect(doc.text).toBe(`${P1}\n\n${P2}`);
    expect(doc.meta).toMatchObject({ title: 'Ferry sailings to resume', url: 'https://island.example/1' });
  });
});
