import type { SemevalArticle } from './dataset.js';

/** A hand-made article with gold spans given by the words they cover. */
export function article(id: string, text: string, spans: [string, string][]): SemevalArticle {
  return {
    id,
    dir: 'en',
    lang: 'en',
    text,
    spans: spans.map(([technique, words]) => {
      const start = text.indexOf(words);
      return { technique, start, end: start + words.length };
    }),
  } as SemevalArticle;
}

/** Loaded_Language, Name_Calling and Doubt spans in two sentences. */
export const LOADED_ARTICLE = article('1', 'The brutal regime lied. Calm talks went on.', [
  ['Loaded_Language', 'brutal'],
  ['Name_Calling-Labeling', 'regime'],
  ['Doubt', 'Calm talks'],
]);
