import type { Span } from '../../schema.js';

// `\s` of regular expressions, by code unit.
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `(from, to) => s.slice(from, to).split(/\s+/).filter(Boolean).length` without the strings, from
 * prefix counts of word starts (a non-space after a space): constant time per range, where a
 * scan per range made `splitClauses` quadratic in a sentence with many breaks (docs/benchmarks.md,
 * session 10). A range that starts inside a run of non-space counts that run.
 */
export function wordCounter(s: string): (from: number, to: number) => number {
  // starts[i]: word starts at positions 1 … i-1.
  const starts = new Int32Array(s.length + 1);
  for (let i = 1; i < s.length; i++)
    starts[i + 1] = starts[i]! + (!isSpace(s.charCodeAt(i)) && isSpace(s.charCodeAt(i - 1)) ? 1 : 0);
  return (from, to) =>
    from >= to ? 0 : (isSpace(s.charCodeAt(from)) ? 0 : 1) + starts[to]! - starts[from + 1]!;
}

// `/[\s,;–—]/` of one code unit: what is trimmed at a cut.
const isCutMark = (c: number) => c === 44 || c === 59 || c === 0x2013 || c === 0x2014 || isSpace(c);

// A punctuation mark or symbol of each break (`;`, `,`, `–`): lower-casing makes none of them,
// so a sentence without any cannot break and is not lower-cased and searched. Null when some
// break has no such mark (then every sentence is searched).
const ANCHOR = /[\p{P}\p{S}]/u;
const anchorsOf = new WeakMap<readonly string[], string[] | null>();

function mayBreak(s: string, breaks: readonly string[]): boolean {
  let anchors = anchorsOf.get(breaks);
  if (anchors === undefined) {
    const marks = new Set<string>();
    for (const b of breaks) {
      const mark = [...b].find((ch) => ch.length === 1 && ANCHOR.test(ch));
      if (mark === undefined) {
        marks.clear();
        break;
      }
      marks.add(mark);
    }
    anchors = marks.size ? [...marks] : null;
    anchorsOf.set(breaks, anchors);
  }
  if (anchors === null) return true;
  for (const a of anchors) if (s.includes(a)) return true;
  return false;
}

/**
 * Splits a sentence span into clause spans at the language's clause breaks (`; `, `, while `,
 * `, but `…) when each side keeps at least `minWords` words, so a sentence holding two claims
 * gives two. Break words stay with the clause they open; spans are trimmed of punctuation
 * and spaces at the cut.
 */
export function splitClauses(text: string, sentence: Span, breaks: readonly string[], minWords = 5): Span[] {
  const s = text.slice(sentence.start, sentence.end);
  const cuts: number[] = [];
  if (mayBreak(s, breaks)) {
    const lower = s.toLowerCase();
    for (const b of breaks) {
      let i = lower.indexOf(b);
      while (i >= 0) {
        cuts.push(i);
        i = lower.indexOf(b, i + b.length);
      }
    }
  }
  cuts.sort((a, b) => a - b);
  const words = cuts.length ? wordCounter(s) : () => 0;
  const out: Span[] = [];
  let from = 0;
  for (const c of cuts) {
    // The break's punctuation and space are no word of the clause it opens; its word
    // (`while`, `but`) is, and stays with it.
    let next = c;
    while (next < s.length && isCutMark(s.charCodeAt(next))) next++;
    if (words(from, c) < minWords || words(next, s.length) < minWords) continue;
    out.push({ start: from, end: c });
    from = next;
  }
  out.push({ start: from, end: s.length });
  return out.map((p) => {
    let e = p.end;
    while (e > p.start && isCutMark(s.charCodeAt(e - 1))) e--;
    return { start: sentence.start + p.start, end: sentence.start + e };
  });
}
