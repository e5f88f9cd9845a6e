import { writeFileSync } from 'node:fs';
import type { LinearModel } from '@newsprism/core/train';
import type { TaskOptions } from '../task.js';

/** What every SemEval-2023 model file records of its training, plus model-specific fields. */
export interface SemevalModelMeta extends Record<string, unknown> {
  task: string;
  split: string;
  options: unknown;
  metrics: Record<string, number>;
}

/**
 * Writes a trained SemEval-2023 model to `--out`, or to `models/<file>` (a path such as
 * `genre/model.json`), with its training record; `--set dry=1` writes nothing.
 */
export function saveSemevalModel(
  o: TaskOptions,
  file: string,
  model: LinearModel,
  meta: SemevalModelMeta,
): void {
  if (o.extra.dry === '1') return;
  const out = o.out ?? new URL(`../../../models/${file}`, import.meta.url);
  const { task, split, options, metrics, ...specific } = meta;
  const record = {
    task,
    split,
    languages: o.lang ?? 'all',
    trained: new Date().toISOString(),
    options,
    metrics,
    ...specific,
  };
  writeFileSync(out, JSON.stringify(model.toFile(record)));
  o.log(`wrote ${String(out)}`);
}
