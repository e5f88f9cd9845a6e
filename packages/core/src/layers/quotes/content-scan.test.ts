import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate.js';
import { outerCandidates } from './cognition.js';
import { clauseEnd, unmatchedCloseFrom, wordyCount } from './content-scan.js';
import { lexiconFor } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { markAround } from './search.js';
import { isWordy, type Tok } from './tok.js';

/**
 * The per-document tables of content-scan.ts and the outer-candidate sweep of cognition.ts
 * against the direct scans they replaced (kept here as references), on random token arrays
 * drawn from a small alphabet of the tokens the scans look at.
 */

const lex = lexiconFor('en');
const ALPHABET = ['(', ')', '—', '–', '--', ',', 'and', 'but', 'that', 'is', 'he', 'said', 'plan', '7', '.'];

/** A seeded generator, so a failure can be reproduced. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function randomToks(r: () => number, n: number): Tok[] {
  const toks: Tok[] = [];
  let pos = 0;
  for (let k = 0; k < n; k++) {
    const w = ALPHABET[Math.floor(r() * ALPHABET.length)]!;
    pos += r() < 0.5 ? 1 : 0;
    const kind = /^\d/.test(w) ? 'number' : /\w/.test(w) ? 'word' : 'punct';
    toks.push({ start: pos, end: pos + w.length, w, lw: w, kind } as Tok);
    pos += w.length;
  }
  return toks;
}

function naiveClose(toks: readonly Tok[], p: number): number {
  for (let k = p, depth = 0; k < toks.length; k++) {
    if (toks[k]!.w === '(') depth++;
    else if (toks[k]!.w === ')' && depth-- === 0) return k;
  }
  return toks.length;
}

function naiveWordy(toks: readonly Tok[], from: number, end: number): number {
  let n = 0;
  for (let k = from; k < toks.length && toks[k]!.end <= end; k++) if (isWordy(toks[k]!)) n++;
  return n;
}

function naiveClauseEnd(
  toks: readonly Tok[],
  p: number,
  b: number,
  end: number,
  quotes: QuoteMarkSpan[],
): number {
  const w = lex.words;
  let aside = false;
  const laterDash = (form: string, from: number): boolean => {
    let j = from;
    while (j < b && toks[j]!.w !== form) j++;
    return j < b && toks[j]!.end <= end;
  };
  for (let k = p + 3; k + 1 < b && toks[k]!.end <= end; k++) {
    const dash =
      (toks[k]!.w === '—' || toks[k]!.w === '–' || toks[k]!.w === '--') &&
      toks[k - 1]!.end < toks[k]!.start &&
      !w.dashCopula.has(toks[k + 1]!.lw);
    const clause =
      toks[k]!.w === ',' &&
      ((w.clauseAfterComma.has(toks[k + 1]!.lw) && !w.that.has(toks[k + 2]?.lw ?? '')) ||
        w.trailers.has(toks[k + 1]!.lw));
    const paired = dash && (aside || laterDash(toks[k]!.w, k + 2));
    if (dash && paired) aside = !aside;
    if ((dash || clause) && !paired && markAround(quotes, toks[k]!.start) === undefined)
      return toks[k]!.start;
  }
  return end;
}

describe('content scans from per-document tables', () => {
  it('finds the first unmatched `)` from each token', () => {
    const toks = randomToks(rng(1), 300);
    for (let p = 0; p <= toks.length; p++)
      for (const short of [0, 5, 48]) expect(unmatchedCloseFrom(toks, p, short)).toBe(naiveClose(toks, p));
  });

  it('counts words and numbers up to an end offset', () => {
    const toks = randomToks(rng(2), 200);
    const r = rng(3);
    for (let t = 0; t < 400; t++) {
      const from = Math.floor(r() * toks.length);
      const end = Math.floor(r() * (toks.at(-1)!.end + 2));
      for (const short of [0, 5, 48])
        expect(wordyCount(toks, from, end, short)).toBe(naiveWordy(toks, from, end));
    }
  });

  it('ends a content at the same clause break as the direct scan, cue after cue', () => {
    for (let seed = 10; seed < 40; seed++) {
      const r = rng(seed);
      const toks = randomToks(r, 120);
      const quotes: QuoteMarkSpan[] = [];
      for (let k = 0; k + 10 < toks.length; k += 20 + Math.floor(r() * 20))
        quotes.push({ start: toks[k]!.start, end: toks[k + 5]!.end } as QuoteMarkSpan);
      const b = toks.length - Math.floor(r() * 10);
      const ends = [toks[b - 1]!.end, toks[Math.floor(b / 2)]!.end];
      for (const end of ends)
        for (let p = 0; p < b; p++)
          for (const short of [0, 5, 48])
            expect(clauseEnd(toks, p, b, end, quotes, lex, short), `seed ${seed} p ${p} short ${short}`).toBe(
              naiveClauseEnd(toks, p, b, end, quotes),
            );
    }
  });
});

describe('outerCandidates', () => {
  const cand = (sentence: number, cue: [number, number], content: [number, number], lemma = 'say') =>
    ({
      sentence,
      lemma,
      rule: 'x',
      cue: { start: cue[0], end: cue[1] },
      content: { start: content[0], end: content[1] },
    }) as unknown as Candidate;

  it('is the first candidate in order of the same sentence whose content holds the cue', () => {
    const cs = [
      cand(0, [20, 24], [0, 5]),
      cand(0, [2, 6], [7, 30]),
      cand(0, [10, 12], [0, 40], 'think'),
      cand(0, [10, 12], [8, 15]),
      cand(1, [10, 12], [0, 40]),
    ];
    for (const short of [0, 16]) {
      const got = outerCandidates(cs, (d) => d.lemma !== 'think', short);
      expect(got.map((d) => (d ? cs.indexOf(d) : -1))).toEqual([1, -1, 1, 1, -1]);
    }
  });

  it('agrees with the search per candidate on random candidates', () => {
    for (let seed = 50; seed < 80; seed++) {
      const r = rng(seed);
      const at = () => Math.floor(r() * 60);
      const cs = Array.from({ length: 40 }, () => {
        const c = at();
        const s = at();
        return cand(
          Math.floor(r() * 2),
          [c, c + 1 + Math.floor(r() * 3)],
          [s, s + Math.floor(r() * 40)],
          r() < 0.2 ? 'think' : 'say',
        );
      });
      const allowed = (d: Candidate) => d.lemma !== 'think';
      const want = cs.map((c) =>
        cs.find(
          (d) =>
            d !== c &&
            d.sentence === c.sentence &&
            allowed(d) &&
            d.content.start <= c.cue.start &&
            c.cue.end <= d.content.end,
        ),
      );
      for (const short of [0, 16, 40]) expect(outerCandidates(cs, allowed, short)).toEqual(want);
    }
  });
});
