import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { COL, extractArticle, readConllu, sentenceDocId } from '@newsprism/core';
import { loadArticles } from './corpus.js';

/**
 * Every text of the shared data, as `[id, text]` (HTML pages through the extractor), for the
 * old-vs-new output checks: the article files of every language, the samples and examples, the
 * translations, the story-similarity pairs, the extraction benchmark's pages and true bodies, the
 * check-worthiness and subjectivity sentences, the UD sentences grouped by document.
 */
export function* sharedTexts(data: string): Generator<[string, string]> {
  const shared = join(data, '..');
  for (const a of loadArticles(data)) yield [`${a.set}/${a.id}`, a.text];
  // Article files the bench corpus leaves out.
  const dirs = ['ptc2020/train-articles', 'ptc2020/dev-articles'];
  for (const l of ['BG', 'PT', 'HI']) dirs.push(`semeval2025-task10/${l}/documents`);
  for (const rel of dirs) {
    const dir = join(data, rel);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      if (f.endsWith('.txt')) yield [`${rel}/${f}`, readFileSync(join(dir, f), 'utf8')];
  }
  for (const dir of [join(shared, 'samples'), join(import.meta.dirname, '../../examples')])
    if (existsSync(dir))
      for (const f of readdirSync(dir).sort())
        if (f.endsWith('.txt')) yield [`samples/${f}`, readFileSync(join(dir, f), 'utf8')];
  const jsonl = (rel: string) =>
    existsSync(join(data, rel))
      ? readFileSync(join(data, rel), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : [];
  for (const d of jsonl('translations-ru-en/documents.jsonl'))
    for (const k of ['ru', 'en_human', 'en_machine'])
      if (typeof d[k] === 'string') yield [`translations/${d.id}/${k}`, d[k]];
  const seen = new Set<string>();
  for (const p of jsonl('story-similarity/pairs.jsonl'))
    for (const k of ['text1', 'text2']) {
      const t = p[k];
      if (typeof t !== 'string' || seen.has(t)) continue;
      seen.add(t);
      yield [`story-similarity/${p.pair_id}/${k}`, t];
    }
  const eb = join(data, 'extraction-benchmark');
  if (existsSync(eb)) {
    const truth = JSON.parse(readFileSync(join(eb, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody: string }
    >;
    for (const [key, v] of Object.entries(truth)) yield [`extraction/${key}/truth`, v.articleBody];
    for (const f of readdirSync(join(eb, 'html')).sort()) {
      const html = gunzipSync(readFileSync(join(eb, 'html', f))).toString('utf8');
      yield [`extraction/${f}`, extractArticle(html).text];
    }
  }
  for (const rel of [
    'checkthat-subjectivity/train_en.tsv',
    'checkthat-subjectivity/dev_en.tsv',
    'checkthat2024-checkworthy/CT24_checkworthy_english_train.tsv',
    'checkthat2024-checkworthy/CT24_checkworthy_english_dev.tsv',
    'checkthat2024-checkworthy/CT24_checkworthy_english_dev-test.tsv',
  ]) {
    const f = join(data, rel);
    if (!existsSync(f)) continue;
    const rows = readFileSync(f, 'utf8').split('\n').slice(1);
    for (const [i, row] of rows.entries()) {
      const t = row.split('\t')[1];
      if (t) yield [`${rel}/${i}`, t];
    }
  }
  // CoNLL-2003 (Reuters 1996–97): one document per `-DOCSTART-`, one sentence a line, tokens
  // joined by spaces with the clitics and punctuation put back (`Russia 's` → `Russia's`).
  for (const name of ['eng.train', 'eng.testa']) {
    const f = join(data, 'conll2003', name);
    if (!existsSync(f)) continue;
    let n = 0;
    for (const part of readFileSync(f, 'utf8').split(/^-DOCSTART-.*$/m)) {
      const sents = part
        .split(/\n\s*\n/)
        .map((b) =>
          b
            .split('\n')
            .map((l) => l.split(' ')[0])
            .filter(Boolean)
            .join(' ')
            .replace(/ (?=['’]s\b|n't\b|[,.;:!?)%])/g, '')
            .replace(/([($]) /g, '$1'),
        )
        .filter(Boolean);
      if (sents.length) yield [`conll2003/${name}/${n++}`, sents.join('\n')];
    }
  }
  const ud = join(data, 'ud');
  if (existsSync(ud))
    for (const set of readdirSync(ud).sort())
      for (const f of readdirSync(join(ud, set)).sort()) {
        if (!f.endsWith('.conllu')) continue;
        let doc = '';
        let lines: string[] = [];
        const flush = function* (): Generator<[string, string]> {
          if (lines.length) yield [`ud/${set}/${f}/${doc}`, lines.join('\n\n')];
          lines = [];
        };
        for (const s of readConllu(readFileSync(join(ud, set, f), 'utf8'))) {
          const id = sentenceDocId(s, doc);
          if (id !== doc || lines.length >= 50) yield* flush();
          doc = id;
          const said = s.comments.find((c) => /^#\s*text\s*=/.test(c));
          lines.push(
            said ? said.replace(/^#\s*text\s*=\s*/, '') : s.words.map((w) => s.rows[w]![COL.form]).join(' '),
          );
        }
        yield* flush();
      }
}
