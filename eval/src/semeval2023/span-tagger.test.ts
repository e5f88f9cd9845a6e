import { TECHNIQUES } from '@newsprism/core';
import {
  articleStats,
  hashString,
  Tagger,
  tokenFeatures,
  unitTagFeatures,
  type WordRates,
} from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { article, LOADED_ARTICLE } from './article.fixture.js';
import {
  addTaggerFeatures,
  type TaggedSample,
  tagDecides,
  taggedWords,
  taggerOfModel,
  taggerScores,
  tokenVectors,
  trainTagger,
} from './span-tagger.js';

const A = LOADED_ARTICLE;

describe('span tagger', () => {
  it('flags the words inside Loaded_Language and Name_Calling spans, with offsets', () => {
    const tw = taggedWords(A);
    expect(tw.stats.words.map((w, i) => [A.text.slice(tw.starts[i]).split(/[ .]/)[0], w])).toEqual([
      ['The', 'the'],
      ['brutal', 'brutal'],
      ['regime', 'regime'],
      ['lied', 'lied'],
      ['Calm', 'calm'],
      ['talks', 'talks'],
      ['went', 'went'],
      ['on', 'on'],
    ]);
    expect(tw.inside[0]).toEqual([false, true, false, false, false, false, false, false]);
    expect(tw.inside[1]).toEqual([false, false, true, false, false, false, false, false]);
  });

  it('flags the words of the techniques asked for (`tagLabels`), in their order', () => {
    const tw = taggedWords(A, ['Doubt', 'Loaded_Language']);
    expect(tw.labels).toEqual(['Doubt', 'Loaded_Language']);
    expect(tw.inside[0]).toEqual([false, false, false, false, true, true, false, false]);
    expect(tw.inside[1]).toEqual([false, true, false, false, false, false, false, false]);
  });

  it('lets the tagger decide the techniques it tags, whichever they are', () => {
    const doubt = TECHNIQUES.indexOf('Doubt' as never);
    const ll = TECHNIQUES.indexOf('Loaded_Language' as never);
    const probs = [new Float64Array(TECHNIQUES.length).fill(0.3)];
    tagDecides([{ x: { idx: [], val: [] }, y: [], tagMax: [0.8], tagLabels: ['Doubt'] }], probs);
    expect([probs[0]![doubt], probs[0]![ll]]).toEqual([0.8, 0.3]);
  });

  it('gives a word the same features wherever it stands in the same context, others not', () => {
    const tw = taggedWords(article('2', 'a b c a b c', []));
    const xs = tokenVectors(tw);
    expect(xs[1]!.idx.slice(1, 4)).toEqual(xs[4]!.idx.slice(1, 4));
    expect(xs[1]!.idx).not.toEqual(xs[2]!.idx);
  });

  it('learns a word that is always loaded and scores held-out articles with the full tagger', () => {
    const arts = Array.from({ length: 12 }, (_, i) =>
      article(`${i}`, `Officials met on day ${i}. The vile plan failed. Talks resumed.`, [
        ['Loaded_Language', 'vile'],
      ]),
    );
    const tws = arts.map((a) => taggedWords(a));
    const { scores } = taggerScores(
      arts,
      tws,
      (i) => i < 10,
      arts.map(() => undefined),
      3,
      4,
    );
    for (const a of [3, 11]) {
      const vile = tws[a]!.stats.words.indexOf('vile');
      const talks = tws[a]!.stats.words.indexOf('talks');
      expect(scores[a]![vile * 2]).toBeGreaterThan(0.5);
      expect(scores[a]![talks * 2]).toBeLessThan(0.5);
    }
  });

  it('adds to each sentence the bucket of its highest word score and its count of hot words', () => {
    const tw = taggedWords(A);
    const sentences = [
      { start: 0, end: 23 },
      { start: 24, end: 43 },
    ];
    const scores = Float32Array.from(tw.starts.flatMap((_, i) => (i === 1 ? [0.93, 0.1] : [0.05, 0.2])));
    const samples: TaggedSample[] = sentences.map(() => ({ x: { idx: [], val: [] }, y: [] }));
    addTaggerFeatures(samples, sentences, tw, scores, 16);
    const h = (s: string) => hashString(s) & 0xffff;
    expect(samples[0]!.x.idx).toEqual([
      h('tag:Loaded_Language:max:9'),
      h('tag:Loaded_Language:n:1'),
      h('tag:Name_Calling-Labeling:max:2'),
      h('tag:Name_Calling-Labeling:n:0'),
    ]);
    expect(samples[1]!.x.idx).toEqual([
      h('tag:Loaded_Language:max:0'),
      h('tag:Loaded_Language:n:0'),
      h('tag:Name_Calling-Labeling:max:2'),
      h('tag:Name_Calling-Labeling:n:0'),
    ]);
  });

  it('lets the tagger decide Loaded_Language and Name_Calling, other techniques untouched', () => {
    const probs = [
      new Float64Array(TECHNIQUES.length).fill(0.3),
      new Float64Array(TECHNIQUES.length).fill(0.3),
    ];
    const samples: TaggedSample[] = [
      { x: { idx: [], val: [] }, y: [], tagMax: [0.9, 0.05] },
      { x: { idx: [], val: [] }, y: [] },
    ];
    tagDecides(samples, probs);
    const ll = TECHNIQUES.indexOf('Loaded_Language' as never);
    const nc = TECHNIQUES.indexOf('Name_Calling-Labeling' as never);
    expect([probs[0]![ll], probs[0]![nc], probs[1]![ll]]).toEqual([0.9, 0.05, 0.3]);
    expect(probs[0]!.filter((p) => p === 0.3).length).toBe(TECHNIQUES.length - 2);
  });
});

describe('span tagger in the analyzer', () => {
  const arts = Array.from({ length: 12 }, (_, i) =>
    article(`${i}`, `Officials met on day ${i}. The vile regime lied again. Talks resumed.`, [
      ['Loaded_Language', 'vile'],
      ['Name_Calling-Labeling', 'regime'],
    ]),
  );
  const tws = arts.map((a) => taggedWords(a));
  const rates: WordRates = {
    labels: ['Loaded_Language', 'Name_Calling-Labeling'],
    prior: [0.05, 0.05],
    words: { vile: [0.9, 0], regim: [0, 0.5] },
    stem: 5,
  };
  const { tagger } = taggerScores(
    arts,
    tws,
    () => true,
    arts.map(() => rates),
    3,
    4,
  );

  it('scores words the same from the pruned int8 file as from the trained weights', () => {
    const m = trainTagger(
      tws,
      tws.map((tw) => tokenVectors(tw, rates)),
    );
    const trained = new Tagger([...m.labels], m.bits, Float32Array.from(m.bias), m.weights);
    const loaded = Tagger.fromFile(JSON.parse(JSON.stringify(trained.toFile())));
    const f = tokenFeatures(tws[0]!.stats, rates);
    const a = trained.score(f);
    const b = loaded.score(f);
    expect(a.length).toBe(tws[0]!.starts.length * 2);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(0.01);
  });

  it('cross-fits with the tagger as a shipped model scores (its pruned int8 file form)', () => {
    const m = trainTagger(
      tws,
      tws.map((tw) => tokenVectors(tw, rates)),
    );
    const f = tokenFeatures(tws[0]!.stats, rates);
    const shipped = Tagger.fromFile(
      new Tagger([...m.labels], m.bits, Float32Array.from(m.bias), m.weights).toFile(),
    );
    expect(taggerOfModel(m).score(f)).toEqual(shipped.score(f));
    expect(taggerOfModel(m).weights).not.toEqual(m.weights);
  });

  it('gives the analyzer the sentence features the trainer adds', () => {
    const text = arts[5]!.text;
    const sentences = [
      { start: 0, end: text.indexOf('.') + 1 },
      { start: text.indexOf('The'), end: text.indexOf('Talks') - 1 },
      { start: text.indexOf('Talks'), end: text.length },
    ];
    const samples: TaggedSample[] = sentences.map(() => ({ x: { idx: [1, 2], val: [0.5, 0.5] }, y: [] }));
    addTaggerFeatures(samples, sentences, tws[5]!, tagger.score(tokenFeatures(tws[5]!.stats, rates)), 16);
    const vectors = sentences.map(() => ({ idx: [1, 2], val: [0.5, 0.5] }));
    unitTagFeatures(articleStats(text, 'en'), sentences, vectors, tagger, rates, 16);
    expect(vectors).toEqual(samples.map((s) => s.x));
    expect(samples[1]!.tagMax![0]).toBeGreaterThan(0.5);
    expect(samples[2]!.tagMax![0]).toBeLessThan(0.5);
  });

  it("gives the analyzer the trainer's features for a text without word offsets (a character outside the BMP)", () => {
    const text = 'The vile regime lied again 😡. Talks resumed.';
    const a = article('emoji', text, [['Loaded_Language', 'vile']]);
    const tw = taggedWords(a);
    expect(tw.stats.spans).toBeUndefined();
    const sentences = [
      { start: 0, end: text.indexOf('.') + 1 },
      { start: text.indexOf('Talks'), end: text.length },
    ];
    const samples: TaggedSample[] = sentences.map(() => ({ x: { idx: [1], val: [1] }, y: [] }));
    addTaggerFeatures(samples, sentences, tw, tagger.score(tokenFeatures(tw.stats, rates)), 16);
    const vectors = sentences.map(() => ({ idx: [1], val: [1] }));
    unitTagFeatures(articleStats(text, 'en'), sentences, vectors, tagger, rates, 16);
    expect(vectors).toEqual(samples.map((s) => s.x));
    // Per tagged technique a maximum and a count feature, as on any other text.
    expect(vectors[0]!.idx.length).toBe(1 + 2 * tagger.labels.length);
  });
});
