import { extractArticle } from '@newsprism/core';
import type { Report, Task } from '../task.js';
import { loadExtractionBenchmark, pageSplit } from './benchmark-data.js';
import { benchmarkScores, type PageCounts, pageCounts } from './shingles.js';

/**
 * `newsprism eval extraction --data ../shared/data/extraction-benchmark`: scores
 * `extractArticle` with the benchmark's shingle F1 on every page and on the project's
 * train/val split (by host). `--split` restricts the headline figures; `--set pages=1` adds a
 * per-page table (worst first).
 */
export const extractionTask: Task = {
  name: 'extraction',
  description: 'HTML main-article extraction (shingle F1, article-extraction-benchmark)',
  async run(opts): Promise<Report> {
    const pages = loadExtractionBenchmark(opts.data);
    opts.log(`extraction: ${pages.length} pages`);
    const rows: { key: string; host: string; split: string; c: PageCounts }[] = [];
    for (const p of pages) {
      const pred = extractArticle(p.html, { url: p.url }).text;
      rows.push({ key: p.key, host: p.host, split: pageSplit(p), c: pageCounts(p.truth, pred) });
    }
    const part = (s: string) => rows.filter((r) => s === 'all' || r.split === s);
    const wanted = opts.split === 'train' || opts.split === 'val' ? opts.split : 'all';
    const head = benchmarkScores(part(wanted).map((r) => r.c));
    const table: (string | number)[][] = [['split', 'pages', 'f1', 'precision', 'recall']];
    for (const s of ['all', 'train', 'val']) {
      const sc = benchmarkScores(part(s).map((r) => r.c));
      table.push([s, part(s).length, sc.f1, sc.precision, sc.recall]);
    }
    if (opts.extra.pages) {
      table.push(['page (host, split)', 'tp', 'f1', 'precision', 'recall']);
      const perPage = part(wanted).map((r) => {
        const { tp, fp, fn } = r.c;
        const p = tp + fp ? tp / (tp + fp) : 0;
        const rc = tp + fn ? tp / (tp + fn) : 0;
        return [`${r.host} ${r.key.slice(0, 8)} ${r.split}`, tp, p + rc ? (2 * p * rc) / (p + rc) : 0, p, rc];
      });
      perPage.sort((a, b) => (a[2] as number) - (b[2] as number));
      table.push(...perPage);
    }
    return {
      title: `extraction on ${opts.data} (split: ${wanted})`,
      metrics: { f1: head.f1, precision: head.precision, recall: head.recall, pages: part(wanted).length },
      table,
      notes: [
        'Metric: article-extraction-benchmark shingle F1 (4-grams of \\w+ tokens; P and R averaged per page).',
      ],
    };
  },
};
