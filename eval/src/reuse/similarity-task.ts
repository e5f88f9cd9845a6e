import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  conceptBag,
  FrequencyTable,
  SIMILARITY_DIMENSIONS,
  SIMILARITY_FEATURES,
  type SimilarityDimension,
  type SimilarityEvidence,
  type SimilarityModel,
  scoreSimilarity,
  similarityEvidence,
} from '@newsprism/core';
import { hashString } from '@newsprism/core/train';
import type { Task, TaskOptions } from '../task.js';
import { fitLinear, loadSimilarity, pearson, type SimilarityRow } from './similarity-data.js';

const SHIPPED = fileURLToPath(new URL('../../../models/similarity/similarity.json', import.meta.url));
const LABEL: Record<SimilarityDimension, keyof SimilarityRow> = {
  overall: 'Overall',
  geography: 'Geography',
  entities: 'Entities',
  time: 'Time',
  narrative: 'Narrative',
};

/** Evidence for every pair, with document frequencies over all the texts of the file (as the CLI does). */
function evidence(rows: readonly SimilarityRow[]): SimilarityEvidence[] {
  const df = new FrequencyTable();
  for (const r of rows)
    for (const [t, l] of [
      [r.text1, r.lang1],
      [r.text2, r.lang2],
    ] as const)
      df.addBag(conceptBag(t, undefined, l));
  return rows.map((r) => similarityEvidence(r.text1, r.text2, df, [r.lang1, r.lang2]));
}

function fit(rows: readonly SimilarityRow[], ev: readonly SimilarityEvidence[]): SimilarityModel {
  const x = ev.map((e) => SIMILARITY_FEATURES.map((f) => e.features[f]));
  return Object.fromEntries(
    SIMILARITY_DIMENSIONS.map((d) => [
      d,
      fitLinear(
        x,
        rows.map((r) => r[LABEL[d]] as number),
      ),
    ]),
  ) as SimilarityModel;
}

const FOLDS = 5;
const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((v) => (v - mean(xs)) ** 2)));

/**
 * Cross-validated by pair (5 folds by a hash of the pair id): the model is fitted on four folds
 * and scores the fifth. Reports Pearson with `Overall` per language pair (out-of-fold, pooled,
 * and mean ± sd over folds where a fold has 8 or more pairs of that language pair), the plain
 * concept cosine (`all`, no fitting) as the floor, and each dimension's Pearson with its label.
 */
async function crossValidated(o: TaskOptions) {
  const rows = loadSimilarity(o.data).filter((r) => Number.isFinite(r.Overall));
  const ev = evidence(rows);
  const fold = rows.map((r) => hashString(r.pair_id) % FOLDS);
  const predicted: Record<SimilarityDimension, number[]> = {
    overall: [],
    geography: [],
    entities: [],
    time: [],
    narrative: [],
  };
  for (let f = 0; f < FOLDS; f++) {
    const train = rows.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    const model = fit(
      train.map((i) => rows[i]!),
      train.map((i) => ev[i]!),
    );
    rows.forEach((_, i) => {
      if (fold[i] !== f) return;
      const s = scoreSimilarity(ev[i]!, model);
      for (const d of SIMILARITY_DIMENSIONS) predicted[d][i] = s[d];
    });
  }
  const langs = [...new Set(rows.map((r) => `${r.lang1}-${r.lang2}`))].sort(
    (a, b) =>
      rows.filter((r) => `${r.lang1}-${r.lang2}` === b).length -
      rows.filter((r) => `${r.lang1}-${r.lang2}` === a).length,
  );
  const table: (string | number)[][] = [
    ['pair', 'n', 'pearson (cv)', 'fold mean', 'fold sd', 'cosine (no fit)'],
  ];
  const metrics: Record<string, number> = {};
  for (const lp of ['all', ...langs]) {
    const idx = rows.flatMap((r, i) => (lp === 'all' || `${r.lang1}-${r.lang2}` === lp ? [i] : []));
    // Pearson with Overall: our 1–4 prediction against the label; the cosine is a similarity, so negated.
    const p = pearson(
      idx.map((i) => predicted.overall[i]!),
      idx.map((i) => rows[i]!.Overall),
    );
    const cos = -pearson(
      idx.map((i) => ev[i]!.features.all),
      idx.map((i) => rows[i]!.Overall),
    );
    const perFold: number[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const inFold = idx.filter((i) => fold[i] === f);
      if (inFold.length >= 8)
        perFold.push(
          pearson(
            inFold.map((i) => predicted.overall[i]!),
            inFold.map((i) => rows[i]!.Overall),
          ),
        );
    }
    table.push([
      lp,
      idx.length,
      p,
      perFold.length ? mean(perFold) : Number.NaN,
      perFold.length ? sd(perFold) : Number.NaN,
      cos,
    ]);
    if (lp === 'all' || lp === 'en-en' || lp === 'ru-ru') metrics[`pearson_${lp}`] = p;
  }
  for (const d of SIMILARITY_DIMENSIONS)
    metrics[`dimension_${d}`] = pearson(
      predicted[d],
      rows.map((r) => r[LABEL[d]] as number),
    );
  return {
    title: `story similarity: Pearson with the labels, ${FOLDS}-fold cross-validated by pair (${rows.length} pairs)`,
    metrics,
    table,
  };
}

/** `newsprism eval story-similarity`: the cross-validated figures of the similarity model. */
export const similarityEval: Task = {
  name: 'story-similarity',
  description:
    'story similarity (SemEval-2022 Task 8): Pearson with Overall per language pair, cross-validated by pair',
  run: crossValidated,
};

/**
 * `newsprism train story-similarity`: fits the similarity model on every pair and writes
 * `models/similarity/similarity.json` (the report is the cross-validated one).
 */
export const similarityTrain: Task = {
  name: 'story-similarity',
  description: 'fit the story-similarity model (linear over concept similarities) into models/similarity/',
  async run(o: TaskOptions) {
    const report = await crossValidated(o);
    const rows = loadSimilarity(o.data).filter((r) => Number.isFinite(r.Overall));
    const model = fit(rows, evidence(rows));
    const out = o.out ?? SHIPPED;
    mkdirSync(dirname(out), { recursive: true });
    const file = { format: 'newsprism-similarity/1', features: SIMILARITY_FEATURES, dimensions: model };
    writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
    o.log(`wrote ${out}`);
    return report;
  },
};
