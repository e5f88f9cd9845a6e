import { expect } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import type { Quote } from './types.js';

// One quotes-only pipeline for the layer's test files, set up once per test file.
const pipe = await createPipeline({ layers: ['quotes'] });

/** The `quotes` layer of `text` read as `lang`, scare quotes included. */
export const runQuotes = (text: string, lang: string): Quote[] =>
  pipe.run({ id: 't', text, meta: { lang } }).quotes!;

/** The text a span covers, if there is one. */
export const at = (text: string, s?: { start: number; end: number }) =>
  s ? text.slice(s.start, s.end) : undefined;

/** What a table case expects of one attribution: its content and any other fields it names. */
export interface Want {
  content: string;
  cue?: string;
  source?: string;
  speaker?: string;
  type?: string;
  rule?: string;
  parts?: string[];
}

/** A table case: a text and the attributions wanted in it, in order. */
export interface AttributionCase {
  name: string;
  text: string;
  want: Want[];
}

/**
 * Checks the attributions found in `text` against a table case: the contents in order, then the
 * fields each wanted attribution names, compared in one `toEqual`.
 */
export function expectAttributions(text: string, got: readonly Quote[], want: readonly Want[]): void {
  expect(got.map((q) => at(text, q))).toEqual(want.map((w) => w.content));
  const seen = got.map((q, i) => {
    const all: Record<keyof Want, unknown> = {
      content: text.slice(q.start, q.end),
      cue: at(text, q.cue),
      source: at(text, q.source),
      speaker: q.speaker?.name,
      type: q.speaker?.type,
      rule: q.rule,
      parts: q.parts?.map((p) => at(text, p)),
    };
    return Object.fromEntries(Object.keys(want[i] ?? {}).map((k) => [k, all[k as keyof Want]]));
  });
  expect(seen).toEqual(want);
}
