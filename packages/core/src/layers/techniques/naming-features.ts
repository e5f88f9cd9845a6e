import { FeatureHasher, logBucket, type SparseVector } from '../../models/features.js';
import type { NamingTerm } from '../naming/build-terms.js';

/** One mention of a contested term (`naming` layer), flattened: where, which concept, form, pole, voice. */
export interface NamedMention {
  start: number;
  end: number;
  concept: string;
  form: string;
  pole: string;
  voice: string;
}

/** The `naming` layer's term mentions in text order. */
export function namedMentions(terms: readonly NamingTerm[]): NamedMention[] {
  const out: NamedMention[] = [];
  for (const t of terms)
    for (const m of t.mentions)
      out.push({
        start: m.start,
        end: m.end,
        concept: t.concept,
        form: t.form,
        pole: t.pole,
        voice: t.voice,
      });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Naming features of a sentence `[from, to)` for the techniques model (an experiment, Russian
 * first: `киевский режим`, `неонацисты` are Name_Calling and Loaded_Language signals that the
 * word rates of 80 articles see rarely): each contested term mentioned in it by pole (`nm:ru`),
 * pole and voice (`nm:ru:outlet`) and form (`nmf:<concept>:<form>`); and the article's prior
 * (`anm:<pole>:<bucket>`: how many outlet-voice mentions of each pole the whole article has, so
 * an article that names the Kiev regime weighs every sentence), all at `weight`.
 */
export function namingFeatures(
  mentions: readonly NamedMention[],
  from: number,
  to: number,
  bits: number,
  weight: number,
): SparseVector {
  const h = new FeatureHasher(bits);
  const names: string[] = [];
  const article = new Map<string, number>();
  for (const m of mentions) {
    if (m.voice === 'outlet') article.set(m.pole, (article.get(m.pole) ?? 0) + 1);
    if (m.start < from || m.start >= to) continue;
    names.push(`nm:${m.pole}`, `nm:${m.pole}:${m.voice}`, `nmf:${m.concept}:${m.form}`);
  }
  for (const [pole, n] of article) names.push(`anm:${pole}:${logBucket(n)}`);
  h.addAll(names, weight);
  return h.vector();
}
