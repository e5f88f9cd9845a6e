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
