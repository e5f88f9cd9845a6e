import type { Span } from '../../schema.js';

const OPEN: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"' };

/**
 * Regions between quotation marks in `text.slice(start, end)` (one paragraph), marks included.
 * A quote left open runs to the end of the paragraph, as news quotes that continue into the
 * next paragraph do. Straight `"` pairs with the next straight `"`.
 */
export function quotedRegions(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let i = start;
  while (i < end) {
    const close = OPEN[text[i]!];
    if (close === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && text[j] !== close) j++;
    out.push({ start: i, end: Math.min(end, j + 1) });
    i = j + 1;
  }
  return out;
}

/** The share (0..1) of `span`'s characters that lie inside `regions`. */
export function quotedShare(span: Span, regions: readonly Span[]): number {
  let inside = 0;
  for (const r of regions) inside += Math.max(0, Math.min(span.end, r.end) - Math.max(span.start, r.start));
  return inside / Math.max(1, span.end - span.start);
}
