import type { Span } from '../schema.js';
import { shingleHashes, shinglesOf, type WordUnits } from './words.js';

/** A run of identical words: `len` words from word `i` of one text and word `j` of the other. */
interface Match {
  i: number;
  j: number;
  len: number;
}

/** A passage both texts share: its span in each, and its extent in words. */
export interface AlignedPassage {
  a: Span;
  b: Span;
  /** Words of `a` inside the passage (identical or, across small gaps, edited). */
  words: number;
  /** Word ranges `[from, to)` of each side, for the diff. */
  aWords: [number, number];
  bWords: [number, number];
}

/** How {@link alignPassages} matches. */
export interface AlignOptions {
  /** Words in a seed: shorter shared runs are not matches (default 5). */
  seed: number;
  /** Largest gap in words, on each side, bridged inside one passage (an edit like Kiev → Kyiv; default 4). */
  gap: number;
  /** Shortest passage kept, in words (default 8). */
  minWords: number;
}

const DEFAULTS: AlignOptions = { seed: 5, gap: 4, minWords: 8 };

/**
 * Greedy string tiling over words: every maximal run of identical words of at least `seed`
 * words, found through a hash of each `seed`-word shingle of `a`, then runs that follow each
 * other in both texts with gaps of at most `gap` words joined into one passage. Reordered
 * paragraphs give several passages; an edited word inside a sentence does not split one.
 * Linear in the texts' length for texts without long internal repetitions.
 */
export function alignPassages(
  a: WordUnits,
  b: WordUnits,
  options: Partial<AlignOptions> = {},
): AlignedPassage[] {
  const o = { ...DEFAULTS, ...options };
  const matches = tile(a.words, b.words, shingleHashes(a.words, o.seed), shingleHashes(b.words, o.seed), o);
  return joinMatches(matches, a, b, o);
}

/**
 * The words of `a` inside the passages {@link alignPassages} would find, from the texts' word
 * hashes alone ({@link wordHashes}): the reuse detector's cheap test before it reads a
 * candidate pair's texts again (a pair sharing fewer words than a `partial` needs is dropped).
 */
export function sharedWords(a: Uint32Array, b: Uint32Array, options: Partial<AlignOptions> = {}): number {
  const o = { ...DEFAULTS, ...options };
  const matches = tile(a, b, shinglesOf(a, o.seed), shinglesOf(b, o.seed), o);
  let words = 0;
  for (const p of join(matches, o)) words += p.i1 - p.i0;
  return words;
}

/** Greedy string tiling: maximal runs of identical words, at least `seed` long, in `b` order. */
function tile(
  a: ArrayLike<string | number>,
  b: ArrayLike<string | number>,
  ha: Uint32Array,
  hb: Uint32Array,
  o: AlignOptions,
): Match[] {
  const at = new Map<number, number[]>();
  for (let i = 0; i < ha.length; i++) {
    const list = at.get(ha[i]!);
    if (!list) at.set(ha[i]!, [i]);
    else if (list.length < 8) list.push(i);
  }
  const usedA = new Uint8Array(a.length);
  const matches: Match[] = [];
  for (let j = 0; j < hb.length; ) {
    let best: Match | undefined;
    for (const i of at.get(hb[j]!) ?? []) {
      if (usedA[i]) continue;
      let len = 0;
      while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len] && !usedA[i + len]) len++;
      if (len >= o.seed && (!best || len > best.len)) best = { i, j, len };
    }
    if (!best) {
      j++;
      continue;
    }
    usedA.fill(1, best.i, best.i + best.len);
    matches.push(best);
    j += best.len;
  }
  return matches;
}

interface Run {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/** Runs that follow each other in both texts across gaps of at most `gap` words, joined; short ones dropped. */
function join(matches: readonly Match[], o: AlignOptions): Run[] {
  const out: Run[] = [];
  let cur: (Run & { words: number }) | undefined;
  const flush = () => {
    if (cur && cur.words >= o.minWords) out.push(cur);
  };
  for (const m of matches) {
    const di = cur ? m.i - cur.i1 : -1;
    const dj = cur ? m.j - cur.j1 : -1;
    if (cur && di >= 0 && dj >= 0 && di <= o.gap && dj <= o.gap) {
      cur.i1 = m.i + m.len;
      cur.j1 = m.j + m.len;
      cur.words += m.len;
    } else {
      flush();
      cur = { i0: m.i, i1: m.i + m.len, j0: m.j, j1: m.j + m.len, words: m.len };
    }
  }
  flush();
  return out;
}

function joinMatches(matches: Match[], a: WordUnits, b: WordUnits, o: AlignOptions): AlignedPassage[] {
  return join(matches, o).map((r) => ({
    a: { start: a.starts[r.i0]!, end: a.ends[r.i1 - 1]! },
    b: { start: b.starts[r.j0]!, end: b.ends[r.j1 - 1]! },
    words: r.i1 - r.i0,
    aWords: [r.i0, r.i1],
    bWords: [r.j0, r.j1],
  }));
}

/** Share of the words of a text (`total`) inside the given word ranges. */
export function coverage(ranges: readonly [number, number][], total: number): number {
  if (total === 0) return 0;
  const mark = new Uint8Array(total);
  for (const [from, to] of ranges) mark.fill(1, from, to);
  let n = 0;
  for (const m of mark) n += m;
  return n / total;
}
