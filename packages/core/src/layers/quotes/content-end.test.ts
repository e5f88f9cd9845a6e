import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { LinearModel } from '../../models/linear.js';
import { createPipeline, type Pipeline } from '../../pipeline.js';
import { CONTENT_END_BITS, endCandidates } from './content-end.js';
import { toToks } from './tok.js';
import type { Quote } from './types.js';

/** A content-end model that likes a cut before the given words (a stand-in for a trained one). */
function modelFile(before: readonly string[], margin: number): string {
  const w = new Float32Array(1 << CONTENT_END_BITS);
  const mask = (1 << CONTENT_END_BITS) - 1;
  for (const x of before) w[hashString(`n=${x}`) & mask] = 5;
  const m = new LinearModel(
    'multilabel',
    ['end'],
    CONTENT_END_BITS,
    w,
    Float32Array.of(0),
    Float32Array.of(margin),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'np-ends-')), 'ends.en.json');
  writeFileSync(file, JSON.stringify(m.toFile({ task: 'test' })));
  return file;
}

const at = (text: string, q: { start: number; end: number }) => text.slice(q.start, q.end);
const pipes: Record<string, Pipeline> = {};
beforeAll(async () => {
  const opts = { who: modelFile(['who'], 1), strict: modelFile(['who'], 10), off: 'off' };
  for (const [k, ends] of Object.entries(opts))
    pipes[k] = await createPipeline({ layers: ['quotes'], options: { quotes: { ends } } });
}, 60_000);
const contents = (k: string, text: string) =>
  pipes[k]!.run({ id: 't', text, meta: { lang: 'en' } }).quotes!.map((q) => at(text, q));

describe('the learned content end', () => {
  const text = 'Critics said the plan was a gift to landlords who own most of the city.';
  it.each([
    ['off', 'the plan was a gift to landlords who own most of the city'],
    ['who', 'the plan was a gift to landlords'],
    // The cut does not beat the content's own end by the margin.
    ['strict', 'the plan was a gift to landlords who own most of the city'],
  ])('with the model %s', (k, want) => {
    expect(contents(k, text)).toEqual([want]);
  });

  it('gives a content cut before its quotation the kind of what is left', () => {
    const t = 'Critics said the plan was a gift to landlords who “own most of the city”.';
    const kinds = (k: string) =>
      pipes[k]!.run({ id: 't', text: t, meta: { lang: 'en' } }).quotes!.map((q) => [at(t, q), q.kind]);
    expect(kinds('off')).toEqual([['the plan was a gift to landlords who “own most of the city”', 'mixed']]);
    expect(kinds('who')).toEqual([['the plan was a gift to landlords', 'indirect']]);
  });

  it('leaves a quotation in marks whole', () => {
    const t = '“The plan is a gift to landlords who own most of the city,” critics said.';
    expect(contents('who', t)).toEqual(contents('off', t));
    expect(contents('who', t)[0]).toContain('who own');
  });

  it('offers a cut after each word outside quotation marks, the own end last', () => {
    const t = 'the tax, a “gift to landlords” in effect';
    const tokens = [...t.matchAll(/\w+|[^\w\s]/g)].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
      kind: /\w/.test(m[0]) ? ('word' as const) : ('punct' as const),
    }));
    const q: Quote = { start: 0, end: t.length, kind: 'indirect', signals: [], rule: 'test' };
    const ends = endCandidates(toToks(t, tokens), q).map((c) => [t.slice(0, c.end), c.own]);
    expect(ends).toEqual([
      ['the', false],
      ['the tax', false],
      ['the tax, a', false],
      ['the tax, a “gift to landlords”', false],
      ['the tax, a “gift to landlords” in', false],
      ['the tax, a “gift to landlords” in effect', true],
    ]);
  });
});

describe('the content-end model file', () => {
  it('is refused at set-up when it is a model of other labels (a learned-cue model)', async () => {
    const cues = new LinearModel(
      'multilabel',
      ['cue'],
      4,
      new Float32Array(16),
      Float32Array.of(0),
      Float32Array.of(0),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'np-ends-')), 'cues.en.json');
    writeFileSync(file, JSON.stringify(cues.toFile({ task: 'test' })));
    const made = createPipeline({ layers: ['quotes'], options: { quotes: { ends: file } } });
    await expect(made).rejects.toMatchObject({ code: 'E_MODEL_INVALID' });
    await expect(made).rejects.toThrow('is not a content-end model (its labels are [cue], expected [end])');
    // And the other way round: a content-end model is no learned-cue model.
    await expect(
      createPipeline({ layers: ['quotes'], options: { quotes: { learned: modelFile(['who'], 1) } } }),
    ).rejects.toThrow('is not a learned-cue model (its labels are [end], expected [cue])');
  });
});
