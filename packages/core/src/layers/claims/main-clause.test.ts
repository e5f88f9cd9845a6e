import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { WordClusters } from '../../models/word-clusters.js';
import { depsParserFor } from '../syntax/deps-model.js';
import { syntaxModelFor } from '../syntax/model.js';
import { clusterFeatures, mainClauseNames, parseClause, scaledNames } from './main-clause.js';

const tagger = syntaxModelFor('en')!;
const parser = depsParserFor('en')!;
const names = (t: string, max?: number) => {
  const p = parseClause(t, tagger, parser, max);
  return p ? mainClauseNames(p) : [];
};

describe('mainClauseNames', () => {
  it('reads the root, its tense, subject (feminine as masculine), object and numbers', () => {
    expect(names('She wanted amnesty for everybody.')).toEqual(
      expect.arrayContaining(['d:root=VERB:want', 'd:tense=past', 'd:subj=he', 'd:sr=he_want', 'd:obj']),
    );
    expect(names('We have created twenty million jobs.')).toEqual(
      expect.arrayContaining(['d:aux=have', 'd:nummod', 'd:num_of=job', 'd:subj=we']),
    );
    expect(names('I think this is a disgrace.')).toEqual(
      expect.arrayContaining(['d:under=think', 'd:subj=i', 'd:sr=i_think']),
    );
  });

  it('parses only the first max tokens, and nothing of a text without tokens', () => {
    expect(parseClause('We have created twenty million jobs.', tagger, parser, 3)!.forms).toEqual([
      'We',
      'have',
      'created',
    ]);
    expect(parseClause('   ', tagger, parser)).toBeUndefined();
    expect(names('')).toEqual([]);
  });
});

describe('scaledNames', () => {
  it('hashes the names into the table and scales them together to the weight', () => {
    const v = scaledNames(['d:a', 'd:b', 'd:c', 'd:d'], 10, 0.5);
    expect(v.idx).toEqual(['d:a', 'd:b', 'd:c', 'd:d'].map((n) => hashString(n) & 1023));
    expect(v.val).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(scaledNames([], 10, 0.5)).toEqual({ idx: [], val: [] });
  });
});

describe('clusterFeatures', () => {
  // Two clusters, each cut in two: `senator` and `nominee` share the coarse one.
  const clusters = new WordClusters({
    format: 'newsprism-clusters/1',
    lang: 'en',
    branching: [2, 2],
    clusters: ['senator', 'nominee', 'budget', ''],
  });
  it('counts the clusters of the chosen levels, scaled to the weight', () => {
    const v = clusterFeatures('The senator and the nominee', clusters, 16, 0.5, 1);
    expect(v.idx).toEqual([hashString('k2:0') & 0xffff]);
    expect(v.val[0]).toBeCloseTo(0.5);
    const both = clusterFeatures('The senator and the nominee', clusters, 16, 1, 3);
    expect(both.idx).toHaveLength(3);
    expect(Math.hypot(...both.val)).toBeCloseTo(1);
  });
});
