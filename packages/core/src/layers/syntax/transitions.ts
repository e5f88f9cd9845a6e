/**
 * The arc-standard transition system of the dependency parser: a stack, a buffer position and
 * the arcs made so far. `SHIFT` moves the next word onto the stack; `LEFT` makes the top word
 * the head of the one below it and pops that one; `RIGHT` makes the word below the head of the
 * top word and pops the top. A sentence is done when the buffer is empty and one word — the
 * root — is left on the stack, so every parse is a single-rooted projective tree.
 */

/** Moves of the transition system (the label of an arc is decided with it). */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;

/** The configuration of one sentence while it is parsed. Token indices are 0-based; −1 is none. */
export class ArcState {
  readonly stack: Int32Array;
  depth = 0;
  /** Next buffer word. */
  next = 0;
  readonly head: Int32Array;
  readonly label: Uint8Array;
  /** Leftmost and second-leftmost, rightmost and second-rightmost dependents so far. */
  readonly l1: Int32Array;
  readonly l2: Int32Array;
  readonly r1: Int32Array;
  readonly r2: Int32Array;
  /** Number of left and right dependents so far. */
  readonly nl: Uint8Array;
  readonly nr: Uint8Array;

  constructor(readonly n: number) {
    this.stack = new Int32Array(n);
    this.head = new Int32Array(n).fill(-1);
    this.label = new Uint8Array(n);
    this.l1 = new Int32Array(n).fill(-1);
    this.l2 = new Int32Array(n).fill(-1);
    this.r1 = new Int32Array(n).fill(-1);
    this.r2 = new Int32Array(n).fill(-1);
    this.nl = new Uint8Array(n);
    this.nr = new Uint8Array(n);
  }

  /** The word `i` places from the top of the stack (0 = top), −1 when the stack is shallower. */
  s(i: number): number {
    return i < this.depth ? this.stack[this.depth - 1 - i]! : -1;
  }

  /** The buffer word `i` places ahead, −1 past the end. */
  b(i: number): number {
    const j = this.next + i;
    return j < this.n ? j : -1;
  }

  done(): boolean {
    return this.next >= this.n && this.depth <= 1;
  }

  /** Whether a move may be made now. */
  legal(move: number): boolean {
    return move === SHIFT ? this.next < this.n : this.depth >= 2;
  }

  /** Makes a move; `label` is the arc's label index (ignored by `SHIFT`). */
  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.next++;
      return;
    }
    const top = this.stack[this.depth - 1]!;
    const below = this.stack[this.depth - 2]!;
    if (move === LEFT) {
      // `below` is left of every dependent `top` had on its left: it becomes the leftmost.
      this.attach(top, below, label);
      this.l2[top] = this.l1[top]!;
      this.l1[top] = below;
      this.nl[top] = Math.min(255, this.nl[top]! + 1);
      this.stack[this.depth - 2] = top;
    } else {
      this.attach(below, top, label);
      this.r2[below] = this.r1[below]!;
      this.r1[below] = top;
      this.nr[below] = Math.min(255, this.nr[below]! + 1);
    }
    this.depth--;
  }

  private attach(h: number, d: number, label: number): void {
    this.head[d] = h;
    this.label[d] = label;
  }
}

/**
 * The static oracle: the move that leads to the gold tree `heads` (−1 for the root) from this
 * configuration, given `pending[i]` = gold dependents of word i not yet attached (kept up to
 * date by the caller via {@link oracleApplied}). Exact for projective trees; on a
 * non-projective one it ends in a different tree (the trainer skips those sentences).
 */
export function oracleMove(st: ArcState, heads: ArrayLike<number>, pending: Uint8Array): number {
  if (st.depth >= 2) {
    const top = st.s(0);
    const below = st.s(1);
    if (heads[below] === top) return LEFT;
    if (heads[top] === below && pending[top] === 0) return RIGHT;
  }
  if (st.next < st.n) return SHIFT;
  // A non-projective remainder: attach to the right, as the run-time parser would finish.
  return RIGHT;
}

/** Updates `pending` after `move` was applied to `st` (the word just attached had a gold head). */
export function oracleApplied(
  st: ArcState,
  move: number,
  heads: ArrayLike<number>,
  pending: Uint8Array,
): void {
  if (move === SHIFT) return;
  const h = st.s(0);
  const d = move === LEFT ? st.l1[h]! : st.r1[h]!;
  if (heads[d] === h && pending[h]! > 0) pending[h]!--;
}

/** Gold dependents per word. */
export function dependentCounts(heads: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(heads.length);
  for (let i = 0; i < heads.length; i++) if (heads[i]! >= 0) out[heads[i]!]!++;
  return out;
}

/** Whether a tree (heads 0-based, −1 the root) has no crossing arcs, the root arc included. */
export function isProjective(heads: ArrayLike<number>): boolean {
  const n = heads.length;
  // Arcs as spans over positions 0..n with the root at position n (to the right of all).
  for (let i = 0; i < n; i++) {
    const a = Math.min(i, heads[i]! < 0 ? n : heads[i]!);
    const b = Math.max(i, heads[i]! < 0 ? n : heads[i]!);
    for (let j = 0; j < n; j++) {
      const c = Math.min(j, heads[j]! < 0 ? n : heads[j]!);
      const d = Math.max(j, heads[j]! < 0 ? n : heads[j]!);
      if (a < c && c < b && b < d) return false;
    }
  }
  return true;
}
