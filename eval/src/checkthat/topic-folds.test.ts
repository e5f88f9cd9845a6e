import { describe, expect, it } from 'vitest';
import { topicClusters, topicFolds } from './topic-folds.js';

// Three topics, four sentences each, sharing topic words within a topic and none across.
const SENTENCES = [
  'The harbour dredging contract went to a local harbour firm.',
  'Dredging the harbour will take two years, the firm says.',
  'Harbour fees will pay for the dredging contract.',
  'Critics of the dredging say the harbour firm won too easily.',
  'Wheat farmers blame the drought for the poor wheat harvest.',
  'The drought cut the wheat harvest by a third.',
  'Farmers expect another drought and a thin harvest.',
  'Wheat prices rose after the drought hit farmers.',
  'The orchestra cancelled its winter concert season.',
  'Musicians of the orchestra learned of the concert cancellations by email.',
  'The winter season of the orchestra had sold well.',
  'A concert hall without its orchestra stands empty all winter.',
];
const topicOf = (i: number) => Math.floor(i / 4);

describe('topicClusters', () => {
  it('puts sentences on one topic in one cluster', () => {
    const c = topicClusters(SENTENCES, 3, 7);
    // Each sentence shares the cluster of its topic's first sentence.
    expect(c).toEqual(SENTENCES.map((_, i) => c[topicOf(i) * 4]));
  });

  it('puts the three topics in three different clusters', () => {
    const c = topicClusters(SENTENCES, 3, 7);
    const clusterOfTopic = [0, 1, 2].map((t) => c[t * 4]);
    expect(new Set(clusterOfTopic).size).toBe(3);
    expect(c).toEqual(SENTENCES.map((_, i) => clusterOfTopic[topicOf(i)]));
  });

  it('gives every sentence a cluster below the number asked for, with any seed', () => {
    for (const seed of [1, 2, 3, 7]) {
      const c = topicClusters(SENTENCES, 3, seed);
      expect(new Set(c).size, `seed ${seed}`).toBe(3);
      expect(c.every((k) => k >= 0 && k < 3)).toBe(true);
    }
  });
});

describe('topicFolds', () => {
  it('keeps each cluster in one fold and spreads clusters over the folds', () => {
    const folds = topicFolds(SENTENCES, 3, 3, 7);
    expect(new Set(folds).size).toBe(3);
    for (let i = 0; i < SENTENCES.length; i++) {
      expect(folds[i]).toBeGreaterThanOrEqual(0);
      expect(folds[i]).toBeLessThan(3);
      expect(folds[i]).toBe(folds[topicOf(i) * 4]);
    }
  });
});
