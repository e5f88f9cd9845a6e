import { describe, expect, it } from 'vitest';
import { noChanges } from './changes.js';
import type { ReusePair } from './reuse-types.js';
import { reuseTrees, treesToDot } from './trees.js';

const pair = (a: string, b: string, direction: ReusePair['direction']): ReusePair => ({
  a,
  b,
  kind: 'copy',
  score: 1,
  direction,
  reason: '',
  passages: [],
  changes: noChanges(a),
  tree: '',
});

describe('reuseTrees', () => {
  const pairs = [
    pair('sputnik', 'urdupoint', 'a→b'),
    pair('blog', 'sputnik', 'b→a'),
    pair('x', 'y', 'unknown'),
  ];
  const trees = reuseTrees(pairs);
  it('groups connected pairs and finds the original', () => {
    expect(trees.map((t) => [t.id, t.roots, t.members])).toEqual([
      ['sputnik', ['sputnik'], ['blog', 'sputnik', 'urdupoint']],
      ['x', ['x', 'y'], ['x', 'y']],
    ]);
    expect(pairs.map((p) => p.tree)).toEqual(['sputnik', 'sputnik', 'x']);
  });
  it('draws directed edges as arrows and unknown ones as dashed lines', () => {
    const dot = treesToDot(trees);
    expect(dot).toContain('"sputnik" -> "blog" [label="copy"];');
    expect(dot).toContain('"x" -> "y" [label="copy", dir=none, style=dashed];');
    expect(dot.startsWith('digraph reuse {')).toBe(true);
  });
});
