import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsprismError, numberOption } from '@newsprism/core';
import { clusterWords, type WordClusterFile } from '@newsprism/core/train';
import type { Task, TaskOptions } from '../task.js';
import { unlabelledCorpus } from './corpus.js';
import { hierarchicalKmeans } from './kmeans.js';
import { type PpmiSettings, ppmiSvd } from './ppmi-svd.js';

const DEFAULTS: PpmiSettings & { iterations: number } = {
  minCount: 3,
  maxVocab: 40000,
  contexts: 8000,
  window: 2,
  dims: 100,
  power: 2,
  alpha: 0.75,
  eig: 0.5,
  seed: 1,
  iterations: 15,
};

const shipped = (lang: string) =>
  fileURLToPath(new URL(`../../../models/clusters/clusters.${lang}.json`, import.meta.url));

/**
 * `newsprism train clusters --data ../shared/data --lang en|ru`: distributional word classes
 * from the unlabelled text of {@link unlabelledCorpus} (every final split left out): PPMI of
 * left and right co-occurrences, a randomized truncated SVD, then spherical k-means cut
 * hierarchically (`--set branching=64,4,4`: 64, 256 and 1,024 classes). Writes
 * `models/clusters/clusters.<lang>.json` (or `--out`). Settings: `minCount`, `maxVocab`,
 * `contexts`, `window`, `dims`, `power`, `alpha`, `eig`, `iterations`, `seed`.
 */
export const clustersTrain: Task = {
  name: 'clusters',
  description: 'train distributional word clusters from unlabelled text (PPMI + SVD + hierarchical k-means)',
  async run(o: TaskOptions) {
    const lang = o.lang ?? 'en';
    if (lang !== 'en' && lang !== 'ru')
      throw new NewsprismError(
        'E_USAGE',
        `train clusters: --lang ${lang} has no unlabelled text; use en or ru`,
      );
    const s = { ...DEFAULTS };
    for (const k of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[])
      if (o.extra[k] !== undefined) s[k] = numberOption(o.extra, k, 0);
    const branching = (o.extra.branching ?? '64,4,4').split(',').map(Number);
    if (branching.some((b) => !Number.isInteger(b) || b < 2))
      throw new NewsprismError('E_USAGE', 'train clusters: --set branching= takes integers ≥ 2, e.g. 64,4,4');
    // The settings that differ from the defaults, for the file's command line.
    const changed = [
      ...(Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[])
        .filter((k) => s[k] !== DEFAULTS[k])
        .map((k) => ` --set ${k}=${s[k]}`),
      ...(o.extra.branching ? [` --set branching=${o.extra.branching}`] : []),
      ...(o.extra.skip ? [` --set skip=${o.extra.skip}`] : []),
      ...(o.extra.holdOnly ? [` --set holdOnly=${o.extra.holdOnly}`] : []),
    ].join('');
    // `--set holdOnly=semeval2023`: only the SemEval-2023 final split is left out (a file for the
    // techniques layer alone); by default every evaluation's final is.
    const holdOnly = o.extra.holdOnly as 'semeval2023' | undefined;
    if (holdOnly !== undefined && holdOnly !== 'semeval2023')
      throw new NewsprismError('E_OPTION_VALUE', `train clusters: holdOnly=${holdOnly} is not semeval2023`);
    // `--set skip=conll2003,ud`: sources left out (to measure a task on text the clusters never saw).
    const corpus = unlabelledCorpus(
      o.data,
      lang,
      new Set((o.extra.skip ?? '').split(',').filter(Boolean)),
      holdOnly,
    );
    const sentences = corpus.texts.map(clusterWords);
    const tokens = sentences.reduce((n, w) => n + w.length, 0);
    o.log(
      `clusters: ${corpus.texts.length} texts, ${tokens} words; sources ${JSON.stringify(corpus.sources)}`,
    );
    o.log(`clusters: held out as final ${JSON.stringify(corpus.excluded)}`);
    const v = ppmiSvd(sentences, s);
    o.log(`clusters: ${v.words.length} words × ${v.dims} dimensions`);
    const weight = v.counts.map((n) => Math.sqrt(n));
    const ids = hierarchicalKmeans(v.data, v.dims, v.words.length, weight, branching, s.iterations, s.seed);
    const leaves = branching.reduce((a, b) => a * b, 1);
    const members = Array.from({ length: leaves }, () => [] as string[]);
    ids.forEach((id, i) => {
      members[id]!.push(v.words[i]!);
    });
    const file: WordClusterFile = {
      format: 'newsprism-clusters/1',
      lang,
      branching,
      clusters: members.map((m) => m.join(' ')),
      meta: {
        method: 'PPMI (left/right contexts, 1/distance) + randomized SVD + hierarchical spherical k-means',
        settings: s,
        vocabulary: v.words.length,
        tokens,
        sources: corpus.sources,
        excludedAsFinal: corpus.excluded,
        command: `newsprism train clusters --data ../shared/data --lang ${lang}${changed}`,
        date: new Date().toISOString().slice(0, 10),
      },
    };
    const out = o.out ?? shipped(lang);
    mkdirSync(dirname(out), { recursive: true });
    const text = `${JSON.stringify(file, null, 0).replace(/","/g, '",\n"')}\n`;
    writeFileSync(out, text);
    o.log(`clusters: wrote ${out}`);
    return {
      title: `word clusters, ${lang}`,
      metrics: {
        texts: corpus.texts.length,
        tokens,
        vocabulary: v.words.length,
        bytes: Buffer.byteLength(text),
      },
      // A few clusters to read: every 40th of the 400 most frequent words with its leaf's first words.
      table: [
        ['word', 'cluster', 'companions'],
        ...v.words
          .slice(0, 400)
          .filter((_, i) => i % 40 === 7)
          .map((w) => {
            const id = ids[v.words.indexOf(w)]!;
            return [w, id, members[id]!.slice(0, 12).join(' ')];
          }),
      ],
    };
  },
};
