import { labelsByLine, type NewsDocument, TECHNIQUES } from '@newsprism/core';
import type { TaskOptions } from '../task.js';
import type { SemevalArticle } from './dataset.js';
import { LAYOUTS, type LaidOut, type Layout, originalOffset, relayout } from './layouts.js';
import { multiLabelF1 } from './metrics.js';
import { analyzeArticles } from './run-pipeline.js';
import { segmentArticles } from './segment.js';

/** The techniques layer's line sets of a document, by 1-based line number. */
function lineSets(doc: NewsDocument): Map<number, readonly string[]> {
  const sets = new Map(
    doc.techniques!.paragraphs.map((p) => [p.paragraph, p.techniques.map((t) => t.technique)]),
  );
  return new Map(labelsByLine(doc.text, doc.paragraphs!, sets).map((l) => [l.line, l.labels]));
}

/** Scores of the techniques layer on one layout of the articles. */
export interface LayoutScore {
  layout: Layout;
  lines: number;
  wordsPerLine: number;
  /** Share of lines with a gold technique. */
  labelled: number;
  micro: number;
  macro: number;
  /** Micro-F1 of labelling every line Loaded_Language (the layout's trivial baseline). */
  baseline: number;
  /** Share of the layer's (span, technique) findings, in original offsets, that the original layout also has. */
  sameFindings: number;
}

/** The articles laid out in each of {@link LAYOUTS}, each run through the real pipeline. */
export async function relaidRuns(
  articles: readonly SemevalArticle[],
  analyzer: string,
  o: TaskOptions,
): Promise<{ layout: Layout; laid: LaidOut[]; runs: { article: SemevalArticle; doc: NewsDocument }[] }[]> {
  const seg = await segmentArticles(articles);
  const out = [];
  for (const layout of LAYOUTS) {
    const laid = articles.map((a, i) => relayout(a, seg[i]!.paragraphs, seg[i]!.sentences, layout));
    const runs = await analyzeArticles(
      articles.map((a, i) => ({ ...a, text: laid[i]!.text, lines: laid[i]!.lines, spans: laid[i]!.spans })),
      analyzer,
      o,
    );
    out.push({ layout, laid, runs });
  }
  return out;
}

/**
 * The robustness test of issue 18: the articles laid out as they are, one sentence per line,
 * and merged into long paragraphs (labels from the span files in every layout), each run
 * through the real pipeline and scored on its own lines.
 */
export async function layoutScores(
  articles: readonly SemevalArticle[],
  o: TaskOptions,
): Promise<LayoutScore[]> {
  const seg = await segmentArticles(articles);
  let reference: Set<string>[] = [];
  const out: LayoutScore[] = [];
  for (const layout of LAYOUTS) {
    const laid: LaidOut[] = articles.map((a, i) =>
      relayout(a, seg[i]!.paragraphs, seg[i]!.sentences, layout),
    );
    const runs = await analyzeArticles(
      articles.map((a, i) => ({ ...a, text: laid[i]!.text, lines: laid[i]!.lines, spans: laid[i]!.spans })),
      'techniques',
      o,
    );
    const gold: string[][] = [];
    const pred: string[][] = [];
    let words = 0;
    const findings = runs.map(({ doc }, i) => {
      const l = laid[i]!;
      const byLine = lineSets(doc);
      for (const [line, techs] of l.lines) {
        gold.push(techs);
        pred.push([...(byLine.get(line) ?? [])]);
      }
      words += l.text.split(/\s+/).filter(Boolean).length;
      return new Set(
        doc.techniques!.spans.map(
          (s) => `${originalOffset(l, s.start)}:${originalOffset(l, s.end)}:${s.technique}`,
        ),
      );
    });
    if (layout === 'original') reference = findings;
    let same = 0;
    let all = 0;
    findings.forEach((f, i) => {
      all += f.size;
      for (const k of f) if (reference[i]!.has(k)) same++;
    });
    const s = multiLabelF1(gold, pred, TECHNIQUES);
    const base = multiLabelF1(
      gold,
      gold.map(() => ['Loaded_Language']),
      TECHNIQUES,
    );
    out.push({
      layout,
      lines: gold.length,
      wordsPerLine: words / Math.max(1, gold.length),
      labelled: gold.filter((g) => g.length > 0).length / Math.max(1, gold.length),
      micro: s.micro.f1,
      macro: s.macroF1,
      baseline: base.micro.f1,
      sameFindings: all ? same / all : 1,
    });
  }
  return out;
}
