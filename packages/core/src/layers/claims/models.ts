import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SentenceModel } from './sentence-model.js';

// From src/layers/claims/ (and dist/layers/claims/) five levels up is the repository root.
const root = new URL('../../../../../models/', import.meta.url);

/** The shipped English check-worthiness model (CheckThat! 2024 Task 1). */
export const checkworthyModel = new SentenceModel(
  new URL('claims/checkworthy.en.json', root),
  'newsprism train claims --data ../shared/data/checkthat2024-checkworthy',
);

/** The shipped English subjectivity model (CheckThat! subjectivity). */
export const subjectivityModel = new SentenceModel(
  new URL('subjectivity/subjectivity.en.json', root),
  'newsprism train subjectivity --data ../shared/data/checkthat-subjectivity',
);

const byLang = new Map<string, SentenceModel | null>([
  ['claims/checkworthy.en', checkworthyModel],
  ['subjectivity/subjectivity.en', subjectivityModel],
]);

/**
 * The model `models/<name>.<lang>.json` (`name` is `claims/checkworthy` or
 * `subjectivity/subjectivity`) when one is present, else undefined. English ships; a model
 * trained for another language (`newsprism train subjectivity --lang ru`) is picked up by
 * dropping it next to the English one.
 */
export function sentenceModelFor(name: string, lang: string): SentenceModel | undefined {
  const key = `${name}.${lang}`;
  let m = byLang.get(key);
  if (m === undefined) {
    const url = new URL(`${name}.${lang}.json`, root);
    m = existsSync(fileURLToPath(url)) ? new SentenceModel(url, '') : null;
    byLang.set(key, m);
  }
  return m ?? undefined;
}
