import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type LinearModel, type SentenceModelSettings, sentenceVector, trainLinear } from '@newsprism/core';
import type { TaskOptions } from '../task.js';
import type { LabelledSentence } from './load.js';

/** Hyper-parameters of a sentence model, overridable with `--set key=value`. */
export interface FitSettings extends SentenceModelSettings {
  epochs: number;
  rate: number;
  l2: number;
  /** Weight of positive examples relative to negatives, capped by the class ratio. */
  positiveWeight: number;
  /** Models trained with different shuffles whose weights are averaged (less variance). */
  seeds: number;
}

/** Reads `--set` overrides (`bits`, `chars`, `epochs`, `rate`, `l2`, `positiveWeight`) over defaults. */
export function fitSettings(o: TaskOptions, defaults: FitSettings): FitSettings {
  const s = { ...defaults };
  for (const [k, v] of Object.entries(o.extra)) {
    if (k === 'chars' || k === 'suffixes') s[k] = v === '1' || v === 'true';
    else if (k in s) (s as unknown as Record<string, number>)[k] = Number(v);
  }
  return s;
}

/** Trains a one-label logistic regression on labelled sentences (English features). */
export function fitSentenceModel(
  rows: readonly LabelledSentence[],
  s: FitSettings,
  label: string,
): LinearModel {
  const samples = rows.map((r) => ({ x: sentenceVector(r.text, 'en', s), y: r.positive ? [0] : [] }));
  return trainLinear(samples, {
    kind: 'multilabel',
    labels: [label],
    bits: s.bits,
    epochs: s.epochs,
    rate: s.rate,
    l2: s.l2,
    maxPositiveWeight: s.positiveWeight,
  });
}

/** Positive-class probabilities of `rows` under `model`. */
export function predictRows(
  model: LinearModel,
  rows: readonly LabelledSentence[],
  s: SentenceModelSettings,
): number[] {
  return rows.map((r) => model.probabilities(sentenceVector(r.text, 'en', s))[0]!);
}

/** Writes `model` with `threshold` and its card facts to `path` (creating the folder). */
export function saveModel(
  model: LinearModel,
  threshold: number,
  path: string,
  s: FitSettings,
  meta: Record<string, unknown>,
): void {
  model.thresholds[0] = threshold;
  const file = model.toFile({
    features: { chars: s.chars, suffixes: s.suffixes ?? false, extractor: 'sentenceVector@2' },
    training: { epochs: s.epochs, rate: s.rate, l2: s.l2, positiveWeight: s.positiveWeight, seeds: s.seeds },
    date: new Date().toISOString().slice(0, 10),
    ...meta,
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(file)}\n`);
}
