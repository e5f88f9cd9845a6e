import { checkworthiness } from '@newsprism/core';
import type { OutputFormat } from './format.js';
import { researchLang } from './research-lang.js';

/**
 * `--format checkworthy`: one line `id \t Yes|No` per document, the CheckThat! check-worthiness
 * submission format. Each input record is one sentence; its label is the model's decision on
 * the record's whole text, in the language `researchLang` picks (the same decision
 * `newsprism eval claims` scores).
 */
export function checkworthyFormat(): OutputFormat {
  return {
    name: 'checkworthy',
    description: 'CheckThat! check-worthiness: `id<TAB>Yes|No` per record (one sentence each)',
    layers: ['language'],
    render: (doc) =>
      `${doc.id}\t${checkworthiness(doc.text.trim(), researchLang(doc)).positive ? 'Yes' : 'No'}\n`,
  };
}
