import { NewsprismError } from '@newsprism/core';
import { bratFormat } from './brat.js';
import { checkworthyFormat } from './checkworthy.js';
import type { OutputFormat } from './format.js';
import { jsonFormat, jsonlFormat } from './json.js';
import { ptcSiFormat, semevalSt1Format, semevalSt2Format, semevalSt3Format } from './semeval.js';
import { subjectivityFormat } from './subjectivity.js';
import { textFormat } from './text.js';

/** Every output format of `analyze`, by name; each entry makes a fresh formatter for one run. */
export const formats: Record<string, () => OutputFormat> = {
  json: jsonFormat,
  jsonl: jsonlFormat,
  text: textFormat,
  'semeval2023-st1': semevalSt1Format,
  'semeval2023-st2': semevalSt2Format,
  'semeval2023-st3': semevalSt3Format,
  'ptc-si': ptcSiFormat,
  brat: bratFormat,
  checkworthy: checkworthyFormat,
  subjectivity: subjectivityFormat,
};

/** Makes the named formatter or throws `E_USAGE` listing the known names. */
export function makeFormat(name: string): OutputFormat {
  const f = formats[name];
  if (!f)
    throw new NewsprismError(
      'E_USAGE',
      `unknown --format "${name}"; use one of ${Object.keys(formats).join(', ')}`,
    );
  return f();
}
