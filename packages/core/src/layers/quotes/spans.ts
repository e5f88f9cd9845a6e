import type { Span } from '../../schema.js';
import type { Tok } from './tok.js';

/** The number of characters two spans share. */
export const overlap = (a: Span, b: Span): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** The character span of the tokens `[s, e)`. */
export const npSpan = (toks: readonly Tok[], s: number, e: number): Span => ({
  start: toks[s]!.start,
  end: toks[e - 1]!.end,
});
