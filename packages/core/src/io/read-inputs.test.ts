import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countDocuments, readInputs } from './read-inputs.js';
import { readInputBytes } from './read-one.js';
import type { ReadOptions, SourceItem } from './types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'newsprism-io-'));
const ARTICLE = 'Dam Talks Stall\nNegotiators left the room on Tuesday without a date for the next round.';
const rec = (id: string, text: string) => JSON.stringify({ id, text });
const GOOD = ['a', 'b', 'c', 'd', 'e'].map((id) => rec(id, `Record ${id} says the talks stalled.`));

async function read(paths: string[], opts: Partial<ReadOptions> = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readInputs(paths, { maxBytes: 1 << 20, ...opts })) out.push(item);
  return out;
}
const stdin = (s: string | Buffer) => ({ stdin: [typeof s === 'string' ? Buffer.from(s) : s] });
const summary = (items: SourceItem[]) =>
  items.map((i) => (i.ok ? `ok ${i.id}` : `skip ${i.source.replace(/^.*\//, '')} ${i.code}`));

describe('readInputs', () => {
  it('skips a FIFO in a directory and named directly without blocking, reading the rest', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    execFileSync('mkfifo', [join(dir, 'b.txt')]);
    writeFileSync(join(dir, 'c.txt'), ARTICLE);
    expect(summary(await read([dir]))).toEqual(['ok a', 'skip b.txt E_NOT_A_FILE', 'ok c']);
    const direct = await read([join(dir, 'b.txt')]);
    expect(direct[0]).toMatchObject({ code: 'E_NOT_A_FILE' });
    expect((direct[0] as { message: string }).message).toMatch(
      /named pipe \(FIFO\).*- to read standard input/,
    );
    expect(summary(await read(['/dev/zero']))).toEqual(['skip zero E_NOT_A_FILE']);
  });

  it('skips a Unix socket with E_NOT_A_FILE', async () => {
    const path = join(tmp(), 'sock.txt');
    const server = createServer().listen(path);
    await once(server, 'listening');
    try {
      expect(summary(await read([path]))).toEqual(['skip sock.txt E_NOT_A_FILE']);
    } finally {
      server.close();
    }
  });

  it('reads JSONL on stdin record by record when its first line is broken', async () => {
    const items = await read(['-'], stdin(['oops', ...GOOD].join('\n')));
    expect(summary(items)).toEqual(['skip -:1 E_INVALID_JSON', 'ok a', 'ok b', 'ok c', 'ok d', 'ok e']);
  });

  it('rejects only the line with a NUL byte, on stdin and in a file of unknown extension', async () => {
    const lines = [GOOD[0], GOOD[1], '{"id": "x", "text": "bad\u0000byte"}', GOOD[2]].join('\n');
    const expected = ['ok a', 'ok b', 'E_BINARY_INPUT', 'ok c'];
    const fromStdin = summary(await read(['-'], stdin(lines)));
    expect(fromStdin.map((s) => s.replace(/^skip .* /, ''))).toEqual(expected);
    const f = join(tmp(), 'feed.dat');
    writeFileSync(f, lines);
    expect(summary(await read([f])).map((s) => s.replace(/^skip .* /, ''))).toEqual(expected);
  });

  it('reads what --input-format says, whatever the name or content', async () => {
    const f = join(tmp(), 'records.txt');
    writeFileSync(f, GOOD.slice(0, 2).join('\n'));
    expect(summary(await read([f]))).toEqual(['ok records']);
    expect(summary(await read([f], { inputFormat: 'jsonl' }))).toEqual(['ok a', 'ok b']);
    const page = await read(['-'], {
      ...stdin(`<p>${'A sentence of the page. '.repeat(10)}</p>`),
      inputFormat: 'text',
    });
    expect(page[0]).toMatchObject({ ok: true, input: { meta: { format: 'text' } } });
  });

  it('skips empty and white-space records with E_EMPTY_INPUT', async () => {
    const f = join(tmp(), 'feed.jsonl');
    const html = JSON.stringify({ id: 'h', html: '  \n ' });
    writeFileSync(f, [rec('e1', ''), rec('e2', '   \n\t'), GOOD[0], html, '   '].join('\n'));
    expect(summary(await read([f]))).toEqual([
      'skip feed.jsonl:1 E_EMPTY_INPUT',
      'skip feed.jsonl:2 E_EMPTY_INPUT',
      'ok a',
      'skip feed.jsonl:4 E_EMPTY_INPUT',
    ]);
  });

  it('keeps a record’s published that is not a date as given, and says so on the document', async () => {
    const f = join(tmp(), 'dates.jsonl');
    const dated = (id: string, published: string) =>
      JSON.stringify({ id, text: 'The mayor said the bridge would reopen.', published });
    writeFileSync(
      f,
      [
        dated('iso', '2023-05-22T10:00:00Z'),
        dated('day', '2024-02-29'),
        dated('rss', 'Mon, 22 May 2023 10:00:00 GMT'),
        dated('words', 'last tuesday'),
        dated('month13', '2023-13-05'),
        dated('feb30', '2023-02-30'),
        dated('month', '2023-05'),
        dated('year', '2023'),
        dated('month0', '2023-00'),
      ].join('\n'),
    );
    const items = await read([f]);
    const warned = items.map((i) =>
      i.ok ? [i.input.id, i.input.meta?.published, (i.input.diagnostics ?? []).map((d) => d.code)] : i.code,
    );
    expect(warned).toEqual([
      ['iso', '2023-05-22T10:00:00Z', []],
      ['day', '2024-02-29', []],
      ['rss', 'Mon, 22 May 2023 10:00:00 GMT', ['W_DATE_UNREAD']],
      ['words', 'last tuesday', ['W_DATE_UNREAD']],
      ['month13', '2023-13-05', ['W_DATE_UNREAD']],
      ['feb30', '2023-02-30', ['W_DATE_UNREAD']],
      // A month alone places the document in its month; a year alone does not.
      ['month', '2023-05', []],
      ['year', '2023', ['W_DATE_UNREAD']],
      ['month0', '2023-00', ['W_DATE_UNREAD']],
    ]);
    const [rss] = items.filter((i) => i.ok && i.input.id === 'rss');
    expect(rss?.ok && rss.input.diagnostics?.[0]).toEqual({
      code: 'W_DATE_UNREAD',
      severity: 'warning',
      message:
        '"published" is "Mon, 22 May 2023 10:00:00 GMT", not a date as YYYY-MM-DD (ISO 8601; a time may follow) or a month as YYYY-MM: date filters and months do not place it; give the date as 2023-05-22',
      source: 'input',
    });
  });

  it('warns of a declared lang that is no language code, and leaves it to detection', async () => {
    const f = join(tmp(), 'langs.jsonl');
    const rec = (id: string, lang: string) =>
      JSON.stringify({ id, text: 'The mayor said the bridge would reopen.', lang });
    writeFileSync(
      f,
      [
        rec('code', 'ru'),
        rec('upper', 'EN'),
        rec('klingon', 'klingon'),
        rec('gb', 'en-GB'),
        rec('ru', 'RU_ru'),
      ].join('\n'),
    );
    const items = await read([f]);
    expect(
      items.map((i) =>
        i.ok ? [i.input.id, i.input.meta?.lang, (i.input.diagnostics ?? []).map((d) => d.code)] : i.code,
      ),
    ).toEqual([
      ['code', 'ru', []],
      ['upper', 'en', []],
      ['klingon', undefined, ['W_LANG_UNKNOWN']],
      // A region subtag is its language, stored as the base code with nothing to warn of.
      ['gb', 'en', []],
      ['ru', 'ru', []],
    ]);
    const [k] = items.filter((i) => i.ok && i.input.id === 'klingon');
    expect(k?.ok && k.input.diagnostics?.[0]?.message).toBe(
      '"lang" is "klingon", not a language code (en, ru, uk, …): the language is detected instead; give an ISO 639-1 code',
    );
    // A declared --lang wins over the record's, with nothing to warn of.
    const declared = await read([f], { lang: 'EN-gb' });
    expect(declared.map((i) => i.ok && [i.input.meta?.lang, i.input.diagnostics ?? []])).toEqual(
      Array(5).fill(['en', []]),
    );
  });

  it('says how to fix an empty input: give a file text, pipe an article into stdin', async () => {
    const f = join(tmp(), 'empty.txt');
    writeFileSync(f, ' \n\t');
    const message = async (paths: string[], opts: Partial<ReadOptions> = {}) =>
      (await read(paths, opts)).map((i) => (i.ok ? 'ok' : `${i.code} ${i.message}`));
    expect(await message([f])).toEqual([
      `E_EMPTY_INPUT ${f} holds only white space; give it an article's text`,
    ]);
    expect(await message(['-'], stdin(''))).toEqual([
      'E_EMPTY_INPUT stdin is empty; pipe an article into it',
    ]);
    expect(await message(['-'], stdin(' \n '))).toEqual([
      'E_EMPTY_INPUT stdin holds only white space; pipe an article into it',
    ]);
    expect(await message(['-'], stdin(gzipSync('')))).toEqual([
      'E_EMPTY_INPUT stdin is empty; pipe an article into it',
    ]);
  });

  it('reports a gzip bomb by its decompressed size and a JSONL line over the limit alone', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(4 << 20)));
    const [bomb] = await read([join(dir, 'bomb.txt.gz')], { maxBytes: 1 << 20 });
    expect(bomb).toMatchObject({ code: 'E_INPUT_TOO_LARGE' });
    expect((bomb as { message: string }).message).toMatch(
      /decompresses to more than 1\.0 MB, over the 1\.0 MB limit/,
    );
    writeFileSync(join(dir, 'long.jsonl'), [GOOD[0], rec('big', 'x'.repeat(3000)), GOOD[1]].join('\n'));
    expect(summary(await read([join(dir, 'long.jsonl')], { maxBytes: 1000 }))).toEqual([
      'ok a',
      'skip long.jsonl:2 E_INPUT_TOO_LARGE',
      'ok b',
    ]);
  });

  it('reads gzip JSONL and gzip on stdin', async () => {
    const f = join(tmp(), 'feed.jsonl.gz');
    writeFileSync(f, gzipSync(GOOD.slice(0, 3).join('\n')));
    expect(summary(await read([f]))).toEqual(['ok a', 'ok b', 'ok c']);
    expect(summary(await read(['-'], stdin(gzipSync(ARTICLE))))).toEqual(['ok stdin']);
  });

  it('skips a document whose text is over maxText, measured in UTF-8 bytes of its text, and reads the rest', async () => {
    const dir = tmp();
    const long = 'The council met again on the new pier. '.repeat(6); // 240 bytes
    writeFileSync(join(dir, 'a.txt'), ARTICLE.slice(0, 60));
    writeFileSync(join(dir, 'b.txt'), long);
    // 90 Cyrillic letters: 90 code units but 180 bytes, and 110: 220 bytes.
    writeFileSync(join(dir, 'c.txt'), 'ж'.repeat(90));
    writeFileSync(join(dir, 'd.txt'), 'ж'.repeat(110));
    // A page over the limit in HTML whose extracted text is within it: read.
    const page = `<html><head><style>${'p{}'.repeat(100)}</style></head><body><article><h1>Pier</h1><p>The council met on the pier today.</p></article></body></html>`;
    writeFileSync(join(dir, 'e.html'), page);
    writeFileSync(
      join(dir, 'f.jsonl'),
      [rec('f1', 'Short record.'), rec('f2', long), rec('f3', 'Another.')].join('\n'),
    );
    const items = await read([dir], { maxText: 200 });
    expect(summary(items)).toEqual([
      'ok a',
      'skip b.txt E_TEXT_TOO_LARGE',
      'ok c',
      'skip d.txt E_TEXT_TOO_LARGE',
      'ok e',
      'ok f1',
      'skip f.jsonl:2 E_TEXT_TOO_LARGE',
      'ok f3',
    ]);
    expect(items[3]).toMatchObject({
      message: expect.stringMatching(
        /d\.txt has 220 bytes of text, over the 200 bytes limit .*; raise it with --max-text$/,
      ),
    });
    // Without a limit every one is read.
    expect(summary(await read([dir])).filter((s) => s.startsWith('skip'))).toEqual([]);
  });

  it('counts documents when each input is one, and not when stdin or JSONL is among them', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'sub', 'b.html'), '<p>x</p>');
    writeFileSync(join(dir, 'notes.md'), 'ignored');
    expect(await countDocuments([dir])).toBe(2);
    expect(await countDocuments([dir, '-'])).toBeUndefined();
    writeFileSync(join(dir, 'c.jsonl'), GOOD[0]!);
    expect(await countDocuments([dir])).toBeUndefined();
  });
});

describe('readInputBytes', () => {
  it('refuses a FIFO at once and names the gzip limit honestly', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'page.html')]);
    await expect(readInputBytes(join(dir, 'page.html'), 1 << 20)).rejects.toMatchObject({
      code: 'E_NOT_A_FILE',
    });
    writeFileSync(join(dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(3 << 20)));
    await expect(readInputBytes(join(dir, 'bomb.html.gz'), 1 << 20)).rejects.toThrow(
      /bomb\.html\.gz decompresses to more than 1\.0 MB, over the 1\.0 MB limit/,
    );
  });
});

describe('readInputs: ids unique within one run (issue 14)', () => {
  const tree = (files: Record<string, string | Buffer>) => {
    const root = tmp();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  };
  const readNoticed = async (paths: string[]) => {
    const notices: string[] = [];
    const items = await read(paths, { onNotice: (n) => notices.push(`${n.code} ${n.message}`) });
    return { ids: items.map((i) => (i.ok ? i.input.id : `skip ${i.code}`)), notices };
  };

  it('gives same-named files their relative paths and says so once, leaving unique names alone', async () => {
    const root = tree({
      'a/index.txt': ARTICLE,
      'b/index.txt.gz': gzipSync(ARTICLE),
      'b/other.txt': ARTICLE,
    });
    const r = await readNoticed([join(root, 'a'), join(root, 'b')]);
    expect(r.ids).toEqual(['a/index', 'b/index', 'other']);
    expect(r.notices).toEqual([
      'W_ID_COLLISION 2 files of this run would share an id; they take their paths instead: "index" → "a/index", "b/index"',
    ]);
    // The root is the inputs' common directory: one directory given is the root itself.
    expect((await readNoticed([root])).ids).toEqual(['a/index', 'b/index', 'other']);
    // Files named directly: their directories' common parent.
    expect((await readNoticed([join(root, 'a', 'index.txt'), join(root, 'b', 'index.txt.gz')])).ids).toEqual([
      'a/index',
      'b/index',
    ]);
  });

  it('says it in one line for the run however many ids are shared', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'].flatMap((n) => [`x/${n}.txt`, `y/${n}.txt`]);
    const root = tree(Object.fromEntries(names.map((n) => [n, ARTICLE])));
    const r = await readNoticed([root]);
    expect(r.ids).toEqual(names.sort().map((n) => n.replace('.txt', '')));
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(
      /^W_ID_COLLISION 10 files of this run would share 5 ids; .*"c" → "x\/c", "y\/c"; and 2 more$/,
    );
  });

  it('changes nothing when names are unique or one file is named twice', async () => {
    const root = tree({ 'a/one.txt': ARTICLE, 'b/article7.txt': ARTICLE });
    expect(await readNoticed([join(root, 'a'), join(root, 'b')])).toEqual({ ids: ['one', '7'], notices: [] });
    const twice = await readNoticed([join(root, 'a'), join(root, 'a', 'one.txt')]);
    expect(twice).toEqual({ ids: ['one', 'one'], notices: [] });
  });

  it('keeps the extension when the path alone still collides, and renames id-less JSONL records', async () => {
    const root = tree({ 'index.txt': ARTICLE, 'index.txt.gz': gzipSync(ARTICLE) });
    expect((await readNoticed([root])).ids).toEqual(['index.txt', 'index.txt.gz']);
    const feeds = tree({
      'a/feed.jsonl': JSON.stringify({ text: ARTICLE }),
      'b/feed.jsonl': `${rec('own', ARTICLE)}\n${JSON.stringify({ text: ARTICLE })}`,
      'b/feed.txt': ARTICLE,
    });
    const r = await readNoticed([feeds]);
    expect(r.ids).toEqual(['a/feed-1', 'own', 'b/feed-2', 'feed']);
    expect(r.notices).toEqual([
      'W_ID_COLLISION 2 files of this run would share an id; they take their paths instead: "feed-<line>" → "a/feed-<line>", "b/feed-<line>"',
    ]);
  });
});
