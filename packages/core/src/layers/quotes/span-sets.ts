import type { Span } from '../../schema.js';

/**
 * Overlap questions over a set of spans, in logarithmic time: `learnedCandidates` asked each
 * scored cue against every rule candidate and every earlier learned candidate of the sentence,
 * quadratic in a sentence with many cues (docs/benchmarks.md, session 9). Two spans overlap when
 * each starts before the other ends (`a.start < b.end && b.start < a.end`).
 */

/** A fixed set of spans (they may overlap one another): sorted by start with running maxima of ends. */
export class SpanSet {
  private readonly starts: number[];
  private readonly maxEnd: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    this.starts = sorted.map((s) => s.start);
    this.maxEnd = [];
    let m = Number.NEGATIVE_INFINITY;
    for (const s of sorted) {
      m = Math.max(m, s.end);
      this.maxEnd.push(m);
    }
  }

  /** Whether a span of the set overlaps `[s, e)`: of those starting before `e`, one ends after `s`. */
  overlaps(s: number, e: number): boolean {
    const k = firstNotBefore(this.starts, e);
    return k > 0 && this.maxEnd[k - 1]! > s;
  }
}

/**
 * A growing set of non-empty spans that do not overlap one another (a span is added only when
 * `overlaps` says no), kept sorted by start, so also by end.
 */
export class DisjointSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Whether a span of the set overlaps `[s, e)`: the last starting before `e` ends after `s`. */
  overlaps(s: number, e: number): boolean {
    const k = firstNotBefore(this.starts, e);
    return k > 0 && this.ends[k - 1]! > s;
  }

  /** Adds a non-empty span that overlaps none of the set. */
  add(sp: Span): void {
    const k = firstNotBefore(this.starts, sp.start);
    this.starts.splice(k, 0, sp.start);
    this.ends.splice(k, 0, sp.end);
  }
}

/**
 * Spans that do not overlap one another, sorted by start (so also by end), with prefix sums of
 * their lengths: how many characters of a span they cover, in logarithmic time. `kindOf` summed
 * the overlap of every quotation inside each quote's content, quadratic when many quotes span a
 * sentence full of quotation marks (`"Yes," he said, ` repeated; docs/benchmarks.md, session 10).
 */
export class DisjointCover {
  private readonly starts: number[];
  private readonly ends: number[];
  /** `before[k]`: the total length of the first `k` spans. */
  private readonly before: number[] = [0];

  constructor(spans: readonly Span[]) {
    this.starts = spans.map((s) => s.start);
    this.ends = spans.map((s) => s.end);
    for (const s of spans) this.before.push(this.before.at(-1)! + s.end - s.start);
  }

  /** The number of characters of `sp` inside the spans (the sum of their overlaps with it). */
  covered(sp: Span): number {
    return this.upTo(sp.end) - this.upTo(sp.start);
  }

  /** Characters before `x` inside the spans: all of those ending by `x`, part of the next one. */
  private upTo(x: number): number {
    const k = firstNotBefore(this.ends, x + 1);
    return this.before[k]! + (k < this.starts.length ? Math.max(0, x - this.starts[k]!) : 0);
  }
}

/**
 * Whether some item of a list that only grows has a span exactly `[s, e)` (of those `spansOf`
 * gives for it): items added since the last question are indexed then. `attachMarks` asked each
 * Russian quotation against every attribution's source and relay, quadratic in a long
 * interview (docs/benchmarks.md, session 10).
 */
export class ExactSpans<T> {
  private readonly keys = new Set<string>();
  private seen = 0;

  constructor(
    private readonly list: readonly T[],
    private readonly spansOf: (x: T) => readonly (Span | undefined)[],
  ) {}

  has(s: number, e: number): boolean {
    for (; this.seen < this.list.length; this.seen++)
      for (const sp of this.spansOf(this.list[this.seen]!)) if (sp) this.keys.add(`${sp.start}:${sp.end}`);
    return this.keys.has(`${s}:${e}`);
  }
}

/** The index of the first value not below `v` in an ascending array. */
function firstNotBefore(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
