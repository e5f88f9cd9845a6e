import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate.js';
import { foldRelays } from './relays.js';
import { overlap } from './spans.js';
import type { Tok } from './tok.js';

/** foldRelays with its segment tree against the direct search per relay it replaced (kept here). */

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function naiveFold(cands: Candidate[], toks: readonly Tok[]): Candidate[] {
  const drop = new Set<Candidate>();
  for (const c of cands) {
    if (c.rule !== 'according-to-tail' || c.lemma !== 'according to') continue;
    const host = cands.find((d) => {
      if (d === c || drop.has(d) || d.sentence !== c.sentence || !d.np) return false;
      const src = toks[d.np.s]!.start - c.content.start;
      const shared = overlap(d.content, c.content);
      const endsTogether =
        src >= 0 && toks[d.np.s - 1]?.w === ',' && Math.abs(d.content.end - c.content.end) <= 2;
      return (
        shared > 0 &&
        ((src >= 0 && src <= 15) || endsTogether || shared >= 0.5 * (c.content.end - c.content.start))
      );
    });
    if (host && !host.viaNp) {
      host.viaNp = c.viaNp ?? c.np;
      drop.add(c);
    }
  }
  return cands.filter((c) => !drop.has(c));
}

/** One token per 3 characters, a comma every few. */
function toksOf(n: number, r: () => number): Tok[] {
  return Array.from({ length: n }, (_, k) => {
    const w = r() < 0.3 ? ',' : 'w';
    return { start: 3 * k, end: 3 * k + 2, w, lw: w, kind: w === ',' ? 'punct' : 'word' } as Tok;
  });
}

function randomCands(r: () => number, n: number, toks: readonly Tok[]): Candidate[] {
  const at = () => 3 * Math.floor(r() * (toks.length - 20));
  return Array.from({ length: n }, (_, i) => {
    const relay = r() < 0.4;
    const s = relay && r() < 0.5 ? 0 : at();
    const np = r() < 0.85 ? Math.max(1, Math.floor(s / 3) + Math.floor(r() * 12) - 3) : -1;
    const c = {
      sentence: r() < 0.9 ? 0 : 1,
      rule: relay ? 'according-to-tail' : 'source-cue',
      lemma: relay ? 'according to' : 'say',
      cue: { start: 3 * i, end: 3 * i + 2 },
      content: { start: s, end: s + 3 + 3 * Math.floor(r() * (relay ? 60 : 15)) },
      id: i,
    } as unknown as Candidate;
    if (np >= 0) c.np = { s: np, e: np + 1 } as Candidate['np'] & object;
    if (r() < 0.1) c.viaNp = { s: 2, e: 3 } as Candidate['np'] & object;
    return c;
  });
}

const view = (cs: Candidate[]) =>
  cs.map((c) => `${(c as unknown as { id: number }).id}:${c.viaNp ? `${c.viaNp.s}-${c.viaNp.e}` : ''}`);

describe('foldRelays', () => {
  it('folds the same relays into the same hosts as the search per relay, tree or scan', () => {
    for (let seed = 1; seed < 60; seed++)
      for (const short of [0, 32]) {
        const r = rng(seed);
        const toks = toksOf(200, r);
        const n = 10 + Math.floor(r() * 80);
        const want = naiveFold(randomCands(rng(seed * 7), n, toks), toks);
        const got = foldRelays(randomCands(rng(seed * 7), n, toks), toks, short);
        expect(view(got), `seed ${seed} short ${short}`).toEqual(view(want));
      }
  });

  it('folds a chain of tail relays, each into the cue that ends where it begins', () => {
    const r = rng(3);
    const toks = toksOf(300, r);
    // `according to officials, he said the plan would fail, ` many times: every relay's content
    // runs from the sentence start; the host is the `said` whose content ends at the relay.
    const cands: Candidate[] = [];
    for (let i = 0; i < 40; i++) {
      toks[6 * i + 1]!.w = ',';
      cands.push({
        sentence: 0,
        rule: 'source-cue',
        lemma: 'say',
        cue: { start: 18 * i + 9, end: 18 * i + 11 },
        content: { start: 18 * i + 12, end: 18 * i + 17 },
        np: { s: 6 * i + 2, e: 6 * i + 3 },
        id: 2 * i,
      } as unknown as Candidate);
      cands.push({
        sentence: 0,
        rule: 'according-to-tail',
        lemma: 'according to',
        cue: { start: 18 * i + 18, end: 18 * i + 20 },
        content: { start: 0, end: 18 * i + 17 },
        np: { s: 6 * i + 6, e: 6 * i + 7 },
        id: 2 * i + 1,
      } as unknown as Candidate);
    }
    const copy = () => cands.map((c) => ({ ...c, content: { ...c.content } }));
    const got = foldRelays(copy(), toks, 0);
    expect(view(got)).toEqual(view(naiveFold(copy(), toks)));
    expect(got.length).toBeLessThan(cands.length);
  });
});
