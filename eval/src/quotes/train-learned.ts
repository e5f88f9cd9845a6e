import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '@newsprism/core';
import { crossValidate, LEARNED_CUE_BITS } from '@newsprism/core/train';
import { inSplit } from '../split.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { loadPolnear } from './polnear.js';
import {
  fitLearned,
  LEARNED_DEFAULTS,
  type LearnedSettings,
  learnedClusters,
  learnedSamples,
} from './refit.js';

/** Where the shipped English learned-cue model lives. */
const MODEL_EN = fileURLToPath(new URL('../../../models/quotes/cues.en.json', import.meta.url));

/**
 * `newsprism train quotes-learned --data ../shared/data/polnear`: learns, from PolNeAR train (the
 * project's `train` part; `val` and PolNeAR dev are never read), which words end a cue whose
 * content follows them, among the words no rule attribution covers, from their context and the
 * English word clusters (`--set wc=0`: without them). Reports out-of-fold precision
 * and recall per threshold, refits on all of it and writes `models/quotes/cues.en.json` with the
 * threshold given (`--set threshold=`, default 0.25, chosen on `tune` by out-of-sample k-fold:
 * `newsprism eval quotes --split tune --set folds=5 --set refit=1 --set thresholds=…`).
 */
export const quotesLearnedTrain: Task = {
  name: 'quotes-learned',
  description: 'learn cue words the rules miss (PolNeAR train)',
  async run(o: TaskOptions): Promise<Report> {
    const split = o.split ?? 'train';
    const s: LearnedSettings = { ...LEARNED_DEFAULTS };
    for (const [k, v] of Object.entries(o.extra))
      if (k in s) (s as unknown as Record<string, number>)[k] = Number(v);
    const docs = loadPolnear(o.data, 'train').filter(
      (d) => split === 'all' || inSplit('polnear', d.id, split),
    );
    // The rules' words (a pipeline up to `language`; the cue rules run again in `learnedSamples`).
    const pipe = await createPipeline({ layers: ['paragraphs', 'sentences', 'tokens', 'language'] });
    // Word-cluster features unless `--set wc=0`; the model's `meta` names the cluster file.
    const wc = learnedClusters(o.extra.wc);
    const samples = learnedSamples(
      docs.map((d) => ({ gold: d, doc: pipe.run({ id: d.id, text: d.text, meta: { lang: 'en' } }) })),
      { minCueReliability: 0.3, minCueCount: 3 },
      wc.clusters,
    );
    const positives = samples.filter((x) => x.y.length).length;
    o.log(
      `quotes-learned: ${docs.length} articles, ${samples.length} words scored, ${positives} end a gold cue`,
    );
    const train = { kind: 'multilabel' as const, labels: ['cue'], bits: LEARNED_CUE_BITS, ...s };
    const oof = crossValidate(samples, 5, train);
    const table: (string | number)[][] = [['threshold', 'predicted', 'precision', 'recall']];
    for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7]) {
      let n = 0;
      let hit = 0;
      samples.forEach((x, i) => {
        if (oof[i]![0]! >= t) {
          n++;
          if (x.y.length) hit++;
        }
      });
      table.push([t, n, n ? hit / n : 0, positives ? hit / positives : 0]);
    }
    const model = fitLearned(samples, s);
    if (o.extra.dry !== '1') {
      const out = o.out ?? MODEL_EN;
      mkdirSync(dirname(out), { recursive: true });
      const meta = {
        task: 'quotes-learned',
        split,
        data: 'PolNeAR train',
        trained: new Date().toISOString(),
        options: s,
        metrics: { articles: docs.length, words: samples.length, positives },
        ...wc.meta,
      };
      writeFileSync(out, JSON.stringify(model.toFile(meta)));
      o.log(`wrote ${out}`);
    }
    return {
      title: `quotes-learned on PolNeAR ${split}: words ending a gold cue, out of fold (5 folds by article)`,
      metrics: { articles: docs.length, words: samples.length, positives, threshold: s.threshold },
      table,
    };
  },
};
