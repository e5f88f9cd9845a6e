import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

// A tiny CheckThat!-style subjectivity data set written for this test: opinions (SUBJ) and
// plain reports (OBJ), as `sentence_id \t sentence \t label` with a header line.
const SUBJ = [
  'I think this is a terrible and shameful decision by the mayor.',
  'Frankly, the new stadium is an ugly waste of our money.',
  'This awful plan will surely ruin the city, and everyone knows it.',
  'What a disgraceful and pathetic display from the government.',
  "The minister's speech was brilliant and deeply inspiring.",
  'Honestly, nobody in their right mind would support this nonsense.',
  'It is outrageous that taxpayers must fund such a silly project.',
  'Sadly, the council has once again shown its incompetence.',
];
const OBJ = [
  'The council approved the budget on Tuesday by nine votes to four.',
  'The stadium will have 40,000 seats and open in 2026.',
  'The minister spoke for twenty minutes at the conference in Berlin.',
  'Unemployment fell to 5.1 percent in March, the statistics office said.',
  'The bridge is 300 metres long and was built in 1965.',
  'Police arrested two men near the station on Friday night.',
  'The company reported revenue of 2 billion euros last year.',
  'Trains between the two cities run every hour.',
];

function dataSet(): string {
  const dir = tempDir();
  for (const [split, copies] of [
    ['dev', 1],
    ['train', 4],
  ] as const) {
    const rows = ['sentence_id\tsentence\tlabel'];
    for (let c = 0; c < copies; c++)
      for (const [label, list] of [
        ['SUBJ', SUBJ],
        ['OBJ', OBJ],
      ] as const)
        for (const s of list) rows.push(`${split}${rows.length}\t${s}\t${label}`);
    writeFileSync(join(dir, `${split}_en.tsv`), `${rows.join('\n')}\n`);
  }
  return dir;
}

describe('newsprism train and eval on a tiny data set', { timeout: 180_000 }, () => {
  it('trains a subjectivity model into --out and scores it with eval --model --json', async () => {
    const data = dataSet();
    const out = join(tempDir(), 'subjectivity.json');
    const trained = await runCli(['train', 'subjectivity', '--data', data, '--out', out]);
    expect(trained.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();

    const r = await runCli([
      'eval',
      'subjectivity',
      '--data',
      data,
      '--split',
      'dev',
      '--model',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.title).toContain('16 sentences');
    const [header, ...classes] = report.table as [string, ...number[]][];
    expect(header).toEqual(['class', 'precision', 'recall', 'f1', 'support']);
    expect(classes.map((c) => [c[0], c[4]])).toEqual([
      ['SUBJ', 8],
      ['OBJ', 8],
    ]);
    // Macro-F1 is the mean of the two class F1s, and the model learned something.
    expect(report.metrics.macro_f1).toBeCloseTo(
      ((classes[0]![3] as number) + (classes[1]![3] as number)) / 2,
      9,
    );
    expect(report.metrics.macro_f1).toBeGreaterThan(0.6);
  });

  it.each([
    [['eval', 'subjectivity', '--data', '/nonexistent/data', '--split', 'dev'], 'E_DATA_MISSING'],
    [['eval', 'horoscopes', '--data', '/tmp'], 'E_USAGE'],
    [['train', 'horoscopes', '--data', '/tmp'], 'E_USAGE'],
    [['eval', 'subjectivity'], 'E_USAGE'],
    // A bad --set number is refused before any data is read (the data directory does not exist).
    [['train', 'techniques', '--data', '/nonexistent/data', '--set', 'l2=abc'], 'E_OPTION_VALUE'],
    [['train', 'techniques', '--data', '/nonexistent/data', '--set', 'epochs=1e-2x'], 'E_OPTION_VALUE'],
  ])('%j fails with %s and exit 2', async (argv, code) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^newsprism: ${code} `));
  });
});
