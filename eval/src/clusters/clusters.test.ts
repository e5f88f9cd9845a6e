import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline } from '@newsprism/core';
import { clusterWords, englishNerInput, nerFeatures, WordClusters } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { clusterFeatures } from '../checkthat/cluster-features.js';
import { isFinal } from '../split.js';
import { listedFinals, unlabelledCorpus } from './corpus.js';
import { hierarchicalKmeans, sphericalKmeans } from './kmeans.js';
import { orthonormalize, ppmiSvd, symmetricEigen, vocabulary } from './ppmi-svd.js';

describe('symmetricEigen', () => {
  it('finds the eigenvalues of a symmetric matrix, largest first, with unit eigenvectors', () => {
    // [[2,1],[1,2]]: eigenvalues 3 (1,1)/√2 and 1 (1,−1)/√2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3);
    expect(values[1]).toBeCloseTo(1);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2);
    expect(vectors[0]! * vectors[2]!).toBeGreaterThan(0);
  });
});

describe('orthonormalize', () => {
  it('leaves columns of unit length, orthogonal to each other', () => {
    const q = Float64Array.from([1, 1, 0, 1, 1, 2]);
    orthonormalize(q, 3, 2);
    const col = (j: number) => [q[j]!, q[2 + j]!, q[4 + j]!];
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(dot(col(0), col(0))).toBeCloseTo(1);
    expect(dot(col(1), col(1))).toBeCloseTo(1);
    expect(dot(col(0), col(1))).toBeCloseTo(0);
  });
});

describe('ppmiSvd', () => {
  // Two word classes that share contexts within the class only: days after `on`, animals after `the`.
  const sentences: string[][] = [];
  for (const day of ['monday', 'tuesday', 'friday'])
    for (const verb of ['met', 'left', 'spoke']) sentences.push(['they', verb, 'on', day, 'night']);
  for (const animal of ['dog', 'cat', 'horse'])
    for (const verb of ['ran', 'slept', 'ate']) sentences.push(['and', 'the', animal, verb, 'away']);
  const v = ppmiSvd(sentences, {
    minCount: 1,
    maxVocab: 100,
    contexts: 100,
    window: 1,
    dims: 4,
    power: 2,
    alpha: 0.75,
    eig: 0.5,
    seed: 1,
  });
  const row = (w: string) => {
    const i = v.words.indexOf(w);
    return Array.from(v.data.subarray(i * v.dims, (i + 1) * v.dims));
  };
  const cos = (a: string, b: string) => row(a).reduce((s, x, i) => s + x * row(b)[i]!, 0);

  it('gives words of one class closer vectors than words of two', () => {
    expect(cos('monday', 'friday')).toBeGreaterThan(cos('monday', 'dog') + 0.5);
    expect(cos('dog', 'horse')).toBeGreaterThan(cos('horse', 'tuesday') + 0.5);
  });

  it('clusters the two classes apart', () => {
    const weight = v.counts.map(() => 1);
    const members = ['monday', 'tuesday', 'friday', 'dog', 'cat', 'horse'].map((w) => v.words.indexOf(w));
    const ids = sphericalKmeans(v.data, v.dims, members, weight, 2, 10, 1);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(new Set(ids.slice(3)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[3]);
  });

  it('orders the vocabulary by count, ties by spelling', () => {
    expect(
      vocabulary([
        ['b', 'a', 'b'],
        ['c', 'a'],
      ]).map(([w]) => w),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('hierarchicalKmeans', () => {
  it('numbers each row by its path: the coarse cluster is the id divided by the later branchings', () => {
    // Four points on the unit circle in two tight pairs.
    const pts = [0, 0.1, Math.PI, Math.PI + 0.1].flatMap((a) => [Math.cos(a), Math.sin(a)]);
    const ids = hierarchicalKmeans(Float64Array.from(pts), 2, 4, [1, 1, 1, 1], [2, 2], 10, 1);
    expect(new Set(ids).size).toBe(4);
    expect(Math.floor(ids[0]! / 2)).toBe(Math.floor(ids[1]! / 2));
    expect(Math.floor(ids[0]! / 2)).not.toBe(Math.floor(ids[2]! / 2));
  });
});

describe('WordClusters and clusterFeatures', () => {
  const clusters = new WordClusters({
    format: 'newsprism-clusters/1',
    lang: 'en',
    branching: [2, 2],
    clusters: ['senator nominee', 'mayor', 'rose fell', '0'],
  });

  it('gives the path of a known word and none for an unknown one', () => {
    expect(clusters.sizes).toEqual([2, 4]);
    expect(clusters.path('mayor')).toEqual([0, 1]);
    expect(clusters.path('fell')).toEqual([1, 2]);
    expect(clusters.path('zebra')).toBeUndefined();
    expect(clusters.vocabulary).toBe(6);
  });

  it('rejects a file of another format', () => {
    expect(() => new WordClusters({ format: 'x' } as never)).toThrow(/newsprism-clusters/);
  });

  it('counts the clusters of the levels asked for, scaled to the weight', () => {
    const bits = 20;
    const v = clusterFeatures('The senator and the mayor rose 20%', clusters, bits, 2);
    // senator, mayor → k2:0 twice; k4:0, k4:1; rose → k2:1, k4:2; 20 → `00` is no word of the file.
    expect(v.idx).toHaveLength(5);
    expect(Math.sqrt(v.val.reduce((s, x) => s + x * x, 0))).toBeCloseTo(2);
    const fine = clusterFeatures('The senator and the mayor', clusters, bits, 1, 2);
    expect(fine.idx).toHaveLength(2);
    expect(clusterFeatures('zebras', clusters, bits, 1).idx).toEqual([]);
  });

  it('reads words as the sentence models do: lower-cased, digits as 0', () => {
    expect(clusterWords('Senator 7 won')).toEqual(['senator', '0', 'won']);
  });
});

describe('listedFinals', () => {
  it('holds the texts of the naming, Russian attribution and datelines finals', () => {
    const f = listedFinals();
    expect(f.size).toBeGreaterThan(500);
    expect([...f].some((k) => k.startsWith('semeval2025-task10/EN/documents/EN_UA_'))).toBe(true);
    expect([...f].some((k) => k.startsWith('semeval2023-task3/ru/train-articles/article'))).toBe(true);
    expect([...f].some((k) => k.startsWith('ud-ru-taiga/'))).toBe(true);
  });
});

describe('unlabelledCorpus holdOnly', () => {
  it('holds out only the SemEval-2023 final with holdOnly=semeval2023, every final without it', () => {
    const data = mkdtempSync(join(tmpdir(), 'clusters-'));
    const ids = Array.from({ length: 400 }, (_, i) => String(90000 + i));
    const final23 = ids.find((id) => isFinal('semeval2023-task3/ru', id))!;
    const kept23 = ids.find((id) => !isFinal('semeval2023-task3/ru', id))!;
    const final25 = ids.find((id) => isFinal('semeval2025-task10', `RU-X-${id}.txt`))!;
    const a23 = join(data, 'semeval2023-task3/ru/train-articles');
    const d25 = join(data, 'semeval2025-task10/RU/documents');
    mkdirSync(a23, { recursive: true });
    mkdirSync(d25, { recursive: true });
    writeFileSync(join(a23, `article${final23}.txt`), 'финал');
    writeFileSync(join(a23, `article${kept23}.txt`), 'обучение');
    writeFileSync(join(d25, `RU-X-${final25}.txt`), 'документ');
    const all = unlabelledCorpus(data, 'ru');
    expect(all.texts).toEqual(['обучение']);
    expect(all.excluded).toEqual({ semeval2023: 1, semeval2025: 1 });
    const own = unlabelledCorpus(data, 'ru', new Set(), 'semeval2023');
    expect(own.texts.sort()).toEqual(['документ', 'обучение']);
    expect(own.excluded).toEqual({ semeval2023: 1 });
  });
});

describe('NER cluster features (train ner --set wc=1)', () => {
  it('adds the 64- and 1,024-class ids of a token and its neighbours, and nothing without clusters', async () => {
    const text = 'Yesterday Anna Berg met the senator.';
    const pipe = await createPipeline({ layers: ['tokens', 'sentences'] });
    const d = pipe.run({ id: 'x', text, meta: { lang: 'en' } });
    const input = englishNerInput(text, d.tokens!, d.sentences!);
    const i = d.tokens!.findIndex((t) => text.slice(t.start, t.end) === 'Anna');
    const out = new Int32Array(64);
    const plain = Array.from(out.subarray(0, nerFeatures(input, i, 0, 0, out)));
    input.cluster = new Uint32Array(input.n);
    input.cluster[i] = 37; // leaf 36: 64-class id 2
    input.cluster[i + 1] = 20; // leaf 19: 64-class id 1
    const withClusters = Array.from(out.subarray(0, nerFeatures(input, i, 0, 0, out)));
    expect(withClusters.slice(0, plain.length)).toEqual(plain);
    expect(withClusters).toHaveLength(plain.length + 3);
  });
});
