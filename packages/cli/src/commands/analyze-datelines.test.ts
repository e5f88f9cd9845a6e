import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

// Its own file: each in-process run adds a listener to the worker's stdio, and more than ten in
// one file trip Node's MaxListeners warning into another test's stderr.
describe('newsprism analyze on agency copy', () => {
  it('reports the outlet, agency and credits of agency copy', async () => {
    const text =
      'Порт откроют в мае\n\nОДЕССА, 3 мар — РИА Новости. Порт откроют в мае, заявил глава администрации.\n\nС использованием материалов ТАСС';
    const r = await runCli(['analyze', '-j', '0', '-', '--format', 'text'], text);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/outlet: RIA Novosti · agency: TASS/);
    expect(r.stdout).toMatch(/dateline: ОДЕССА, 3 мар — РИА Новости\./);
    expect(r.stdout).toMatch(/credit \(input\): С использованием материалов ТАСС/);
  });
});
