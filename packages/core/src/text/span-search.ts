import type { Span } from '../schema.js';

/**
 * Look-ups over a document's spans in logarithmic time, for the layers that asked every span
 * of a list about every other (`list.some(…)` in a loop: quadratic in a book-sized text).
 */

/** The index of the first of `sorted` (ascending numbers) at or after `at` (`sorted.length` when none is). */
export function firstAtOrAfter(sorted: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first of `sorted` (by start) whose start is at or after `at` (`sorted.length` when none does). */
export function firstStartingAt(sorted: readonly { readonly start: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The span of `sorted` (disjoint, in text order: paragraphs) that holds offset `at`, as
 * `sorted.find((x) => x.start <= at && at < x.end)`.
 */
export function spanHolding<T extends Span>(sorted: readonly T[], at: number): T | undefined {
  const i = firstStartingAt(sorted, at + 1) - 1;
  const x = sorted[i];
  return x && at < x.end ? x : undefined;
}

/**
 * A test of whether any of `spans` (any order, overlapping or not) contains `[start, end]`
 * (`x.start <= start && end <= x.end`), as `spans.some(…)` does.
 */
export function containment(spans: readonly Span[]): (start: number, end: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // The largest end among the spans up to each one.
  const reach = new Float64Array(sorted.length);
  let max = -Infinity;
  sorted.forEach((x, i) => {
    max = Math.max(max, x.end);
    reach[i] = max;
  });
  return (start, end) => {
    const i = firstStartingAt(sorted, start + 1) - 1;
    return i >= 0 && reach[i]! >= end;
  };
}
