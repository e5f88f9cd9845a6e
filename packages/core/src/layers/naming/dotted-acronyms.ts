import type { Span, Token } from '../../schema.js';

// An acronym of three to six capitals, each followed by a dot (`D.P.R.`, `С.В.О.`, `A.F.U.`): the
// style of some outlets (and of a writer avoiding a bare acronym). Two letters (`U.S.`, `U.K.`)
// are left as they are: no term is a two-letter acronym, and they are in most English articles.
const DOTTED = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.){3,6}(?![\p{L}\p{N}])/gu;
const isUpper = (c: string) => c !== c.toLowerCase();

/**
 * The cheap test first (a regular expression with `\p{Lu}` over the whole text costs ~13 µs an
 * article, this ~1 µs): three dots two characters apart with a capital between the first two
 * (`.P.R.`); `U.S.` has two.
 */
function mayHaveDotted(text: string): boolean {
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1))
    if (text.charCodeAt(i + 2) === 46 && text.charCodeAt(i + 4) === 46 && isUpper(text[i + 1]!)) return true;
  return false;
}

/** The text the term patterns read where it has dotted acronyms, and how to map its spans back. */
export interface Undotted {
  text: string;
  tokens: Token[];
  /** A span of the undotted text as a span of the document's text. */
  widen<T extends Span>(m: T): T;
}

/**
 * `D.P.R.` read as `DPR`: the acronyms' letters closed up and padded with spaces to the same
 * length (`DPR   `), so every offset outside them stays, and their tokens made one word; a term
 * that ends on the acronym's letters then ends after its last dot. `null` when the text has none
 * (nearly always: one regular-expression test).
 */
export function undotted(text: string, tokens: readonly Token[]): Undotted | null {
  if (!mayHaveDotted(text)) return null;
  const spans: { start: number; letters: number; end: number }[] = [];
  let out = '';
  let from = 0;
  for (const m of text.matchAll(DOTTED)) {
    const letters = m[0].replace(/\./g, '');
    out += text.slice(from, m.index) + letters + ' '.repeat(m[0].length - letters.length);
    from = m.index + m[0].length;
    spans.push({ start: m.index, letters: letters.length, end: from });
  }
  if (spans.length === 0) return null;
  out += text.slice(from);
  const toks: Token[] = [];
  let j = 0;
  for (const t of tokens) {
    while (j < spans.length && spans[j]!.end <= t.start) j++;
    const s = spans[j];
    if (!s || t.end <= s.start) toks.push(t);
    else if (t.start === s.start) toks.push({ start: s.start, end: s.start + s.letters, kind: 'word' });
    // Other tokens inside the acronym (its dots) are gone with them.
  }
  // By where their letters end (the acronyms are disjoint: one each), for one look-up a match.
  const byLettersEnd = new Map<number, (typeof spans)[number]>();
  for (const x of spans) if (!byLettersEnd.has(x.start + x.letters)) byLettersEnd.set(x.start + x.letters, x);
  return {
    text: out,
    tokens: toks,
    widen<T extends Span>(m: T): T {
      const s = byLettersEnd.get(m.end);
      return s ? { ...m, end: s.end } : m;
    },
  };
}
