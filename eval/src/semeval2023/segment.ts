import { createPipeline } from '@newsprism/core';
import { type NamedMention, namedMentions } from '@newsprism/core/train';
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
  /** With `syntax`: the `syntax` layer's tags and each sentence's tokens `[from, to)`. */
  syntax?: {
    upos: string[];
    lemma: string[];
    /** UD FEATS per token (Russian), when the model has morphology. */
    feats?: string[];
    forms: string[];
    ranges: [number, number][];
  };
  /** With `naming`: the `naming` layer's term mentions in text order. */
  naming?: NamedMention[];
}

/** Runs the `paragraphs` and `sentences` layers over every article, in order. */
export async function segmentArticles(
  articles: readonly Pick<SemevalArticle, 'id' | 'text' | 'lang'>[],
  syntax = false,
  naming = false,
): Promise<Segmented[]> {
  const layers = ['sentences', ...(syntax ? ['syntax'] : []), ...(naming ? ['naming'] : [])];
  const pipeline = await createPipeline({ layers });
  return articles.map((a) => {
    const doc = pipeline.run({ id: a.id, text: a.text, meta: { format: 'text', lang: a.lang } });
    const out: Segmented = { paragraphs: doc.paragraphs!, sentences: doc.sentences! };
    if (naming && doc.naming) out.naming = namedMentions(doc.naming.terms);
    if (syntax && doc.syntax && doc.tokens) {
      const tokens = doc.tokens;
      // Each sentence's tokens: those that start inside it.
      let k = 0;
      const ranges = out.sentences.map((s): [number, number] => {
        while (k < tokens.length && tokens[k]!.start < s.start) k++;
        const from = k;
        while (k < tokens.length && tokens[k]!.start < s.end) k++;
        return [from, k];
      });
      out.syntax = {
        upos: doc.syntax.upos,
        lemma: doc.syntax.lemma,
        ...(doc.syntax.feats ? { feats: doc.syntax.feats } : {}),
        forms: tokens.map((t) => a.text.slice(t.start, t.end)),
        ranges,
      };
    }
    return out;
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
