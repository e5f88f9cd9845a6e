import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashString } from '@newsprism/core/train';
import { loadSemevalLanguage } from '../semeval2023/dataset.js';
import { segmentArticles, spanTechniques } from '../semeval2023/segment.js';
import type { LabelledSentence } from './load.js';

// SemEval-2023 directories of the languages that have one.
const DIRS: Record<string, string> = { en: 'en', ru: 'ru' };
// Techniques that are the writer's own judgement in the sentence that carries them.
const SUBJECTIVE = new Set([
  'Loaded_Language',
  'Name_Calling-Labeling',
  'Doubt',
  'Exaggeration-Minimisation',
  'Appeal_to_Fear-Prejudice',
  'Questioning_the_Reputation',
  'Appeal_to_Hypocrisy',
  'Causal_Oversimplification',
  'Slogans',
  'Appeal_to_Values',
  'Flag_Waving',
]);
const QUOTE = /["“”«»]/;

/**
 * Weakly labelled sentences (experiment `train subjectivity --set weak=N`) from the SemEval-2023
 * Task 3 articles of `lang` under `dataRoot`: a sentence that carries a span of a
 * {@link SUBJECTIVE} technique reads as subjective; a sentence of a `reporting` article that
 * carries no technique span at all reads as objective. Sentences of six words or more without
 * quotation marks (the outlet's own voice), `n` of each class chosen by a hash of the text,
 * each weighing `weight`. Noisy labels, but ten times as many words as the gold set.
 */
export async function weakSentences(
  dataRoot: string,
  lang: string,
  n: number,
  weight: number,
): Promise<LabelledSentence[]> {
  const root = join(dataRoot, 'semeval2023-task3');
  const dir = DIRS[lang];
  if (!dir || !existsSync(join(root, dir))) return [];
  const articles = loadSemevalLanguage(root, dir, 'all').filter((a) => a.spans);
  const segmented = await segmentArticles(articles);
  const pos: LabelledSentence[] = [];
  const neg: LabelledSentence[] = [];
  articles.forEach((a, k) => {
    const sentences = segmented[k]!.sentences;
    const techniques = spanTechniques(a, sentences);
    sentences.forEach((s, i) => {
      const text = a.text.slice(s.start, s.end).trim();
      if (text.split(/\s+/).length < 6 || QUOTE.test(text)) return;
      const t = techniques[i]!;
      const id = `weak:${a.id}:${s.start}`;
      if (t.some((x) => SUBJECTIVE.has(x))) pos.push({ id, text, positive: true, weight });
      else if (t.length === 0 && a.genre === 'reporting') neg.push({ id, text, positive: false, weight });
    });
  });
  const pick = (rows: LabelledSentence[]) =>
    rows
      .map((r) => [hashString(r.text), r] as const)
      .sort((x, y) => x[0] - y[0])
      .slice(0, n)
      .map(([, r]) => r);
  return [...pick(pos), ...pick(neg)];
}
