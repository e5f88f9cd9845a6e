import type { Span } from '../../schema.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Splits a sentence span into clause spans at the language's clause breaks (`; `, `, while `,
 * `, but `…) when each side keeps at least `minWords` words, so a sentence holding two claims
 * gives two. Break words stay with the clause they open; spans are trimmed of punctuation
 * and spaces at the cut.
 */
export function splitClauses(text: string, sentence: Span, breaks: readonly string[], minWords = 5): Span[] {
  const s = text.slice(sentence.start, sentence.end);
  const lower = s.toLowerCase();
  const cuts: number[] = [];
  for (const b of breaks) {
    let i = lower.indexOf(b);
    while (i >= 0) {
      cuts.push(i);
      i = lower.indexOf(b, i + b.length);
    }
  }
  cuts.sort((a, b) => a - b);
  const out: Span[] = [];
  let from = 0;
  for (const c of cuts) {
    if (words(s.slice(from, c)) < minWords || words(s.slice(c)) < minWords) continue;
    out.push({ start: from, end: c });
    // Skip the punctuation and space of the break; keep its word (`while`, `but`).
    from = c;
    while (from < s.length && /[\s,;–—]/.test(s[from]!)) from++;
  }
  out.push({ start: from, end: s.length });
  return out.map((p) => {
    let e = p.end;
    while (e > p.start && /[\s,;–—]/.test(s[e - 1]!)) e--;
    return { start: sentence.start + p.start, end: sentence.start + e };
  });
}
