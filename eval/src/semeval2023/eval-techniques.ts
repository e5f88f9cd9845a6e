import { labelsByLine, TECHNIQUES } from '@newsprism/core';
import { fileLines, type Outcome, type ReliabilityBin, reliability } from '@newsprism/core/train';
import { eceNoise } from '../checkthat/kfold-calibration.js';
import type { Report, Task } from '../task.js';
import { loadSemeval } from './dataset.js';
import { layoutScores } from './eval-layouts.js';
import { multiLabelF1, perLabelTable } from './metrics.js';
import { analyzeArticles } from './run-pipeline.js';
import { spanTechniques } from './segment.js';
import { addOverlap, overlapScores } from './span-overlap.js';

/** The reliability tables of the span and paragraph scores side by side. */
function reliabilityTable(spans: ReliabilityBin[], paragraphs: ReliabilityBin[]): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['score', 'spans', 'mean score', 'right', 'paragraphs', 'mean score', 'right'],
  ];
  spans.forEach((b, i) => {
    const p = paragraphs[i]!;
    rows.push([
      `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
      b.count,
      b.meanScore,
      b.accuracy,
      p.count,
      p.meanScore,
      p.accuracy,
    ]);
  });
  return rows;
}

/**
 * `newsprism eval techniques`: the subtask-3 metric (micro- and macro-F1 over (paragraph,
 * technique) pairs) of the `techniques` layer on the gold lines of the chosen split, with the
 * line sets computed exactly as `--format semeval2023-st3` prints them; also the span-level
 * partial-overlap scores of the layer's spans (what `--format ptc-si` prints).
 */
export const evalTechniques: Task = {
  name: 'techniques',
  description: 'persuasion techniques per paragraph, SemEval-2023 Task 3 subtask 3 (micro/macro-F1)',
  async run(o): Promise<Report> {
    const split = o.split ?? 'val';
    const lang = o.lang ?? 'en';
    const articles = loadSemeval(o.data, lang, split).filter((a) => a.lines);
    const gold: string[][] = [];
    const pred: string[][] = [];
    const spans = { precision: 0, recall: 0, predicted: 0, gold: 0 };
    const spanOutcomes: Outcome[] = [];
    const paragraphOutcomes: Outcome[] = [];
    const nearOutcomes: Outcome[] = [];
    for (const { article, doc } of await analyzeArticles(articles, 'techniques', o)) {
      addOverlap(spans, doc.techniques!.spans, article.spans ?? []);
      // Is each presented score the probability of being right? A span is right when a gold
      // span of its technique overlaps it; a paragraph's technique when its line has it.
      const right = spanTechniques(article, doc.techniques!.spans);
      doc.techniques!.spans.forEach((x, i) => {
        spanOutcomes.push({ p: x.score, y: right[i]!.includes(x.technique) });
      });
      // The near misses (`nearest`, shown below the findings): right when a gold span of the
      // technique overlaps the sentence anyway.
      const near = doc.techniques!.nearest ?? [];
      const nearRight = spanTechniques(article, near);
      near.forEach((x, i) => {
        nearOutcomes.push({ p: x.score, y: nearRight[i]!.includes(x.technique) });
      });
      const lines = fileLines(doc.text);
      for (const p of doc.techniques!.paragraphs) {
        const start = doc.paragraphs![p.paragraph]!.start;
        const line = lines.find((l) => l.start <= start && start < l.end);
        const g = line && article.lines!.get(line.line);
        if (g)
          for (const t of p.techniques) paragraphOutcomes.push({ p: t.score, y: g.includes(t.technique) });
      }
      const sets = new Map(
        doc.techniques!.paragraphs.map((p) => [p.paragraph, p.techniques.map((t) => t.technique)]),
      );
      const byLine = new Map(labelsByLine(doc.text, doc.paragraphs!, sets).map((l) => [l.line, l.labels]));
      for (const [line, techs] of article.lines!) {
        gold.push(techs);
        pred.push([...(byLine.get(line) ?? [])]);
      }
    }
    const s = multiLabelF1(gold, pred, TECHNIQUES);
    const si = overlapScores(spans);
    const spanCal = reliability(spanOutcomes);
    const paraCal = reliability(paragraphOutcomes);
    const paraNoise = eceNoise(paragraphOutcomes);
    const spanNoise = eceNoise(spanOutcomes);
    const nearNoise = eceNoise(nearOutcomes);
    const layouts: Record<string, number> = {};
    if (o.extra.layouts !== '0') {
      const scores = await layoutScores(articles, o);
      const original = scores[0]!.micro;
      let gap = 0;
      for (const l of scores) {
        layouts[`${l.layout}_lines`] = l.lines;
        layouts[`${l.layout}_words_per_line`] = l.wordsPerLine;
        layouts[`${l.layout}_labelled_share`] = l.labelled;
        layouts[`${l.layout}_micro_f1`] = l.micro;
        layouts[`${l.layout}_macro_f1`] = l.macro;
        layouts[`${l.layout}_baseline_micro_f1`] = l.baseline;
        layouts[`${l.layout}_same_findings`] = l.sameFindings;
        gap = Math.max(gap, Math.abs(l.micro - original));
      }
      layouts.layout_max_gap = gap;
    }
    return {
      title: `Techniques, SemEval-2023 Task 3 subtask 3 — ${lang}, split ${split}: ${articles.length} articles, ${gold.length} paragraphs`,
      metrics: {
        micro_f1: s.micro.f1,
        micro_precision: s.micro.precision,
        micro_recall: s.micro.recall,
        macro_f1: s.macroF1,
        spans_precision: si.precision,
        spans_recall: si.recall,
        spans_f1: si.f1,
        spans_ece: spanCal.ece,
        spans_ece_floor: spanNoise.floor,
        spans_ece_q95: spanNoise.q95,
        spans_ece_p: spanNoise.p,
        spans_ece_perfect_pass: spanNoise.pass,
        nearest: nearOutcomes.length,
        nearest_ece: nearNoise.ece,
        nearest_ece_q95: nearNoise.q95,
        nearest_ece_p: nearNoise.p,
        nearest_mean_score: nearOutcomes.reduce((a, x) => a + x.p, 0) / Math.max(1, nearOutcomes.length),
        nearest_share_right: nearOutcomes.filter((x) => x.y).length / Math.max(1, nearOutcomes.length),
        paragraphs_ece: paraCal.ece,
        paragraphs_ece_floor: paraNoise.floor,
        paragraphs_ece_q95: paraNoise.q95,
        paragraphs_ece_p: paraNoise.p,
        paragraphs_ece_perfect_pass: paraNoise.pass,
        ...layouts,
      },
      notes: [
        'spans_ece / paragraphs_ece: expected calibration error (10 bins) of the scores of the spans (right when a gold span of the technique overlaps) and of the paragraph findings (right when the line has the technique), `_floor` what a perfectly calibrated score of the same values would show (`_q95` its 95th percentile, `_p` the share of such perfect draws at or above the measured ECE, `_perfect_pass` the share at or below 0.05); `nearest_ece`: the same of the near misses (`nearest`, right when a gold span of the technique overlaps the sentence), with `nearest_mean_score` against `nearest_share_right`; `--set table=reliability` prints the reliability table.',
        "original_/sentences_/merged_*: the robustness test (`--set layouts=0` skips it): the articles as they are, one sentence per line, and body paragraphs merged into lines of 90+ words, labels from the span files in each layout, scored on the layout's own lines; baseline = every line Loaded_Language; same_findings = share of the findings (span, technique; original offsets) the original layout also has; layout_max_gap = the largest micro-F1 difference from the original layout.",
        "spans_*: technique-agnostic partial-overlap scores of the layer's spans against the subtask-3 gold spans (SemEval-2020 Task 11 SI metric, spans merged), as --format ptc-si prints them.",
      ],
      table:
        o.extra.table === 'reliability' ? reliabilityTable(spanCal.table, paraCal.table) : perLabelTable(s),
    };
  },
};
