import { FRAMES, GENRES } from '@newsprism/core';
import type { Report, Task } from '../task.js';
import { loadSemeval } from './dataset.js';
import { multiLabelF1, perLabelTable } from './metrics.js';
import { analyzeArticles } from './run-pipeline.js';

/**
 * `newsprism eval frames`: micro- and macro-F1 over (article, frame) pairs (the subtask-2
 * metric) of the `frames` layer's selected frames.
 */
export const evalFrames: Task = {
  name: 'frames',
  description: 'frames per article, SemEval-2023 Task 3 subtask 2 (micro/macro-F1)',
  async run(o): Promise<Report> {
    const split = o.split ?? 'val';
    const lang = o.lang ?? 'en';
    const articles = loadSemeval(o.data, lang, split).filter((a) => a.frames);
    const done = await analyzeArticles(articles, 'frames', o);
    const s = multiLabelF1(
      done.map((d) => d.article.frames!),
      done.map((d) => d.doc.frames!.filter((f) => f.selected).map((f) => f.frame)),
      FRAMES,
    );
    return {
      title: `Frames, SemEval-2023 Task 3 subtask 2 — ${lang}, split ${split}: ${articles.length} articles`,
      metrics: {
        micro_f1: s.micro.f1,
        micro_precision: s.micro.precision,
        micro_recall: s.micro.recall,
        macro_f1: s.macroF1,
      },
      table: perLabelTable(s),
    };
  },
};

/**
 * `newsprism eval genre`: macro-F1 over the three genres (the subtask-1 metric; a genre absent
 * from both gold and predictions scores 0, the strictest reading of a fixed label set), and the same
 * average over the genres present in gold or predictions (`macro_f1_present_genres`).
 */
export const evalGenre: Task = {
  name: 'genre',
  description: 'genre per article, SemEval-2023 Task 3 subtask 1 (macro-F1)',
  async run(o): Promise<Report> {
    const split = o.split ?? 'val';
    const lang = o.lang ?? 'en';
    const articles = loadSemeval(o.data, lang, split).filter((a) => a.genre);
    const done = await analyzeArticles(articles, 'genre', o);
    const gold = done.map((d) => [d.article.genre!]);
    const pred = done.map((d) => (d.doc.genre!.genre ? [d.doc.genre!.genre] : []));
    const s = multiLabelF1(gold, pred, GENRES);
    const accuracy = gold.filter((g, i) => g[0] === pred[i]![0]).length / Math.max(1, gold.length);
    // The same average over the genres present in gold or predictions only (scikit-learn's default
    // label set), for comparison with scorers that leave an absent genre out.
    const present = GENRES.filter((l) => gold.some((g) => g.includes(l)) || pred.some((p) => p.includes(l)));
    const macroPresent = present.length
      ? present.reduce((t, l) => t + (s.perLabel.get(l)?.f1 ?? 0), 0) / present.length
      : 0;
    return {
      title: `Genre, SemEval-2023 Task 3 subtask 1 — ${lang}, split ${split}: ${articles.length} articles`,
      metrics: { macro_f1: s.macroF1, macro_f1_present_genres: macroPresent, micro_f1: s.micro.f1, accuracy },
      table: perLabelTable(s),
    };
  },
};
