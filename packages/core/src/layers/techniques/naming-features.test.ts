import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import type { NamingTerm } from '../naming/build-terms.js';
import { namedMentions, namingFeatures } from './naming-features.js';

const BITS = 20;
const bucket = (name: string) => hashString(name) & ((1 << BITS) - 1);

/** The value at the bucket of `name` (summed over repeats), 0 when absent. */
function at(v: { idx: number[]; val: number[] }, name: string): number {
  const b = bucket(name);
  return v.idx.reduce((s, i, k) => (i === b ? s + v.val[k]! : s), 0);
}

// «Киевский режим … неонацисты» in the outlet's voice, «вторжение» quoted: two terms of one pole.
const terms: NamingTerm[] = [
  {
    concept: 'ukrainian-forces',
    form: 'неонацисты',
    pole: 'ru',
    provenance: 'kremlin-media',
    voice: 'outlet',
    count: 1,
    mentions: [{ start: 40, end: 50 }],
  },
  {
    concept: 'kyiv-government',
    form: 'киевский режим',
    pole: 'ru',
    provenance: 'kremlin-media',
    voice: 'outlet',
    count: 2,
    mentions: [
      { start: 70, end: 84 },
      { start: 0, end: 14 },
    ],
  },
  {
    concept: 'war',
    form: 'вторжение',
    pole: 'ua',
    provenance: 'international',
    voice: 'quoted',
    count: 1,
    mentions: [{ start: 100, end: 109, rule: 'quotation' }],
  },
];

describe('namedMentions', () => {
  it('flattens every mention with its term, in text order', () => {
    const m = namedMentions(terms);
    expect(m.map((x) => x.start)).toEqual([0, 40, 70, 100]);
    expect(m[1]).toEqual({
      start: 40,
      end: 50,
      concept: 'ukrainian-forces',
      form: 'неонацисты',
      pole: 'ru',
      voice: 'outlet',
    });
  });
});

describe('namingFeatures', () => {
  const mentions = namedMentions(terms);

  it("marks a sentence's terms by pole, voice and form, at the weight", () => {
    const v = namingFeatures(mentions, 30, 90, BITS, 0.5);
    expect(at(v, 'nm:ru')).toBeCloseTo(1);
    expect(at(v, 'nm:ru:outlet')).toBeCloseTo(1);
    expect(at(v, 'nmf:ukrainian-forces:неонацисты')).toBeCloseTo(0.5);
    expect(at(v, 'nmf:kyiv-government:киевский режим')).toBeCloseTo(0.5);
    expect(at(v, 'nm:ua')).toBe(0);
  });

  it("gives every sentence the article's outlet-voice counts by pole, quoted mentions left out", () => {
    const v = namingFeatures(mentions, 200, 300, BITS, 1);
    expect(at(v, 'nm:ru')).toBe(0);
    expect(at(v, 'anm:ru:2-3')).toBeCloseTo(1);
    expect(v.idx.filter((i) => i === bucket('anm:ua:1')).length).toBe(0);
    // A quoted mention is the sentence's own term, not the outlet's prior.
    expect(at(namingFeatures(mentions, 95, 110, BITS, 1), 'nm:ua:quoted')).toBeCloseTo(1);
  });

  it('is empty without terms', () => {
    expect(namingFeatures([], 0, 100, BITS, 1).idx).toEqual([]);
  });
});
