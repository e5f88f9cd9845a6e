import type { Span, Token } from '../../schema.js';
import { KEY_LENGTH, keyOf } from './pattern.js';
import type { IndexedPattern, TermIndex } from './terms.js';

/** A term found in the text, before its context is read. */
export interface TermMatch extends Span {
  pattern: IndexedPattern;
}

// `псевдореферендум`, `pseudo-republic`: the prefix distances the word after it, so the word
// is also looked up on its own (the prefix is then read as a marker, see voice.ts).
const PREFIX = /^(?:псевдо|pseudo)-?/iu;

function tryAt(text: string, at: number, idx: TermIndex, out: TermMatch[]): void {
  const cands = idx.byKey.get(keyOf(text.slice(at, at + KEY_LENGTH)));
  if (!cands) return;
  let best: TermMatch | undefined;
  for (const p of cands) {
    p.re.lastIndex = at;
    const m = p.re.exec(text);
    if (!m) continue;
    const end = at + m[0].length;
    if (!best || end > best.end || (end === best.end && p.rank < best.pattern.rank))
      best = { start: at, end, pattern: p };
  }
  if (best) out.push(best);
}

/**
 * Finds terminology in a text: at each word start the patterns indexed by its first letters are
 * tried and the longest match wins (then the earlier entry of the file); of overlapping matches
 * the leftmost is kept (`so-called referendums in Kherson` is one `so-called referendums`).
 */
export function findTerms(text: string, tokens: readonly Token[], idx: TermIndex): TermMatch[] {
  const found: TermMatch[] = [];
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    tryAt(text, t.start, idx, found);
    const pre = PREFIX.exec(text.slice(t.start, t.end));
    if (pre && t.start + pre[0].length < t.end) tryAt(text, t.start + pre[0].length, idx, found);
  }
  const out: TermMatch[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) out.push(m);
  }
  return out;
}
