import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { WordClusters } from '../../models/word-clusters.js';
import { depsParserFor } from '../syntax/deps-model.js';
import { syntaxModelFor } from '../syntax/model.js';
import {
  clusterFeatures,
  mainClauseNames,
  type ParsedClause,
  parseClause,
  scaledNames,
  subjectWord,
  tenseOf,
} from './main-clause.js';

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
    // Words with one inner apostrophe, numbers with their separators, each mark alone.
    expect(parseClause("Biden's 1,200.5 jobs in 2024 — we'll see, isn’t it?", tagger, parser)!.forms).toEqual(
      ["Biden's", '1,200.5', 'jobs', 'in', '2024', '—', "we'll", 'see', ',', 'isn’t', 'it', '?'],
    );
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

// Two clusters, each cut in two: `senator` and `nominee` share the coarse one.
const clusters = new WordClusters({
  format: 'newsprism-clusters/1',
  lang: 'en',
  branching: [2, 2],
  clusters: ['senator', 'nominee', 'budget', ''],
});

describe('clusterFeatures', () => {
  it('counts the clusters of the chosen levels, scaled to the weight', () => {
    const v = clusterFeatures('The senator and the nominee', clusters, 16, 0.5, 1);
    expect(v.idx).toEqual([hashString('k2:0') & 0xffff]);
    expect(v.val[0]).toBeCloseTo(0.5);
    const both = clusterFeatures('The senator and the nominee', clusters, 16, 1, 3);
    expect(both.idx).toHaveLength(3);
    expect(Math.hypot(...both.val)).toBeCloseTo(1);
  });
});

/** A parse given by hand: `form/UPOS/lemma/head/deprel` per token (head −1 for the root). */
const parsed = (...tokens: string[]): ParsedClause => {
  const t = tokens.map((s) => s.split('/'));
  return {
    forms: t.map((x) => x[0]!),
    upos: t.map((x) => x[1]!),
    lemma: t.map((x) => x[2]!),
    head: t.map((x) => Number(x[3])),
    deprel: t.map((x) => x[4]!),
  };
};

describe('mainClauseNames of a given parse', () => {
  it('names root, tense, auxiliary, negation, object, numbers and subject, in order', () => {
    // She has not cut 2 jobs nevertheless (an adverb that starts as `never` is no negation)
    const p = parsed(
      'She/PRON/she/3/nsubj',
      'has/AUX/have/3/aux',
      'not/PART/not/3/advmod',
      'cut/VERB/cut/-1/root',
      '2/NUM/2/5/nummod',
      'jobs/NOUN/job/3/obj',
      'nevertheless/ADV/nevertheless/3/advmod',
    );
    expect(mainClauseNames(p)).toEqual([
      'd:rootpos=VERB',
      'd:root=VERB:cut',
      'd:tense=present',
      'd:aux=has',
      'd:auxtense=present',
      'd:neg',
      'd:nummod',
      'd:num_of=job',
      'd:obj',
      'd:obj=job',
      'd:subj=he',
      'd:sr=he_cut',
    ]);
  });

  it('names a copula with an adjective, a passive auxiliary and the first subject only', () => {
    // Taxes and they were high (two subjects: the first counts)
    const p = parsed(
      'Taxes/NOUN/tax/3/nsubj',
      'they/PRON/they/3/nsubj',
      'were/AUX/be/3/cop',
      'high/ADJ/high/-1/root',
      'was/AUX/be/3/aux:pass',
    );
    expect(mainClauseNames(p)).toEqual([
      'd:rootpos=ADJ',
      'd:root=ADJ:high',
      'd:tense=none',
      'd:cop_adj',
      'd:aux=was',
      'd:auxtense=past',
      'd:subj=tax',
      'd:sr=tax_high',
    ]);
    // A copula under a noun is no opinion.
    const noun = parsed('It/PRON/it/2/nsubj', 'was/AUX/be/2/cop', 'war/NOUN/war/-1/root');
    expect(mainClauseNames(noun)).not.toContain('d:cop_adj');
  });

  it('names the verb a clausal complement hangs from, a second subject and a marker on the root', () => {
    // If I think that he never lied
    const p = parsed(
      'If/SCONJ/if/2/mark',
      'I/PRON/I/2/nsubj',
      'think/VERB/think/-1/root',
      'that/SCONJ/that/6/mark',
      'he/PRON/he/6/nsubj',
      'never/ADV/never/6/advmod',
      'lied/VERB/lie/2/ccomp',
      'Biden/PROPN/Biden/2/iobj',
      'to/PART/to/10/mark',
      'win/VERB/win/2/xcomp',
    );
    expect(mainClauseNames(p)).toEqual([
      'd:rootpos=VERB',
      'd:root=VERB:think',
      'd:tense=present',
      'd:mark=if',
      'd:subj2=he',
      'd:ccomp',
      'd:under=think',
      'd:obj',
      'd:obj=NAME',
      'd:xcomp',
      'd:subj=i',
      'd:sr=i_think',
    ]);
  });

  it('reads a passive subject as a subject, and a complement of the first word', () => {
    // Jobs were cut, officials said (the root first: its complement hangs from token 0)
    expect(
      mainClauseNames(
        parsed(
          'Said/VERB/say/-1/root',
          'jobs/NOUN/job/3/nsubj:pass',
          'were/AUX/be/3/aux:pass',
          'cut/VERB/cut/0/ccomp',
          'Kyiv/PROPN/Kyiv/0/nsubj:pass',
        ),
      ),
    ).toEqual([
      'd:rootpos=VERB',
      'd:root=VERB:say',
      'd:tense=other', // an irregular past: the form alone does not tell it
      'd:subj2=job',
      'd:ccomp',
      'd:under=say',
      'd:subj=NAME',
      'd:sr=NAME_say',
    ]);
  });

  it('reads a proper-noun root as NAME, no subject as none, and nothing without a root', () => {
    expect(mainClauseNames(parsed('Biden/PROPN/Biden/-1/root', './PUNCT/./0/punct'))).toEqual([
      'd:rootpos=PROPN',
      'd:root=PROPN:NAME',
      'd:tense=none',
      'd:subj=none',
      'd:sr=none_NAME',
    ]);
    expect(mainClauseNames(parsed('Biden/PROPN/Biden/1/nsubj', 'won/VERB/win/0/dep'))).toEqual([]);
  });
});

describe('tenseOf and subjectWord', () => {
  it.each([
    ...['was', 'were', 'had', 'did', "'d", 'would', 'could'].map((f) => [f, f, 'AUX', 'past']),
    ['is', 'be', 'AUX', 'present'],
    ['running', 'run', 'VERB', 'ing'],
    ['wanted', 'want', 'VERB', 'past'],
    ['need', 'need', 'VERB', 'present'],
    ['wants', 'want', 'VERB', 'present'],
    ['taken', 'take', 'VERB', 'other'],
    ['seed', 'seed', 'VERB', 'present'],
    ['led', 'lead', 'VERB', 'past'],
    ['jobs', 'job', 'NOUN', 'none'],
  ])('%s (%s, %s) is %s', (form, lemma, upos, tense) => {
    expect(tenseOf(form, lemma, upos)).toBe(tense);
  });

  it('reads persons as one, names as NAME, other words by lemma, lower-cased', () => {
    const p = parsed(
      'Her/PRON/she/1/nsubj',
      'Them/PRON/they/-1/root',
      'Kyiv/PROPN/Kyiv/1/obj',
      'Senators/NOUN/Senator/1/obj',
      'You/PRON/you/1/obj',
      'she/PRON/she/1/obj',
      'him/PRON/he/1/obj',
      'us/PRON/we/1/obj',
      'me/PRON/I/1/obj',
    );
    expect(p.forms.map((_, i) => subjectWord(p, i))).toEqual([
      'he',
      'they',
      'NAME',
      'senator',
      'you',
      'he',
      'he',
      'we',
      'i',
    ]);
  });
});

describe('clusterFeatures with neighbouring pairs', () => {
  it('counts pairs of neighbouring known words’ coarsest clusters, none across an unknown word', () => {
    const v = clusterFeatures('senator budget the nominee budget', clusters, 16, 1, 1, true);
    // In the order first met: `budget` after `senator` adds the pair before its own cluster.
    expect(v.idx).toEqual(['k2:0', 'kb:0_1', 'k2:1'].map((n) => hashString(n) & 0xffff));
    for (const x of v.val) expect(x).toBeCloseTo(2 / Math.sqrt(12), 12);
    // Levels 2 alone: the finer clusters; no known word, nothing.
    expect(clusterFeatures('senator', clusters, 16, 1, 2).idx).toEqual([hashString('k4:0') & 0xffff]);
    expect(clusterFeatures('the and a', clusters, 16, 1, 3, true)).toEqual({ idx: [], val: [] });
    // Pairs only when asked for.
    expect(clusterFeatures('senator budget', clusters, 16, 1, 1).idx).toEqual(
      ['k2:0', 'k2:1'].map((n) => hashString(n) & 0xffff),
    );
  });
});
