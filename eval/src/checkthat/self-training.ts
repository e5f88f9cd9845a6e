import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '@newsprism/core';
import { type LinearModel, type SparseVector, sentenceVector } from '@newsprism/core/train';
import { type FitSettings, fitSentenceModel } from './fit.js';
import type { LabelledSentence } from './load.js';

/** Article folders under `../shared/data` whose sentences serve as unlabelled news, by language. */
const SOURCES: Record<string, string[]> = {
  en: ['semeval2023-task3/en/train-articles', 'polnear/train/text'],
  ru: ['semeval2023-task3/ru/train-articles', 'semeval2025-task10/RU/documents'],
};

/**
 * Unlabelled news sentences of `lang` from the shared article sets: body sentences of six
 * words or more without quotation marks (the outlet's own voice), from the first `maxFiles`
 * files of each folder in name order.
 */
export async function unlabelledSentences(dataRoot: string, lang: string, maxFiles = 400): Promise<string[]> {
  const pipeline = await createPipeline({ layers: ['sentences'] });
  const out: string[] = [];
  for (const rel of SOURCES[lang] ?? []) {
    const dir = join(dataRoot, rel);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort().slice(0, maxFiles)) {
      const text = readFileSync(join(dir, f), 'utf8');
      const doc = pipeline.run({ id: f, text, meta: { lang } });
      for (const s of doc.sentences ?? []) {
        if (doc.paragraphs![s.paragraph]!.role !== 'body') continue;
        const t = text.slice(s.start, s.end);
        if (t.split(/\s+/).length >= 6 && !/["“”«»]/.test(t)) out.push(t);
      }
    }
  }
  return out;
}

/** Vectors of unlabelled sentences, computed once for every self-training round. */
export function vectorsOf(sentences: readonly string[], lang: string, s: FitSettings): SparseVector[] {
  return sentences.map((t) => sentenceVector(t, lang, s));
}

/**
 * Self-training: fits on `rows`, labels the `k` unlabelled sentences it is surest are positive
 * and the `k` it is surest are negative, and fits again with them added at `weight`. With 830
 * labelled sentences, in-domain news read this way teaches the model words the labelled set
 * lacks; measured on CheckThat! subjectivity it added about 0.01–0.02 macro-F1.
 */
export function selfTrain(
  rows: readonly LabelledSentence[],
  pool: readonly SparseVector[],
  s: FitSettings,
  label: string,
  lang: string,
  k: number,
  weight: number,
): LinearModel {
  if (k <= 0 || pool.length === 0) return fitSentenceModel(rows, s, label, lang);
  const first = fitSentenceModel(rows, { ...s, seeds: 1 }, label, lang);
  const ranked = pool.map((x, i) => [first.probabilities(x)[0]!, i] as const).sort((a, b) => a[0] - b[0]);
  const n = Math.min(k, Math.floor(ranked.length / 2));
  const extra = [
    ...ranked.slice(0, n).map(([, i]) => ({ x: pool[i]!, y: [] as number[], weight })),
    ...ranked.slice(-n).map(([, i]) => ({ x: pool[i]!, y: [0], weight })),
  ];
  return fitSentenceModel(rows, s, label, lang, extra);
}
