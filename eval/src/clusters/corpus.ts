import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConllNer } from '../entities/conll-ner.js';
import { isFinal, isValidation } from '../split.js';

/** Unlabelled text of one language for word clusters, and what was left out of it. */
export interface UnlabelledCorpus {
  /** Paragraphs or sentences (co-occurrence windows never cross one). */
  texts: string[];
  /** Texts read, by source. */
  sources: Record<string, number>;
  /** Texts left out because an evaluation holds them as a final split, by source. */
  excluded: Record<string, number>;
}

const EVAL_DATA = new URL('../../data/', import.meta.url);

/**
 * Keys (`<dir under the data root>/<file id>`) of every text that an evaluation holds as a final
 * split by a list: the naming finals (`naming-final*.tsv`), the Russian attribution gold's
 * `final*` articles and the datelines' `final` articles. Hash-split finals (`isFinal`) and the
 * CheckThat! held-out parts are left out by the readers below.
 */
export function listedFinals(): Set<string> {
  const out = new Set<string>();
  const naming: Record<string, string> = {
    ru23: 'semeval2023-task3/ru/train-articles',
    ru25: 'semeval2025-task10/RU/documents',
    en23: 'semeval2023-task3/en/train-articles',
    en25: 'semeval2025-task10/EN/documents',
    'polnear-train': 'polnear/train/text',
    'polnear-dev': 'polnear/dev/text',
  };
  const namingOther: Record<string, string> = {
    'wmt22-ru': 'wmt22',
    'wmt22-en-human': 'wmt22',
    'wmt22-en-machine': 'wmt22',
    'simil-en-1': 'simil',
    'simil-en-2': 'simil',
    'simil-ru-1': 'simil',
    'simil-ru-2': 'simil',
    'ud-ru-taiga': 'ud-ru-taiga',
    'ct-subj-train': 'ct-subj',
    'ct-subj-dev': 'ct-subj',
  };
  for (const f of readdirSync(EVAL_DATA).filter((n) => /^naming-final\d*\.tsv$/.test(n)))
    for (const line of readFileSync(new URL(f, EVAL_DATA), 'utf8').split('\n')) {
      if (!line || line.startsWith('#') || line.startsWith('set\t')) continue;
      const [set, file] = line.split('\t');
      if (!set || !file) continue;
      const dir = naming[set] ?? namingOther[set];
      // A UD sentence is `<file>.conllu:<sent_id>`: the sentence id is the key.
      if (dir) out.add(`${dir}/${set === 'ud-ru-taiga' ? file.slice(file.lastIndexOf(':') + 1) : file}`);
    }
  const ruSets: Record<string, string> = {
    'semeval2023-ru': 'semeval2023-task3/ru/train-articles',
    'semeval2025-RU': 'semeval2025-task10/RU/documents',
  };
  for (const line of readFileSync(new URL('quotes-ru/labels.tsv', EVAL_DATA), 'utf8').split('\n')) {
    const [set, file, split] = line.split('\t');
    if (set && file && split?.startsWith('final') && ruSets[set]) out.add(`${ruSets[set]}/${file}`);
  }
  for (const line of readFileSync(new URL('datelines/labels.tsv', EVAL_DATA), 'utf8').split('\n')) {
    const [dataset, file, split] = line.split('\t');
    if (!dataset || !file || split !== 'final') continue;
    const dir = dataset.startsWith('polnear')
      ? `${dataset}/text`
      : dataset.startsWith('semeval2023')
        ? `${dataset}/train-articles`
        : `${dataset}/documents`;
    out.add(`${dir}/${file.replace(/\.txt$/, '')}`);
  }
  return out;
}

const lines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim());

/**
 * The unlabelled text of `lang` (`en` or `ru`) under `data` (`../shared/data`) that no
 * evaluation holds as final: SemEval-2023 articles (less `isFinal`), PTC 2020 articles not
 * already read as SemEval-2023 ones, SemEval-2025 documents (less `isFinal`), PolNeAR texts (less
 * `isFinal`), SemEval-2022 Task 8 texts, WMT22 documents, UD and CoNLL-2003 sentences, and the
 * CheckThat! sentences (check-worthiness `train` and `dev`, not `dev-test`; subjectivity less
 * its union `final`) — each less the texts of {@link listedFinals}. Labels are never read.
 */
export function unlabelledCorpus(
  data: string,
  lang: 'en' | 'ru',
  skip: ReadonlySet<string> = new Set(),
  holdOnly?: 'semeval2023',
): UnlabelledCorpus {
  // `holdOnly`: only that evaluation's final is left out (a file read by its layer alone, e.g.
  // Russian techniques, where the rest of the finals would leave too little text).
  const finals = holdOnly ? new Set<string>() : listedFinals();
  const c: UnlabelledCorpus = { texts: [], sources: {}, excluded: {} };
  const take = (source: string, key: string | undefined, held: boolean, text: string) => {
    if (skip.has(source)) return;
    if (held || (key !== undefined && finals.has(key))) {
      c.excluded[source] = (c.excluded[source] ?? 0) + 1;
      return;
    }
    c.sources[source] = (c.sources[source] ?? 0) + 1;
    c.texts.push(...lines(text));
  };
  const dirFiles = (
    dir: string,
    source: string,
    held: (id: string) => boolean,
    skip?: (id: string) => boolean,
    strip = /\.txt$/,
  ) => {
    const path = join(data, dir);
    if (!existsSync(path)) return [] as string[];
    const ids: string[] = [];
    for (const f of readdirSync(path).sort()) {
      if (!f.endsWith('.txt')) continue;
      const id = f.replace(strip, '');
      if (skip?.(id)) continue;
      ids.push(id);
      take(source, `${dir}/${id}`, held(id), readFileSync(join(path, f), 'utf8'));
    }
    return ids;
  };
  const sem = lang === 'en' ? 'en' : 'ru';
  const semIds = new Set(
    dirFiles(`semeval2023-task3/${sem}/train-articles`, 'semeval2023', (id) =>
      isFinal(`semeval2023-task3/${sem}`, id.replace(/^article/, '')),
    ),
  );
  if (lang === 'en') {
    // The PTC articles are SemEval-2023 English ones under the same names: read each text once,
    // and hold out those whose SemEval-2023 twin is final.
    for (const part of ['train-articles', 'dev-articles'])
      dirFiles(
        `ptc2020/${part}`,
        'ptc2020',
        (id) =>
          isFinal('semeval2023-task3/en', id.replace(/^article/, '')) ||
          finals.has(`semeval2023-task3/en/train-articles/${id}`),
        (id) => semIds.has(id),
      );
    for (const part of ['train', 'dev'])
      dirFiles(`polnear/${part}/text`, 'polnear', (id) => part === 'train' && isFinal('polnear', id));
  }
  dirFiles(
    `semeval2025-task10/${lang.toUpperCase()}/documents`,
    'semeval2025',
    (id) => !holdOnly && (isFinal('semeval2025-task10', `${id}.txt`) || isFinal('semeval2025-task10', id)),
  );
  readJsonl(join(data, 'story-similarity/pairs.jsonl'), (d) => {
    for (const k of ['1', '2'])
      if (d[`lang${k}`] === lang)
        take('story-similarity', `simil/${d.pair_id}`, false, String(d[`text${k}`]));
  });
  readJsonl(join(data, 'translations-ru-en/documents.jsonl'), (d) => {
    const text = lang === 'ru' ? d.ru : d.en_human;
    if (typeof text === 'string') take('translations-ru-en', `wmt22/${d.id}`, false, text);
  });
  const ud = lang === 'en' ? ['ud/en-ewt', 'ud/en-gum'] : ['ud/ru-taiga', 'ud/ru-grameval2020'];
  for (const dir of ud)
    readConlluTexts(join(data, dir), (id, text) =>
      take('ud', `${dir === 'ud/ru-taiga' ? 'ud-ru-taiga' : dir}/${id}`, false, text),
    );
  if (lang === 'en') {
    // `skip=conll2003-eval`: the CoNLL documents the NER trainer validates on (its hash split of
    // `eng.train`) and `eng.testa` are not read — the rest of the Reuters text is.
    for (const file of ['eng.train', 'eng.testa'] as const) {
      if (!existsSync(join(data, 'conll2003', file))) continue;
      for (const d of loadConllNer(join(data, 'conll2003'), file)) {
        if (skip.has('conll2003-eval') && (file === 'eng.testa' || isValidation('conll2003', d.id))) continue;
        take('conll2003', undefined, false, d.text);
      }
    }
    for (const split of ['train', 'dev'])
      readTsvSentences(
        join(data, `checkthat2024-checkworthy/CT24_checkworthy_english_${split}.tsv`),
        (_, text) => take('checkthat-checkworthy', undefined, false, text),
      );
    for (const split of ['train', 'dev'])
      readTsvSentences(join(data, `checkthat-subjectivity/${split}_en.tsv`), (id, text) =>
        take(
          'checkthat-subjectivity',
          `ct-subj/${id}`,
          isValidation('checkthat-subjectivity-union', id),
          text,
        ),
      );
  }
  return c;
}

function readJsonl(path: string, each: (d: Record<string, unknown>) => void): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) each(JSON.parse(line));
}

// `# sent_id` and `# text` of every sentence of the folder's `.conllu` files; a sentence
// without `# text` (GramEval's) is its word forms joined by spaces.
function readConlluTexts(dir: string, each: (id: string, text: string) => void): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.conllu')) continue;
    let id = '';
    let text: string | undefined;
    let forms: string[] = [];
    const flush = () => {
      const t = text ?? forms.join(' ');
      if (t) each(id, t);
      id = '';
      text = undefined;
      forms = [];
    };
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
      else if (line.startsWith('# text = ')) text = line.slice(9);
      else if (!line.trim()) flush();
      else if (!line.startsWith('#')) {
        const [n, form] = line.split('\t');
        if (n && /^\d+$/.test(n) && form) forms.push(form);
      }
    }
    flush();
  }
}

// The id and text columns of a CheckThat! file (header skipped; CSV quoting left: the quotes
// are no words).
function readTsvSentences(path: string, each: (id: string, text: string) => void): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [id, text] = line.split('\t');
    if (id && text) each(id.trim(), text);
  }
}
