import type { OutletLink } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { linkLabel, outletHref, outletTotals } from './republication-page.js';

const link = (source: string | null, reuser: string | null, pairs: number, directed = true): OutletLink => ({
  source,
  reuser,
  kind: 'copy',
  directed,
  pairs,
  score: 0.8,
});

describe('the republication page', () => {
  it('labels a link by its direction, naming outlets not known', () => {
    expect(linkLabel(link('Sputnik', 'UrduPoint', 3))).toEqual({
      from: 'Sputnik',
      to: 'UrduPoint',
      arrow: '→',
    });
    expect(linkLabel(link('BBC', 'RT', 1, false))).toEqual({ from: 'BBC', to: 'RT', arrow: '↔' });
    expect(linkLabel(link(null, 'RT', 1)).from).toBe('(outlet not known)');
  });

  it('links every outlet to its articles, the outlet not known too', () => {
    expect(outletHref('Sputnik')).toBe('#/search?outlet=Sputnik');
    expect(outletHref(null)).toBe('#/search?outlet=%28outlet+not+known%29');
  });

  it('totals each outlet as source and as reuser from the directed links only, most active first', () => {
    const totals = outletTotals([
      link('Sputnik', 'UrduPoint', 5),
      link('RT', 'UrduPoint', 2),
      link('Sputnik', 'RT', 1),
      link('BBC', 'RT', 9, false),
    ]);
    expect(totals).toEqual([
      { outlet: 'UrduPoint', reused: 0, reuses: 7 },
      { outlet: 'Sputnik', reused: 6, reuses: 0 },
      { outlet: 'RT', reused: 2, reuses: 1 },
    ]);
  });
});
