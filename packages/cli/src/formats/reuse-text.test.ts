import type { ReuseChanges, ReusePair } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { renderReuseText } from './reuse-text.js';

const none: ReuseChanges = {
  from: 'a',
  paragraphsAdded: [],
  paragraphsDropped: [],
  names: [],
  attributions: [],
  hedges: [],
  numbers: [],
  techniquesAdded: [],
  techniquesRemoved: [],
};
const span = { start: 0, end: 1 };
// Hand-made pairs: a → b, a copy with every kind of change; c ~ d, a rewrite of unknown direction.
const pairs = [
  {
    a: 'a',
    b: 'b',
    kind: 'copy',
    score: 0.934,
    direction: 'a→b',
    reason: 'b was published later',
    passages: [{}, {}],
    changes: {
      ...none,
      paragraphsAdded: [{}],
      names: [{ from: 'Kiev', to: 'Kyiv', fromProvenance: 'outlet', toProvenance: 'quoted' }],
      attributions: [
        { change: 're-attributed', from: 'police', to: undefined },
        { change: 'dropped', from: undefined, to: 'the mayor' },
        { change: 'added', from: undefined, to: undefined },
        { change: 'added', from: undefined, to: undefined },
      ],
      hedges: [{ change: 'added', cue: 'reportedly' }],
      numbers: [{ from: '5', to: '7', source: span, target: span }],
      techniquesAdded: ['Doubt', 'Loaded_Language'],
      techniquesRemoved: ['Slogans'],
    },
  },
  {
    a: 'c',
    b: 'd',
    kind: 'rewrite',
    score: 0.5,
    direction: 'unknown',
    reason: 'no dates',
    passages: [{}],
    changes: none,
  },
] as unknown as ReusePair[];

describe('reuse text report', () => {
  it('prints the trees, then each pair with its reason and every change', () => {
    expect(renderReuseText(pairs, 5)).toBe(
      [
        '2 reuse pairs among 5 documents, 2 republication trees',
        '',
        'tree a (2 documents; original: a)',
        '  a → b  copy',
        '',
        'tree c (2 documents; originals: c, d)',
        '  c — d  rewrite',
        '',
        'a a→b b  copy 0.93',
        '  b was published later',
        '  2 aligned passages',
        '  paragraphs: 1 added, 0 dropped',
        '  name: Kiev → Kyiv (outlet → quoted)',
        '  attribution re-attributed: police → ?',
        '  attribution dropped: the mayor',
        // Two unnamed sources added: one line, counted.
        '  attribution added: unnamed source ×2',
        '  hedge added: reportedly',
        '  number: 5 → 7',
        '  techniques added: Doubt, Loaded_Language',
        '  techniques removed: Slogans',
        '',
        'c ~ d  rewrite 0.50',
        '  no dates',
        '  1 aligned passage',
        '',
      ].join('\n'),
    );
  });

  it('starts with who republishes whom when outlets are known, undirected pairs marked ↔', () => {
    const outlets: Record<string, string> = { a: 'Sputnik', b: 'UrduPoint', d: 'BBC' };
    const text = renderReuseText(pairs, 5, (id) => outlets[id]);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '2 reuse pairs among 5 documents, 2 republication trees',
      '',
      'who republishes whom (outlets; ↔ direction not known)',
      '  (outlet not known) ↔ BBC  rewrite ×1 (mean score 0.50)',
      '  Sputnik → UrduPoint  copy ×1 (mean score 0.93)',
    ]);
    expect(text).toContain('\ntree a (2 documents; original: a)\n');
  });

  it('counts in the singular and prints no tree for no pairs', () => {
    expect(renderReuseText([], 1)).toBe('0 reuse pairs among 1 document, 0 republication trees\n');
    const dropped = [
      { ...pairs[1]!, changes: { ...none, paragraphsDropped: [{}] } },
    ] as unknown as ReusePair[];
    expect(renderReuseText(dropped, 2)).toContain('\n  paragraphs: 0 added, 1 dropped\n');
    expect(renderReuseText(dropped, 2)).toMatch(/^1 reuse pair among 2 documents, 1 republication tree\n/);
  });
});
