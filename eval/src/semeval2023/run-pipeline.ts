import { createPipeline, type NewsDocument } from '@newsprism/core';
import type { TaskOptions } from '../task.js';
import type { SemevalArticle } from './dataset.js';

/**
 * Runs the real pipeline over data set articles, as `analyze` would over the files: the
 * language is detected (not declared) unless `--set declare=1`, so the figures include the
 * detector's mistakes. `--model` replaces the shipped model of `analyzer`; genre and frames
 * decide every article, however short (`minWords: 0`).
 */
export async function analyzeArticles(
  articles: readonly SemevalArticle[],
  analyzer: string,
  o: TaskOptions,
): Promise<{ article: SemevalArticle; doc: NewsDocument }[]> {
  // The data set scores every article: genre and frames decide the short ones too, as the
  // research formats (`--format semeval2023-st1|st2`) do.
  const own = {
    ...(o.model ? { model: o.model } : {}),
    ...(analyzer === 'genre' || analyzer === 'frames' ? { minWords: 0 } : {}),
  };
  const pipeline = await createPipeline({
    layers: [analyzer],
    options: Object.keys(own).length ? { [analyzer]: own } : undefined,
  });
  return articles.map((article) => ({
    article,
    doc: pipeline.run({
      id: article.id,
      text: article.text,
      meta: { format: 'text', ...(o.extra.declare === '1' ? { lang: article.lang } : {}) },
    }),
  }));
}
