import { fileURLToPath } from 'node:url';
import { modelUrl } from '../../models/dir.js';
import { type LinearModel, parseLinearModel, withLabels } from '../../models/linear.js';
import type { ModelRegistry } from '../../models/registry.js';

/** The content-end models of a pipeline: one per language, or a user's for every language. */
export interface ContentEndModels {
  byLang: ReadonlyMap<string, LinearModel>;
  own?: LinearModel;
}

/** Languages with a shipped content-end model (`models/quotes/ends.<lang>.json`). */
const SHIPPED = ['en'];

/**
 * Loads the content-end models for the option `ends`: `''` = the shipped ones, a model file's
 * path = that model for every language, `off` = none (contents end where the rules end them).
 */
export function loadContentEnds(registry: ModelRegistry, ends: string): ContentEndModels | null {
  if (ends === 'off') return null;
  const parse =
    (what: string) =>
    ([b]: Buffer[]) =>
      withLabels(parseLinearModel(b!.toString('utf8'), what), ['end'], what, 'content-end');
  if (ends)
    return {
      byLang: new Map(),
      own: registry.load('quotes/ends-user', ends, parse(ends), 'make one with newsprism train quotes-ends'),
    };
  const byLang = new Map<string, LinearModel>();
  for (const lang of SHIPPED) {
    const path = fileURLToPath(modelUrl(`quotes/ends.${lang}.json`));
    if (registry.exists(path))
      byLang.set(
        lang,
        registry.load(
          `quotes/ends.${lang}.json`,
          path,
          parse(`quotes/ends.${lang}.json`),
          'train it with newsprism train quotes-ends --data ../shared/data/polnear',
        ),
      );
  }
  return { byLang };
}

/** The content-end model of a document's language, if any. */
export const contentEndsFor = (models: ContentEndModels | null, lang: string): LinearModel | undefined =>
  models ? (models.own ?? models.byLang.get(lang)) : undefined;
