import { describe, expect, it } from 'vitest';
import type { Span } from '../../schema.js';
import type { Candidate } from './candidate.js';
import { ContentIndex } from './content-index.js';

// A deterministic pseudo-random sequence (mulberry32), so a failure reproduces.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const spanAt = (r: () => number): Span => {
  const start = Math.floor(r() * 200);
  return { start, end: start + 1 + Math.floor(r() * 15) };
};

describe('ContentIndex', () => {
  it('answers as a scan of every other candidate does, while contents move', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = random(seed);
      const cands = Array.from({ length: 30 }, () => ({ content: spanAt(r) }) as Candidate);
      const later = new Map(cands.map((c) => [c, [spanAt(r), spanAt(r)]]));
      const index = new ContentIndex(cands, (c) => later.get(c)!);
      for (const c of cands) {
        const q = spanAt(r);
        const scan = cands.some((d) => d !== c && d.content.start < q.end && q.start < d.content.end);
        expect(index.overlapsOther(q, c), `seed ${seed}`).toBe(scan);
        const next = later.get(c)![Math.floor(r() * 2)]!;
        index.setContent(c, next);
        c.content = next;
      }
    }
  });

  it('refuses a content it was not told a candidate may get', () => {
    const c = { content: { start: 0, end: 5 } } as Candidate;
    const index = new ContentIndex([c], () => []);
    expect(() => index.setContent(c, { start: 10, end: 12 })).toThrow(/not indexed/);
  });
});
