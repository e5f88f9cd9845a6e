import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { COL, NewsprismError, readConllu, sentenceDocId } from '@newsprism/core';

/** A gold sentence of a UD treebank. */
export interface UdSentence {
  /** Document id (for splitting by document). */
  doc: string;
  forms: string[];
  upos: string[];
  lemmas: string[];
  feats: string[];
  /** Gold head per word, 0-based (−1 for the root; the file's HEAD minus one). */
  heads?: number[];
  /** Gold DEPREL per word, subtype included (`nsubj:pass`). */
  deprels?: string[];
}

/** Training files and dev sets per language, relative to `../shared/data/ud`. */
export const TREEBANKS: Record<string, { train: string[]; dev: Record<string, string> }> = {
  en: {
    train: ['en-ewt/en_ewt-ud-train.conllu', 'en-gum/en_gum-ud-train.conllu'],
    dev: { EWT: 'en-ewt/en_ewt-ud-dev.conllu', GUM: 'en-gum/en_gum-ud-dev.conllu' },
  },
  ru: {
    train: [
      'ru-taiga/ru_taiga-ud-train.conllu',
      'ru-grameval2020/GramEval2020-Taiga-social-train.conllu',
      'ru-grameval2020/GramEval2020-Taiga-news-train.conllu',
      'ru-grameval2020/MorphoRuEval2017-Lenta-train.conllu',
      'ru-grameval2020/MorphoRuEval2017-VK-gold.conllu',
      'ru-grameval2020/MorphoRuEval2017-JZ-gold.conllu',
    ],
    dev: {
      Taiga: 'ru-taiga/ru_taiga-ud-dev.conllu',
      'GramEval Lenta news': 'ru-grameval2020/GramEval2020-RuEval2017-Lenta-news-dev.conllu',
      'GramEval SynTagRus': 'ru-grameval2020/GramEval2020-SynTagRus-dev.conllu',
      'GramEval GSD wiki': 'ru-grameval2020/GramEval2020-GSD-wiki-dev.conllu',
    },
  },
};

/** Reads the languages this run covers (`--lang en|ru`, default both). */
export function udLanguages(lang: string | undefined): string[] {
  if (lang === undefined) return Object.keys(TREEBANKS);
  if (!TREEBANKS[lang])
    throw new NewsprismError(
      'E_USAGE',
      `--lang must be one of ${Object.keys(TREEBANKS).join(', ')} for syntax`,
    );
  return [lang];
}

/**
 * Loads CoNLL-U files as gold sentences. A sentence whose words repeat one already loaded, or
 * one in `exclude` (the words of every dev sentence, joined by spaces), is dropped: GramEval's
 * Taiga file repeats most of UD Taiga's train and 588 of its 945 dev sentences, and its Lenta
 * train file all of GramEval's Lenta dev. No duplicate weighs twice, straddles the validation
 * split or leaks a dev sentence into training. Files without document ids fall in blocks of 50
 * sentences.
 */
export function loadTreebanks(
  data: string,
  files: readonly string[],
  exclude: ReadonlySet<string> = new Set(),
): UdSentence[] {
  const out: UdSentence[] = [];
  const seen = new Set<string>(exclude);
  for (const rel of files) {
    const path = join(data, rel);
    if (!existsSync(path))
      throw new NewsprismError(
        'E_DATA',
        `${path} not found; --data should be the ud folder (../shared/data/ud)`,
      );
    readConllu(readFileSync(path, 'utf8')).forEach((s, n) => {
      const doc = sentenceDocId(s, '') || `${basename(rel)}#${Math.floor(n / 50)}`;
      const rows = s.words.map((r) => s.rows[r]!);
      const forms = rows.map((r) => r[COL.form]!);
      const key = forms.join(' ');
      if (seen.has(key)) return;
      seen.add(key);
      out.push({
        doc: `${basename(rel)}:${doc}`,
        forms,
        upos: rows.map((r) => r[COL.upos]!),
        lemmas: rows.map((r) => r[COL.lemma]!),
        feats: rows.map((r) => r[COL.feats]!),
        heads: rows.map((r) => headIndex(r[COL.head]!)),
        deprels: rows.map((r) => r[COL.deprel]!),
      });
    });
  }
  return out;
}

/** A CoNLL-U HEAD as a 0-based word index (−1 for the root, or when the file has none). */
const headIndex = (h: string): number => (/^\d+$/.test(h) ? Number(h) - 1 : -1);

/** The value of feature `name` in a UD FEATS string (`''` when absent). */
export function featValue(feats: string, name: string): string {
  for (const kv of feats.split('|')) if (kv.startsWith(`${name}=`)) return kv.slice(name.length + 1);
  return '';
}

/**
 * The word sequences of every dev sentence of a language (of the dev `files` given, by default
 * all), to keep them out of training.
 */
export function devSentences(
  data: string,
  lang: string,
  files: readonly string[] = Object.values(TREEBANKS[lang]!.dev),
): Set<string> {
  const out = new Set<string>();
  for (const file of files) for (const s of loadTreebanks(data, [file])) out.add(s.forms.join(' '));
  return out;
}
