import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { numberOption } from '@newsprism/core';
import {
  addNerClusters,
  NER_BITS,
  NER_TAGS,
  type NerModelFile,
  NerTagger,
  nerFeatures,
  prng,
  recallTag,
  rememberTag,
  spansFromTags,
} from '@newsprism/core/train';
import { clusterFileChecksum, clustersFor, useClusterFile } from '../checkthat/cluster-features.js';
import { compactRows, Perceptron } from '../perceptron.js';
import { articleFold } from '../semeval2023/genre-style-fit.js';
import { isValidation } from '../split.js';
import type { Task, TaskOptions } from '../task.js';
import { loadConllNer } from './conll-ner.js';
import { loadPolnearNer, prepareDocs, shoutedCopies, type TaggedDoc } from './polnear-ner.js';
import { addSpanCounts, type Prf, prf, spanTable } from './span-f1.js';

const T = NER_TAGS.length;
/** Where the shipped model lives. */
export const SHIPPED_NER = fileURLToPath(new URL('../../../models/ner-en/ner-en.json', import.meta.url));

function trainEpoch(p: Perceptron, docs: readonly TaggedDoc[], tagger: NerTagger): number {
  const feats = new Int32Array(64);
  const scores = new Float64Array(T);
  let errors = 0;
  for (const d of docs) {
    let prev = 0;
    let prev2 = 0;
    const seen = new Map<number, number>();
    for (let i = 0; i < d.input.n; i++) {
      let pred = 0;
      if (d.input.candidate[i]) {
        p.t++;
        recallTag(d.input, i, seen);
        tagger.score(d.input, i, prev, prev2, scores);
        let best = 0;
        for (let t = 1; t < T; t++) if (scores[t]! > scores[best]!) best = t;
        pred = best;
        const gold = d.gold[i]!;
        if (pred !== gold) {
          errors++;
          const k = nerFeatures(d.input, i, prev, prev2, feats);
          p.update(feats, k, gold, pred);
        }
        rememberTag(d.input, i, pred, seen);
      }
      prev2 = prev;
      prev = pred;
    }
  }
  return errors;
}

/**
 * Fills the tagger input's cluster ids (leaf + 1, 0 = none) from the English word clusters, by
 * the analyzer's own `addNerClusters` (no train/serve skew).
 */
export function addClusters(d: TaggedDoc): void {
  addNerClusters(d.input, d.doc.text, d.tokens, clustersFor('en'));
}

/** Span F1 of a tagger on prepared documents (tagger only, no gazetteer merge). */
export function taggerF1(tagger: NerTagger, docs: readonly TaggedDoc[]): Map<string, Prf> {
  const by = new Map<string, Prf>();
  for (const d of docs) {
    const pred = spansFromTags(d.doc.text, d.tokens, tagger.tag(d.input)).map((c) => ({
      start: c.start,
      end: c.end,
      type: c.type,
    }));
    addSpanCounts(by, d.doc.gold, pred);
  }
  return by;
}

/** Keeps buckets whose largest weight reaches `min`, quantised to int8. */
export function compactModel(avg: Float32Array, min: number, meta: Record<string, unknown>): NerModelFile {
  const { kept, ...rows } = compactRows(avg, T, NER_BITS, min);
  return { format: 'newsprism-ner/1', tags: [...NER_TAGS], ...rows, meta: { ...meta, buckets: kept } };
}

/**
 * `newsprism train ner`: trains the English tagger on PolNeAR's CoreNLP silver annotation
 * (`train`) and, with `--set conll=DIR`, CoNLL-2003's gold `eng.train` (the project's
 * validation documents held out unless `--set final=1`); reports span F1 on PolNeAR `dev` (and
 * the CoNLL validation documents) after each epoch, and writes the compact model.
 * `--set epochs=N`, `--set prune=X` (minimum |weight| of a kept bucket), `--set caps=0` (no
 * capitalised copies of PolNeAR), `--set silver=0` (CoNLL only), `--set gold=K` (CoNLL copies),
 * `--set folds=K --set fold=k` (hold out fold k of eng.train by document instead of the validation
 * documents), `--set wc=1` (word-cluster features; the model names its cluster file in `meta.clusters`).
 */
export const trainNer: Task = {
  name: 'ner',
  description:
    'train the English NER tagger on PolNeAR CoreNLP silver (--data ../shared/data/polnear) and CoNLL-2003 (--set conll=…)',
  async run(o: TaskOptions) {
    const epochs = numberOption(o.extra, 'epochs', 6);
    const prune = numberOption(o.extra, 'prune', 0.5);
    const trainDocs = o.extra.silver === '0' ? [] : loadPolnearNer(o.data, 'train');
    // `--set caps=0` turns off the capitalised copies.
    const caps = o.extra.caps === '0' ? [] : shoutedCopies(trainDocs);
    const conll = o.extra.conll ? loadConllNer(o.extra.conll, 'eng.train') : [];
    const final = o.extra.final === '1';
    // `--set folds=K --set fold=k`: the k-th of K folds by document of eng.train is held out
    // instead of the validation documents (cross-validation of settings, paired by fold).
    const folds = numberOption(o.extra, 'folds', 0);
    const heldOut = (id: string): boolean =>
      folds > 1
        ? articleFold(`conll2003:${id}`, 1, folds) === numberOption(o.extra, 'fold', 0)
        : isValidation('conll2003', id);
    const conllTrain = conll.filter((d) => final || !heldOut(d.id));
    const conllVal = final ? [] : conll.filter((d) => heldOut(d.id));
    const copies = numberOption(o.extra, 'gold', 1);
    const gold = Array.from({ length: copies }, () => conllTrain).flat();
    const train = await prepareDocs([...trainDocs, ...caps, ...gold]);
    const dev = await prepareDocs(loadPolnearNer(o.data, 'dev'));
    const val = await prepareDocs(conllVal);
    // `--set wc=1`: word-cluster features (experiment; `wcFile=PATH` another cluster file).
    if (o.extra.wc === '1') {
      useClusterFile(o.extra.wcFile);
      for (const set of [train, dev, val]) for (const d of set.tagged) addClusters(d);
    }
    o.log(
      `ner: ${train.tagged.length} train (${conllTrain.length} CoNLL × ${copies}), ${dev.tagged.length} PolNeAR dev, ${val.tagged.length} CoNLL validation docs; entity tokens outside candidates: ${train.lostTokens}/${train.entityTokens}`,
    );
    const p = new Perceptron(T, NER_BITS);
    const live = NerTagger.fromDense(p.w);
    const rnd = prng(7);
    const order = [...train.tagged];
    for (let e = 1; e <= epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const errors = trainEpoch(p, order, live);
      const avg = NerTagger.fromDense(p.averaged());
      const f1 = prf(taggerF1(avg, dev.tagged).get('ALL')!).f1;
      const v = val.tagged.length ? prf(taggerF1(avg, val.tagged).get('ALL')!).f1.toFixed(4) : '-';
      o.log(`epoch ${e}: ${errors} errors, PolNeAR dev F1 ${f1.toFixed(4)}, CoNLL validation F1 ${v}`);
    }
    const avg = p.averaged();
    const meta = {
      data: [
        trainDocs.length ? 'PolNeAR corenlp-silver train.tsv (CoreNLP 7-class → CoNLL PER/ORG/LOC/MISC)' : '',
        conll.length
          ? `CoNLL-2003 eng.train (${conllTrain.length} documents${final ? '' : ', validation held out'}) × ${copies}`
          : '',
      ]
        .filter(Boolean)
        .join(' + '),
      command: `newsprism train ner --data ${o.data}${Object.entries(o.extra)
        .map(([k, v]) => ` --set ${k}=${v}`)
        .join('')}`,
      date: new Date().toISOString().slice(0, 10),
      epochs,
      prune,
      capsCopies: caps.length,
      // The analyzer fills the cluster features only for a model that says it was trained on them.
      ...(o.extra.wc === '1'
        ? {
            clusters: o.extra.wcFile ?? 'clusters/clusters.en.json',
            clustersChecksum: clusterFileChecksum(o.extra.wcFile),
          }
        : {}),
    };
    const file = compactModel(avg, prune, meta);
    const out = o.out ?? SHIPPED_NER;
    writeFileSync(out, `${JSON.stringify(file)}\n`);
    // Score what ships: the pruned, quantised table.
    const by = taggerF1(NerTagger.load(out), dev.tagged);
    file.meta.devF1 = Math.round(prf(by.get('ALL')!).f1 * 1000) / 1000;
    if (val.tagged.length)
      file.meta.conllValidationF1 =
        Math.round(prf(taggerF1(NerTagger.load(out), val.tagged).get('ALL')!).f1 * 1000) / 1000;
    writeFileSync(out, `${JSON.stringify(file)}\n`);
    const size = Buffer.byteLength(JSON.stringify(file));
    // `--set testa=1`: the shipped table's tagger alone (no gazetteer merge or rules) on CoNLL's
    // dev file, `eng.testa` — paired comparisons of trainer settings, not the layer's figure.
    const testa: Record<string, number> = {};
    if (o.extra.testa === '1' && o.extra.conll) {
      const docs = await prepareDocs(loadConllNer(o.extra.conll, 'eng.testa'));
      if (o.extra.wc === '1') for (const d of docs.tagged) addClusters(d);
      testa.conll_testa_tagger_f1 = prf(taggerF1(NerTagger.load(out), docs.tagged).get('ALL')!).f1;
    }
    return {
      title: `English NER tagger — trained on ${train.tagged.length} documents, PolNeAR dev scores of the shipped (pruned, int8) tagger`,
      metrics: {
        dev_f1: prf(by.get('ALL')!).f1,
        ...testa,
        buckets: file.meta.buckets as number,
        bytes: size,
      },
      table: spanTable(by),
      notes: [`model written to ${out}`],
    };
  },
};
