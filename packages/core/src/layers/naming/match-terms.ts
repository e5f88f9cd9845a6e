import type { Span, Token } from '../../schema.js';
import { keyAt, lowerCode } from './pattern.js';
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

function tryAt(
  text: string,
  at: number,
  wordEnd: number,
  byKey: ReadonlyMap<number, readonly IndexedPattern[]>,
  out: TermMatch[],
): void {
  const cands = byKey.get(keyAt(text, at));
  if (!cands) return;
  let best: TermMatch | undefined;
  for (const p of cands) {
    // The word is compared with the pattern's literal start first; most candidates stop there.
    let fits = false;
    for (const x of p.prefixes) if (startsWith(text, at, wordEnd, x)) fits = true;
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
    tryAt(text, t.start, t.end, idx.byKey, found);
    const at = pseudoAt(text, t);
    if (at >= 0) tryAt(text, at, t.end, idx.byKey, found);
  }
  return found;
}

// The first-word bits of the patterns that may match the current text (see `filtered`).
const firstSet = new Int32Array(SET_WORDS);
let live = new Uint8Array(0);
const firstHas = (b: number) => b >= 0 && (firstSet[b >>> 5]! & (1 << (b & 31))) !== 0;

/** As {@link everywhere}, trying only what the text's word beginnings allow. */
function filtered(text: string, tokens: readonly Token[], idx: TermIndex): TermMatch[] {
  const w = readWords(text, tokens, (t) => pseudoAt(text, t));
  if (live.length < idx.patterns.length) live = new Uint8Array(idx.patterns.length);
  const mark = live.subarray(0, idx.patterns.length);
  if (markLive(idx.needs, mark) === 0) return [];
  const byKey = new Map<number, IndexedPattern[]>();
  // First words too short to have bits (`to`, `he`) are tried at every word of their key.
  const short = new Set<number>();
  const bits: number[] = [];
  for (const p of idx.patterns) {
    if (mark[p.rank] === 0) continue;
    for (const k of p.keys) {
      const l = byKey.get(k);
      if (l) l.push(p);
      else byKey.set(k, [p]);
    }
    if (p.first)
      for (const b of p.first) {
        firstSet[b >>> 5]! |= 1 << (b & 31);
        bits.push(b);
      }
    else for (const k of p.keys) short.add(k);
  }
  const found: TermMatch[] = [];
  for (let i = 0; i < w.n; i++) {
    const at = w.at[i]!;
    if (firstHas(w.b3[i]!) || firstHas(w.b4[i]!) || (short.size > 0 && short.has(keyAt(text, at))))
      tryAt(text, at, w.end[i]!, byKey, found);
  }
  for (const b of bits) firstSet[b >>> 5] = 0;
  return found;
}
