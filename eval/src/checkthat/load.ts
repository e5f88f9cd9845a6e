import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';
import { isValidation } from '../split.js';

/** One labelled sentence of a CheckThat! data set. */
export interface LabelledSentence {
  id: string;
  text: string;
  /** `true` for the positive class: `Yes` (check-worthy) or `SUBJ` (subjective). */
  positive: boolean;
  /** The sentence before it in the transcript, when known (experiment `--set context=W`). */
  before?: string;
  /** Training weight (default 1): weakly labelled rows weigh less. */
  weight?: number;
  /**
   * Subjectivity: whether the annotators disagreed and the label was settled afterwards (the
   * files' `solved_conflict` column, `True` or `False`); absent where the file leaves it empty.
   */
  conflict?: boolean;
}

function read(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path))
    throw new NewsprismError('E_DATA_MISSING', `${path} not found; point --data at the CheckThat! folder`);
  return readFileSync(path, 'utf8');
}

// CheckThat! names its files by language name.
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'english',
  ru: 'russian',
  ar: 'arabic',
  nl: 'dutch',
  es: 'spanish',
};

/**
 * Reads a CheckThat! 2024 check-worthiness file (`Sentence_id \t Text \t Yes|No`) of split
 * `train`, `dev` or `dev-test` of language `lang` (`CT24_checkworthy_<language>_<split>.tsv`). Records are matched over the whole file rather than line by
 * line: one line of the released train file holds two records run together.
 */
export function loadCheckworthy(dir: string, split: string, lang = 'en'): LabelledSentence[] {
  const raw = read(dir, `CT24_checkworthy_${LANGUAGE_NAMES[lang] ?? lang}_${split}.tsv`);
  const out: LabelledSentence[] = [];
  for (const m of raw.matchAll(/(?:^|(?<=\n|Yes|No))(\d+)\t([^\t\n]*)\t(Yes|No)(?=\r?\n|\d|$)/g))
    out.push({ id: m[1]!, text: unwrapCsvField(m[2]!.trim()), positive: m[3] === 'Yes' });
  return out;
}

/**
 * The text of a field the CheckThat! 2024 files carry in CSV quoting: half of the English
 * sentences — exactly those with a comma — are wrapped in `"…"` with their own marks doubled
 * (`""Miss Housekeeping""`). Unwrapped, the model sees the sentence as an article holds it:
 * wrapped, every sentence with a comma had a quotation mark (`p:quote`) that news text never
 * gives it. Text that is not one such field is returned as it is.
 */
export function unwrapCsvField(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const inner = text.slice(1, -1);
  // Inside a field every mark is doubled; a lone one means the outer marks are the sentence's own.
  if (inner.replace(/""/g, '').includes('"')) return text;
  return inner.replace(/""/g, '"');
}

/**
 * The subjectivity sentences of `train_<lang>` and `dev_<lang>` together (their balances differ:
 * 36 % and 52 % subjective in English), cut by a hash of the id into `final` (about 20 %,
 * scored once after tuning) and `pool` (the rest, for training and K-fold); `all` is both.
 */
export function loadSubjectivityUnion(
  dir: string,
  lang: string,
  part: 'pool' | 'final' | 'all',
): LabelledSentence[] {
  const rows = [...loadSubjectivity(dir, 'train', lang), ...loadSubjectivity(dir, 'dev', lang)];
  if (part === 'all') return rows;
  return rows.filter((r) => isValidation('checkthat-subjectivity-union', r.id) === (part === 'final'));
}

/**
 * The English subjectivity sentences by the release they first came in: CheckThat! 2024's
 * `dev_en` joins 2023's dev (the 219 rows that fill `solved_conflict`) and 2023's test (the 243
 * that leave it empty); `train_en` is 2023's train. Each source holds its own articles, so
 * fitting on two and scoring the third is a held-out test by document (`train subjectivity
 * --set fit=sources`).
 */
export function loadSubjectivitySources(dir: string, lang: string): Record<string, LabelledSentence[]> {
  const dev = loadSubjectivity(dir, 'dev', lang);
  return {
    train: loadSubjectivity(dir, 'train', lang),
    'dev-a': dev.filter((r) => r.conflict !== undefined),
    'dev-b': dev.filter((r) => r.conflict === undefined),
  };
}

/**
 * Reads a CheckThat! subjectivity file (`sentence_id \t sentence \t OBJ|SUBJ [\t solved_conflict]`),
 * `train` or `dev`.
 */
export function loadSubjectivity(dir: string, split: string, lang = 'en'): LabelledSentence[] {
  const raw = read(dir, `${split}_${lang}.tsv`);
  const out: LabelledSentence[] = [];
  for (const line of raw.split(/\r?\n/).slice(1)) {
    const f = line.split('\t');
    if (f.length < 3 || (f[2] !== 'SUBJ' && f[2] !== 'OBJ')) continue;
    out.push({
      id: f[0]!,
      text: unwrapCsvField(f[1]!.trim()),
      positive: f[2] === 'SUBJ',
      ...(f[3] === 'True' || f[3] === 'False' ? { conflict: f[3] === 'True' } : {}),
    });
  }
  return out;
}
