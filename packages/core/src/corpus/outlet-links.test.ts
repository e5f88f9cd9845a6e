import { describe, expect, it } from 'vitest';
import { outletLinks, pairOutletCounts } from './outlet-links.js';

const outlets: Record<string, string> = {
  s1: 'Sputnik',
  s2: 'Sputnik',
  u1: 'UrduPoint',
  u2: 'UrduPoint',
  r1: 'RT',
};
const pair = (a: string, b: string, direction: string, score = 0.8, kind = 'copy' as const) => ({
  a,
  b,
  kind,
  score,
  direction,
});

describe('who republishes whom', () => {
  it('counts pairs from source outlet to reusing outlet, either way round, most pairs first', () => {
    const links = outletLinks(
      pairOutletCounts(
        [pair('s1', 'u1', 'a→b', 0.9), pair('u2', 's2', 'b→a', 0.7), pair('r1', 'u1', 'a→b', 0.6)],
        (id) => outlets[id],
      ),
    );
    expect(links).toEqual([
      { source: 'Sputnik', reuser: 'UrduPoint', kind: 'copy', directed: true, pairs: 2, score: 0.8 },
      { source: 'RT', reuser: 'UrduPoint', kind: 'copy', directed: true, pairs: 1, score: 0.6 },
    ]);
  });

  it('merges undirected pairs whichever document is a, keeps kinds and directions apart, names unknown outlets null', () => {
    const links = outletLinks(
      pairOutletCounts(
        [
          pair('u1', 's1', 'unknown', 0.5),
          pair('s2', 'u2', 'unknown', 0.7),
          pair('s1', 'u1', 'a→b', 0.9),
          pair('s1', 'u1', 'a→b', 0.4, 'translation' as never),
          pair('x', 'u1', 'a→b', 1),
        ],
        (id) => outlets[id],
      ),
    );
    expect(links).toEqual([
      { source: 'Sputnik', reuser: 'UrduPoint', kind: 'copy', directed: false, pairs: 2, score: 0.6 },
      { source: null, reuser: 'UrduPoint', kind: 'copy', directed: true, pairs: 1, score: 1 },
      { source: 'Sputnik', reuser: 'UrduPoint', kind: 'copy', directed: true, pairs: 1, score: 0.9 },
      { source: 'Sputnik', reuser: 'UrduPoint', kind: 'translation', directed: true, pairs: 1, score: 0.4 },
    ]);
  });

  it('adds up counts already grouped (as a store gives them)', () => {
    expect(
      outletLinks([
        { from: 'RT', to: 'BBC', kind: 'partial', directed: true, pairs: 3, scoreSum: 1.5 },
        { from: 'RT', to: 'BBC', kind: 'partial', directed: true, pairs: 1, scoreSum: 0.9 },
      ]),
    ).toEqual([{ source: 'RT', reuser: 'BBC', kind: 'partial', directed: true, pairs: 4, score: 0.6 }]);
    expect(outletLinks([])).toEqual([]);
  });
});
