import { createPipeline } from '@newsprism/core';
import type { SemevalArticle } from './dataset.js';

/** A span of an article's text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** An article's paragraphs and sentences as the pipeline finds them (language declared). */
export interface Segmented {
  paragraphs: TextSpan[];
  sentences: (TextSpan & { paragraph: number })[];
}

/** Runs the `paragraphs` and `sentences` layers over every article, in order. */
export async function segmentArticles(
  articles: readonly Pick<SemevalArticle, 'id' | 'text' | 'lang'>[],
): Promise<Segmented[]> {
  const pipeline = await createPipeline({ layers: ['sentences'] });
  return articles.map((a) => {
    const doc = pipeline.run({ id: a.id, text: a.text, meta: { format: 'text', lang: a.lang } });
    return { paragraphs: doc.paragraphs!, sentences: doc.sentences! };
  });
}

/**
 * The gold techniques of each unit (a span of `article.text`): those of the gold spans that
 * overlap it by at least one non-space character.
 */
export function spanTechniques(article: SemevalArticle, units: readonly TextSpan[]): string[][] {
  const spans = article.spans ?? [];
  return units.map((u) => {
    const out = new Set<string>();
    for (const s of spans) {
      const a = Math.max(s.start, u.start);
      const b = Math.min(s.end, u.end);
      if (b > a && article.text.slice(a, b).trim() !== '') out.add(s.technique);
    }
    return [...out].sort();
  });
}
