import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelsRoot } from '../../models/dir.js';
import { SentenceModel } from './sentence-model.js';

const root = modelsRoot();

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

// Name → language → model (null: none shipped). Two plain lookups: this runs once per scored
// sentence, and a `name.lang` key would build and hash a new string each time.
const byName = new Map<string, Map<string, SentenceModel | null>>([
  ['claims/checkworthy', new Map([['en', checkworthyModel]])],
  ['subjectivity/subjectivity', new Map([['en', subjectivityModel]])],
]);

/**
 * The model `models/<name>.<lang>.json` (`name` is `claims/checkworthy` or
 * `subjectivity/subjectivity`) when one is present, else undefined. English ships; a model
 * trained for another language (`newsprism train subjectivity --lang ru`) is picked up by
 * dropping it next to the English one.
 */
export function sentenceModelFor(name: string, lang: string): SentenceModel | undefined {
  let langs = byName.get(name);
  if (!langs) {
    langs = new Map();
    byName.set(name, langs);
  }
  let m = langs.get(lang);
  if (m === undefined) {
    const url = new URL(`${name}.${lang}.json`, root);
    m = existsSync(fileURLToPath(url)) ? new SentenceModel(url, '') : null;
    langs.set(lang, m);
  }
  return m ?? undefined;
}
