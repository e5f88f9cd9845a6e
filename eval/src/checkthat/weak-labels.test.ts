import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { weakSentences } from './weak-labels.js';

const root = mkdtempSync(join(tmpdir(), 'weak-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Two short articles of SemEval-2023's layout: a report and an opinion piece.
function article(id: string, genre: string, text: string, spans: [string, string][]): void {
  const base = join(root, 'semeval2023-task3', 'en');
  mkdirSync(join(base, 'train-articles'), { recursive: true });
  mkdirSync(join(base, 'train-labels-subtask-3-spans'), { recursive: true });
  writeFileSync(join(base, 'train-articles', `article${id}.txt`), text);
  const tsv = (f: string, line: string) => writeFileSync(join(base, f), line, { flag: 'a' });
  tsv('train-labels-subtask-1.txt', `${id}\t${genre}\n`);
  tsv('train-labels-subtask-3.txt', `${id}\t1\t\n`);
  const rows = spans.map(([tech, words]) => {
    const start = text.indexOf(words);
    return `${id}\t${tech}\t${start}\t${start + words.length}\n`;
  });
  writeFileSync(
    join(base, 'train-labels-subtask-3-spans', `article${id}-labels-subtask-3.txt`),
    rows.join(''),
  );
}

article(
  '1',
  'reporting',
  'Council votes on budget\n\nThe council approved the new budget on Tuesday evening. The reckless mayor wasted every cent of the money again. Short one. "We are glad about the outcome," a council member said.\n',
  [['Loaded_Language', 'reckless mayor wasted']],
);
article('2', 'opinion', 'A view\n\nThe council approved the new budget on Tuesday evening in town.\n', []);

describe('weakSentences', () => {
  it('reads sentences with an evaluative span as SUBJ and span-free sentences of reports as OBJ', async () => {
    const rows = await weakSentences(root, 'en', 10, 0.3);
    const byText = new Map(rows.map((r) => [r.text, r]));
    expect(byText.get('The reckless mayor wasted every cent of the money again.')?.positive).toBe(true);
    expect(byText.get('The council approved the new budget on Tuesday evening.')?.positive).toBe(false);
    // Not taken: short sentences, quoted speech, span-free sentences of an opinion article.
    expect(byText.has('Short one.')).toBe(false);
    expect([...byText.keys()].some((t) => t.includes('glad'))).toBe(false);
    expect(byText.has('The council approved the new budget on Tuesday evening in town.')).toBe(false);
    expect(rows.every((r) => r.weight === 0.3)).toBe(true);
    expect(await weakSentences(root, 'en', 0, 1)).toEqual([]);
    expect(await weakSentences(root, 'xx', 10, 1)).toEqual([]);
  });
});
