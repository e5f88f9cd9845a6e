import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';

/** A cue file of one's own whose learned table holds the given forms (as `train quotes-cues --out` writes). */
function tableFile(learned: Record<string, [number, number]> | undefined): string {
  const file = join(mkdtempSync(join(tmpdir(), 'np-cue-table-')), 'cues.json');
  writeFileSync(file, JSON.stringify(learned ? { learned } : { verbs: {} }));
  return file;
}

const TEXT = 'The senator harrumphed that the bill was dead on arrival.';
const cues = async (quotes: Record<string, unknown>) => {
  const p = await createPipeline({ layers: ['quotes'], options: { quotes: { learned: 'off', ...quotes } } });
  return p
    .run({ id: 't', text: TEXT, meta: { lang: 'en' } })
    .quotes!.map((q) => [TEXT.slice(q.cue!.start, q.cue!.end), TEXT.slice(q.start, q.end)]);
};

describe('quotes option cueTable (a learned cue table of one’s own)', () => {
  it('adds a learned form to the cue list at or above the reliability and count', async () => {
    const file = tableFile({ harrumphed: [0.9, 4] });
    expect(await cues({})).toEqual([]);
    expect(await cues({ cueTable: file })).toEqual([['harrumphed', 'the bill was dead on arrival']]);
  });

  it('keeps a form below minCueCount or minCueReliability out', async () => {
    const file = tableFile({ harrumphed: [0.9, 4] });
    expect(await cues({ cueTable: file, minCueCount: 5 })).toEqual([]);
    expect(await cues({ cueTable: file, minCueReliability: 0.95 })).toEqual([]);
    expect(await cues({ cueTable: tableFile({ harrumphed: [0.9, 2] }), minCueCount: 2 })).toEqual([
      ['harrumphed', 'the bill was dead on arrival'],
    ]);
  });

  it('adds a learned phrase only where none of its words is a cue by itself', async () => {
    const text = 'The senator was quick to point out that the bill was dead.';
    const run = async (learned: Record<string, [number, number]>) => {
      const p = await createPipeline({
        layers: ['quotes'],
        options: { quotes: { learned: 'off', cueTable: tableFile(learned) } },
      });
      return p
        .run({ id: 't', text, meta: { lang: 'en' } })
        .quotes!.map((q) => text.slice(q.cue!.start, q.cue!.end));
    };
    expect(await run({ 'quick to point out': [0.9, 4] })).toEqual(['quick to point out']);
    // `point` is a cue form of its own here, so the phrase stays out and `point out` is read as before.
    const single = await run({ point: [0.9, 4] });
    expect(await run({ point: [0.9, 4], 'quick to point out': [0.9, 4] })).toEqual(single);
  });

  it('rejects a file with no learned table', async () => {
    await expect(cues({ cueTable: tableFile(undefined) })).rejects.toThrow(/learned/);
  });
});
