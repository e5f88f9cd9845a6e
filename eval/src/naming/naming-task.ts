import { writeFileSync } from 'node:fs';
import { createPipeline, type NewsDocument, NewsprismError, numberOption } from '@newsprism/core';
import { foldOf } from '../quotes/quotes-task.js';
import { inLaid, inLaidText, laidSpan, relayDocs } from '../semeval2023/layouts.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadNamingGold } from './gold.js';
import { emptyNamingCounts, type NamingCounts, type PredTerm, scoreArticle } from './score.js';

const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Mean and sample standard deviation of `xs` (sd 0 for fewer than two). */
function meanSd(xs: readonly number[]): [mean: number, sd: number] {
  const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const v = xs.length > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) : 0;
  return [mean, Math.sqrt(v)];
}

/**
 * Precision, recall and voice accuracy of each by-article fold, and their mean and sd over the
 * folds (`--set folds=K`): the spread a figure of the whole split hides. A fold without gold or
 * predictions has no recall or precision and is left out of that mean.
 */
export function foldFigures(folds: readonly NamingCounts[]): {
  rows: [fold: number, gold: number, p: number, r: number, voice: number][];
  precision: [number, number];
  recall: [number, number];
  voice: [number, number];
} {
  const rows = folds.map(
    (f, i) =>
      [
        i,
        f.gold,
        ratio(f.correct, f.predicted),
        ratio(f.correct, f.gold),
        ratio(f.voiceCorrect, f.correct),
      ] as [number, number, number, number, number],
  );
  return {
    rows,
    precision: meanSd(rows.filter((_, i) => folds[i]!.predicted).map((r) => r[2])),
    recall: meanSd(rows.filter((_, i) => folds[i]!.gold).map((r) => r[3])),
    voice: meanSd(rows.filter((_, i) => folds[i]!.correct).map((r) => r[4])),
  };
}
const clip = (text: string, s: number, e: number) =>
  `${text.slice(Math.max(0, s - 70), s)}[[${text.slice(s, e)}]]${text.slice(e, e + 40)}`.replace(/\s+/g, ' ');

/**
 * The occurrences the `naming` layer predicts in a document. A run in which the layer failed
 * (or was skipped) is an error carrying the layer's diagnostic code — not an article with no
 * predictions, which would score as a silent drop in recall.
 */
export function predictedTerms(doc: NewsDocument): PredTerm[] {
  const failed = doc.diagnostics.find((d) => d.source === 'naming' && d.severity === 'error');
  if (failed || !doc.naming)
    throw new NewsprismError(
      failed?.code ?? 'E_LAYER_SKIPPED',
      `naming eval: the naming layer gave no result on ${doc.id}: ${failed?.message ?? 'layer missing'}`,
    );
  return doc.naming.terms.flatMap((t) =>
    t.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      concept: t.concept,
      pole: t.pole,
      voice: t.voice,
      form: t.form,
    })),
  );
}

/** Runs the naming analyzer over the labelled articles of a split and scores it. */
async function evaluate(
  opts: TaskOptions,
): Promise<
  | { acc: NamingCounts; byLang: Map<string, NamingCounts>; folds?: NamingCounts[]; articles: number }
  | undefined
> {
  const split = opts.split ?? 'dev';
  const loaded = loadNamingGold(opts.data, split);
  if (!loaded) return undefined;
  let articles = loaded;
  // `--set layout=… casing=… lead=N|window=N`: the articles laid out anew (and cut, or scored
  // on their first paragraphs), gold moved along.
  const laid = await relayDocs(articles, opts.extra);
  if (laid)
    articles = articles.map((a, i) => ({
      ...a,
      text: laid[i]!.text,
      gold: a.gold.filter((g) => inLaid(laid[i]!, g)).map((g) => laidSpan(laid[i]!, g)),
    }));
  // `--set layers=naming,quotes`: with the quotes layer (by default naming alone, as
  // `analyze --layers naming` runs it).
  const pipe = await createPipeline({ layers: (opts.extra.layers ?? 'naming').split(',') });
  const acc = emptyNamingCounts();
  const byLang = new Map<string, NamingCounts>();
  // `--set folds=K`: the same by-article folds as `eval quotes` (SHA-1 of the article id).
  const k = numberOption(opts.extra, 'folds', 0);
  const folds = k > 1 ? Array.from({ length: k }, emptyNamingCounts) : undefined;
  const lines: string[] = [];
  for (const [i, a] of articles.entries()) {
    // The source's date where it has one (PolNeAR), as a dated corpus gives it; `--set dates=0`
    // scores every text undated, as before session 8.
    const published = opts.extra.dates !== '0' && a.published;
    const meta = published ? { lang: a.lang, published } : { lang: a.lang };
    const doc = pipe.run({ id: a.id, text: a.text, meta });
    const pred = predictedTerms(doc).filter((p) => !laid || inLaidText(laid[i]!, p));
    const before = acc.errors.length;
    scoreArticle(pred, a.gold, acc);
    if (!byLang.has(a.lang)) byLang.set(a.lang, emptyNamingCounts());
    scoreArticle(pred, a.gold, byLang.get(a.lang)!);
    if (folds) scoreArticle(pred, a.gold, folds[foldOf(a.id, folds.length)]!);
    for (const e of acc.errors.slice(before)) {
      const s = e.pred ?? e.gold!;
      const what = [
        e.pred && `pred ${e.pred.concept}/${e.pred.pole}/${e.pred.voice}`,
        e.gold && `gold ${e.gold.concept}/${e.gold.pole}/${e.gold.voice}`,
      ];
      lines.push(`${e.side}\t${a.id}\t${what.filter(Boolean).join(' ')}\t${clip(a.text, s.start, s.end)}`);
    }
  }
  if (opts.extra.misses) {
    writeFileSync(opts.extra.misses, `${lines.join('\n')}\n`);
    opts.log(`naming: ${lines.length} errors → ${opts.extra.misses}`);
  }
  return { acc, byLang, ...(folds ? { folds } : {}), articles: articles.length };
}

/**
 * `newsprism eval naming --data ../shared/data [--split dev|test|all] [--set misses=FILE] [--set folds=K]`:
 * precision and recall of (concept, pole) and voice accuracy on the project's labelled
 * occurrences (`eval/data/naming-gold.tsv`). `misses` writes each error with its context;
 * `folds` adds each by-article fold's figures and their mean ± sd.
 */
export const namingEval: Task = {
  name: 'naming',
  description:
    'contested war terminology: P/R of (concept, pole) and voice accuracy on labelled SemEval articles',
  async run(opts: TaskOptions): Promise<Report> {
    const split = opts.split ?? 'dev';
    const r = await evaluate(opts);
    if (!r)
      throw new NewsprismError(
        'E_DATA',
        `no SemEval data under ${opts.data}; --data should be the shared data directory (with semeval2023-task3/ and semeval2025-task10/)`,
      );
    const { acc } = r;
    const p = ratio(acc.correct, acc.predicted);
    const rec = ratio(acc.correct, acc.gold);
    const table: (string | number)[][] = [['concept', 'gold', 'predicted', 'correct', 'precision', 'recall']];
    for (const [c, x] of [...acc.byConcept].sort((a, b) => b[1].gold - a[1].gold))
      table.push([
        c,
        x.gold,
        x.predicted,
        x.correct,
        ratio(x.correct, x.predicted),
        ratio(x.correct, x.gold),
      ]);
    table.push(
      ['', '', '', '', '', ''],
      ['language (voice acc.)', 'gold', 'predicted', 'correct', 'precision', 'recall'],
    );
    for (const [lang, x] of r.byLang)
      table.push([
        `${lang} (${ratio(x.voiceCorrect, x.correct).toFixed(3)})`,
        x.gold,
        x.predicted,
        x.correct,
        ratio(x.correct, x.predicted),
        ratio(x.correct, x.gold),
      ]);
    const byFold = r.folds && foldFigures(r.folds);
    if (byFold) {
      table.push(['', '', '', '', '', ''], ['fold', 'gold', 'precision', 'recall', 'voice acc.', '']);
      for (const [i, gold, fp, fr, fv] of byFold.rows) table.push([String(i), gold, fp, fr, fv, '']);
    }
    return {
      title: `naming on ${r.articles} labelled articles (${split}); spans paired by overlap`,
      metrics: {
        ...(byFold
          ? {
              fold_precision_mean: byFold.precision[0],
              fold_precision_sd: byFold.precision[1],
              fold_recall_mean: byFold.recall[0],
              fold_recall_sd: byFold.recall[1],
              fold_voice_mean: byFold.voice[0],
              fold_voice_sd: byFold.voice[1],
            }
          : {}),
        precision: p,
        recall: rec,
        f1: p + rec ? (2 * p * rec) / (p + rec) : 0,
        voice_accuracy: ratio(acc.voiceCorrect, acc.correct),
        gold: acc.gold,
        predicted: acc.predicted,
        correct: acc.correct,
      },
      table,
      notes: [
        'Gold: occurrences found by reading each article for the concepts of terms.<lang>.json (eval/data/README.md).',
      ],
    };
  },
};
