import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';
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
  /** The publication date (ISO) where the source gives one (PolNeAR's `metadata.tsv`). */
  published?: string;
}

/** Sets of one text per `.txt` file: directory under the data root, language. */
const SETS: Record<string, [dir: string, lang: 'en' | 'ru']> = {
  ru23: ['semeval2023-task3/ru/train-articles', 'ru'],
  ru25: ['semeval2025-task10/RU/documents', 'ru'],
  en23: ['semeval2023-task3/en/train-articles', 'en'],
  en25: ['semeval2025-task10/EN/documents', 'en'],
  'polnear-train': ['polnear/train/text', 'en'],
  'polnear-dev': ['polnear/dev/text', 'en'],
};

/**
 * Sets whose texts are fields of JSON lines (`{id, ru, en_human, en_machine}`, WMT22 Russian
 * news with a human and a machine English translation): file, field, language. The `file`
 * column is the document's `id`; the article id is `<id>/<field>`, since one document gives
 * three texts.
 */
const JSONL_SETS: Record<string, [file: string, field: string, lang: 'en' | 'ru', key?: string]> = {
  'wmt22-ru': ['translations-ru-en/documents.jsonl', 'ru', 'ru'],
  'wmt22-en-human': ['translations-ru-en/documents.jsonl', 'en_human', 'en'],
  'wmt22-en-machine': ['translations-ru-en/documents.jsonl', 'en_machine', 'en'],
  // SemEval-2022 Task 8 news pairs (`{pair_id, lang1, lang2, text1, text2, …}`): a text of a
  // pair, keyed by `pair_id`, in the set's language (`simil-en-2`: `text2` of a pair whose
  // `lang2` is `en`).
  'simil-en-1': ['story-similarity/pairs.jsonl', 'text1', 'en', 'pair_id'],
  'simil-en-2': ['story-similarity/pairs.jsonl', 'text2', 'en', 'pair_id'],
  'simil-ru-1': ['story-similarity/pairs.jsonl', 'text1', 'ru', 'pair_id'],
  'simil-ru-2': ['story-similarity/pairs.jsonl', 'text2', 'ru', 'pair_id'],
};

/**
 * Sets whose texts are fields of the objects of one JSON object keyed by id (`{<key>: {articleBody,
 * url}}`, the extraction benchmark's ground truth: real news pages' bodies): file, field,
 * language. The `file` column is the key.
 */
const JSON_SETS: Record<string, [file: string, field: string, lang: 'en' | 'ru']> = {
  extract: ['extraction-benchmark/ground-truth.json', 'articleBody', 'en'],
};

/**
 * Sets of sentences of CoNLL-U treebanks (`ud/…`): directory, language. The `file` column is
 * `<file>.conllu:<sent_id>`, the text the sentence's `# text =` comment, the article id the
 * `file` column. A sentence without `# text =` (most of GramEval 2020's files) is its forms
 * joined by a space, none after a form whose last column says `SpaceAfter=No`; one without
 * `# sent_id =` is `n<k>`, k its 1-based place in the file.
 */
const CONLLU_SETS: Record<string, [dir: string, lang: 'en' | 'ru']> = {
  'ud-ru-taiga': ['ud/ru-taiga', 'ru'],
  'ud-ru-grameval': ['ud/ru-grameval2020', 'ru'],
  'ud-en-ewt': ['ud/en-ewt', 'en'],
  'ud-en-gum': ['ud/en-gum', 'en'],
};

/**
 * Sets of sentences of tab-separated files with a header (`sentence_id \t sentence \t …`,
 * CheckThat! subjectivity and check-worthiness): file, language, and whether the text column is
 * CSV-quoted. The `file` column is the sentence id, the text the second column — unquoted where
 * the export quoted it (`"I said, ""no."""` is `I said, "no."`: the outer marks are the
 * export's, not a quotation).
 */
const TSV_SETS: Record<string, [file: string, lang: 'en' | 'ru', csv?: boolean]> = {
  'ct-subj-train': ['checkthat-subjectivity/train_en.tsv', 'en'],
  'ct-subj-dev': ['checkthat-subjectivity/dev_en.tsv', 'en'],
  'ct24-train': ['checkthat2024-checkworthy/CT24_checkworthy_english_train.tsv', 'en', true],
  'ct24-dev': ['checkthat2024-checkworthy/CT24_checkworthy_english_dev.tsv', 'en', true],
  'ct24-devtest': ['checkthat2024-checkworthy/CT24_checkworthy_english_dev-test.tsv', 'en', true],
};

/**
 * Sets whose source dates its texts: a table under the data root with a header, the column of
 * the file name and the column of the date (ISO). PolNeAR's `metadata.tsv` dates every article;
 * the other sources carry no date, so their texts are undated (as most of a user's are not).
 */
const DATES: Record<string, [file: string, nameColumn: string, dateColumn: string]> = {
  'polnear-train': ['polnear/metadata.tsv', 'filename', 'publication_date'],
  'polnear-dev': ['polnear/metadata.tsv', 'filename', 'publication_date'],
};

/** The dates of a dated set's texts by file name; each table read once. */
function datesOf(data: string, cache: Map<string, Map<string, string>>, set: string) {
  const [file, nameColumn, dateColumn] = DATES[set]!;
  let dates = cache.get(file);
  if (!dates) {
    dates = new Map();
    const [head, ...rows] = readFileSync(join(data, file), 'utf8').split('\n');
    const cols = head!.split('\t');
    const [n, d] = [cols.indexOf(nameColumn), cols.indexOf(dateColumn)];
    for (const row of rows) {
      const c = row.split('\t');
      if (c[n] && /^\d{4}-\d{2}-\d{2}/.test(c[d] ?? '')) dates.set(c[n]!, c[d]!);
    }
    cache.set(file, dates);
  }
  return dates;
}

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
 * A seventh, labelled in the sixth session from the WMT22 Russian news and their two English
 * translations (`translations-ru-en`), a pool no session had run the analyzer on (`--split final7`).
 */
export const FINAL7_FILE = new URL('../../data/naming-final7.tsv', import.meta.url);

/**
 * An eighth, labelled in the seventh session from pools no session had read: SemEval-2023 `en`
 * articles (the PTC 2020 ones) in no other file, SemEval-2022 Task 8 news (`story-similarity`),
 * PolNeAR 2016 election news, CheckThat! subjectivity sentences and Russian UD Taiga sentences (`--split final8`).
 */
export const FINAL8_FILE = new URL('../../data/naming-final8.tsv', import.meta.url);

/**
 * A ninth, labelled in the eighth session after its rules were committed, before the analyzer
 * ran on these texts: war coverage in no other file (SemEval-2025 `EN_UA`/`RU-URW`, SemEval-2023
 * `ru`), climate documents (`EN_CC`), Russian news pairs and dated PolNeAR news naming Russia
 * (`--split final9`).
 */
export const FINAL9_FILE = new URL('../../data/naming-final9.tsv', import.meta.url);

/**
 * A tenth, labelled in the eighth session (second naming round) before the analyzer ran on these
 * texts: war coverage in no other file with three or more hits of war stems (SemEval-2025
 * `EN_UA`/`RU-URW`, SemEval-2023 `ru`) and climate documents (`EN_CC`) (`--split final10`).
 */
export const FINAL10_FILE = new URL('../../data/naming-final10.tsv', import.meta.url);

/**
 * An eleventh, labelled in the ninth session after its rules were written, before the analyzer
 * ran on these texts: every SemEval-2025 `EN_UA` and `RU-URW` document and SemEval-2023 `ru`
 * article of at most 12,000 bytes left in no other file (`--split final11`).
 */
export const FINAL11_FILE = new URL('../../data/naming-final11.tsv', import.meta.url);

/**
 * A twelfth, labelled in the tenth session before the analyzer ran on these texts: the last war
 * texts in no other naming file — SemEval-2023 `ru` articles over 12,000 bytes and those of the
 * Russian attribution gold, two `RU-URW` documents, SemEval-2023 `en` and `EN_CC` texts naming
 * Ukraine, and extraction-benchmark pages (2019 impeachment news) — half of them by SHA-1 of
 * `<set>/<file>`, the other half added to `naming-gold.tsv` (`--split final12`).
 */
export const FINAL12_FILE = new URL('../../data/naming-final12.tsv', import.meta.url);

/**
 * A thirteenth, labelled in session 16 before the analyzer ran on these texts: every text left in
 * no naming file with a hit of a Ukraine or Russia stem — SemEval-2023 `en`/`ru` articles, CheckThat!
 * 2024 check-worthiness sentences (US debates), UD English EWT/GUM and Russian Taiga/GramEval 2020
 * sentences; the war pools being read out, it measures mostly precision (`--split final13`).
 */
export const FINAL13_FILE = new URL('../../data/naming-final13.tsv', import.meta.url);

/**
 * The splits of `naming-gold.tsv`, by article from a hash of the file id: `test`, 30% of its
 * articles, validates tuning done on `dev`, the rest. `final` to `final13` are their own files
 * (`naming-final.tsv` … `naming-final13.tsv`); `all` is every labelled article.
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
  final7: FINAL7_FILE,
  final8: FINAL8_FILE,
  final9: FINAL9_FILE,
  final10: FINAL10_FILE,
  final11: FINAL11_FILE,
  final12: FINAL12_FILE,
  final13: FINAL13_FILE,
};

const filesOf = (split: string): URL[] =>
  FINALS[split] ? [FINALS[split]!] : split === 'all' ? [GOLD_FILE, ...Object.values(FINALS)] : [GOLD_FILE];

/** The text of a JSON-lines document's field; each file is read once per load. */
function jsonlText(
  data: string,
  cache: Map<string, Map<string, Record<string, string>>>,
  set: string,
  id: string,
) {
  const [file, field, , key = 'id'] = JSONL_SETS[set]!;
  let docs = cache.get(`${file}\u0000${key}`);
  if (!docs) {
    docs = new Map();
    for (const line of readFileSync(join(data, file), 'utf8').split('\n'))
      if (line.trim()) {
        const d = JSON.parse(line) as Record<string, string>;
        docs.set(d[key]!, d);
      }
    cache.set(`${file}\u0000${key}`, docs);
  }
  const text = docs.get(id)?.[field];
  if (typeof text !== 'string')
    throw new NewsprismError(
      'E_DATA',
      `naming gold: no ${field} text for document ${id} in ${join(data, file)}`,
    );
  return text;
}

/** The text of a JSON object's entry by key; each file is read once per load. */
function jsonText(data: string, cache: Map<string, Map<string, string>>, set: string, key: string) {
  const [file, field] = JSON_SETS[set]!;
  let docs = cache.get(file);
  if (!docs) {
    docs = new Map();
    for (const [k, v] of Object.entries(
      JSON.parse(readFileSync(join(data, file), 'utf8')) as Record<string, Record<string, unknown>>,
    ))
      if (typeof v[field] === 'string') docs.set(k, v[field] as string);
    cache.set(file, docs);
  }
  const text = docs.get(key);
  if (text === undefined)
    throw new NewsprismError('E_DATA', `naming gold: no ${field} for ${key} in ${join(data, file)}`);
  return text;
}

/** The `# text =` of a CoNLL-U sentence (`file` is `<file>.conllu:<sent_id>`); each file read once. */
function conlluText(data: string, cache: Map<string, Map<string, string>>, set: string, file: string) {
  const [dir] = CONLLU_SETS[set]!;
  const at = file.lastIndexOf(':');
  const [name, sent] = [file.slice(0, at), file.slice(at + 1)];
  let sents = cache.get(name);
  if (!sents) {
    sents = new Map();
    let [id, text, forms, n]: [string | undefined, string | undefined, string, number] = [
      undefined,
      undefined,
      '',
      0,
    ];
    for (const line of [...readFileSync(join(data, dir, name), 'utf8').split('\n'), '']) {
      if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
      else if (line.startsWith('# text = ')) text = line.slice(9);
      else if (line === '') {
        if (forms) sents.set(id ?? `n${n + 1}`, text ?? forms.trimEnd());
        if (forms) n++;
        [id, text, forms] = [undefined, undefined, ''];
      } else if (/^\d+\t/.test(line)) {
        const cols = line.split('\t');
        forms += cols[1] + (cols[9]?.includes('SpaceAfter=No') ? '' : ' ');
      }
    }
    cache.set(name, sents);
  }
  const text = sents.get(sent);
  if (text === undefined)
    throw new NewsprismError('E_DATA', `naming gold: no sentence ${sent} in ${join(data, dir, name)}`);
  return text;
}

/** The sentence of a tab-separated file's row by its id (first column); each file read once. */
function tsvText(data: string, cache: Map<string, Map<string, string>>, set: string, id: string) {
  const [file, , csv] = TSV_SETS[set]!;
  let rows = cache.get(file);
  if (!rows) {
    rows = new Map();
    for (const line of readFileSync(join(data, file), 'utf8').split('\n').slice(1)) {
      const [key, text] = line.split('\t');
      if (key && text !== undefined)
        rows.set(
          key,
          csv && text.length >= 2 && text.startsWith('"') && text.endsWith('"')
            ? text.slice(1, -1).replaceAll('""', '"')
            : text,
        );
    }
    cache.set(file, rows);
  }
  const text = rows.get(id);
  if (text === undefined)
    throw new NewsprismError('E_DATA', `naming gold: no sentence ${id} in ${join(data, file)}`);
  return text;
}

/**
 * Loads the labelled articles of a split, reading the article texts from `data`
 * (`../shared/data`). Returns undefined when the data directory is absent. A line with a set and
 * a file only is an article read and found to name none of the concepts: it is scored (every
 * prediction there is a false positive) with no occurrence. `files` (by default the split's
 * label files) lets a test load labels of its own.
 */
export function loadNamingGold(
  data: string,
  split: string,
  files: URL[] = filesOf(split),
): GoldArticle[] | undefined {
  if (!existsSync(join(data, 'semeval2023-task3'))) return undefined;
  const byFile = new Map<string, GoldArticle>();
  const jsonl = new Map<string, Map<string, Record<string, string>>>();
  const conllu = new Map<string, Map<string, string>>();
  const dated = new Map<string, Map<string, string>>();
  const lines = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((line) => [line, f !== GOLD_FILE] as const),
  );
  for (const [line, final] of lines) {
    if (!line || line.startsWith('#') || line.startsWith('set\t')) continue;
    const [set, file, start, end, concept, pole, voice] = line.split('\t') as string[];
    if (!final && !inNamingSplit(file!, split)) continue;
    const inJsonl = JSONL_SETS[set!];
    const inConllu = CONLLU_SETS[set!];
    const inTsv = TSV_SETS[set!];
    const inJson = JSON_SETS[set!];
    const id = inJsonl ? `${file}/${inJsonl[1]}` : file!;
    let a = byFile.get(id);
    if (!a) {
      if (!inJsonl && !inConllu && !inTsv && !inJson && !SETS[set!])
        throw new NewsprismError('E_DATA', `naming gold: unknown set ${set} (file ${file})`);
      const text = inJsonl
        ? jsonlText(data, jsonl, set!, file!)
        : inConllu
          ? conlluText(data, conllu, set!, file!)
          : inTsv
            ? tsvText(data, conllu, set!, file!)
            : inJson
              ? jsonText(data, conllu, set!, file!)
              : readFileSync(join(data, SETS[set!]![0], `${file}.txt`), 'utf8');
      const lang = inJsonl ? inJsonl[2] : inJson ? inJson[2] : (inConllu ?? inTsv ?? SETS[set!]!)[1];
      const published = DATES[set!] && datesOf(data, dated, set!).get(file!);
      a = published ? { id, lang, text, gold: [], published } : { id, lang, text, gold: [] };
      byFile.set(id, a);
    }
    if (start === undefined || start === '') continue;
    a.gold.push({ start: Number(start), end: Number(end), concept: concept!, pole: pole!, voice: voice! });
  }
  return [...byFile.values()];
}
