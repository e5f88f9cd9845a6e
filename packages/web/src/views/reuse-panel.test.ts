import type { ReuseChanges, ReusePair } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { changeLines, clip, relation } from './reuse-panel.js';

/** The kinds of change, in the order the panel lists them. */
const KINDS = [
  'paragraphsAdded',
  'paragraphsDropped',
  'names',
  'numbers',
  'hedges',
  'attributions',
  'techniquesAdded',
  'techniquesRemoved',
] as const;

const pair = (kind: ReusePair['kind'], direction: ReusePair['direction']) =>
  ({ a: 'A', b: 'B', kind, direction }) as ReusePair;

describe('the reuse panel', () => {
  it.each([
    // a→b: b reuses a. Seen from b, a is its source; seen from a, b is its copy.
    ['copy', 'a→b', 'B', 'A', 'source', 'copy of'],
    ['copy', 'a→b', 'A', 'B', 'copy', 'copied by'],
    ['partial', 'b→a', 'A', 'B', 'source', 'reuses part of'],
    ['partial', 'b→a', 'B', 'A', 'copy', 'partly reused by'],
    ['rewrite', 'a→b', 'B', 'A', 'source', 'rewrite of'],
    ['rewrite', 'b→a', 'B', 'A', 'copy', 'rewritten by'],
    ['translation', 'b→a', 'A', 'B', 'source', 'translation of'],
    ['translation', 'a→b', 'A', 'B', 'copy', 'translated by'],
    ['copy', 'unknown', 'A', 'B', 'related', 'same text as'],
    ['partial', 'unknown', 'B', 'A', 'related', 'shares passages with'],
    ['rewrite', 'unknown', 'A', 'B', 'related', 'same content, reworded, as'],
    ['translation', 'unknown', 'B', 'A', 'related', 'same content, translated, as'],
  ] as const)(
    'a %s pair %s seen from %s: %s is its %s (“%s”)',
    (kind, direction, self, other, role, label) => {
      expect(relation(pair(kind, direction), self)).toEqual({ other, role, label });
    },
  );

  it('says what changed, one line per kind of change, leaving out kinds without any', () => {
    const none = { from: 'A', ...Object.fromEntries(KINDS.map((k) => [k, []])) } as unknown as ReuseChanges;
    expect(changeLines(none)).toEqual([]);
    const all = {
      ...none,
      paragraphsAdded: [{ start: 0, end: 1 }],
      paragraphsDropped: [
        { start: 0, end: 1 },
        { start: 2, end: 3 },
      ],
      names: [
        { from: 'Kiev', to: 'Kyiv' },
        { from: 'Artyomovsk', to: 'Bakhmut' },
      ],
      numbers: [
        { from: '12%', to: '15%' },
        { from: '3', to: '4' },
      ],
      hedges: [
        { change: 'added', cue: 'reportedly' },
        { change: 'removed', cue: 'allegedly' },
      ],
      attributions: [
        { change: 're-attributed', from: 'AFP', to: 'Reuters' },
        { change: 'dropped', from: 'the ministry' },
        { change: 'added', to: 'TASS' },
        { change: 'added' },
        { change: 'added' },
      ],
      techniquesAdded: ['Doubt', 'Loaded_Language'],
      techniquesRemoved: ['Flag_Waving', 'Doubt'],
    } as unknown as ReuseChanges;
    expect(changeLines(all)).toEqual([
      '1 paragraph(s) added',
      '2 paragraph(s) dropped',
      'names: Kiev → Kyiv, Artyomovsk → Bakhmut',
      'numbers: 12% → 15%, 3 → 4',
      'hedges: added “reportedly”, removed “allegedly”',
      'attributions: re-attributed AFP → Reuters, dropped the ministry, added TASS, added unnamed source ×2',
      'techniques added: Doubt, Loaded_Language',
      'techniques removed: Flag_Waving, Doubt',
    ]);
    // Each kind on its own.
    for (const [i, key] of KINDS.entries())
      expect(changeLines({ ...none, [key]: all[key] })).toEqual([changeLines(all)[i]]);
  });

  it('clips a passage to 240 characters, ending in an ellipsis only when cut', () => {
    expect(clip('x'.repeat(240))).toBe('x'.repeat(240));
    expect(clip(`${'x'.repeat(239)}yz`)).toBe(`${'x'.repeat(239)}…`);
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abcd', 4)).toBe('abcd');
  });
});
