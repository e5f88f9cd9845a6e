import { describe, expect, it } from 'vitest';
import { parseQuery, positiveStems, type QueryNode } from './query/parse.js';
import { makeSnippets, type Snippet, snippetMaker } from './snippets.js';
import { stemWord } from './stem.js';

/**
 * The first version, which scanned the whole text, made phrase-aware by brute force (every word
 * stemmed, every phrase tried at every word): the reference the early stop must equal.
 */
function reference(text: string, query: QueryNode, max = 2): Snippet[] {
  const { stems, prefixes, phrases } = positiveStems(query);
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    stem: stemWord(m[0]),
  }));
  // How many words the longest match starting at each word covers.
  const len = words.map((w, i) => {
    let n = stems.has(w.stem) || prefixes.some((p) => w.stem.startsWith(p)) ? 1 : 0;
    for (const p of phrases) if (p.length > n && p.every((s, k) => words[i + k]?.stem === s)) n = p.length;
    return n;
  });
  const hits: { start: number; end: number; first: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (len[i] === 0) continue;
    let last = i + len[i]! - 1;
    for (let j = i + 1; j <= last; j++) last = Math.max(last, j + len[j]! - 1);
    hits.push({ start: words[i]!.start, end: words[last]!.end, first: words[i]!.end });
    i = last;
  }
  const cut = (at: number) => {
    if (at === 0) return 0;
    return Math.max(text.lastIndexOf(' ', at), text.lastIndexOf('\n', at)) + 1;
  };
  const out: Snippet[] = [];
  let i = 0;
  while (i < hits.length && out.length < max) {
    let start = Math.max(0, hits[i]!.start - 50);
    let end = Math.min(text.length, start + 200);
    start = cut(start);
    if (end < text.length) {
      const m = /\s/.exec(text.slice(end));
      end = m ? end + m.index : text.length;
    }
    const highlights: { start: number; end: number }[] = [];
    while (i < hits.length && hits[i]!.first <= end) {
      highlights.push({ start: hits[i]!.start - start, end: hits[i]!.end - start });
      if (hits[i]!.end > end) {
        const m = /\s/.exec(text.slice(hits[i]!.end));
        end = m ? hits[i]!.end + m.index : text.length;
      }
      i++;
    }
    if (highlights.length === 0) {
      i++;
      continue;
    }
    out.push({ text: text.slice(start, end).replace(/\s+/g, (w) => ' '.repeat(w.length)), highlights });
  }
  return out;
}

const WORDS = [
  'sanctions',
  'Sanction',
  'oil',
  'the',
  'a',
  'Украины',
  'украинский',
  'Ёлка',
  'елки',
  'said',
  'and',
];

/** A deterministic pseudo-random article: words, long words, new lines and runs of spaces. */
function article(seed: number): string {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const parts: string[] = [];
  const n = Math.floor(rnd() * 400);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    parts.push(
      r < 0.02
        ? 'x'.repeat(220)
        : r < 0.04
          ? `sanctions${'y'.repeat(200)}`
          : WORDS[Math.floor(rnd() * WORDS.length)]!,
    );
    parts.push(rnd() < 0.05 ? '\n' : rnd() < 0.05 ? '   ' : ' ');
  }
  return parts.join('');
}

/** The queries of the comparisons with the reference (the first five also cut texts). */
const QUERIES = [
  'sanctions',
  'oil OR украин*',
  '"said and" NOT oil',
  '"the oil" OR oil',
  '"the a the" OR "a the"',
  'ёлка',
  'sanc*',
  '"and the" sanctions',
  '"украины ёлка" said',
];

describe('makeSnippets', () => {
  it.each(QUERIES)('stops early with the snippets of a whole scan (%s)', (q) => {
    const query = parseQuery(q);
    for (let seed = 1; seed <= 300; seed++) {
      const text = article(seed);
      for (const max of [1, 2, 3])
        expect(makeSnippets(text, query, max)).toEqual(reference(text, query, max));
    }
  });

  it.each(QUERIES.slice(0, 5))(
    'answers from the head of a text only with the whole text’s snippets (%s)',
    (q) => {
      const query = parseQuery(q);
      let answered = 0;
      let declined = 0;
      for (let seed = 1; seed <= 120; seed++) {
        const text = article(seed);
        for (const max of [1, 2]) {
          const snip = snippetMaker(query, max);
          const want = reference(text, query, max);
          expect(snip(text, true)).toEqual(want);
          for (let cut = 0; cut < text.length; cut += 37) {
            const got = snip(text.slice(0, cut), false);
            if (got === undefined) declined++;
            else {
              answered++;
              expect(got, `seed ${seed}, max ${max}, cut ${cut}`).toEqual(want);
            }
          }
        }
      }
      // Both ways are taken: heads long enough, and heads that stop before the last snippet.
      expect(answered).toBeGreaterThan(100);
      expect(declined).toBeGreaterThan(100);
    },
  );

  it('marks the matches of a short text', () => {
    expect(makeSnippets('Oil and the sanctions.\nSanction oil.', parseQuery('sanctions'))).toEqual([
      {
        text: 'Oil and the sanctions. Sanction oil.',
        highlights: [
          { start: 12, end: 21 },
          { start: 23, end: 31 },
        ],
      },
    ]);
  });

  it('finds words whose first letter is outside the BMP (a surrogate pair)', () => {
    const text = 'Before 𐐨𐐯𐐨 and 𐐨𐐯𐐨s, then x𐐨𐐯𐐨.';
    expect(makeSnippets(text, parseQuery('𐐨𐐯𐐨'))).toEqual([{ text, highlights: [{ start: 7, end: 13 }] }]);
    expect(makeSnippets(text, parseQuery('𐐨𐐯*'))).toEqual([
      {
        text,
        highlights: [
          { start: 7, end: 13 },
          { start: 18, end: 25 },
        ],
      },
    ]);
  });

  it('marks the positive terms only, not those under NOT', () => {
    expect(makeSnippets('oil and gas', parseQuery('oil NOT gas'))).toEqual([
      { text: 'oil and gas', highlights: [{ start: 0, end: 3 }] },
    ]);
  });

  /** The highlighted pieces of a text's snippets. */
  const marked = (text: string, q: string, max = 2) =>
    makeSnippets(text, parseQuery(q), max).flatMap((s) =>
      s.highlights.map((h) => s.text.slice(h.start, h.end)),
    );

  it('marks a phrase only where its words follow one another, as one highlight', () => {
    const text = 'A white paper on the House vote. The White House said; white-house staff agreed.';
    expect(marked(text, '"White House"')).toEqual(['White House', 'white-house']);
    expect(marked(text, 'white "White House"')).toEqual(['white', 'White House', 'white-house']);
    expect(marked(text, '"White House" NOT paper')).toEqual(['White House', 'white-house']);
    // Stemmed and case-folded as the index matches: other forms of the words are the phrase too.
    expect(marked('The WHITE HOUSES stood.', '"white house"')).toEqual(['WHITE HOUSES']);
  });

  it('does not mark a name’s first name where it begins another name', () => {
    const text = 'Владимир Путин встретился с главой Украины. Владимира Зеленского спросили о встрече.';
    expect(marked(text, '"Владимир Зеленский" OR Зеленский')).toEqual(['Владимира Зеленского']);
    expect(marked(text, '"Владимир Зеленский" OR "Владимир Путин"')).toEqual([
      'Владимир Путин',
      'Владимира Зеленского',
    ]);
  });

  it('makes overlapping occurrences of a phrase one highlight', () => {
    expect(marked('x a b a b a y', '"a b a"')).toEqual(['a b a b a']);
    expect(marked('New York New York City', '"New York City" OR york')).toEqual(['York', 'New York City']);
  });

  it('widens a snippet to a phrase its window cuts', () => {
    let widened = 0;
    for (let pad = 0; pad < 30; pad++) {
      const text = `Brussels ${'ab '.repeat(40 + pad)}European Union. ${'cd '.repeat(80)}`;
      const snippets = makeSnippets(text, parseQuery('Brussels OR "European Union"'));
      // In the first snippet when its first word is, else the second snippet's.
      expect(snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end)))).toEqual([
        'Brussels',
        'European Union',
      ]);
      // The window ends at the white space after character 200 unless the phrase runs past it.
      if (snippets.length === 1 && snippets[0]!.text.endsWith('Union.')) widened++;
    }
    expect(widened).toBeGreaterThan(0);
  });
});
