/**
 * `s` as a string of its own, for a cache that outlives the text it was cut from. In V8 a slice
 * of 13 characters or more is a view that keeps the whole string it was cut from alive (a
 * SlicedString), so a cached word would keep its document (docs/benchmarks.md, sessions 16 and
 * 17). Shorter slices are copies already; a longer one is copied through a concatenation.
 */
export const ownString = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));
