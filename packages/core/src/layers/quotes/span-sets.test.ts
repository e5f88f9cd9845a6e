import { describe, expect, it } from 'vitest';
import type { Span } from '../../schema.js';
import { markCovered } from './learned.js';
import { DisjointCover, DisjointSpans, ExactSpans, SpanSet } from './span-sets.js';
import { overlap } from './spans.js';
import type { Tok } from './tok.js';

/** The span sets of span-sets.ts against the direct scan over every span, on seeded random spans. */

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const naive = (spans: readonly Span[], s: number, e: number): boolean =>
  spans.some((c) => c.start < e && s < c.end);

describe('SpanSet', () => {
  it('tells whether any span overlaps, as the scan over every span does', () => {
    for (let seed = 1; seed < 30; seed++) {
      const r = rng(seed);
      const spans = Array.from({ length: Math.floor(r() * 20) }, () => {
        const start = Math.floor(r() * 100);
        return { start, end: start + Math.floor(r() * 30) };
      });
      const set = new SpanSet(spans);
      for (let s = 0; s < 130; s += 3)
        for (let e = s; e < s + 40; e += 2)
          expect(set.overlaps(s, e), `seed ${seed} [${s}, ${e})`).toBe(naive(spans, s, e));
    }
  });
});

describe('DisjointSpans', () => {
  it('answers as the scan over the spans added so far, spans added out of order', () => {
    for (let seed = 40; seed < 70; seed++) {
      const r = rng(seed);
      const set = new DisjointSpans();
      const added: Span[] = [];
      for (let t = 0; t < 60; t++) {
        const start = Math.floor(r() * 200);
        const sp = { start, end: start + 1 + Math.floor(r() * 12) };
        const want = naive(added, sp.start, sp.end);
        expect(set.overlaps(sp.start, sp.end), `seed ${seed} step ${t}`).toBe(want);
        if (!want) {
          set.add(sp);
          added.push(sp);
        }
      }
      expect(added.length).toBeGreaterThan(5);
    }
  });
});

describe('markCovered', () => {
  it('marks the tokens a span overlaps as the scan per span and token does, either way', () => {
    for (let seed = 80; seed < 110; seed++) {
      const r = rng(seed);
      const toks: Tok[] = [];
      for (let k = 0, pos = 0; k < 60; k++) {
        pos += 1 + Math.floor(r() * 2);
        const len = 1 + Math.floor(r() * 4);
        toks.push({ start: pos, end: pos + len, w: 'w', lw: 'w', kind: 'word' } as Tok);
        pos += len;
      }
      const a = Math.floor(r() * 20);
      const b = a + 1 + Math.floor(r() * 35);
      const spans = Array.from({ length: 1 + Math.floor(r() * 30) }, () => {
        const start = Math.floor(r() * (toks.at(-1)!.end + 5));
        return { start, end: start + Math.floor(r() * 40) };
      });
      const want = new Uint8Array(b - a);
      for (const sp of spans)
        for (let k = a; k < b; k++) if (toks[k]!.start < sp.end && sp.start < toks[k]!.end) want[k - a] = 1;
      for (const short of [0, 16, 100]) {
        const got = new Uint8Array(b - a);
        markCovered(toks, a, b, spans, got, short);
        expect([...got], `seed ${seed} short ${short}`).toEqual([...want]);
      }
    }
  });
});

describe('DisjointCover', () => {
  it('counts the characters of a span the spans cover, as the sum of overlaps over every span does', () => {
    for (let seed = 120; seed < 150; seed++) {
      const r = rng(seed);
      const spans: Span[] = [];
      // Disjoint and sorted, as quotation marks are; some touch end to start.
      const n = Math.floor(r() * 25);
      for (let pos = Math.floor(r() * 5); spans.length < n; ) {
        const start = pos + Math.floor(r() * 3);
        spans.push({ start, end: start + 1 + Math.floor(r() * 10) });
        pos = spans.at(-1)!.end;
      }
      const cover = new DisjointCover(spans);
      const last = spans.at(-1)?.end ?? 0;
      for (let s = 0; s < last + 5; s += 2)
        for (let e = s; e < last + 8; e += 3) {
          const want = spans.reduce((n, m) => n + overlap(m, { start: s, end: e }), 0);
          expect(cover.covered({ start: s, end: e }), `seed ${seed} [${s}, ${e})`).toBe(want);
        }
    }
  });

  it('counts a span that starts or ends inside a mark, and none with no marks', () => {
    const cover = new DisjointCover([
      { start: 2, end: 6 },
      { start: 6, end: 8 },
      { start: 10, end: 15 },
    ]);
    expect(cover.covered({ start: 4, end: 12 })).toBe(2 + 2 + 2);
    expect(cover.covered({ start: 0, end: 20 })).toBe(11);
    expect(cover.covered({ start: 8, end: 10 })).toBe(0);
    expect(new DisjointCover([]).covered({ start: 0, end: 9 })).toBe(0);
  });
});

describe('ExactSpans', () => {
  it('answers as a scan over every item so far, as the list grows between questions', () => {
    let hits = 0;
    for (let seed = 160; seed < 190; seed++) {
      const r = rng(seed);
      const list: { a?: Span; b?: Span }[] = [];
      const index = new ExactSpans(list, (x) => [x.a, x.b]);
      const span = () => {
        const start = Math.floor(r() * 20);
        return { start, end: start + 1 + Math.floor(r() * 4) };
      };
      for (let t = 0; t < 80; t++) {
        if (r() < 0.3) list.push({ a: r() < 0.7 ? span() : undefined, b: r() < 0.3 ? span() : undefined });
        const q = span();
        const want = list.some((x) => [x.a, x.b].some((sp) => sp?.start === q.start && sp.end === q.end));
        expect(index.has(q.start, q.end), `seed ${seed} step ${t}`).toBe(want);
        if (want) hits++;
      }
    }
    // Both answers are asked: the spans are drawn from a small range.
    expect(hits).toBeGreaterThan(100);
  });
});
