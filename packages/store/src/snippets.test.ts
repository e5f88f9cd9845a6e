import { describe, expect, it } from 'vitest';
import { parseQuery, positiveStems, type QueryNode } from './query/parse.js';
import { makeSnippets, type Snippet, snippetMaker } from './snippets.js';
import { stemWord } from './stem.js';

/** The first version, which scanned the whole text: the reference the early stop must equal. */
function reference(text: string, query: QueryNode, max = 2): Snippet[] {
  const { stems, prefixes } = positiveStems(query);
  const heads = new Set([...stems, ...prefixes].map((s) => s.slice(0, 1)));
  const hits: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!heads.has(m[0].slice(0, 1).toLowerCase().replace('ё', 'е'))) continue;
    const s = stemWord(m[0]);
    if (stems.has(s) || prefixes.some((p) => s.startsWith(p)))
      hits.push({ start: m.index, end: m.index + m[0].length });
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
    while (i < hits.length && hits[i]!.end <= end) {
      highlights.push({ start: hits[i]!.start - start, end: hits[i]!.end - start });
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

describe('makeSnippets', () => {
  it.each(['sanctions', 'oil OR украин*', 'ёлка', '"said and" NOT oil', 'sanc*'])(
    'stops early with the snippets of a whole scan (%s)',
    (q) => {
      const query = parseQuery(q);
      for (let seed = 1; seed <= 300; seed++) {
        const text = article(seed);
        for (const max of [1, 2, 3])
          expect(makeSnippets(text, query, max)).toEqual(reference(text, query, max));
      }
    },
  );

  it.each(['sanctions', 'oil OR украин*', '"said and" NOT oil'])(
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
});
