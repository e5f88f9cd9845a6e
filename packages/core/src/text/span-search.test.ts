import { describe, expect, it } from 'vitest';
import { inQuotation, type Quoted } from '../layers/naming/voice.js';
import type { Span } from '../schema.js';
import { containment, firstStartingAt, spanHolding } from './span-search.js';

// The indexed look-ups that replaced `list.some(…)` scans (quadratic in a book-sized text) must
// answer as the scans did: checked against the scans' own definitions on random spans.

let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const randomSpans = (n: number, text: number, longest: number): Span[] =>
  Array.from({ length: n }, () => {
    const start = rand(text);
    return { start, end: start + 1 + rand(longest) };
  });
const disjoint = (n: number): Span[] => {
  const out: Span[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += rand(4);
    const end = at + 1 + rand(20);
    out.push({ start: at, end });
    at = end;
  }
  return out;
};

describe('span-search', () => {
  it('firstStartingAt is the lower bound of the starts', () => {
    const sorted = randomSpans(200, 500, 30).sort((a, b) => a.start - b.start);
    for (let at = -2; at < 520; at++) {
      const want = sorted.findIndex((x) => x.start >= at);
      expect(firstStartingAt(sorted, at)).toBe(want < 0 ? sorted.length : want);
    }
    expect(firstStartingAt([], 3)).toBe(0);
  });

  it('spanHolding finds the paragraph at an offset, as find does', () => {
    const paras = disjoint(100);
    for (let at = -1; at < paras[paras.length - 1]!.end + 3; at++)
      expect(spanHolding(paras, at)).toBe(paras.find((x) => x.start <= at && at < x.end));
  });

  it('containment tells whether any span (any order, overlapping) holds a range, as some does', () => {
    for (const [n, longest] of [
      [0, 5],
      [1, 5],
      [50, 10],
      [300, 200],
    ] as const) {
      const spans = randomSpans(n, 400, longest);
      const holds = containment(spans);
      for (let k = 0; k < 2000; k++) {
        const start = rand(420) - 5;
        const end = start + rand(60) - 5;
        expect(holds(start, end)).toBe(spans.some((x) => x.start <= start && end <= x.end));
      }
    }
  });

  it('inQuotation, through its index, answers as the scan of every quotation did', () => {
    const scan = (m: Span, quoted: readonly Quoted[]) =>
      quoted.some((q) => {
        if (q.start > m.start) return false;
        if (m.end <= q.end) return q.end - q.start > m.end - m.start + 12 || q.attributed;
        return m.start < q.end - 1 && q.attributed;
      });
    const quoted: Quoted[] = randomSpans(300, 2000, 80).map((s, i) => ({ ...s, attributed: i % 3 === 0 }));
    // A long quotation early on (a whole paragraph of speech) keeps reaching past later ones.
    quoted.push({ start: 5, end: 900, attributed: false });
    for (let k = 0; k < 3000; k++) {
      const start = rand(2100);
      const m = { start, end: start + 1 + rand(25) };
      expect(inQuotation(m, quoted)).toBe(scan(m, quoted));
    }
  });
});
