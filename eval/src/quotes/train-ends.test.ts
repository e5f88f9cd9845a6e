import { createPipeline } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import type { PolnearDoc } from './polnear.js';
import { END_DEFAULTS, endExamples, fitEnds } from './train-ends.js';

/** An article `X said <kept> <left>.` whose gold content is `kept` (or `kept left` when `whole`). */
function article(id: string, kept: string, left: string, whole = false): PolnearDoc {
  const text = `Critics said ${kept} ${left}.`;
  const start = text.indexOf(kept);
  const end = whole ? text.length - 1 : start + kept.length;
  return {
    id,
    text,
    annotator: 'a',
    attributions: [
      { content: [{ start, end }], cue: [{ start: 8, end: 12 }], source: [{ start: 0, end: 7 }] },
    ],
  };
}

describe('the content-end trainer', () => {
  const docs = [
    article('a', 'the plan was a gift to landlords', 'who own most of the city'),
    article('b', 'the tax was a favour to bankers', 'who fund the party'),
    article('c', 'the road was a waste of money', 'and of time', true),
  ];
  const items = async () => {
    const pipe = await createPipeline({ layers: ['quotes'], options: { quotes: { ends: 'off' } } });
    return docs.map((gold) => ({
      gold,
      doc: pipe.run({ id: gold.id, text: gold.text, meta: { lang: 'en' } }),
    }));
  };

  it('labels the candidate where the gold content ends, or the own end', async () => {
    const ex = endExamples(await items());
    expect(ex).toHaveLength(3);
    // Words after the cue: a cut after each but the last, then the own end.
    expect(ex.map((e) => [e.cands.length, e.gold])).toEqual([
      [13, 6],
      [11, 6],
      [10, 9],
    ]);
  }, 30_000);

  it('learns to rank the gold end first, with the margin as threshold', async () => {
    const ex = endExamples(await items());
    const model = fitEnds(ex, { ...END_DEFAULTS, margin: 0.5 });
    expect(model.thresholds[0]).toBe(0.5);
    for (const e of ex) {
      const z = e.cands.map((x) => model.logits(x)[0]!);
      expect(z.indexOf(Math.max(...z))).toBe(e.gold);
    }
  }, 30_000);
});
