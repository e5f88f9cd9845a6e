import type { Span, Token } from '../../schema.js';
import { undotted } from './dotted-acronyms.js';
import { followsAt, keyAt, lowerCode } from './pattern.js';
import type { IndexedPattern, TermIndex } from './terms.js';
import { markLive, readWords, SET_WORDS } from './word-keys.js';

/** A term found in the text, before its context is read. */
export interface TermMatch extends Span {
  pattern: IndexedPattern;
}

// `псевдореферендум`, `pseudo-republic`: the prefix distances the word after it, so the word
// is also looked up on its own (the prefix is then read as a marker, see voice.ts).
const PREFIXES = ['псевдо', 'pseudo'];

/** Whether the word `[at, end)` starts with the folded literal `prefix`. */
function startsWith(text: string, at: number, end: number, prefix: string): boolean {
  if (end - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++)
    if (lowerCode(text.charCodeAt(at + i)) !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * Tries the patterns `cands` (of the word's key) at `at` and adds the longest match (then the
 * earliest in the file) to `out`.
 */
function tryAt(
  text: string,
  at: number,
  wordEnd: number,
  cands: readonly IndexedPattern[] | undefined,
  out: TermMatch[],
): void {
  if (!cands) return;
  let best: TermMatch | undefined;
  for (const p of cands) {
    // The word is compared with the pattern's literal start and what follows it first; most
    // candidates stop there.
    let fits = false;
    const { prefixes, follows } = p;
    for (let j = 0; j < prefixes.length && !fits; j++) {
      const x = prefixes[j]!;
      fits = startsWith(text, at, wordEnd, x) && followsAt(text, at + x.length, follows[j]!);
    }
    if (!fits) continue;
    p.re.lastIndex = at;
    let m = p.re.exec(text);
    if (m && p.exact) {
      p.exact.lastIndex = at;
      m = p.exact.exec(text);
    }
    if (!m) continue;
    const end = at + m[0].length;
    if (!best || end > best.end || (end === best.end && p.rank < best.pattern.rank))
      best = { start: at, end, pattern: p };
  }
  if (best) out.push(openedInside(text, best));
}

/**
 * A term whose later words are in a quotation that closes right after it (`the "invasion"`,
 * `so-called "referendums"`) is the quoted part: its voice is read from the mark, as for a term in quotation marks alone.
 */
function openedInside(text: string, m: TermMatch): TermMatch {
  // Only a quotation that closes right after the term (`«Грузинского легиона»` goes on).
  if (!'"”»“'.includes(text[m.end] ?? '')) return m;
  for (let i = m.end - 1; i > m.start; i--) {
    const c = text.charCodeAt(i);
    // `"`, `“`, `„`, `«`
    if (c === 0x22 || c === 0x201c || c === 0x201e || c === 0xab) return { ...m, start: i + 1 };
  }
  return m;
}

/** Where a word token has a distancing prefix (`псевдо-`, `pseudo`), the offset after it; else -1. */
function pseudoAt(text: string, t: Token): number {
  const c = text.charCodeAt(t.start) | 0x20;
  // `p`/`P` and `п`/`П` (0x43f/0x41f, 0x41f | 0x20 = 0x43f): most words stop here.
  if (c !== 0x70 && c !== 0x43f) return -1;
  let pre: string | undefined;
  for (const x of PREFIXES)
    if (t.end - t.start > x.length + 1 && startsWith(text, t.start, t.end, x)) pre = x;
  if (!pre) return -1;
  return t.start + pre.length + (text[t.start + pre.length] === '-' ? 1 : 0);
}

/**
 * Finds terminology in a text: at each word start the patterns indexed by its first letters are
 * tried and the longest match wins (then the earlier entry of the file); of overlapping matches
 * the leftmost is kept (`so-called referendums in Kherson` is one `so-called referendums`).
 *
 * With `prefilter` (the default) only the patterns whose required words all begin a word of the
 * text are tried (`word-keys.ts`), and each only at words that begin as its first word does —
 * the same matches, found without trying most patterns at most words (`the`, `to`, `Russia`).
 */
export function findTerms(
  text: string,
  tokens: readonly Token[],
  idx: TermIndex,
  prefilter = true,
): TermMatch[] {
  // `D.P.R.` is read as `DPR` (dotted-acronyms.ts), its span the whole acronym.
  const u = undotted(text, tokens);
  if (u) return findTerms(u.text, u.tokens, idx, prefilter).map((m) => u.widen(m));
  const found = prefilter ? filtered(text, tokens, idx) : everywhere(text, tokens, idx);
  const out: TermMatch[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) out.push(m);
  }
  return out;
}

/** Every pattern at every word token (and after a distancing prefix): the definition. */
function everywhere(text: string, tokens: readonly Token[], idx: TermIndex): TermMatch[] {
  const found: TermMatch[] = [];
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    tryAt(text, t.start, t.end, idx.byKey.get(keyAt(text, t.start)), found);
    const at = pseudoAt(text, t);
    if (at >= 0) tryAt(text, at, t.end, idx.byKey.get(keyAt(text, at)), found);
  }
  return found;
}

// The first-word bits of the patterns that may match the current text (see `filtered`).
const firstSet = new Int32Array(SET_WORDS);
let live = new Uint8Array(0);
const firstHas = (b: number) => b >= 0 && (firstSet[b >>> 5]! & (1 << (b & 31))) !== 0;

/**
 * As {@link everywhere}, trying only what the text's word beginnings allow. Which patterns may
 * match is read from the index's packed arrays: an article touches the objects of those few
 * patterns only (a few hundred objects scattered in memory are slow to read when the other
 * analyzers have just filled the caches).
 */
function filtered(text: string, tokens: readonly Token[], idx: TermIndex): TermMatch[] {
  const w = readWords(text, tokens, (t) => pseudoAt(text, t));
  const n = idx.patterns.length;
  if (live.length < n) live = new Uint8Array(n);
  const mark = live.subarray(0, n);
  if (markLive(idx.needs, mark) === 0) return [];
  const { firstAt, firstBits, patterns } = idx;
  // The patterns that may match, by key; first words too short to have bits (`to`, `he`) are
  // tried at every word of their key.
  const byKey = new Map<number, IndexedPattern[]>();
  let short: Set<number> | undefined;
  let set = 0;
  for (let r = 0; r < n; r++) {
    if (mark[r] === 0) continue;
    const p = patterns[r]!;
    const { keys } = p;
    for (const k of keys) {
      const l = byKey.get(k);
      if (l) l.push(p);
      else byKey.set(k, [p]);
    }
    const to = firstAt[r + 1]!;
    let j = firstAt[r]!;
    if (j === to) {
      short ??= new Set();
      for (const k of keys) short.add(k);
    }
    for (; j < to; j++) {
      const b = firstBits[j]!;
      firstSet[b >>> 5]! |= 1 << (b & 31);
      if (set === setBits.length) setBits = grow(setBits);
      setBits[set++] = b;
    }
  }
  const found: TermMatch[] = [];
  for (let i = 0; i < w.n; i++) {
    const at = w.at[i]!;
    if (
      firstHas(w.b3[i]!) ||
      firstHas(w.b4[i]!) ||
      firstHas(w.bw[i]!) ||
      (short?.has(keyAt(text, at)) ?? false)
    )
      tryAt(text, at, w.end[i]!, byKey.get(keyAt(text, at)), found);
  }
  for (let j = 0; j < set; j++) firstSet[setBits[j]! >>> 5] = 0;
  return found;
}

// The bits set in `firstSet` for the current text, to clear them after.
let setBits: Int32Array = new Int32Array(256);
const grow = (a: Int32Array): Int32Array => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};
