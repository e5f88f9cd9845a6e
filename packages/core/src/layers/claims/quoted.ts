import type { Span } from '../../schema.js';

const OPEN: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"' };
const OPENING = /["“«„]/g;

/**
 * Regions between quotation marks in `text.slice(start, end)` (one paragraph), marks included.
 * A quote left open runs to the end of the paragraph, as news quotes that continue into the
 * next paragraph do. Straight `"` pairs with the next straight `"`.
 */
export function quotedRegions(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  OPENING.lastIndex = start;
  for (let m = OPENING.exec(text); m !== null && m.index < end; m = OPENING.exec(text)) {
    // Searched within the paragraph only: an unclosed mark must not scan the rest of the document.
    const j = text.slice(m.index + 1, end).indexOf(OPEN[m[0]]!);
    const stop = j < 0 ? end : m.index + 2 + j;
    out.push({ start: m.index, end: stop });
    OPENING.lastIndex = stop;
  }
  return out;
}

/** The share (0..1) of `span`'s characters that lie inside `regions`. */
export function quotedShare(span: Span, regions: readonly Span[]): number {
  let inside = 0;
  for (const r of regions) inside += Math.max(0, Math.min(span.end, r.end) - Math.max(span.start, r.start));
  return inside / Math.max(1, span.end - span.start);
}
