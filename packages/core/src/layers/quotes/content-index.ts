import type { Span } from '../../schema.js';
import type { Candidate } from './candidate.js';

/**
 * Which candidates' contents overlap a span, answered in O(log n) while a rule moves contents
 * around (`rules/about-this.ts` gives a candidate the sentence before it): every content a
 * candidate has or may be given is a slot, sorted by start, and a max-tree over the slots' ends
 * tells whether any active slot that starts before a span's end ends after its start. Asking
 * every candidate instead (`all.some(…)`) made the rule quadratic in document length.
 */
export class ContentIndex {
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly owners: Candidate[];
  /** The slot each candidate's current content occupies. */
  private readonly active = new Map<Candidate, number>();
  private readonly size: number;
  private readonly tree: Float64Array;

  /**
   * @param candidates every candidate, each with its current content (active)
   * @param later contents a candidate may be given later (inactive until {@link setContent})
   */
  constructor(candidates: readonly Candidate[], later: (c: Candidate) => readonly Span[]) {
    const slots: { span: Span; owner: Candidate; now: boolean }[] = [];
    for (const c of candidates) {
      slots.push({ span: c.content, owner: c, now: true });
      for (const span of later(c)) slots.push({ span, owner: c, now: false });
    }
    slots.sort((a, b) => a.span.start - b.span.start);
    this.starts = slots.map((s) => s.span.start);
    this.ends = slots.map((s) => s.span.end);
    this.owners = slots.map((s) => s.owner);
    this.size = slots.length;
    this.tree = new Float64Array(2 * this.size).fill(Number.NEGATIVE_INFINITY);
    slots.forEach((s, i) => {
      if (!s.now) return;
      this.active.set(s.owner, i);
      this.tree[this.size + i] = s.span.end;
    });
    for (let i = this.size - 1; i >= 1; i--)
      this.tree[i] = Math.max(this.tree[2 * i]!, this.tree[2 * i + 1]!);
  }

  /** Whether the content of a candidate other than `except` overlaps `span`. */
  overlapsOther(span: Span, except: Candidate): boolean {
    const own = this.active.get(except);
    if (own !== undefined) this.set(own, Number.NEGATIVE_INFINITY);
    // Slots that start before the span's end: the overlap is one of them ending after its start.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < span.end) lo = mid + 1;
      else hi = mid;
    }
    const hit = this.prefixMax(lo) > span.start;
    if (own !== undefined) this.set(own, this.ends[own]!);
    return hit;
  }

  /** Gives `c` the content `span`, one of the contents it was indexed with as possible. */
  setContent(c: Candidate, span: Span): void {
    const old = this.active.get(c);
    if (old !== undefined) this.set(old, Number.NEGATIVE_INFINITY);
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size && this.starts[i] === span.start; i++) {
      if (this.owners[i] !== c || this.ends[i] !== span.end) continue;
      this.active.set(c, i);
      this.set(i, span.end);
      return;
    }
    throw new Error(`content ${span.start}-${span.end} was not indexed for its candidate`);
  }

  private set(slot: number, end: number): void {
    let i = slot + this.size;
    this.tree[i] = end;
    for (i >>= 1; i >= 1; i >>= 1) this.tree[i] = Math.max(this.tree[2 * i]!, this.tree[2 * i + 1]!);
  }

  /** The largest end among the first `k` slots. */
  private prefixMax(k: number): number {
    let best = Number.NEGATIVE_INFINITY;
    let l = this.size;
    let r = this.size + k;
    while (l < r) {
      if (l & 1) best = Math.max(best, this.tree[l++]!);
      if (r & 1) best = Math.max(best, this.tree[--r]!);
      l >>= 1;
      r >>= 1;
    }
    return best;
  }
}
