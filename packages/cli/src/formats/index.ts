import { NewsprismError } from '@newsprism/core';
import { bratFormat } from './brat.js';
import { checkworthyFormat } from './checkworthy.js';
import type { OutputFormat } from './format.js';
import { jsonFormat, jsonlFormat } from './json.js';
import { subjectivityFormat } from './subjectivity.js';
import { textFormat } from './text.js';

/** Every output format of `analyze`, by name; each entry makes a fresh formatter for one run. */
export const formats: Record<string, () => OutputFormat> = {
  json: jsonFormat,
  jsonl: jsonlFormat,
  text: textFormat,
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
