import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelUrl } from '../../models/dir.js';
import { type LinearModel, loadLinearModel } from '../../models/linear.js';

const cache = new Map<string, LinearModel | null>();
/** The shipped model's path per language, resolved once (a URL resolution per article costs). */
const defaultPaths = new Map<string, string>();

/**
 * The learned-cue model of a language: `path` when given (`off` = none), else the shipped
 * `models/quotes/cues.<lang>.json` when the project trained one, else none.
 */
export function learnedCueModel(lang: string, path = ''): LinearModel | null {
  if (path === 'off') return null;
  let where = path || defaultPaths.get(lang);
  if (!where) {
    where = fileURLToPath(modelUrl(`quotes/cues.${lang}.json`));
    defaultPaths.set(lang, where);
  }
  let m = cache.get(where);
  if (m === undefined) {
    m =
      path || existsSync(where)
        ? loadLinearModel(where, 'npx newsprism train quotes-learned --data ../shared/data/polnear')
        : null;
    cache.set(where, m);
  }
  return m;
}
