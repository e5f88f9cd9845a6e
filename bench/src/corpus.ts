import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared data folder next to the checkout, or undefined when it is absent. */
export function sharedData(): string | undefined {
  const dir = resolve(process.env.NEWSPRISM_SHARED ?? join(import.meta.dirname, '../../../shared'), 'data');
  return existsSync(dir) ? dir : undefined;
}

/** A benchmark article: id, language hint from its data set, verbatim text. */
export interface BenchArticle {
  id: string;
  set: string;
  text: string;
}

/** The language of a bench article's data set: `en` (SemEval English, PolNeAR), `ru` or `other`. */
export function benchLanguage(set: string): 'en' | 'ru' | 'other' {
  if (/\/(ru|RU)$/.test(set)) return 'ru';
  return /\/(en|EN)$|^polnear/.test(set) ? 'en' : 'other';
}

const ARTICLE_DIRS = [
  'semeval2023-task3/en/train-articles',
  'semeval2023-task3/ru/train-articles',
  'semeval2023-task3/fr/train-articles',
  'semeval2023-task3/ge/train-articles',
  'semeval2023-task3/it/train-articles',
  'semeval2023-task3/po/train-articles',
  'polnear/train/text',
  'polnear/dev/text',
  'semeval2025-task10/EN/documents',
  'semeval2025-task10/RU/documents',
];

/**
 * The fixed benchmark corpus: every article text under the shared data sets listed above, in
 * name order (the ptc2020 articles repeat semeval2023 `en` ones and are left out).
 */
export function loadArticles(data: string): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (const rel of ARTICLE_DIRS) {
    const dir = join(data, rel);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.txt')) continue;
      out.push({
        id: f,
        set: rel.split('/').slice(0, 2).join('/'),
        text: readFileSync(join(dir, f), 'utf8'),
      });
    }
  }
  return out;
}
