import { describe, expect, it } from 'vitest';
import {
  clusterFileChecksum,
  clustersFor,
  shippedClusterFile,
  useClusterFile,
} from '../checkthat/cluster-features.js';
import type { PolnearDoc } from './polnear.js';
import { LEARNED_DEFAULTS, learnedClusters, refitFolds } from './refit.js';
import { tallyCues, tallyPhrases } from './train-cues.js';

/** A one-sentence article whose gold attribution has the cue `verb` and the content after `that`. */
function article(id: string, who: string, verb: string, what: string): PolnearDoc {
  const text = `${who} ${verb} that ${what}.`;
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return {
    id,
    text,
    annotator: 'a',
    attributions: [{ content: [at(what)], cue: [at(verb)], source: [at(who)] }],
  };
}

describe('refitFolds (the learned cue table learned again per fold)', () => {
  const docs = [
    article('a1', 'The senator', 'harrumphed', 'the bill was dead'),
    article('a2', 'The mayor', 'harrumphed', 'the budget was late'),
    article('b1', 'The governor', 'harrumphed', 'the road was closed'),
    article('b2', 'The coach', 'harrumphed', 'the team was tired'),
  ];
  const fold = (id: string) => (id.startsWith('a') ? 0 : 1);
  const run = (minCueCount: number) =>
    refitFolds(
      docs,
      fold,
      2,
      { minCueReliability: 0.3, minCueCount },
      { minReliability: 0, minCount: 3 },
      { ...LEARNED_DEFAULTS, off: true },
      [0.35],
      () => {},
    );

  it('scores each fold with the cues the other fold’s gold shows', async () => {
    // Each fold sees `harrumphed` twice as a gold cue in the other: a cue at a minimum count of 2.
    const r = await run(2);
    expect(r.folds[0]!.map((f) => [f.matched, f.predicted, f.gold])).toEqual([
      [2, 2, 2],
      [2, 2, 2],
    ]);
  });

  it('never uses the held-out fold’s own gold', async () => {
    // At a minimum count of 3 the other fold's two cues are not enough (all four would be).
    const r = await run(3);
    expect(r.folds[0]!.map((f) => f.matched)).toEqual([0, 0]);
  });
});

describe('tallyPhrases / tallyCues with strip (multi-word cues)', () => {
  const docs = [
    article('p1', 'The senator', 'has been critical', 'the bill was dead'),
    article('p2', 'The mayor', 'is critical', 'the budget was late'),
  ];
  it('counts a gold cue’s words, after the stripped auxiliaries, and their occurrences', () => {
    const none = tallyPhrases(docs);
    expect(none.cue.get('has been critical')).toBe(1);
    expect(none.cue.get('is critical')).toBe(1);
    const strip = new Set(['has', 'been', 'is']);
    const t = tallyCues(docs, strip);
    expect(t.cue.get('critical')).toBe(2);
    expect(t.cue.get('has')).toBeUndefined();
    expect(tallyCues(docs).cue.get('has')).toBe(1);
  });
});

describe('learnedClusters', () => {
  it('reads the shipped file its meta names, whatever cluster file another task set', () => {
    // A `--set wcFile=…` of a claims run before, in the same process.
    useClusterFile('/nonexistent/clusters.json');
    try {
      const wc = learnedClusters(undefined);
      expect(wc.clusters).toBe(clustersFor('en', shippedClusterFile('en')));
      expect(wc.meta).toEqual({
        clusters: 'clusters/clusters.en.json',
        clustersChecksum: clusterFileChecksum(),
      });
    } finally {
      useClusterFile(undefined);
    }
    expect(learnedClusters('0')).toEqual({ clusters: null, meta: {} });
  });
});
