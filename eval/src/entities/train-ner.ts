import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  NER_BITS,
  NER_TAGS,
  type NerModelFile,
  NerTagger,
  nerFeatures,
  prng,
  spansFromTags,
} from '@newsprism/core/train';
import type { Task, TaskOptions } from '../task.js';
import { loadPolnearNer, prepareDocs, shoutedCopies, type TaggedDoc } from './polnear-ner.js';
import { addSpanCounts, type Prf, prf, spanTable } from './span-f1.js';

const T = NER_TAGS.length;
/** Where the shipped model lives. */
export const SHIPPED_NER = fileURLToPath(new URL('../../../models/ner-en/ner-en.json', import.meta.url));

/**
 * Averaged perceptron with lazy averaging: `acc` holds the running sum of each weight over
 * time, brought up to date (`ts`) whenever the weight changes.
 */
class Perceptron {
  readonly w = new Float32Array(T << NER_BITS);
  readonly acc = new Float64Array(T << NER_BITS);
  readonly ts = new Int32Array(T << NER_BITS);
  t = 0;
  update(feats: Int32Array, k: number, gold: number, pred: number): void {
    for (let f = 0; f < k; f++) {
      for (const [c, d] of [
        [gold, 1],
        [pred, -1],
      ] as const) {
        const i = feats[f]! * T + c;
        this.acc[i]! += (this.t - this.ts[i]!) * this.w[i]!;
        this.ts[i] = this.t;
        this.w[i]! += d;
      }
    }
  }
  averaged(): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let i = 0; i < out.length; i++)
      out[i] = (this.acc[i]! + (this.t - this.ts[i]!) * this.w[i]!) / Math.max(1, this.t);
    return out;
  }
}

function trainEpoch(p: Perceptron, docs: readonly TaggedDoc[], tagger: NerTagger): number {
  const feats = new Int32Array(64);
  const scores = new Float64Array(T);
  let errors = 0;
  for (const d of docs) {
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < d.input.n; i++) {
      let pred = 0;
      if (d.input.candidate[i]) {
        p.t++;
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
      }
      prev2 = prev;
      prev = pred;
    }
  }
  return errors;
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
  let max = 0;
  for (const x of avg) max = Math.max(max, Math.abs(x));
  const scale = max / 127;
  const ids: number[] = [];
  const rows: number[] = [];
  for (let b = 0; b < 1 << NER_BITS; b++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(avg[b * T + t]!));
    if (m < min) continue;
    ids.push(b);
    for (let t = 0; t < T; t++) rows.push(Math.max(-127, Math.min(127, Math.round(avg[b * T + t]! / scale))));
  }
  const idBuf = Buffer.alloc(ids.length * 4);
  for (let r = 0; r < ids.length; r++) idBuf.writeUInt32LE(ids[r]!, r * 4);
  return {
    format: 'newsprism-ner/1',
    tags: [...NER_TAGS],
    bits: NER_BITS,
    scale,
    buckets: idBuf.toString('base64'),
    weights: Buffer.from(Int8Array.from(rows).buffer).toString('base64'),
    meta: { ...meta, buckets: ids.length },
  };
}

/**
 * `newsprism train ner`: trains the English tagger on PolNeAR's CoreNLP silver annotation
 * (`train`), reports span F1 on `dev` after each epoch, and writes the compact model.
 * `--set epochs=N`, `--set prune=X` (minimum |weight| of a kept bucket).
 */
export const trainNer: Task = {
  name: 'ner',
  description: 'train the English NER tagger on PolNeAR CoreNLP silver (--data ../shared/data/polnear)',
  async run(o: TaskOptions) {
    const epochs = Number(o.extra.epochs ?? 6);
    const prune = Number(o.extra.prune ?? 0.5);
    const trainDocs = loadPolnearNer(o.data, 'train');
    // `--set caps=0` turns off the capitalised copies.
    const caps = o.extra.caps === '0' ? [] : shoutedCopies(trainDocs);
    const train = await prepareDocs([...trainDocs, ...caps]);
    const dev = await prepareDocs(loadPolnearNer(o.data, 'dev'));
    o.log(
      `ner: ${train.tagged.length} train, ${dev.tagged.length} dev docs; entity tokens outside candidates: ${train.lostTokens}/${train.entityTokens}`,
    );
    const p = new Perceptron();
    const live = NerTagger.fromDense(p.w);
    const rnd = prng(7);
    const order = [...train.tagged];
    for (let e = 1; e <= epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const errors = trainEpoch(p, order, live);
      const f1 = prf(taggerF1(NerTagger.fromDense(p.averaged()), dev.tagged).get('ALL')!).f1;
      o.log(`epoch ${e}: ${errors} errors, dev F1 ${f1.toFixed(4)}`);
    }
    const avg = p.averaged();
    const meta = {
      data: 'PolNeAR corenlp-silver train.tsv (CoreNLP 7-class → CoNLL PER/ORG/LOC/MISC)',
      command: `newsprism train ner --data ${o.data}`,
      date: new Date().toISOString().slice(0, 10),
      epochs,
      prune,
      capsCopies: caps.length,
    };
    const file = compactModel(avg, prune, meta);
    const out = o.out ?? SHIPPED_NER;
    writeFileSync(out, `${JSON.stringify(file)}\n`);
    // Score what ships: the pruned, quantised table.
    const by = taggerF1(NerTagger.load(out), dev.tagged);
    file.meta.devF1 = Math.round(prf(by.get('ALL')!).f1 * 1000) / 1000;
    writeFileSync(out, `${JSON.stringify(file)}\n`);
    const size = Buffer.byteLength(JSON.stringify(file));
    return {
      title: `English NER tagger — trained on ${train.tagged.length} PolNeAR articles, dev scores of the shipped (pruned, int8) tagger`,
      metrics: { dev_f1: prf(by.get('ALL')!).f1, buckets: file.meta.buckets as number, bytes: size },
      table: spanTable(by),
      notes: [`model written to ${out}`],
    };
  },
};
