import { NewsprismError } from '@newsprism/core/schema';
import type { OutputFormat } from './format.js';

/**
 * Every output format of `analyze`, by name; each entry loads its module on demand and makes a
 * fresh formatter for one run. Loading on demand keeps the JSON path free of the models the
 * research formats score with.
 */
export const formats: Record<string, () => Promise<OutputFormat>> = {
  json: async () => (await import('./json.js')).jsonFormat(),
  jsonl: async () => (await import('./json.js')).jsonlFormat(),
  text: async () => (await import('./text.js')).textFormat(),
  'semeval2023-st1': async () => (await import('./semeval.js')).semevalSt1Format(),
  'semeval2023-st2': async () => (await import('./semeval.js')).semevalSt2Format(),
  'semeval2023-st3': async () => (await import('./semeval.js')).semevalSt3Format(),
  'ptc-si': async () => (await import('./semeval.js')).ptcSiFormat(),
  brat: async () => (await import('./brat.js')).bratFormat(),
  checkworthy: async () => (await import('./checkworthy.js')).checkworthyFormat(),
  subjectivity: async () => (await import('./subjectivity.js')).subjectivityFormat(),
};

/** Makes the named formatter or throws `E_USAGE` listing the known names. */
export async function makeFormat(name: string): Promise<OutputFormat> {
  const f = formats[name];
  if (!f)
    throw new NewsprismError(
      'E_USAGE',
      `unknown --format "${name}"; use one of ${Object.keys(formats).join(', ')}`,
    );
  return f();
}
