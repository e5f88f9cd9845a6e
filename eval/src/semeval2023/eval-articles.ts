import { FRAMES, GENRES, type NewsDocument } from '@newsprism/core';
import { reliability } from '@newsprism/core/train';
import { eceFloor, eceNoise, groupedEce, reliabilityRows } from '../checkthat/kfold-calibration.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadSemeval, type SemevalArticle } from './dataset.js';
import { relaidRuns } from './eval-layouts.js';
import { genreReliabilityRows } from './genre-calibration.js';
import { multiLabelF1, perLabelTable } from './metrics.js';
import { analyzeArticles } from './run-pipeline.js';

/**
 * The robustness test for an article-level layer: the articles as they are, one sentence per
 * line and merged into long paragraphs; `score` of each layout's documents, and the largest
 * difference from the original layout (`--set layouts=0` skips it).
 */
async function layoutMetrics(
  articles: readonly SemevalArticle[],
  analyzer: string,
  o: TaskOptions,
  score: (docs: NewsDocument[]) => Record<string, number>,
): Promise<Record<string, number>> {
  if (o.extra.layouts === '0') return {};
  const out: Record<string, number> = {};
  const gaps: Record<string, number> = {};
  let original: Record<string, number> = {};
  for (const { layout, runs } of await relaidRuns(articles, analyzer, o)) {
    const m = score(runs.map((r) => r.doc));
    if (layout === 'original') original = m;
    for (const [k, v] of Object.entries(m)) {
      out[`${layout}_${k}`] = v;
      gaps[k] = Math.max(gaps[k] ?? 0, Math.abs(v - original[k]!));
    }
  }
  for (const [k, v] of Object.entries(gaps)) out[`layout_max_gap_${k}`] = v;
  return out;
}

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
    // Are the scores probabilities? Every (article, frame) pair, and the selected ones.
    const pairs = done.flatMap((d) =>
      d.doc.frames!.map((f) => ({
        p: f.score,
        y: d.article.frames!.includes(f.frame),
        selected: f.selected,
      })),
    );
    const noise = eceNoise(pairs);
    const calibration = {
      ece_all_pairs: reliability(pairs).ece,
      ece_all_pairs_floor: noise.floor,
      ece_all_pairs_q95: noise.q95,
      ece_all_pairs_p: noise.p,
      ece_all_pairs_perfect_pass: noise.pass,
      ece_selected: reliability(pairs.filter((x) => x.selected)).ece,
    };
    const layouts = await layoutMetrics(articles, 'frames', o, (docs) => {
      const x = multiLabelF1(
        articles.map((a) => a.frames!),
        docs.map((d) => d.frames!.filter((f) => f.selected).map((f) => f.frame)),
        FRAMES,
      );
      return { micro_f1: x.micro.f1, macro_f1: x.macroF1 };
    });
    return {
      title: `Frames, SemEval-2023 Task 3 subtask 2 — ${lang}, split ${split}: ${articles.length} articles`,
      metrics: {
        micro_f1: s.micro.f1,
        micro_precision: s.micro.precision,
        micro_recall: s.micro.recall,
        macro_f1: s.macroF1,
        ...calibration,
        ...layouts,
      },
      table: o.extra.table === 'reliability' ? reliabilityRows(pairs, 'pairs') : perLabelTable(s),
      notes: [
        LAYOUT_NOTE,
        'ece_*: expected calibration error (10 bins) of the frame scores (`_floor`: what a perfectly calibrated score of the same values would show; `_q95` its 95th percentile, `_p` the share of such perfect draws at or above the measured ECE, `_perfect_pass` the share of them at or below 0.05; the draws treat the pairs as independent, which the 14 frames of one article are not, so `_p` is on the small side); `--set table=reliability` prints the reliability table of every pair.',
      ],
    };
  },
};

const LAYOUT_NOTE =
  'original_/sentences_/merged_*: the robustness test (`--set layouts=0` skips it): the same articles as they are, one sentence per line, and body paragraphs merged into lines of 90+ words; layout_max_gap_*: the largest difference from the original layout.';

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
    // Is the chosen genre's score the probability that it is right?
    const calOutcomes = done
      .filter((d) => d.doc.genre!.genre)
      .map((d) => ({
        p: d.doc.genre!.scores[d.doc.genre!.genre!] ?? 0,
        y: d.doc.genre!.genre === d.article.genre,
        group: d.doc.genre!.genre!,
      }));
    const cal = reliability(calOutcomes);
    const noise = eceNoise(calOutcomes);
    // Within each chosen genre: is an article called reporting at 0.7 right 70 % of the time?
    const within = eceNoise(calOutcomes, 0.05, 1000, 1, groupedEce);
    // Every genre's score in `scores` is shown as a probability too: each (article, genre) pair.
    const allOutcomes = done.flatMap((d) =>
      Object.entries(d.doc.genre!.scores).map(([g, p]) => ({ p: p ?? 0, y: g === d.article.genre })),
    );
    // The same average over the genres present in gold or predictions only (scikit-learn's default
    // label set), for comparison with scorers that leave an absent genre out.
    const present = GENRES.filter((l) => gold.some((g) => g.includes(l)) || pred.some((p) => p.includes(l)));
    const macroPresent = present.length
      ? present.reduce((t, l) => t + (s.perLabel.get(l)?.f1 ?? 0), 0) / present.length
      : 0;
    const layouts = await layoutMetrics(articles, 'genre', o, (docs) => {
      const x = multiLabelF1(
        articles.map((a) => [a.genre!]),
        docs.map((d) => (d.genre!.genre ? [d.genre!.genre] : [])),
        GENRES,
      );
      return { macro_f1: x.macroF1 };
    });
    return {
      title: `Genre, SemEval-2023 Task 3 subtask 1 — ${lang}, split ${split}: ${articles.length} articles`,
      metrics: {
        macro_f1: s.macroF1,
        macro_f1_present_genres: macroPresent,
        micro_f1: s.micro.f1,
        accuracy,
        ece_chosen_genre: cal.ece,
        ece_chosen_genre_floor: noise.floor,
        ece_chosen_genre_q95: noise.q95,
        ece_chosen_genre_p: noise.p,
        ece_chosen_genre_perfect_pass: noise.pass,
        ece_chosen_genre_within: within.ece,
        ece_chosen_genre_within_floor: within.floor,
        ece_chosen_genre_within_q95: within.q95,
        ece_chosen_genre_within_p: within.p,
        ece_all_genres: reliability(allOutcomes).ece,
        ece_all_genres_floor: eceFloor(allOutcomes),
        ...layouts,
      },
      table: o.extra.table === 'reliability' ? genreReliabilityRows(calOutcomes) : perLabelTable(s),
      notes: [
        LAYOUT_NOTE,
        "ece_chosen_genre: expected calibration error (10 bins) of the chosen genre's score (`_floor`: what a perfectly calibrated score of the same values would show on as many articles; `_q95` its 95th percentile, `_p` the share of such perfect draws at or above the measured ECE, `_perfect_pass` the share of them at or below 0.05); `_within`: the ECE within each chosen genre, weighted by its articles (a score over-confident for reporting and under-confident for opinion at the same values shows here, not in the ECE over all); `--set table=reliability` prints the reliability table per chosen genre. ece_all_genres: the same over every (article, genre) pair of `scores` (since session 12 the layer scores the chosen genre alone: the same as ece_chosen_genre; older documents scored every genre).",
      ],
    };
  },
};
