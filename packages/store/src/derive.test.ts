import { describe, expect, it } from 'vitest';
import { deriveParts, deriveRows, deriveSummary, layersJson } from './derive.js';
import { pack } from './packed.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';

describe('deriveSummary', () => {
  it('gives what deriveRows gives, without the text, layers and index columns', () => {
    for (const doc of SMALL_CORPUS) {
      const { terms, doc: row, ...tables } = deriveRows(doc);
      const { producers, layers, text, ftsTitle, ftsBody, ...summary } = row;
      expect(deriveSummary(doc)).toEqual({ doc: summary, ...tables });
      expect(text).toBe(doc.text);
      expect(ftsBody.trim().split(' ')).toHaveLength(summary.words);
    }
  });

  it('counts the words the index holds, letters and digits in any script', () => {
    const doc = { ...SMALL_CORPUS[0]!, text: 'Киев, 2023: the talks — re-opened!' };
    expect(deriveSummary(doc).doc.words).toBe(6);
  });

  it.each([
    ['2023-05-22T10:00:00Z', '2023-05-22', '2023-05'],
    // A month alone: in its month, and keyed by the month for the date filters.
    ['2023-05', '2023-05', '2023-05'],
    ['2023', null, null],
    ['22 May 2023', null, null],
  ])('reads published %j as day key %j and month %j', (published, day, month) => {
    const doc = { ...SMALL_CORPUS[0]!, meta: { ...SMALL_CORPUS[0]!.meta, published } };
    expect(deriveSummary(doc).doc).toMatchObject({ published, day, month });
  });

  it.each([
    ['en-GB', 'en'],
    ['RU', 'ru'],
    ['klingon', 'klingon'],
  ])('stores lang %j as %j', (lang, want) => {
    const doc = { ...SMALL_CORPUS[0]!, meta: { ...SMALL_CORPUS[0]!.meta, lang } };
    expect(deriveSummary(doc).doc.lang).toBe(want);
  });
});

describe('layersJson', () => {
  it.each([
    {},
    { a: 1 },
    { schema: 'newsprism/2', id: 'x', meta: { title: 'Киев' }, n: null, list: [1, 'два', { three: 3 }] },
    // Left out as JSON.stringify leaves them out, first, last or between.
    { gone: undefined, a: 'б', f: () => 1, b: 2, last: undefined },
    { only: undefined },
    // Keys that need escaping, integer keys (which come first), a toJSON, Latin-1 and astral text.
    { 'a"b': 1, '\n': 2, 10: 'ten', 2: 'two', when: new Date(0), café: 'naïve', emoji: '\u{1f600}' },
  ])('joins to JSON.stringify of the object (%#)', (value) => {
    const json = layersJson(value as Record<string, unknown>);
    const want = JSON.stringify(value);
    expect(json.parts.join('')).toBe(want);
    expect(json.length).toBe(want.length);
  });

  it('packs to the same bytes as the JSON in one string, and deriveRows holds that string', () => {
    for (const doc of SMALL_CORPUS) {
      const { text: _, ...rest } = doc;
      const want = JSON.stringify({ ...rest, producers: rest.producers === undefined ? undefined : null });
      const parts = deriveParts(doc).doc.layers;
      expect(deriveRows(doc).doc.layers).toBe(want);
      expect(pack(parts).equals(pack(want))).toBe(true);
    }
  });
});
