import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

// An opinion piece written for this test, as a SemEval article file: the title (with an emoji,
// so code points and UTF-16 units differ), blank lines between paragraphs, loaded paragraphs
// among plain ones.
const ARTICLE = [
  'Corrupt elites are destroying our great nation 🔥',
  '',
  'The city council met on Tuesday to discuss the budget for next year.',
  '',
  'These lying traitors and their puppet media want to destroy everything we love! They are criminals, thugs and liars, and every patriot knows it.',
  '',
  'Will anyone stop this disgusting, shameful betrayal before it is too late?',
  '',
  'The meeting ended at 6 p.m., a spokesman said.',
].join('\n');
const LINES = ARTICLE.split('\n');

function article(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'article111.txt');
  writeFileSync(file, ARTICLE);
  writeFileSync(join(dir, 'article222.txt'), ARTICLE.replace('city council', 'regional assembly'));
  return { dir, file };
}
const rows = (out: string) =>
  out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));

describe('research formats through the CLI', { timeout: 180_000 }, () => {
  it('semeval2023-st3: one row per non-blank line of the file, the loaded lines labelled', async () => {
    const { file } = article();
    const r = await runCli(['analyze', file, '-j', '0', '--format', 'semeval2023-st3']);
    expect(r.code).toBe(0);
    const got = rows(r.stdout);
    // The official format: ID, 1-based line number of the article file, comma-separated labels.
    expect(got.map(([id, line]) => [id, Number(line)])).toEqual(
      LINES.flatMap((l, i) => (l.trim() === '' ? [] : [['111', i + 1]])),
    );
    const labels = new Map(got.map(([, line, l]) => [Number(line), l === '' ? [] : l!.split(',')]));
    expect(labels.get(5)).toContain('Loaded_Language');
    expect(labels.has(7)).toBe(true);
    expect(labels.get(3)).toEqual([]);
    expect(labels.get(9)).toEqual([]);
  });

  it('ptc-si: merged spans as code points that give back the loaded sentences', async () => {
    const { file } = article();
    const r = await runCli(['analyze', file, '-j', '0', '--format', 'ptc-si']);
    expect(r.code).toBe(0);
    const cps = Array.from(ARTICLE);
    const spans = rows(r.stdout).map(([id, a, b]) => [id, cps.slice(Number(a), Number(b)).join('')]);
    expect(spans).toEqual(
      expect.arrayContaining([
        ['111', 'These lying traitors and their puppet media want to destroy everything we love!'],
      ]),
    );
    // Merged: no two spans overlap.
    const offsets = rows(r.stdout).map(([, a, b]) => [Number(a), Number(b)] as const);
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]![0]).toBeGreaterThan(offsets[i - 1]![1]);
  });

  it('semeval2023-st1 and st2: the genre and the selected frames of each article', async () => {
    const { dir } = article();
    const st1 = await runCli(['analyze', dir, '-j', '0', '--format', 'semeval2023-st1']);
    const st2 = await runCli(['analyze', dir, '-j', '0', '--format', 'semeval2023-st2']);
    expect(st1.code).toBe(0);
    expect(rows(st1.stdout).map(([id, g]) => [id, ['reporting', 'opinion', 'satire'].includes(g!)])).toEqual([
      ['111', true],
      ['222', true],
    ]);
    const frames = rows(st2.stdout);
    expect(frames.map(([id]) => id)).toEqual(['111', '222']);
    expect(frames[0]![1]!.split(',')).toContain('Political');
  });

  // Worker threads load the models afresh: two formats other than JSONL keep this affordable.
  it.each(['text', 'semeval2023-st3'])(
    '-j 2 gives the output of the main thread with --format %s',
    async (format) => {
      const { dir } = article();
      const one = await runCli(['analyze', dir, '-j', '0', '--format', format]);
      const two = await runCli(['analyze', dir, '-j', '2', '--format', format]);
      expect(one.code).toBe(0);
      expect(two.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout).toContain(format === 'semeval2023-st3' ? '222\t5\t' : '');
    },
  );
});
