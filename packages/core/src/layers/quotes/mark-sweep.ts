import type { QuoteMarkSpan } from './quote-marks.js';
import type { Quote } from './types.js';

/**
 * Sweeps over the quotation marks in text order that answer, per mark, what `attachMarks`
 * used to find by scanning every attribution (quadratic in document length): the first
 * attribution that overlaps the mark, the latest one that ends before it, the nearest one that
 * starts after it. Ties go to the earlier attribution in `out`, as the scans did.
 */

/** Per mark, the first attribution of `out` (in list order, scare quotes aside) that overlaps it. */
export function firstOverlapping(
  out: readonly Quote[],
  marks: readonly QuoteMarkSpan[],
): (Quote | undefined)[] {
  const order = out
    .map((_, i) => i)
    .filter((i) => out[i]!.kind !== 'scare')
    .sort((x, y) => out[x]!.start - out[y]!.start || x - y);
  // A min-heap of list indexes of the attributions that start before the current mark ends.
  const heap: number[] = [];
  const push = (v: number) => {
    let i = heap.push(v) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]! <= v) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = v;
  };
  const pop = () => {
    const last = heap.pop()!;
    if (!heap.length) return;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= heap.length) break;
      if (c + 1 < heap.length && heap[c + 1]! < heap[c]!) c++;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
  };
  const found: (Quote | undefined)[] = [];
  let k = 0;
  for (const m of marks) {
    while (k < order.length && out[order[k]!]!.start < m.end) push(order[k++]!);
    // Marks come in text order: an attribution that ends before this one overlaps no later one.
    while (heap.length && out[heap[0]!]!.end <= m.start) pop();
    found.push(heap.length ? out[heap[0]!] : undefined);
  }
  return found;
}

/**
 * The attribution with the greatest `key` at or before a position that only moves forward, ties
 * to the smaller list index. Keys may grow after an attribution is added (a quotation that
 * continues it extends its end): call {@link Latest.update} then.
 */
export class Latest {
  private k = 0;
  private best: Quote | undefined;
  private bestIndex = -1;
  private readonly order: number[];
  private pending: number[] = [];
  private readonly index = new Map<Quote, number>();

  constructor(
    private readonly list: readonly Quote[],
    private readonly key: (q: Quote) => number,
    private readonly eligible: (q: Quote) => boolean,
  ) {
    for (const [i, q] of list.entries()) this.index.set(q, i);
    this.order = list
      .map((_, i) => i)
      .filter((i) => eligible(list[i]!))
      .sort((x, y) => key(list[x]!) - key(list[y]!) || x - y);
  }

  /** Takes in every attribution whose key is at or before `pos`; returns the latest. */
  upTo(pos: number): Quote | undefined {
    while (this.k < this.order.length && this.key(this.list[this.order[this.k]!]!) <= pos)
      this.consider(this.order[this.k++]!);
    if (this.pending.length) {
      const later: number[] = [];
      for (const i of this.pending)
        if (this.key(this.list[i]!) <= pos) this.consider(i);
        else later.push(i);
      this.pending = later;
    }
    return this.best;
  }

  /** Adds an attribution appended to the list after the start (`index` is its place in it). */
  add(q: Quote, index: number): void {
    this.index.set(q, index);
    // Its key may lie ahead (a source named after the quotation): taken in once reached.
    if (this.eligible(q)) this.pending.push(index);
  }

  /** Compares again an attribution whose key grew (it was taken in already). */
  update(q: Quote): void {
    const i = this.index.get(q);
    if (i !== undefined && this.eligible(q)) this.consider(i, q);
  }

  private consider(i: number, q: Quote = this.list[i]!): void {
    const b = this.best;
    if (!b || this.key(q) > this.key(b) || (this.key(q) === this.key(b) && i < this.bestIndex)) {
      this.best = q;
      this.bestIndex = i;
    }
  }
}
