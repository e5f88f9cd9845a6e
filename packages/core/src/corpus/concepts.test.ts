import { describe, expect, it } from 'vitest';
import { conceptBag, conceptHashes, FEATURE_ANCHOR, FEATURE_LOCAL, monthOf } from './concepts.js';
import { fnv1a } from './words.js';

describe('conceptHashes', () => {
  it.each([
    [
      'English with an entity, a month and a number',
      'Russian troops entered Kyiv on 12 May, officials said.',
    ],
    [
      'Russian with a lexicon word and a stem the lexicon lacks',
      'Войска вошли в Киев 12 мая, заявили чиновники.',
    ],
    ['Chinese characters and a leading zero', '北京市 announced 007 measures'],
  ])('%s: the hashed conceptBag, sorted, with kinds', (_, text) => {
    const bag = conceptBag(text);
    const got = conceptHashes(text);
    const want = [...bag].map(([k, c]) => [fnv1a(k), c, k] as const).sort((x, y) => x[0] - y[0]);
    expect([...got.hashes]).toEqual(want.map((w) => w[0]));
    expect([...got.counts]).toEqual(want.map((w) => Math.fround(w[1])));
    want.forEach(([, , k], i) => {
      expect((got.flags[i]! & FEATURE_LOCAL) !== 0).toBe(k.startsWith('r:'));
      expect((got.flags[i]! & FEATURE_ANCHOR) !== 0).toBe(!k.startsWith('w:') && !k.startsWith('r:'));
    });
  });
  it('gives a Russian stem without translation the local kind', () => {
    const bag = conceptBag('Войска вошли в Киев 12 мая, заявили чиновники.');
    expect([...bag.keys()].some((k) => k.startsWith('r:'))).toBe(true);
  });
});

describe('monthOf', () => {
  it.each([
    ['май', false, 5],
    ['мая', false, 5],
    ['мае', false, 5],
    ['марта', false, 3],
    ['января', false, 1],
    ['декабрь', false, 12],
    ['маленький', false, undefined],
    ['мам', false, undefined],
    ['ма', false, undefined],
    ['march', true, 3],
    ['march', false, undefined],
    ['may', true, 5],
  ] as const)('%s (capitalised %s) is month %s', (w, cap, m) => expect(monthOf(w, cap)).toBe(m));
});
