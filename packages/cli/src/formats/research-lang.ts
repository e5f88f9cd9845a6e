import type { NewsDocument } from '@newsprism/core';

// Languages with a model or a lexicon of their own for the sentence classifiers.
const OWN = new Set(['en', 'ru']);

/**
 * The language to score a one-sentence research record in: the declared one (`--lang`, a JSONL
 * `lang` field), else the detected one when the classifiers know it, else English. Language
 * identification on a single sentence is unreliable (a CheckThat! English sentence may come
 * out as Tagalog), and the research sets these formats serve are English unless declared.
 */
export function researchLang(doc: NewsDocument): string {
  const l = doc.language;
  if (!l) return 'en';
  if (l.method === 'declared' || OWN.has(l.code)) return l.code;
  return 'en';
}
