import type { NewsDocument } from './schema.js';

/** How short a text was for a document-level layer that abstained, and what it needed. */
export interface TooShort {
  words: number;
  minWords: number;
}

/**
 * The message of `I_<NAME>_TOO_SHORT`: the text's word count and the minimum, which
 * {@link readTooShort} reads back.
 */
export function tooShortMessage(name: string, words: number, minWords: number, lang?: string): string {
  return `${name} not given: the text has ${words} word${words === 1 ? '' : 's'}, fewer than the ${minWords} the ${name} model needs${lang ? ` in "${lang}"` : ''} (option minWords)`;
}

const COUNTS = /the text has (\d+) words?, fewer than the (\d+) /;

/**
 * Whether `layer` (`genre`, `frames`) abstained on the document as too short, with the counts
 * its diagnostic gives (`{words: 0, minWords: 0}` when a message of another wording says
 * neither): for a front end that says how short is too short.
 *
 * @example readTooShort(doc, 'frames') // {words: 59, minWords: 100}
 */
export function readTooShort(doc: Pick<NewsDocument, 'diagnostics'>, layer: string): TooShort | undefined {
  const d = doc.diagnostics?.find((x) => x.code === `I_${layer.toUpperCase()}_TOO_SHORT`);
  if (!d) return undefined;
  const m = COUNTS.exec(d.message);
  return { words: Number(m?.[1] ?? 0), minWords: Number(m?.[2] ?? 0) };
}
