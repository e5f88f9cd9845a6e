import type { NewsDocument } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { LAYER_MEASURES, layerMeasureList, layerMeasures } from './genre-layer-measures.js';
import { trainGenre } from './train-genre.js';

describe('layerMeasures', () => {
  it('counts body sentences with quotes, sources, subjective sentences and claims; the title is left out', () => {
    const text = 'Title here\nLONDON - He said "no". It rained on 5 May.\nWe think it is bad.';
    const doc = {
      id: 'a',
      text,
      paragraphs: [
        { start: 0, end: 10, role: 'title' },
        { start: 11, end: 50, role: 'body', dateline: { start: 11, end: 17 } },
        { start: 51, end: 70, role: 'body' },
      ],
      sentences: [
        { start: 0, end: 10, paragraph: 0 },
        { start: 11, end: 32, paragraph: 1 },
        { start: 33, end: 50, paragraph: 1 },
        { start: 51, end: 70, paragraph: 2 },
      ],
      quotes: [{ start: 27, end: 31, kind: 'direct' }],
      sources: {
        sources: [{ name: 'He', type: 'person' }],
        attributedShare: 0.3,
        anonymousShare: 0,
      },
      subjectivity: {
        share: 0.5,
        outletSentences: 2,
        subjectiveSentences: 1,
        sentences: [
          { sentence: 0, score: 0.9 },
          { sentence: 1, score: 0.2 },
          { sentence: 2, score: 0.4 },
          { sentence: 3, score: 0.9 },
        ],
      },
      claims: [
        { start: 0, end: 10, label: 'event', attrs: { dates: [{ start: 0, end: 1 }] } },
        { start: 33, end: 50, label: 'event', attrs: { dates: [{ start: 45, end: 50 }], checkworthy: true } },
      ],
    } as unknown as NewsDocument;
    const m = layerMeasures(doc);
    expect(m.qSent).toBeCloseTo(1 / 3);
    expect(m.qDirect).toBeCloseTo(1 / 3);
    expect(m.qIndirect).toBe(0);
    expect(m.srcN).toBeCloseTo(Math.log(2));
    expect(m.srcNamed).toBeCloseTo(Math.log(2));
    expect(m.attrShare).toBe(0.3);
    expect(m.subjRate).toBeCloseTo(1 / 3);
    // The title's claim is not counted.
    expect(m.clDate).toBeCloseTo(1 / 3);
    expect(m.clEvent).toBeCloseTo(1 / 3);
    expect(m.clCheck).toBeCloseTo(1 / 3);
    expect(m.dateline).toBe(1);
    expect(m.sents).toBeCloseTo(Math.log(4));
    // The title's score is not counted; the lede is the first two body sentences.
    expect(m.subjMean).toBeCloseTo(0.5);
    expect(m.ledeSubj).toBeCloseTo(0.3);
    expect(m.ledeAttr).toBeCloseTo(0.5);
    expect(m.ledeFact).toBeCloseTo(0.5);
    expect(Object.keys(m)).toEqual([...LAYER_MEASURES]);
  });

  it('reads a document without those layers as none of them', () => {
    const m = layerMeasures({ id: 'b', text: 'One. Two.' } as unknown as NewsDocument);
    expect(m.qSent).toBe(0);
    expect(m.dateline).toBe(0);
    expect(m.ledeSubj).toBe(0);
  });
});

describe('layerMeasureList', () => {
  it('takes all or named measures and stops on an unknown one with E_OPTION_VALUE', () => {
    expect(layerMeasureList('all')).toEqual([...LAYER_MEASURES]);
    expect(layerMeasureList('subjRate,clDate')).toEqual(['subjRate', 'clDate']);
    expect(layerMeasureList('')).toEqual([]);
    expect(() => layerMeasureList('subjRate,nope')).toThrow(/E_OPTION_VALUE|nope is not a layer measure/);
  });

  it('refuses --out with layerMeasures (no model is written), before reading any data', async () => {
    await expect(
      trainGenre.run({
        data: '/nonexistent',
        extra: { layerMeasures: 'all' },
        out: '/tmp/g.json',
        log: () => {},
      }),
    ).rejects.toMatchObject({
      code: 'E_OPTION_VALUE',
      message: expect.stringMatching(/^layerMeasures: .*drop --out/),
    });
  });
});
