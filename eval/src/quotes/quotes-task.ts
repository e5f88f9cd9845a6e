import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createPipeline, NewsprismError, numberOption } from '@newsprism/core';
import { meanSd } from '../checkthat/kfold-calibration.js';
import { inLaid, inLaidText, laidSpan, type Relaid, relayDocs } from '../semeval2023/layouts.js';
import { inSplit, isFinal } from '../split.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { docMisses, type Miss, missLine, tally } from './misses.js';
import { loadPolnear, type PolnearDoc } from './polnear.js';
import { LEARNED_DEFAULTS, refitFolds } from './refit.js';
import { type AttributionCounts, emptyCounts, type PredAttribution, predicted, scoreDoc } from './score.js';
import { betweenWords } from './train-cues.js';
import { END_DEFAULTS } from './train-ends.js';

/** The fold of an article among `k` by-article folds: the first four bytes of the SHA-1 of its id, mod `k`. */
export const foldOf = (id: string, k: number): number =>
  createHash('sha1').update(id).digest().readUInt32BE(0) % k;

/** Counts of a split, per fold when `--set folds=K` asks for by-article folds. */
export type QuotesCounts = AttributionCounts & { misses?: Miss[]; folds?: AttributionCounts[] };

/**
 * Runs the `quotes` analyzer over a PolNeAR split and tallies matches (and misses, with `--set
 * misses=FILE`; and the counts of `K` by-article folds, with `--set folds=K`).
 */
export async function evaluateQuotes(opts: TaskOptions): Promise<QuotesCounts> {
  const split = opts.split ?? 'dev';
  // `dev` is PolNeAR's dev; `train`/`val` are the project's split of PolNeAR train (cues are learned on `train`).
  const dir = split === 'dev' ? 'dev' : 'train';
  let docs: (PolnearDoc & { laid?: Relaid })[] = loadPolnear(opts.data, dir).filter(
    (d) => dir === 'dev' || inSplit('polnear', d.id, split),
  );
  // `--set layout=sentences|merged casing=upper-title lead=N|window=N`: the articles laid out
  // anew (and cut, or scored on their first paragraphs), gold moved along.
  const laid = await relayDocs(
    docs.map((d) => ({ ...d, lang: 'en' })),
    opts.extra,
  );
  if (laid)
    docs = docs.map((d, i) => ({
      ...d,
      laid: laid[i]!,
      text: laid[i]!.text,
      attributions: d.attributions
        .filter((g) => [...g.content, ...g.cue, ...g.source].every((s) => inLaid(laid[i]!, s)))
        .map((g) => ({
          content: g.content.map((s) => laidSpan(laid[i]!, s)),
          cue: g.cue.map((s) => laidSpan(laid[i]!, s)),
          source: g.source.map((s) => laidSpan(laid[i]!, s)),
        })),
    }));
  const options: Record<string, unknown> = {};
  if (opts.extra.minCueReliability)
    options.minCueReliability = numberOption(opts.extra, 'minCueReliability', 0);
  if (opts.extra.minCueCount) options.minCueCount = numberOption(opts.extra, 'minCueCount', 0);
  // `--set cueTable=FILE`: a learned cue table of one's own (`train quotes-cues --out FILE`).
  if (opts.extra.cueTable) options.cueTable = opts.extra.cueTable;
  // `--set learned=off`: the rules alone; `--set learned=FILE`: a learned-cue model of one's own.
  if (opts.extra.learned) options.learned = opts.extra.learned;
  // `--set ends=FILE`: a content-end model (`models/quotes/ends.en.json`, or one's own); off by default.
  if (opts.extra.ends) options.ends = opts.extra.ends;
  // `--set subj=1`: sources from the cue verb's parsed subject (the quotes option `subjects`, off
  // by default); `subj=0`: off.
  if (opts.extra.subj) options.subjects = opts.extra.subj === '1';
  const pipe = await createPipeline({ layers: ['quotes'], options: { quotes: options } });
  const acc: QuotesCounts = emptyCounts();
  const lines: string[] = [];
  if (opts.extra.misses) acc.misses = [];
  const k = numberOption(opts.extra, 'folds', 0);
  if (k > 1) acc.folds = Array.from({ length: k }, emptyCounts);
  for (const d of docs) {
    const doc = pipe.run({ id: d.id, text: d.text, meta: { lang: 'en' } });
    const pred: PredAttribution[] = (doc.quotes ?? [])
      .filter((q) => q.kind !== 'scare' && (!d.laid || inLaidText(d.laid, q)))
      .map(predicted);
    const matched = scoreDoc(pred, d.attributions, acc);
    if (acc.folds) scoreDoc(pred, d.attributions, acc.folds[foldOf(d.id, k)]!);
    if (acc.misses)
      for (const m of docMisses(d.id, d.text, pred, d.attributions, matched)) {
        acc.misses.push(m);
        lines.push(missLine(d.text, m));
      }
  }
  if (opts.extra.misses) {
    writeFileSync(opts.extra.misses, `${lines.join('\n')}\n`);
    opts.log(`quotes: ${lines.length} misses → ${opts.extra.misses}`);
  }
  opts.log(`quotes: ${docs.length} ${split} articles`);
  return acc;
}

/** Adds tally `b` into `a`. */
function addCounts(a: AttributionCounts, b: AttributionCounts): void {
  a.predicted += b.predicted;
  a.gold += b.gold;
  a.matched += b.matched;
  a.withSource += b.withSource;
  a.sourceHit += b.sourceHit;
  for (const [r, [n, m]] of Object.entries(b.rules)) {
    const x = a.rules[r] ?? [0, 0];
    a.rules[r] = [x[0] + n, x[1] + m];
  }
}

/**
 * `--set refit=1 folds=K` (on `tune`, `final` or `train`): the learned cue table, the
 * learned-cue model and the content-end model are learned again on the other folds for each fold
 * (`refit.ts`), so the figures are out of sample. `--set thresholds=0.3,0.35,…` scores several
 * decision thresholds of the learned-cue model and `--set margins=0,1,…` several margins of the
 * content-end model (the first pair gives the main figures; each gets a note); `ends=refit` adds
 * the content-end model (learned per fold; off otherwise, as in the analyzer); `minCueReliability`, `minCueCount`, `learned=off`, `wc=0` (no word-cluster features), the trainer's
 * `epochs`/`rate`/`l2`/`seeds` and `endEpochs` apply.
 */
async function refitReport(opts: TaskOptions): Promise<Report> {
  const split = opts.split ?? 'tune';
  const x = opts.extra;
  // `--split final --set refit=tune`: every learned part learned on `tune` alone, `final` scored
  // once with them (two "folds": final, and tune, which is only learned from).
  const onTune = x.refit === 'tune' && split === 'final';
  const k = onTune ? 2 : numberOption(x, 'folds', 5);
  if (split === 'dev' || split === 'val' || k < 2)
    throw new NewsprismError(
      'E_OPTION_VALUE',
      'refit needs --split tune|final|train and --set folds=K (K ≥ 2)',
    );
  const docs = loadPolnear(opts.data, 'train').filter((d) =>
    inSplit('polnear', d.id, onTune ? 'train' : split),
  );
  const fold = onTune ? (id: string) => (isFinal('polnear', id) ? 0 : 1) : (id: string) => foldOf(id, k);
  const learned = {
    ...LEARNED_DEFAULTS,
    ...Object.fromEntries(
      (['epochs', 'rate', 'l2', 'seeds'] as const)
        .filter((n) => x[n] !== undefined)
        .map((n) => [n, Number(x[n])]),
    ),
    off: x.learned === 'off',
    // `--set wc=0`: the learned-cue model without word-cluster features (as quotes@20's).
    wc: x.wc,
  };
  const thresholds = (x.thresholds ?? String(LEARNED_DEFAULTS.threshold))
    .split(',')
    .map((v) => numberOption({ thresholds: v }, 'thresholds', 0));
  // `--set misses=FILE`: the misses of the held-out folds (first setting), as without refit.
  const lines: string[] = [];
  // `--set preds=FILE`: every held-out prediction (first setting), one JSON line each, matched or not.
  const preds: string[] = [];
  const r = await refitFolds(
    docs,
    fold,
    k,
    {
      minCueReliability: numberOption(x, 'minCueReliability', 0.3),
      minCueCount: numberOption(x, 'minCueCount', 3),
    },
    {
      minReliability: numberOption(x, 'phrases', 0),
      minCount: numberOption(x, 'phraseCount', 3),
      // `--set strip=1`: cues are credited to their first word after the auxiliaries (`between`).
      strip: x.strip === '1' ? betweenWords() : [],
    },
    learned,
    thresholds,
    opts.log,
    // `--set ends=refit`: the content-end model is learned per fold too and scored at each
    // `--set margins=…` (default the trainer's margin); without it none (the analyzer's default).
    x.ends !== 'refit'
      ? undefined
      : {
          ...END_DEFAULTS,
          ...(x.endEpochs ? { epochs: numberOption(x, 'endEpochs', 0) } : {}),
          margins: (x.margins ?? String(END_DEFAULTS.margin))
            .split(',')
            .map((v) => numberOption({ margins: v }, 'margins', 0)),
        },
    onTune ? 0 : undefined,
    x.misses || x.preds
      ? (d, pred, matched) => {
          if (x.misses)
            for (const m of docMisses(d.id, d.text, pred, d.attributions, matched))
              lines.push(missLine(d.text, m));
          if (x.preds) {
            const hit = new Set(matched.map(([i]) => i));
            pred.forEach((p, i) => {
              const cue = p.cue ?? p.content;
              preds.push(
                JSON.stringify({
                  doc: d.id,
                  rule: p.rule,
                  ok: hit.has(i),
                  before: d.text.slice(Math.max(0, cue.start - 80), cue.start),
                  cue: d.text.slice(cue.start, cue.end),
                  after: d.text.slice(cue.end, cue.end + 80),
                  content: d.text.slice(p.content.start, p.content.end),
                  cueFirst: cue.end <= p.content.start,
                }),
              );
            });
          }
        }
      : undefined,
    x.clauses === '1',
    x.subj === '1',
  );
  if (x.preds) writeFileSync(x.preds, `${preds.join('\n')}\n`);
  if (x.misses) {
    writeFileSync(x.misses, `${lines.join('\n')}\n`);
    opts.log(`quotes: ${lines.length} misses → ${x.misses}`);
  }
  if (onTune) r.folds = r.folds.map((f) => f.slice(0, 1));
  const notes: string[] = [];
  r.settings.forEach((t, ti) => {
    const f1s = r.folds[ti]!.map(f1Of);
    const n = f1s.length;
    const mean = f1s.reduce((a, b) => a + b, 0) / n;
    const sd = n > 1 ? Math.sqrt(f1s.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
    const all = emptyCounts();
    for (const f of r.folds[ti]!) addCounts(all, f);
    notes.push(
      `refit, ${t}: ${all.matched} matched of ${all.predicted} predicted, ${all.gold} gold; pooled F1 ${f1Of(all).toFixed(4)}; folds ${mean.toFixed(4)} ± ${sd.toFixed(4)} (${f1s.map((v) => v.toFixed(4)).join(' ')})`,
    );
  });
  const acc: QuotesCounts = emptyCounts();
  for (const f of r.folds[0]!) addCounts(acc, f);
  acc.folds = r.folds[0]!;
  opts.log(
    onTune
      ? `quotes: ${docs.filter((d) => fold(d.id) === 0).length} final articles, learned parts from tune`
      : `quotes: ${docs.length} ${split} articles, refit in ${k} folds`,
  );
  const rep = quotesReport(acc, `${split} (refit by fold)`);
  return { ...rep, notes: [...notes, ...(rep.notes ?? [])] };
}

/** F1 of a tally. */
function f1Of(c: AttributionCounts): number {
  const p = c.predicted ? c.matched / c.predicted : 0;
  const r = c.gold ? c.matched / c.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** Turns counts into the printed report (with miss categories when they were collected). */
export function quotesReport(acc: QuotesCounts, split: string): Report {
  const p = acc.predicted ? acc.matched / acc.predicted : 0;
  const r = acc.gold ? acc.matched / acc.gold : 0;
  const folds: Record<string, number> = {};
  const foldNotes: string[] = [];
  if (acc.folds) {
    // A fold that no article fell into (few articles, many folds) has no F1: it is reported as
    // empty and left out of the mean and sd rather than counted as 0.
    const f1s: number[] = [];
    const sources: number[] = [];
    acc.folds.forEach((f, i) => {
      const empty = f.gold === 0 && f.predicted === 0;
      if (!empty) f1s.push(f1Of(f));
      // Source overlap per fold (paired comparisons of source changes need it by fold too).
      const source = f.withSource > 0 ? f.sourceHit / f.withSource : undefined;
      if (source !== undefined) sources.push(source);
      foldNotes.push(
        empty
          ? `fold ${i + 1} of ${acc.folds!.length} (by article): empty, not counted`
          : `fold ${i + 1} of ${acc.folds!.length} (by article): ${f.matched} matched of ${f.predicted} predicted, ${f.gold} gold, F1 ${f1Of(f).toFixed(4)}${source === undefined ? '' : `, source ${source.toFixed(4)}`}`,
      );
    });
    ({ mean: folds.f1_fold_mean, sd: folds.f1_fold_sd } = meanSd(f1s));
    if (sources.length) ({ mean: folds.source_fold_mean, sd: folds.source_fold_sd } = meanSd(sources));
  }
  const table: (string | number)[][] = [['rule', 'predicted', 'matched', 'precision']];
  for (const [rule, [n, m]] of Object.entries(acc.rules).sort((a, b) => b[1][0] - a[1][0]))
    table.push([rule, n, m, n ? m / n : 0]);
  if (acc.misses) {
    const fp = acc.misses.filter((m) => m.side === 'fp');
    const fn = acc.misses.filter((m) => m.side === 'fn');
    table.push(['', '', '', ''], ['missed because', 'count', '', '']);
    for (const [k, n] of tally(fp.map((m) => `fp ${m.category}`))) table.push([k, n, '', '']);
    for (const [k, n] of tally(fn.map((m) => m.category))) table.push([k, n, '', '']);
    table.push(['', '', '', ''], ['unmatched gold cue', 'count', '', '']);
    for (const [k, n] of tally(
      fn.map((m) => `cue ${m.cue}`),
      30,
    ))
      table.push([k, n, '', '']);
    table.push(['', '', '', ''], ['spurious prediction cue', 'count', '', '']);
    const spurious = fp.filter((m) => m.category === 'spurious');
    for (const [k, n] of tally(
      spurious.map((m) => `${m.rule} ${m.cue}`),
      30,
    ))
      table.push([k, n, '', '']);
  }
  return {
    title: `quotes on PolNeAR ${split} (content IoU >= 0.5, one-to-one)`,
    metrics: {
      precision: p,
      recall: r,
      f1: p + r ? (2 * p * r) / (p + r) : 0,
      source_overlap: acc.withSource ? acc.sourceHit / acc.withSource : 0,
      predicted: acc.predicted,
      gold: acc.gold,
      matched: acc.matched,
      ...folds,
    },
    table,
    notes: [
      ...foldNotes,
      'PolNeAR counts reported thoughts, intentions and evaluations as attributions too; the rules target speech.',
      'Articles with several annotators are scored against the alphabetically first annotator.',
    ],
  };
}

/**
 * `newsprism eval quotes --data ../shared/data/polnear [--split dev|train|val] [--set misses=FILE]
 * [--set layout=original|sentences|merged casing=original|upper-title lead=N]`;
 * `misses` writes one line per unmatched prediction or gold attribution (see `misses.ts`).
 */
export const quotesEval: Task = {
  name: 'quotes',
  description: 'attribution extraction on PolNeAR: P/R/F1 at content IoU >= 0.5 and source overlap',
  async run(opts: TaskOptions): Promise<Report> {
    if (opts.extra.refit === '1' || opts.extra.refit === 'tune') return refitReport(opts);
    return quotesReport(await evaluateQuotes(opts), opts.split ?? 'dev');
  },
};
