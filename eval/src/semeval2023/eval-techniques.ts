import { labelsByLine, TECHNIQUES } from '@newsprism/core';
import type { Report, Task } from '../task.js';
import { loadSemeval } from './dataset.js';
import { multiLabelF1, perLabelTable } from './metrics.js';
import { analyzeArticles } from './run-pipeline.js';
import { addOverlap, overlapScores } from './span-overlap.js';

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
    for (const { article, doc } of await analyzeArticles(articles, 'techniques', o)) {
      addOverlap(spans, doc.techniques!.spans, article.spans ?? []);
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
      },
      notes: [
        "spans_*: technique-agnostic partial-overlap scores of the layer's spans against the subtask-3 gold spans (SemEval-2020 Task 11 SI metric, spans merged), as --format ptc-si prints them.",
      ],
      table: perLabelTable(s),
    };
  },
};
