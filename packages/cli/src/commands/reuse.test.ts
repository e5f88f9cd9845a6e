import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@newsprism/store';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

const STORY = [
  'The ferry operator said on Friday that winter sailings to the island would resume next week, after repairs to the loading ramp took longer than planned.',
  'Passengers have relied on a replacement bus and a smaller boat since November, a detour of almost an hour, and local firms say trade has suffered badly.',
  'The operator said 14 crossings a day would run from Monday and that tickets bought for cancelled sailings would be refunded in full.',
  'Island councillors welcomed the news but asked the operator to publish a timetable for the second ramp, which is due for the same repairs in spring.',
];
const ORIGINAL = `Ferry sailings to resume next week\n\n${STORY.join('\n')}\n`;
const COPY = `Ferry sailings to resume next week\n\nPORTREE (Coast Times / Island Post) ${STORY.join('\n')}\n`;
const OTHER =
  'Council approves tram budget\n\nThe city council voted on Monday to fund a new tram line linking the northern suburbs with the central railway station, ending a debate that lasted more than a year.\nOpposition councillors said buses would serve the same routes at a fraction of the price.\n';

function corpus() {
  const dir = tempDir();
  const jsonl = [
    { id: 'island-post', outlet: 'Island Post', text: ORIGINAL },
    { id: 'coast-times', outlet: 'Coast Times', text: COPY },
    { id: 'tram', text: OTHER },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');
  writeFileSync(join(dir, 'corpus.jsonl'), `${jsonl}\n`);
  return join(dir, 'corpus.jsonl');
}

describe('newsprism reuse', () => {
  it('writes one JSON pair a line with kind, direction, reason and passages', async () => {
    const r = await runCli(['reuse', corpus()]);
    expect(r.code).toBe(0);
    const pairs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(pairs.map((p) => [p.a, p.b, p.kind, p.direction, p.tree])).toEqual([
      ['island-post', 'coast-times', 'copy', 'a→b', 'island-post'],
    ]);
    expect(pairs[0].reason).toMatch(/b credits a's outlet: its dateline credits Island Post/);
    const { a, b } = pairs[0].passages[0];
    expect(ORIGINAL.slice(a.start, a.end)).toBe(COPY.slice(b.start, b.end));
    expect(ORIGINAL.slice(a.start, a.end).startsWith('The ferry operator said')).toBe(true);
    expect(pairs[0].changes.from).toBe('island-post');
  });

  it('prints republication trees as text and as Graphviz DOT', async () => {
    const input = corpus();
    const text = await runCli(['reuse', input, '--format', 'text']);
    expect(text.stdout).toContain('1 reuse pair among 3 documents, 1 republication tree');
    expect(text.stdout).toContain('island-post → coast-times  copy');
    const dot = await runCli(['reuse', input, '-f', 'dot']);
    expect(dot.stdout).toContain('"island-post" -> "coast-times" [label="copy"];');
  });

  it('rejects an unknown format with a usage error', async () => {
    const r = await runCli(['reuse', corpus(), '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('newsprism: E_USAGE --format must be one of jsonl, text, dot (got "csv")\n');
  });

  it('skips a missing input, reports it and still finds the pairs', async () => {
    const r = await runCli(['reuse', corpus(), '/nonexistent/file.txt', '--no-diff']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/skipped \/nonexistent\/file\.txt: E_/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reads a store with --db (its stored layers, no re-analysis) and saves the pairs with --save', async () => {
    const db = join(tempDir(), 'corpus.db');
    expect((await runCli(['ingest', '-j', '0', corpus(), '--db', db])).code).toBe(0);
    const r = await runCli(['reuse', '--db', db, '--save']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/saved 1 reuse pairs in .*corpus\.db/);
    const pair = JSON.parse(r.stdout);
    expect([pair.a, pair.b, pair.kind, pair.direction]).toEqual([
      'island-post',
      'coast-times',
      'copy',
      'a→b',
    ]);
    const store = await openStore(db);
    try {
      const saved = await store.reuse({ id: 'coast-times' });
      expect(saved.total).toBe(1);
      expect(saved.pairs[0]).toEqual(pair);
    } finally {
      await store.close();
    }
  }, 60_000);

  it.each([
    [['reuse', 'x.txt', '--db', 'x.db'], 'E_USAGE give either inputs or --db, not both'],
    [['reuse', 'x.txt', '--save'], 'E_USAGE --save stores the reuse result in a store; give --db too'],
  ])('refuses %j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('newsprism reuse: a surname and another full name (issue 18, session 16)', () => {
  const trumps = () => {
    const body = (who: string) =>
      `${ORIGINAL}Donald Trump visited the port on Monday. The new ramp will open in spring, ${who} said on Tuesday.\n`;
    const dir = tempDir();
    const jsonl = [
      { id: 'a', text: body('Trump') },
      { id: 'b', text: body('Eric Trump') },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    writeFileSync(join(dir, 'trumps.jsonl'), `${jsonl}\n`);
    return join(dir, 'trumps.jsonl');
  };
  const attributions = (stdout: string) =>
    JSON.parse(stdout).changes.attributions.map((x: { change: string; from: string; to: string }) => [
      x.change,
      x.from,
      x.to,
    ]);

  it('shows `Trump` (for Donald Trump) → `Eric Trump`, from the inputs and from a store', async () => {
    const input = trumps();
    const r = await runCli(['reuse', input]);
    expect(attributions(r.stdout)).toEqual([['re-attributed', 'Trump', 'Eric Trump']]);
    const db = join(tempDir(), 'trumps.db');
    expect((await runCli(['ingest', '-j', '0', input, '--db', db])).code).toBe(0);
    const s = await runCli(['reuse', '--db', db]);
    expect(attributions(s.stdout)).toEqual([['re-attributed', 'Trump', 'Eric Trump']]);
  }, 60_000);
});
