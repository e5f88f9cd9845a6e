import { hashString } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { assertFeatures } from './assert-features.js';
import { candidatesAsOne } from './candidate-names.js';
import { contextFeatures } from './context-features.js';
import { depsNames } from './deps-features.js';
import { pairFeatures } from './pair-features.js';
import { rateFeatures } from './rate-features.js';
import { shapeFeatures } from './shape-features.js';
import { subjFeatures } from './subj-features.js';
import { subjectFeatures } from './subject-features.js';
import { syntaxFeatures } from './syntax-features.js';
import { tenseFeatures } from './tense-features.js';
import { valenceFeatures } from './valence-features.js';

const BITS = 20;
const at = (name: string) => hashString(name) & ((1 << BITS) - 1);

describe('shapeFeatures', () => {
  it('writes later capitalised words (a run as one) as <N> and numbers as <0>', () => {
    const v = shapeFeatures('Senator Anna Berg cut 20 jobs', BITS, 1);
    const names = [
      'n2:<s>_senator',
      'n2:senator_<N>',
      'n2:<N>_cut',
      'n2:cut_<0>',
      'n2:<0>_jobs',
      'n2:jobs_</s>',
      'n3:<s>_senator_<N>',
      'n3:senator_<N>_cut',
      'n3:<N>_cut_<0>',
      'n3:cut_<0>_jobs',
      'n3:<0>_jobs_</s>',
    ];
    expect(v.idx).toEqual(names.map(at));
    // Scaled together to length `weight`.
    expect(v.val.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1);
    expect(shapeFeatures('Then Anna Berg cut jobs', BITS, 1).idx).toEqual(
      shapeFeatures('Then Olaf Dorn cut jobs', BITS, 1).idx,
    );
    expect(shapeFeatures('I cut jobs', BITS, 1).idx[1]).toBe(at('n2:i_cut'));
  });
});

describe('valenceFeatures', () => {
  it('counts positive and negative AFINN words, their largest valence and each valence', () => {
    const v = valenceFeatures('A good plan and a disaster, a catastrophe.', BITS, 0.5);
    expect(v.idx).toEqual(
      ['v:w=3', 'v:w=-2', 'v:w=-3', 'v:pos=1', 'v:neg=2-3', 'v:mixed', 'v:max=3'].map(at),
    );
    expect(v.val.every((x) => x === 0.5)).toBe(true);
    expect(valenceFeatures('The table is brown.', BITS, 1).idx).toEqual([at('v:max=0')]);
  });
});

describe('contextFeatures', () => {
  it('gives the words and bigrams of the sentence before, and whether it asked', () => {
    const v = contextFeatures('Why 2 plans?', BITS, 0.5);
    const names = ['x1:why', 'x1:0', 'x1:plans', 'x2:<s>_why', 'x2:why_0', 'x2:0_plans', 'x2:plans_</s>'];
    expect(v.idx).toEqual([...names.map(at), at('x:question')]);
    expect(v.val.slice(0, -1).reduce((s, x) => s + x * x, 0)).toBeCloseTo(0.25);
    expect(v.val.at(-1)).toBe(0.5);
    expect(contextFeatures('We will.', BITS, 1).idx).not.toContain(at('x:question'));
  });
});

describe('syntaxFeatures', () => {
  it('gives part-of-speech shares, tense and the lemmas of adjectives and adverbs', () => {
    const v = syntaxFeatures('The minister signed the decree on Monday.', 'en', BITS, 0.5);
    expect(v.idx).toContain(at('y:past'));
    expect(v.idx).toContain(at('y:tense=past'));
    expect(v.idx).toContain(at('y:ADJ=0'));
    expect(v.val.every((x) => x === 0.5)).toBe(true);
    const w = syntaxFeatures('This is the worst plan and it is truly awful.', 'en', BITS, 1);
    expect(w.idx).toContain(at('y:tense=present'));
    expect(w.idx).toContain(at('y:a:awful'));
    expect(w.idx).not.toContain(at('y:ADJ=0'));
    expect(syntaxFeatures('Text.', 'xx', BITS, 1).idx).toEqual([]);
  });
});

describe('rateFeatures', () => {
  it('buckets the highest word rate as a multiple of the prior and counts words at 4× or more', () => {
    const table = {
      labels: ['Loaded', 'Name'],
      prior: [0.01, 0.02],
      words: { hogwash: [0.09, 0.02], pious: [0.05, 0] },
    };
    const v = rateFeatures('Such pious Hogwash!', BITS, 0.5, table);
    expect(v.idx).toEqual(['r:Loaded:8', 'r:Loaded:hot=2', 'r:Name:1'].map(at));
    expect(v.val).toEqual([0.5, 0.5, 0.5]);
    expect(rateFeatures('The table is brown.', BITS, 1, table).idx).toEqual(
      ['r:Loaded:0', 'r:Name:0'].map(at),
    );
  });
});

describe('pairFeatures', () => {
  it('gives the word pairs two and three places apart, scaled together to length weight', () => {
    const v = pairFeatures('We cut 20 taxes', BITS, 0.5);
    expect(v.idx).toEqual(['k2:we_00', 'k2:cut_taxes', 'k3:we_taxes'].map(at));
    expect(v.val.reduce((s, x) => s + x * x, 0)).toBeCloseTo(0.25);
    expect(pairFeatures('We cut', BITS, 1).idx).toEqual([]);
  });
});

describe('candidatesAsOne', () => {
  it('writes each candidate name as Cand, whole words only', () => {
    expect(candidatesAsOne('Hillary Clinton and Donald Trump met Senator Obama.')).toBe(
      'Cand Cand and Cand Cand met Senator Cand.',
    );
    expect(candidatesAsOne('Trumpets and a Fordham bush.')).toBe('Trumpets and a Fordham bush.');
  });
});

describe('subjectFeatures', () => {
  it.each([
    ['She wants amnesty for everybody.', ['sp:he_*', 'sp:*_want', 'sp:he_want']],
    ['Iran is taking over Iraq.', ['sp:NAME_*', 'sp:*_take', 'sp:NAME_take']],
    ['But I have no loans with Russia.', ['sp:i_*', 'sp:*_have', 'sp:i_have']],
  ])('gives the first pronoun or name and the first verb after it: %s', (text, names) => {
    const v = subjectFeatures(text, 'en', BITS, 0.5);
    expect(v.idx).toEqual(names.map(at));
    expect(v.val).toEqual([0.5, 0.5, 0.5]);
  });
  it('gives nothing without a pronoun or name', () => {
    expect(subjectFeatures('Taxes rose by forty percent.', 'en', BITS, 1).idx).toEqual([]);
  });
});

describe('assertFeatures', () => {
  const has = (text: string, name: string) => assertFeatures(text, BITS, 1).idx.includes(at(name));
  it.each([
    [
      'We have created twenty million jobs.',
      ['a:NUM', 'a:PERFECT', 'a:NUM@m', 'a:NUM&PERFECT', 'a:NUM&quantity'],
    ],
    ['He voted against it.', ['a:THIRD_PAST', 'a:THIRD_PAST@s']],
    ['We must cut taxes.', ['a:WE_POLICY', 'a:WE_POLICY&we']],
    ['What would you do about it?', ['a:QUESTION']],
    ['Thank you very much.', ['a:SOCIAL', 'a:SOCIAL&discourse']],
    ['Maybe it cost 30 percent more.', ['a:NUM&hedge', 'a:NUM&compar']],
  ])('says what %s asserts', (text, names) => {
    for (const n of names) expect(has(text, n), n).toBe(true);
  });
  it('finds none of these in a plain statement, and scales them to length weight', () => {
    const v = assertFeatures('It is a good day.', BITS, 0.5);
    for (const n of ['a:NUM', 'a:PERFECT', 'a:THIRD_PAST', 'a:WE_POLICY', 'a:QUESTION', 'a:SOCIAL'])
      expect(v.idx).not.toContain(at(n));
    expect(Math.sqrt(v.val.reduce((x, y) => x + y * y, 0))).toBeCloseTo(0.5);
  });
});

describe('depsNames', () => {
  it('reads the main clause: root, tense, subject (feminine as masculine), object and numbers', () => {
    const n = depsNames('She wanted amnesty for everybody.', 'en').main;
    expect(n).toEqual(
      expect.arrayContaining(['d:root=VERB:want', 'd:tense=past', 'd:subj=he', 'd:sr=he_want', 'd:obj']),
    );
    expect(depsNames('We have created twenty million jobs.', 'en').main).toEqual(
      expect.arrayContaining(['d:aux=have', 'd:nummod', 'd:num_of=job', 'd:subj=we']),
    );
    expect(depsNames('I think this is a disgrace.', 'en').main).toEqual(
      expect.arrayContaining(['d:under=think', 'd:subj=i', 'd:sr=i_think']),
    );
  });
});

describe('subjFeatures', () => {
  it("gives the shipped subjectivity model's logit, higher for an opinion than for a report", () => {
    const logit = (t: string) => subjFeatures(t, BITS, 1).val[0]!;
    expect(subjFeatures('x', BITS, 1).idx[0]).toBe(at('sj:logit'));
    expect(logit('I think this is a disgrace and a shame.')).toBeGreaterThan(
      logit('Unemployment fell to 3.5 percent last year.') + 1,
    );
  });
});

describe('tenseFeatures', () => {
  it('counts past and present auxiliaries, irregular past forms and -ed words, bucketed', () => {
    const v = tenseFeatures('The mayor was told it wasn’t ready, so she went and reopened it.', BITS, 0.5);
    // was, wasn’t, went: 3 past; told is no auxiliary, reopened ends in -ed.
    expect(v.idx).toEqual(['k:pastAux', 'k:pastAux=2-3', 'k:pastEd', 'k:pastEd=1'].map(at));
    expect(v.val).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(tenseFeatures('It is what it is, and that’s absurd.', BITS, 1).idx).toEqual(
      ['k:presentAux', 'k:presentAux=2-3'].map(at),
    );
    // Short -ed words (`red`, `shed`) are not read as past.
    expect(tenseFeatures('A red shed.', BITS, 1).idx).toEqual([]);
  });
});
