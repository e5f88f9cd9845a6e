import { describe, expect, it } from 'vitest';
import { type Mark, type MarkNode, nestMarks, runs } from './nest.js';

const mark = (start: number, end: number, layer = 'a', lane = 0, id = `${layer}${start}-${end}`): Mark => ({
  start,
  end,
  layer,
  label: layer,
  id,
  lane,
});

/** Flattens the tree to `id:start-end` strings with nesting shown by brackets. */
function shape(nodes: MarkNode[]): string {
  return nodes
    .map((n) => `${n.mark.id}:${n.start}-${n.end}${n.children.length ? `[${shape(n.children)}]` : ''}`)
    .join(' ');
}

/** Every piece of `nodes` with its parent's range, to check nesting. */
function pieces(nodes: MarkNode[], parent?: MarkNode): { n: MarkNode; parent?: MarkNode }[] {
  return nodes.flatMap((n) => [{ n, parent }, ...pieces(n.children, n)]);
}

describe('nestMarks', () => {
  it.each([
    ['disjoint spans stay siblings', [mark(0, 3), mark(5, 8)], 'a0-3:0-3 a5-8:5-8'],
    ['a contained span nests', [mark(2, 4, 'b'), mark(0, 10)], 'a0-10:0-10[b2-4:2-4]'],
    [
      'a crossing span is cut at the end of the outer one',
      [mark(0, 10), mark(5, 15, 'b')],
      'a0-10:0-10[b5-15:5-10] b5-15:10-15',
    ],
    ['equal ranges nest by lane', [mark(0, 5, 'b', 1), mark(0, 5, 'a', 0)], 'a0-5:0-5[b0-5:0-5]'],
    ['spans are clipped to the paragraph', [mark(0, 30)], 'a0-30:10-20'],
    ['spans outside the paragraph are dropped', [mark(0, 5), mark(25, 30)], ''],
    [
      'spans that only touch the paragraph are dropped',
      [mark(5, 10), mark(20, 25), mark(12, 14)],
      'a12-14:12-14',
    ],
  ])('%s', (_name, marks, expected) => {
    expect(shape(nestMarks(marks, 10 * Number(_name.includes('paragraph')), 20))).toBe(expected);
  });

  it('nests pieces of equal range by the whole mark: earlier start, then longer, then lane, then id', () => {
    // Clipped to the paragraph [10, 20) every piece has the same range; given in the reverse of
    // the expected order, so that a sort that leaves them as they come fails.
    const marks = [
      mark(10, 20, 'x', 1, 'x'),
      mark(10, 20, 'z', 0, 'z'),
      mark(10, 20, 'y', 0, 'y'),
      mark(5, 30, 'g', 0, 'g'),
      mark(0, 25, 'e', 0, 'e'),
      mark(0, 30, 'f', 0, 'f'),
    ];
    expect(shape(nestMarks(marks, 10, 20))).toBe('f:10-20[e:10-20[g:10-20[y:10-20[z:10-20[x:10-20]]]]]');
  });

  it('keeps every piece inside its parent and covers each mark exactly once, for random marks', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const marks: Mark[] = [];
      for (let i = 0; i < 12; i++) {
        const s = rnd(50);
        marks.push(mark(s, s + 1 + rnd(20), `m${i}`, rnd(3), `m${i}`));
      }
      const tree = nestMarks(marks, 0, 100);
      const covered = new Map<string, number>();
      for (const { n, parent } of pieces(tree)) {
        expect(n.end).toBeGreaterThan(n.start);
        if (parent) {
          expect(n.start).toBeGreaterThanOrEqual(parent.start);
          expect(n.end).toBeLessThanOrEqual(parent.end);
        }
        covered.set(n.mark.id, (covered.get(n.mark.id) ?? 0) + n.end - n.start);
      }
      for (const m of marks) expect(covered.get(m.id)).toBe(m.end - m.start);
    }
  });
});

describe('runs', () => {
  it('gives the text between nodes with its offsets', () => {
    const text = 'Kiev said no.';
    const nodes = nestMarks([mark(0, 4)], 0, text.length);
    expect(runs(nodes, 0, text.length, text)).toEqual([{ node: nodes[0] }, { text: ' said no.', start: 4 }]);
  });

  it('gives the text before, between and after the nodes, and none where a node touches an end', () => {
    const text = 'In Kiev, officials said no.';
    const nodes = nestMarks([mark(3, 7), mark(9, 18)], 0, text.length);
    expect(runs(nodes, 0, text.length, text)).toEqual([
      { text: 'In ', start: 0 },
      { node: nodes[0] },
      { text: ', ', start: 7 },
      { node: nodes[1] },
      { text: ' said no.', start: 18 },
    ]);
    // Nodes at both ends of [3, 18): no empty text runs.
    expect(runs(nodes, 3, 18, text)).toEqual([
      { node: nodes[0] },
      { text: ', ', start: 7 },
      { node: nodes[1] },
    ]);
  });
});
