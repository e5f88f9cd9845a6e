import { createPipeline } from '@newsprism/core';
import { inSplit } from '../split.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadPolnear } from './polnear.js';
import { type AttributionCounts, emptyCounts, type PredAttribution, scoreDoc } from './score.js';

/** Runs the `quotes` analyzer over a PolNeAR split and tallies matches. */
export function evaluateQuotes(opts: TaskOptions): AttributionCounts {
  const split = opts.split ?? 'dev';
  // `dev` is PolNeAR's dev; `train`/`val` are the project's split of PolNeAR train (cues are learned on `train`).
  const dir = split === 'dev' ? 'dev' : 'train';
  const docs = loadPolnear(opts.data, dir).filter((d) => dir === 'dev' || inSplit('polnear', d.id, split));
  const options: Record<string, unknown> = {};
  if (opts.extra.minCueReliability) options.minCueReliability = Number(opts.extra.minCueReliability);
  const pipe = createPipeline({ layers: ['quotes'], options: { quotes: options } });
  const acc = emptyCounts();
  for (const d of docs) {
    const doc = pipe.run({ id: d.id, text: d.text, meta: { lang: 'en' } });
    const pred: PredAttribution[] = (doc.quotes ?? [])
      .filter((q) => q.kind !== 'scare')
      .map((q) => ({ content: { start: q.start, end: q.end }, source: q.source, rule: q.rule }));
    scoreDoc(pred, d.attributions, acc);
  }
  opts.log(`quotes: ${docs.length} ${split} articles`);
  return acc;
}

/** Turns counts into the printed report. */
export function quotesReport(acc: AttributionCounts, split: string): Report {
  const p = acc.predicted ? acc.matched / acc.predicted : 0;
  const r = acc.gold ? acc.matched / acc.gold : 0;
  const table: (string | number)[][] = [['rule', 'predicted', 'matched', 'precision']];
  for (const [rule, [n, m]] of Object.entries(acc.rules).sort((a, b) => b[1][0] - a[1][0]))
    table.push([rule, n, m, n ? m / n : 0]);
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
    },
    table,
    notes: [
      'PolNeAR counts reported thoughts, intentions and evaluations as attributions too; the rules target speech.',
      'Articles with several annotators are scored against the alphabetically first annotator.',
    ],
  };
}

/** `newsprism eval quotes --data ../shared/data/polnear [--split dev|train]`. */
export const quotesEval: Task = {
  name: 'quotes',
  description: 'attribution extraction on PolNeAR: P/R/F1 at content IoU >= 0.5 and source overlap',
  async run(opts: TaskOptions): Promise<Report> {
    return quotesReport(evaluateQuotes(opts), opts.split ?? 'dev');
  },
};
