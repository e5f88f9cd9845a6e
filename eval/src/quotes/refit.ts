import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline, type NewsDocument } from '@newsprism/core';
import {
  cutAtComplement,
  LEARNED_CUE_BITS,
  learnedCueExamples,
  type Sample,
  trainAveraged,
  type WordClusters,
} from '@newsprism/core/train';
import { clusterFileChecksum, clustersFor, shippedClusterFile } from '../checkthat/cluster-features.js';
import type { PolnearDoc } from './polnear.js';
import { type AttributionCounts, emptyCounts, type PredAttribution, predicted, scoreDoc } from './score.js';
import { learnedCues, tallyCues, tallyPhrases } from './train-cues.js';
import { type EndSettings, endExamples, fitEnds } from './train-ends.js';

/** Training settings of the learned-cue model (`newsprism train quotes-learned`). */
export interface LearnedSettings {
  epochs: number;
  rate: number;
  l2: number;
  threshold: number;
  seeds: number;
}

/**
 * The trainer's defaults (the shipped model's card). The threshold 0.25 was chosen on `tune` by
 * refit k-fold (session 8: 0.2 → 0.6721, 0.25 → 0.6722, 0.3 → 0.6704, 0.35 → 0.6695).
 */
export const LEARNED_DEFAULTS: LearnedSettings = {
  epochs: 6,
  rate: 0.1,
  l2: 1e-6,
  threshold: 0.25,
  seeds: 1,
};

/**
 * The word clusters the learned-cue model reads (`--set wc=0`: none, the quotes@20 model's
 * features), and the `meta` a model trained with them carries so the analyzer loads the same file.
 */
export function learnedClusters(wc: string | undefined): {
  clusters: WordClusters | null;
  meta: Record<string, string>;
} {
  if (wc === '0') return { clusters: null, meta: {} };
  return {
    // The shipped file, whatever another task set with `useClusterFile`: the meta names it.
    clusters: clustersFor('en', shippedClusterFile('en')),
    meta: { clusters: 'clusters/clusters.en.json', clustersChecksum: clusterFileChecksum() },
  };
}

/** Gold cue ends whose content starts at a given offset: `${cueEnd}:${contentStart}`. */
function goldKeys(d: PolnearDoc): Set<string> {
  const keys = new Set<string>();
  for (const g of d.attributions) {
    if (!g.content.length) continue;
    const cs = Math.min(...g.content.map((s) => s.start));
    for (const c of g.cue) keys.add(`${c.end}:${cs}`);
  }
  return keys;
}

/** The cue-list settings the rules run with: learned cues at or above a reliability and count, from a table. */
export interface CueSettings {
  minCueReliability: number;
  minCueCount: number;
  table?: Record<string, [number, number]>;
}

/**
 * The learned-cue model's examples: every word of analysed articles (with `tokens`, `sentences`,
 * `paragraphs`, `language`) that no rule attribution covers, positive when a gold cue ends at it
 * and the gold content starts at the next token.
 */
export function learnedSamples(
  docs: readonly { gold: PolnearDoc; doc: NewsDocument }[],
  cues: CueSettings,
  clusters?: WordClusters | null,
): Sample[] {
  const samples: Sample[] = [];
  for (const { gold, doc } of docs) {
    const keys = goldKeys(gold);
    for (const e of learnedCueExamples(
      doc,
      cues.minCueReliability,
      false,
      cues.minCueCount,
      cues.table,
      clusters,
    ))
      samples.push({ x: e.x, y: keys.has(`${e.end}:${e.next}`) ? [0] : [], group: gold.id });
  }
  return samples;
}

/** Fits the learned-cue model (weights averaged over `seeds` shuffles) with its decision threshold. */
export function fitLearned(samples: readonly Sample[], s: LearnedSettings) {
  const model = trainAveraged(
    samples,
    { kind: 'multilabel', labels: ['cue'], bits: LEARNED_CUE_BITS, ...s },
    s.seeds,
  );
  model.thresholds[0] = s.threshold;
  return model;
}

/** Counts per setting and fold of a refit cross-validation. */
export interface RefitCounts {
  /** One label per setting: the threshold, and the content-end margin when the end model was refitted. */
  settings: string[];
  /** `[setting][fold]`. */
  folds: AttributionCounts[][];
}

/**
 * Honest k-fold figures for the learned parts of the rules (`--set refit=1`): for each fold, the
 * learned cue table (`train quotes-cues`) and the learned-cue model (`train quotes-learned`) are
 * learned again from the other folds' articles only, then the fold is scored with them — once per
 * decision threshold in `thresholds`. The shipped table and model were learned on all of PolNeAR
 * train, so scoring its `tune` or `final` folds with them is in-sample.
 */
export async function refitFolds(
  docs: readonly PolnearDoc[],
  foldOf: (id: string) => number,
  k: number,
  cues: { minCueReliability: number; minCueCount: number },
  /** Multi-word cue phrases learned per fold at or above this reliability and count (reliability 0: none). */
  phrases: { minReliability: number; minCount: number; strip?: readonly string[] },
  learned: LearnedSettings & { off: boolean; wc?: string },
  thresholds: readonly number[],
  log: (s: string) => void,
  /** The content-end model learned per fold too (scored at each of `margins`), or none (`off`). */
  ends: (EndSettings & { margins: readonly number[] }) | undefined = undefined,
  /** Learn and score this fold only (the others are left empty). */
  only?: number,
  /** Called with each held-out article's predictions and matched pairs under the first setting. */
  onDoc?: (d: PolnearDoc, pred: readonly PredAttribution[], matched: readonly [number, number][]) => void,
  /**
   * Experiment (`--set clauses=1`): the held-out articles are also parsed (`syntax` with
   * `deps: true`) and an indirect content after its cue ends at the cue's `ccomp` subtree
   * (`cutAtComplement`).
   */
  clauses = false,
  /** The quotes option `subjects` (`--set subj=1`: on; off by default, the rules' sources alone). */
  subjects = false,
): Promise<RefitCounts> {
  const parse = clauses;
  const base = await createPipeline({ layers: ['paragraphs', 'sentences', 'tokens', 'language'] });
  const analysed = docs.map((gold) => ({
    gold,
    doc: base.run({ id: gold.id, text: gold.text, meta: { lang: 'en' } }),
  }));
  const margins = ends ? ends.margins : [undefined];
  const out: RefitCounts = {
    settings: thresholds.flatMap((t) =>
      margins.map((m) => (m === undefined ? `threshold ${t}` : `threshold ${t}, end margin ${m}`)),
    ),
    folds: thresholds.flatMap(() => margins.map(() => Array.from({ length: k }, emptyCounts))),
  };
  const dir = tmpdir();
  const wc = learnedClusters(learned.wc);
  for (let f = 0; f < k; f++) {
    if (only !== undefined && f !== only) continue;
    const rest = analysed.filter((d) => foldOf(d.gold.id) !== f);
    const strip = new Set(phrases.strip);
    const table = learnedCues(
      tallyCues(
        rest.map((d) => d.gold),
        strip,
      ),
      1,
      0,
    );
    const phraseTable = phrases.minReliability
      ? learnedCues(
          tallyPhrases(
            rest.map((d) => d.gold),
            5,
            strip,
          ),
          phrases.minCount,
          phrases.minReliability,
        )
      : {};
    Object.assign(table, phraseTable);
    const cueFile = join(dir, `newsprism-refit-cues-${process.pid}-${f}.json`);
    writeFileSync(cueFile, JSON.stringify({ learned: table }));
    const samples = learned.off ? [] : learnedSamples(rest, { ...cues, table }, wc.clusters);
    const model = learned.off ? undefined : fitLearned(samples, learned);
    log(
      `refit fold ${f + 1} of ${k}: ${rest.length} articles, ${Object.keys(table).length} cue forms (${Object.keys(phraseTable).length} phrases), ${samples.length} words (${samples.filter((s) => s.y.length).length} positive)`,
    );
    const held = docs.filter((d) => foldOf(d.id) === f);
    let endFile = 'off';
    for (const [ti, t] of thresholds.entries()) {
      let modelFile = 'off';
      if (model) {
        model.thresholds[0] = t;
        modelFile = join(dir, `newsprism-refit-model-${process.pid}-${f}.json`);
        writeFileSync(
          modelFile,
          JSON.stringify(model.toFile({ task: 'quotes-learned', fold: f, ...wc.meta })),
        );
      }
      const quotes = { ...cues, cueTable: cueFile, learned: modelFile, subjects };
      if (ends && ti === 0) {
        // The content-end model learns from the rules' uncut contents on the other folds, with
        // this fold's table and learned-cue model (as `train quotes-ends` does on all of train).
        const pipe = await createPipeline({
          layers: ['quotes'],
          options: { quotes: { ...quotes, ends: 'off' } },
        });
        const examples = endExamples(
          rest.map((d) => ({
            gold: d.gold,
            doc: pipe.run({ id: d.gold.id, text: d.gold.text, meta: { lang: 'en' } }),
          })),
        );
        const endModel = fitEnds(examples, ends);
        endFile = join(dir, `newsprism-refit-ends-${process.pid}-${f}.json`);
        log(`refit fold ${f + 1} of ${k}: content-end model from ${examples.length} contents`);
        for (const [mi, m] of ends.margins.entries()) {
          endModel.thresholds[0] = m;
          writeFileSync(
            `${endFile}.${mi}`,
            JSON.stringify(endModel.toFile({ task: 'quotes-ends', fold: f })),
          );
        }
      }
      for (const [mi, m] of margins.entries()) {
        const pipe = await createPipeline({
          layers: parse ? ['quotes', 'syntax'] : ['quotes'],
          options: {
            quotes: { ...quotes, ends: m === undefined ? 'off' : `${endFile}.${mi}` },
            ...(parse ? { syntax: { deps: true } } : {}),
          },
        });
        for (const d of held) {
          const doc = pipe.run({ id: d.id, text: d.text, meta: { lang: 'en' } });
          if (clauses && doc.quotes && doc.syntax) cutAtComplement(doc.tokens!, doc.syntax, doc.quotes);
          const pred: PredAttribution[] = (doc.quotes ?? []).filter((q) => q.kind !== 'scare').map(predicted);
          const matched = scoreDoc(pred, d.attributions, out.folds[ti * margins.length + mi]![f]!);
          if (onDoc && ti === 0 && mi === 0) onDoc(d, pred, matched);
        }
      }
    }
  }
  return out;
}
