import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

const A =
  'Floods close roads in Bavaria. Heavy rain flooded roads and cellars across Bavaria on Sunday, and rescuers evacuated 300 people from villages near Passau, the regional government said.';
const B =
  'Hundreds evacuated as rain floods Bavarian villages. Rescuers took about 300 residents from flooded villages near Passau on Sunday after a night of heavy rain, Bavarian officials said.';
const C =
  'Central bank holds rates. The central bank kept its main interest rate unchanged on Thursday, saying inflation was falling more slowly than expected in the services sector.';

function pairsFile(lines: string[]) {
  const path = join(tempDir(), 'pairs.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('newsprism similarity', () => {
  it('writes one scored record a line, the same story scoring lower (closer) than an unrelated one', async () => {
    const path = pairsFile([
      JSON.stringify({ pair_id: 'p1', text1: A, text2: B, lang1: 'en', lang2: 'en' }),
      JSON.stringify({ pair_id: 'p2', text1: A, text2: C }),
    ]);
    const r = await runCli(['similarity', path]);
    expect(r.code).toBe(0);
    const [p1, p2] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(p1)).toEqual([
      'pair_id',
      'overall',
      'geography',
      'entities',
      'time',
      'narrative',
      'why',
    ]);
    expect(p1.pair_id).toBe('p1');
    expect(p1.overall).toBeLessThan(p2.overall);
    expect(p1.why).toMatch(/words: flood, rain/);
  });

  it('skips a bad record, reports it and scores the rest', async () => {
    const path = pairsFile([
      '{"pair_id": "x", "text1": "only one text"}',
      'not json',
      JSON.stringify({ pair_id: 'p1', text1: A, text2: B }),
    ]);
    const r = await runCli(['similarity', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('#1: E_BAD_RECORD a record needs pair_id, text1 and text2');
    expect(r.stderr).toContain('#2: E_INVALID_JSON');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('fails with a usage error without exactly one input', async () => {
    const r = await runCli(['similarity']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^newsprism: E_USAGE similarity takes one pairs file/);
  });
});
