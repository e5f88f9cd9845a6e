import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { depsParserFor, syntaxModelFor } from '@newsprism/core';
import { DepsScorer, hashString, loadLinearModel, SentenceModel } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { clusterFileChecksum, clustersFor, shippedClusterFile, useClusterFile } from './cluster-features.js';
import {
  type FitSettings,
  fitSentenceModel,
  keepFrequent,
  keepSpread,
  nbRatios,
  predictRows,
  rowVector,
  saveModel,
  trainingSamples,
  windowLogits,
} from './fit.js';

describe('keepSpread', () => {
  it.each([
    // feature 7 in blocks 0 and 1, feature 9 in block 0 only, feature 3 in all three
    { minBlocks: 1, kept: [[7, 9, 3], [7, 3], [3]] },
    { minBlocks: 2, kept: [[7, 3], [7, 3], [3]] },
    { minBlocks: 3, kept: [[3], [3], [3]] },
    { minBlocks: 4, kept: [[], [], []] },
  ])('keeps the features of at least $minBlocks blocks, with their values', ({ minBlocks, kept }) => {
    const vectors = [
      { idx: [7, 9, 3], val: [0.1, 0.2, 0.3] },
      { idx: [7, 3], val: [0.4, 0.5] },
      { idx: [3], val: [0.6] },
    ];
    const value = new Map([
      ['0:7', 0.1],
      ['0:9', 0.2],
      ['0:3', 0.3],
      ['1:7', 0.4],
      ['1:3', 0.5],
      ['2:3', 0.6],
    ]);
    keepSpread(vectors, [0, 1, 2], minBlocks);
    expect(vectors.map((v) => v.idx)).toEqual(kept);
    vectors.forEach((v, i) => {
      expect(v.val).toEqual(v.idx.map((j) => value.get(`${i}:${j}`)));
    });
  });
});

describe('keepFrequent', () => {
  it('keeps the features of at least minCount sentences (a repeat within one counts once)', () => {
    const vectors = [
      { idx: [7, 9, 9, 3], val: [0.1, 0.2, 0.2, 0.3] },
      { idx: [7, 3], val: [0.4, 0.5] },
      { idx: [3], val: [0.6] },
    ];
    keepFrequent(vectors, 2);
    expect(vectors).toEqual([
      { idx: [7, 3], val: [0.1, 0.3] },
      { idx: [7, 3], val: [0.4, 0.5] },
      { idx: [3], val: [0.6] },
    ]);
  });
});

describe('nbRatios', () => {
  it('gives each bucket the log ratio of its smoothed shares among positives and negatives', () => {
    // 2 bits = 4 buckets; bucket 1 only in the positive, bucket 2 only in the negative, 0 in both.
    const r = nbRatios(
      [
        { idx: [0, 1], val: [1, 1] },
        { idx: [0, 2], val: [1, -1] },
      ],
      [true, false],
      2,
      1,
    );
    // p = [2, 2, 1, 1] / 6, q = [2, 1, 2, 1] / 6: the totals are equal, so r = log(p / q).
    expect([...r]).toEqual([0, Math.log(2), Math.log(0.5), 0].map((x) => expect.closeTo(x, 12)));
  });
});

describe('predictRows with window', () => {
  const rows = [
    { id: '1', text: 'Taxes rose by forty percent last year.', positive: true },
    { id: '2', text: 'Thank you all for coming tonight.', positive: false },
    { id: '3', text: 'Unemployment fell by two million jobs.', positive: true },
    { id: '4', text: 'I love this wonderful great country.', positive: false },
  ];
  const s: FitSettings = {
    bits: 12,
    chars: false,
    epochs: 4,
    rate: 0.2,
    l2: 1e-5,
    positiveWeight: 1,
    seeds: 1,
  };
  const model = fitSentenceModel(rows, s, 'Yes');
  const long = [
    { id: '5', text: 'Thank you all for coming, and taxes rose by forty percent last year.', positive: true },
  ];
  const logit = (p: number) => Math.log(p / (1 - p));

  it('moves the logit windowMix of the way up to the best window of a longer sentence', () => {
    const [full] = predictRows(model, long, s);
    const [none] = predictRows(model, long, { ...s, window: 4, windowMix: 0 });
    const [max] = predictRows(model, long, { ...s, window: 4, windowMix: 1 });
    const [half] = predictRows(model, long, { ...s, window: 4, windowMix: 0.5 });
    expect(none).toBeCloseTo(full!, 12);
    const best = windowLogits.get(long[0]!)!;
    expect(best).toBeGreaterThan(logit(full!));
    expect(logit(max!)).toBeCloseTo(best, 9);
    expect(logit(half!)).toBeCloseTo((logit(full!) + best) / 2, 9);
  });
});

describe('fitSentenceModel with bag', () => {
  it('fits each run on the drawn share of the id blocks only', () => {
    const words = [
      'taxes',
      'jobs',
      'thanks',
      'percent',
      'love',
      'million',
      'crime',
      'hello',
      'deficit',
      'friends',
    ];
    const rows = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1),
      text: `The ${words[Math.floor(i / 2)]} number ${i % 2 ? 'rose' : 'fell'} today.`,
      positive: i % 3 === 0,
    }));
    const s: FitSettings = {
      bits: 10,
      chars: false,
      epochs: 2,
      rate: 0.2,
      l2: 1e-5,
      positiveWeight: 1,
      seeds: 1,
    };
    const bagged = [...fitSentenceModel(rows, { ...s, bag: 0.1 }, 'Yes').weights];
    // One block of ten (two neighbouring ids): the same as a fit on that block's rows alone.
    const matches = Array.from({ length: 10 }, (_, b) =>
      [...fitSentenceModel(rows.slice(2 * b, 2 * b + 2), s, 'Yes').weights].every((w, j) => w === bagged[j]),
    );
    expect(matches.filter(Boolean)).toHaveLength(1);
    expect([...fitSentenceModel(rows, s, 'Yes').weights]).not.toEqual(bagged);
  });
});

// Small settings for the tests of what is trained on: one pass, one seed, 1,024 buckets.
const ONE_PASS: FitSettings = {
  bits: 10,
  chars: false,
  epochs: 1,
  rate: 0.2,
  l2: 1e-5,
  positiveWeight: 1,
  seeds: 1,
};

describe('trainingSamples with nb', () => {
  it('scales the extra samples (self-training) by the same ratios as the rows', () => {
    const rows = [
      { id: '1', text: 'Taxes rose by forty percent last year.', positive: true },
      { id: '2', text: 'Thank you all for coming tonight.', positive: false },
      { id: '3', text: 'Unemployment fell by two million jobs.', positive: true },
    ];
    const s: FitSettings = { ...ONE_PASS, nb: 1 };
    // The extra sample is the first row's own vector: it must be trained as that row is.
    const extra = [{ x: rowVector(rows[0]!.text, 'en', s), y: [0], weight: 1 }];
    const { samples } = trainingSamples(rows, s, 'en', extra);
    expect(samples).toHaveLength(4);
    expect(samples![3]!.x).toEqual(samples![0]!.x);
    expect(samples![0]!.x.val).not.toEqual(extra[0]!.x.val);
  });
});

describe('trainingSamples with fe', () => {
  it('adds one bias per run of neighbouring ids to the training vectors only', () => {
    const rows = ['1', '2', '3', '4'].map((id) => ({ id, text: 'Taxes rose.', positive: id === '1' }));
    const s: FitSettings = {
      bits: 10,
      chars: false,
      epochs: 1,
      rate: 0.2,
      l2: 1e-5,
      positiveWeight: 1,
      seeds: 1,
    };
    const plain = rowVector('Taxes rose.', 'en', s);
    const { samples } = trainingSamples(rows, { ...s, fe: 2 }, 'en', []);
    const bias = (n: number) => hashString(`fe:${n}`) & 1023;
    expect(samples.map((x) => x.x.idx.slice(plain.idx.length))).toEqual([
      [bias(0)],
      [bias(0)],
      [bias(1)],
      [bias(1)],
    ]);
    // Scoring reads the sentence alone.
    expect(rowVector('Taxes rose.', 'en', { ...s, fe: 2 })).toEqual(plain);
  });
});

describe('trainingSamples with conflictWeight', () => {
  it('weighs the rows whose label was settled after a disagreement, and only those', () => {
    const rows = [
      { id: '1', text: 'What a shameful waste.', positive: true, conflict: true },
      { id: '2', text: 'The vote was on Tuesday.', positive: false, conflict: false },
      { id: '3', text: 'Prices rose.', positive: false },
    ];
    const s = ONE_PASS;
    expect(trainingSamples(rows, s, 'en', []).samples.map((x) => x.weight)).toEqual([1, 1, 1]);
    const weighed = trainingSamples(rows, { ...s, conflictWeight: 0.25 }, 'en', []).samples;
    expect(weighed.map((x) => x.weight)).toEqual([0.25, 1, 1]);
  });
});

describe('a model with the parse and the word clusters (the claims option deps)', () => {
  it('scores in the claims layer as in training: DepsScorer from the saved file = predictRows', () => {
    const s: FitSettings = { ...ONE_PASS, bits: 12, neutral: true, deps: 0.25, wc: 0.25, wcLevels: 1 };
    const rows = [
      { id: '1', text: 'We have created twenty million jobs since 2010.', positive: true },
      { id: '2', text: 'Thank you very much, it is great to be here.', positive: false },
      { id: '3', text: 'She voted for the war in Iraq.', positive: true },
      { id: '4', text: 'I think that is a disgrace.', positive: false },
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'np-deps-')), 'deps.json');
    saveModel(fitSentenceModel(rows, s, 'Yes'), 0.3, file, s, {});
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.meta.features).toMatchObject({ deps: 0.25, depsMax: 80, wc: 0.25, wcLevels: 1 });
    expect(saved.meta.clusters).toBe('clusters/clusters.en.json');
    const linear = loadLinearModel(file);
    const scorer = new DepsScorer(
      SentenceModel.of(linear),
      syntaxModelFor('en')!,
      depsParserFor('en')!,
      clustersFor('en'),
    );
    const held = [
      { id: '5', text: 'Her plan would cost two trillion dollars.', positive: true },
      { id: '6', text: 'The senator never answered the question.', positive: false },
    ];
    const want = predictRows(linear, held, s);
    held.forEach((r, i) => {
      expect(scorer.probability(r.text, 'en')).toBeCloseTo(want[i]!, 7);
    });
    // Without the parse and the clusters the same weights score otherwise.
    const plain = predictRows(linear, held, { ...s, deps: 0, wc: 0 });
    expect(plain.some((p, i) => Math.abs(p - want[i]!) > 1e-6)).toBe(true);
  });

  it('records the cluster file it was trained with: --set wcFile=PATH, not the shipped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'np-wc-'));
    // The shipped clusters with one word moved: another file, another checksum.
    const own = JSON.parse(readFileSync(shippedClusterFile('en'), 'utf8'));
    own.clusters[0] = `${own.clusters[0]} zzyzx`;
    const wcFile = join(dir, 'clusters.json');
    writeFileSync(wcFile, JSON.stringify(own));
    const s: FitSettings = { ...ONE_PASS, bits: 12, wc: 0.25, wcLevels: 1 };
    const rows = [
      { id: '1', text: 'We have created twenty million jobs since 2010.', positive: true },
      { id: '2', text: 'Thank you very much, it is great to be here.', positive: false },
    ];
    const file = join(dir, 'model.json');
    useClusterFile(wcFile);
    try {
      saveModel(fitSentenceModel(rows, s, 'Yes'), 0.3, file, s, {});
    } finally {
      useClusterFile(undefined);
    }
    const { meta } = JSON.parse(readFileSync(file, 'utf8'));
    expect(meta.clusters).toBe(wcFile);
    expect(meta.clustersChecksum).toBe(clusterFileChecksum(wcFile));
    expect(meta.clustersChecksum).not.toBe(clusterFileChecksum());
    // Trained on the shipped file, the model names it and its checksum.
    saveModel(fitSentenceModel(rows, s, 'Yes'), 0.3, file, s, {});
    expect(JSON.parse(readFileSync(file, 'utf8')).meta).toMatchObject({
      clusters: 'clusters/clusters.en.json',
      clustersChecksum: clusterFileChecksum(),
    });
  });
});
