import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.js';
import { createPipeline } from './pipeline.js';
import { SCHEMA } from './schema.js';
import { ENGLISH_ARTICLE } from './testing/articles.js';

const doc = (await createPipeline({ layers: ['quotes', 'techniques'] })).run({
  id: 'a',
  text: ENGLISH_ARTICLE,
});
const json = JSON.stringify(doc);
const code = (c: string, message?: RegExp) =>
  expect.objectContaining({ code: c, ...(message ? { message: expect.stringMatching(message) } : {}) });
const edited = (edit: (d: Record<string, unknown>) => void) => {
  const d = JSON.parse(json);
  edit(d);
  return JSON.stringify(d);
};

describe('parseDocument', () => {
  it('round-trips an analysed document', () => {
    expect(parseDocument(json)).toEqual(doc);
    expect(JSON.stringify(parseDocument(json))).toBe(json);
    expect(parseDocument(JSON.parse(json))).toEqual(doc);
  });

  it('reads a newsprism/1 document, turning name@version producers into records', () => {
    const old = edited((d) => {
      d.schema = 'newsprism/1';
      d.producers = Object.fromEntries(
        Object.entries(d.producers as Record<string, { name: string; version: number }>).map(([k, p]) => [
          k,
          `${p.name}@${p.version}`,
        ]),
      );
    });
    const d = parseDocument(old);
    expect(d.schema).toBe(SCHEMA);
    expect(d.producers.quotes).toEqual({ name: 'quotes', version: doc.producers.quotes!.version });
  });

  it.each([
    ['not JSON', '{"schema": ', 'E_SCHEMA_JSON', /not JSON/],
    ['an array', '[]', 'E_SCHEMA_FOREIGN', /expected a JSON object/],
    ['another schema', '{"schema": "spacy/3"}', 'E_SCHEMA_FOREIGN', /"spacy\/3", expected "newsprism\/2"/],
    ['no schema', '{"id": "x"}', 'E_SCHEMA_FOREIGN', /missing/],
    [
      'a newer major',
      edited((d) => {
        d.schema = 'newsprism/3';
      }),
      'E_SCHEMA_NEWER',
      /upgrade @newsprism\/core/,
    ],
    [
      'text not a string',
      edited((d) => {
        d.text = 1;
      }),
      'E_SCHEMA_INVALID',
      /"text"/,
    ],
    [
      'a layer without producer',
      edited((d) => {
        delete (d.producers as Record<string, unknown>).quotes;
      }),
      'E_SCHEMA_INVALID',
      /layer "quotes" has no entry/,
    ],
    [
      'a producer without layer',
      edited((d) => {
        delete d.techniques;
      }),
      'E_SCHEMA_INVALID',
      /names layer "techniques"/,
    ],
    [
      'a span past the end',
      edited((d) => {
        (d.quotes as { end: number }[])[0]!.end = 1e6;
      }),
      'E_SCHEMA_INVALID',
      /quotes\[0\] \[\d+, 1000000\)/,
    ],
    [
      'an empty span',
      edited((d) => {
        const s = (d.sentences as { start: number; end: number }[])[1]!;
        s.end = s.start;
      }),
      'E_SCHEMA_INVALID',
      /sentences\[1\]/,
    ],
    [
      'a bad producer',
      edited((d) => {
        (d.producers as Record<string, unknown>).quotes = 'quotes@7';
      }),
      'E_SCHEMA_INVALID',
      /producers.quotes/,
    ],
  ])('refuses %s', (_name, text, c, message) => {
    expect(() => parseDocument(text)).toThrow(code(c, message));
  });
});
