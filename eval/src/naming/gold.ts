import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidation } from '../split.js';

/** One labelled occurrence of a contested term (offsets into the raw article file). */
export interface GoldTerm {
  start: number;
  end: number;
  concept: string;
  pole: string;
  voice: string;
}

/** A labelled article: its text, language and occurrences. */
export interface GoldArticle {
  id: string;
  lang: 'en' | 'ru';
  text: string;
  gold: GoldTerm[];
}

const SETS: Record<string, [dir: string, lang: 'en' | 'ru']> = {
  ru23: ['semeval2023-task3/ru/train-articles', 'ru'],
  ru25: ['semeval2025-task10/RU/documents', 'ru'],
  en23: ['semeval2023-task3/en/train-articles', 'en'],
  en25: ['semeval2025-task10/EN/documents', 'en'],
};

/** The shipped labels: `eval/data/naming-gold.tsv` (offsets and labels only, never text). */
export const GOLD_FILE = new URL('../../data/naming-gold.tsv', import.meta.url);

/** The final split's labels: articles labelled after tuning, scored once (`--split final`). */
export const FINAL_FILE = new URL('../../data/naming-final.tsv', import.meta.url);

/** A second final split, labelled after the fixes that followed the first (`--split final2`). */
export const FINAL2_FILE = new URL('../../data/naming-final2.tsv', import.meta.url);

/** A third final split, labelled after the session's generalising rules (`--split final3`). */
export const FINAL3_FILE = new URL('../../data/naming-final3.tsv', import.meta.url);

/** A fourth, after the fixes that followed the third (`--split final4`). */
export const FINAL4_FILE = new URL('../../data/naming-final4.tsv', import.meta.url);

/** A fifth, labelled after the third session's rule families were frozen (`--split final5`). */
export const FINAL5_FILE = new URL('../../data/naming-final5.tsv', import.meta.url);

/**
 * A sixth, labelled in the fourth session from SemEval-2023 `en` articles only (the last unseen
 * pool), most of which name nothing: their lines have no offsets (`set`, `file`), so the
 * analyzer's false positives there are counted (`--split final6`).
 */
export const FINAL6_FILE = new URL('../../data/naming-final6.tsv', import.meta.url);

/**
 * The splits of `naming-gold.tsv`, by article from a hash of the file id: `test`, 30% of its
 * articles, validates tuning done on `dev`, the rest. `final` to `final5` are their own files
 * (`naming-final.tsv` … `naming-final5.tsv`); `all` is every labelled article.
 */
export const inNamingSplit = (file: string, split: string): boolean =>
  split === 'all' || isValidation('naming', file, 0.3) === (split === 'test');

const FINALS: Record<string, URL> = {
  final: FINAL_FILE,
  final2: FINAL2_FILE,
  final3: FINAL3_FILE,
  final4: FINAL4_FILE,
  final5: FINAL5_FILE,
  final6: FINAL6_FILE,
};

const filesOf = (split: string): URL[] =>
  FINALS[split]
    ? [FINALS[split]!]
    : split === 'all'
      ? [GOLD_FILE, FINAL_FILE, FINAL2_FILE, FINAL3_FILE, FINAL4_FILE, FINAL5_FILE, FINAL6_FILE]
      : [GOLD_FILE];

/**
 * Loads the labelled articles of a split, reading the article texts from `data`
 * (`../shared/data`). Returns undefined when the data directory is absent. A line with a set and
 * a file only is an article read and found to name none of the concepts: it is scored (every
 * prediction there is a false positive) with no occurrence.
 */
export function loadNamingGold(data: string, split: string): GoldArticle[] | undefined {
  if (!existsSync(join(data, 'semeval2023-task3'))) return undefined;
  const byFile = new Map<string, GoldArticle>();
  const lines = filesOf(split).flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((line) => [line, f !== GOLD_FILE] as const),
  );
  for (const [line, final] of lines) {
    if (!line || line.startsWith('#') || line.startsWith('set\t')) continue;
    const [set, file, start, end, concept, pole, voice] = line.split('\t') as string[];
    if (!final && !inNamingSplit(file!, split)) continue;
    const [dir, lang] = SETS[set!]!;
    let a = byFile.get(file!);
    if (!a) {
      a = { id: file!, lang, text: readFileSync(join(data, dir, `${file}.txt`), 'utf8'), gold: [] };
      byFile.set(file!, a);
    }
    if (start === undefined || start === '') continue;
    a.gold.push({ start: Number(start), end: Number(end), concept: concept!, pole: pole!, voice: voice! });
  }
  return [...byFile.values()];
}
