import { describe, expect, it } from 'vitest';
import { COL, readConllu } from './conllu.js';
import {
  ArcState,
  dependentCounts,
  isProjective,
  LEFT,
  oracleApplied,
  oracleMove,
  RIGHT,
  SHIFT,
} from './transitions.js';

const row = (...cols: string[]) => cols.join('\t');
/** Short sentences written for this test, with their gold trees (HEAD, DEPREL). */
const TREES = readConllu(
  [
    row('1', 'Officials', '_', 'NOUN', '_', '_', '2', 'nsubj', '_', '_'),
    row('2', 'said', '_', 'VERB', '_', '_', '0', 'root', '_', '_'),
    row('3', 'the', '_', 'DET', '_', '_', '4', 'det', '_', '_'),
    row('4', 'talks', '_', 'NOUN', '_', '_', '6', 'nsubj', '_', '_'),
    row('5', 'would', '_', 'AUX', '_', '_', '6', 'aux', '_', '_'),
    row('6', 'resume', '_', 'VERB', '_', '_', '2', 'ccomp', '_', '_'),
    row('7', 'on', '_', 'ADP', '_', '_', '8', 'case', '_', '_'),
    row('8', 'Monday', '_', 'PROPN', '_', '_', '6', 'obl', '_', '_'),
    row('9', '.', '_', 'PUNCT', '_', '_', '2', 'punct', '_', '_'),
    '',
    row('1', 'Prices', '_', 'NOUN', '_', '_', '2', 'nsubj', '_', '_'),
    row('2', 'rose', '_', 'VERB', '_', '_', '0', 'root', '_', '_'),
    row('3', 'again', '_', 'ADV', '_', '_', '2', 'advmod', '_', '_'),
    '',
    row('1', 'Stop', '_', 'VERB', '_', '_', '0', 'root', '_', '_'),
    '',
  ].join('\n'),
).map((s) => s.words.map((r) => Number(s.rows[r]![COL.head]) - 1));

/** Runs the oracle to the end: the moves made and the tree built. */
function followOracle(heads: number[]): { moves: number[]; head: number[] } {
  const st = new ArcState(heads.length);
  const pending = dependentCounts(heads);
  const moves: number[] = [];
  while (!st.done()) {
    const m = oracleMove(st, heads, pending);
    expect(st.legal(m)).toBe(true);
    st.apply(m, 0);
    oracleApplied(st, m, heads, pending);
    moves.push(m);
  }
  return { moves, head: Array.from(st.head) };
}

describe('arc-standard transitions', () => {
  it.each(TREES.map((t) => [t.length, t]))(
    'the oracle rebuilds a projective gold tree of %i words',
    (_, heads) => {
      expect(isProjective(heads)).toBe(true);
      const got = followOracle(heads);
      expect(got.head).toEqual(heads);
      // Each word is shifted once and attached once, but for the root.
      expect(got.moves.filter((m) => m === SHIFT)).toHaveLength(heads.length);
      expect(got.moves.filter((m) => m !== SHIFT)).toHaveLength(heads.length - 1);
    },
  );

  it('makes the expected moves on a three-word sentence', () => {
    expect(followOracle(TREES[1]!).moves).toEqual([SHIFT, SHIFT, LEFT, SHIFT, RIGHT]);
  });

  it('keeps the outer dependents and valency of a head', () => {
    const st = new ArcState(3);
    st.apply(SHIFT, 0);
    st.apply(SHIFT, 0);
    st.apply(LEFT, 4);
    st.apply(SHIFT, 0);
    st.apply(RIGHT, 7);
    expect([st.l1[1], st.r1[1], st.nl[1], st.nr[1]]).toEqual([0, 2, 1, 1]);
    expect([st.label[0], st.label[2], st.head[1]]).toEqual([4, 7, -1]);
    expect(st.done()).toBe(true);
  });

  it('finds crossing arcs, and the oracle then cannot rebuild the tree', () => {
    // 0 → 2 and 1 → 3 cross (heads: word 0 under 2, word 1 under 3, 2 under 3).
    const crossing = [2, 3, 3, -1];
    expect(isProjective(crossing)).toBe(false);
    expect(followOracle(crossing).head).not.toEqual(crossing);
  });

  it('allows no move that would leave the stack or the buffer', () => {
    const st = new ArcState(1);
    expect([st.legal(SHIFT), st.legal(LEFT), st.legal(RIGHT)]).toEqual([true, false, false]);
    st.apply(SHIFT, 0);
    expect([st.legal(SHIFT), st.legal(LEFT), st.done()]).toEqual([false, false, true]);
  });
});
