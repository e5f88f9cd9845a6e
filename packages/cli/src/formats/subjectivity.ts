import { subjectivityScore } from '@newsprism/core';
import type { OutputFormat } from './format.js';
import { researchLang } from './research-lang.js';

/**
 * `--format subjectivity`: one line `id \t SUBJ|OBJ` per document, the CheckThat! subjectivity
 * submission format. Each input record is one sentence; its label is the model's decision on
 * the record's whole text, in the language `researchLang` picks (the same decision
 * `newsprism eval subjectivity` scores).
 */
export function subjectivityFormat(): OutputFormat {
  return {
    name: 'subjectivity',
    description: 'CheckThat! subjectivity: `id<TAB>SUBJ|OBJ` per record (one sentence each)',
    layers: ['language'],
    render: (doc) =>
      `${doc.id}\t${subjectivityScore(doc.text.trim(), researchLang(doc)).positive ? 'SUBJ' : 'OBJ'}\n`,
  };
}
