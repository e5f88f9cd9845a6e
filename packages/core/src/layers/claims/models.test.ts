import { describe, expect, it } from 'vitest';
import { createModelStore, type ModelRegistry } from '../../models/registry.js';
import { loadSentenceModels, SentenceModels, shippedSentenceModels } from './models.js';
import { SentenceModel } from './sentence-model.js';

/** A registry view that records the keys of what it derives (the cache key of the model set). */
function spying(inner: ModelRegistry): ModelRegistry & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    load: (id, files, parse, hint) => inner.load(id, files, parse, hint),
    lazy: (id, files, parse, hint) => inner.lazy(id, files, parse, hint),
    data: (id, value) => inner.data(id, value),
    derive: (key, build) => {
      keys.push(key);
      return inner.derive(key, build);
    },
    exists: (f) => inner.exists(f),
    get loaded() {
      return inner.loaded;
    },
  };
}

describe('loadSentenceModels', () => {
  it('loads the shipped English models under their file names, and none for a language not shipped', () => {
    const registry = createModelStore().scope();
    const models = loadSentenceModels(registry);
    expect(Object.keys(registry.loaded).sort()).toEqual([
      'claims/checkworthy.en.json',
      'subjectivity/subjectivity.en.json',
    ]);
    for (const sum of Object.values(registry.loaded)) expect(sum).toMatch(/^[0-9a-f]{12}$/);
    const cw = models.get('claims/checkworthy', 'en')!;
    const subj = models.get('subjectivity/subjectivity', 'en')!;
    expect(cw).toBeInstanceOf(SentenceModel);
    expect(subj).toBeInstanceOf(SentenceModel);
    expect(cw).not.toBe(subj);
    expect(models.get('claims/checkworthy', 'ru')).toBeUndefined();
    expect(models.get('subjectivity/subjectivity', 'xx')).toBeUndefined();
    // The two are the models their cards describe: a factual sentence is more check-worthy than
    // an exclamation, and the exclamation more subjective.
    const fact = 'The council approved a $4.2 billion budget for 2024 on Tuesday.';
    const opinion = 'This is a truly shameful, disgraceful plan!';
    expect(cw.probability(fact, 'en')).toBeGreaterThan(cw.probability(opinion, 'en'));
    expect(subj.probability(opinion, 'en')).toBeGreaterThan(subj.probability(fact, 'en'));
  });

  it('keys the set by the sentence models’ checksums only, so scopes of one store share it', () => {
    const store = createModelStore();
    const first = spying(store.scope());
    const a = loadSentenceModels(first);
    const sums = first.loaded;
    expect(first.keys).toEqual([
      `sentence-models#claims/checkworthy.en.json=${sums['claims/checkworthy.en.json']},subjectivity/subjectivity.en.json=${sums['subjectivity/subjectivity.en.json']}`,
    ]);
    // Another analyzer's scope that loaded other data first: same key, same instance.
    const second = spying(store.scope());
    second.data('quotes/cues.en.json', { said: 1 });
    const b = loadSentenceModels(second);
    expect(second.keys).toEqual(first.keys);
    expect(b).toBe(a);
  });
});

describe('SentenceModels.joint', () => {
  const models = loadSentenceModels(createModelStore().scope());

  it('gives the same joint scorer for a language every time, none where a model is missing', () => {
    const j = models.joint('en');
    expect(j).toBeDefined();
    expect(models.joint('en')).toBe(j);
    expect(models.joint('ru')).toBeUndefined();
    expect(models.joint('ru')).toBeUndefined();
    const s = j!.scores('Analysts expect that the deficit will widen next year.', 'en');
    expect(s.checkworthy).toBeCloseTo(
      models
        .get('claims/checkworthy', 'en')!
        .probability('Analysts expect that the deficit will widen next year.', 'en'),
      6,
    );
  });

  it('has no joint scorer when only one of the two models exists for the language', () => {
    const cw = models.get('claims/checkworthy', 'en')!;
    const only = new SentenceModels(new Map([['claims/checkworthy', new Map([['en', cw]])]]));
    expect(only.get('claims/checkworthy', 'en')).toBe(cw);
    expect(only.joint('en')).toBeUndefined();
  });
});

describe('SentenceModel', () => {
  const cw = shippedSentenceModels().get('claims/checkworthy', 'en')!;
  const text = 'President Joe Biden said on Friday that 4,000 troops would leave Germany by 2025.';

  it('scores without names and explains with them', () => {
    // probability() drops names (keepNames false); the explanation's vector keeps them.
    const plain = cw.vector(text, 'en');
    const named = cw.vector(text, 'en', true);
    const z = (v: typeof plain) => {
      let s = cw.linear.bias[0]!;
      for (let i = 0; i < v.idx.length; i++) s += v.val[i]! * cw.linear.weights[v.idx[i]!]!;
      return 1 / (1 + Math.exp(-s));
    };
    expect(cw.probability(text, 'en')).toBeCloseTo(z(plain), 12);
    expect(cw.explain(text, 'en', 3)).toEqual(cw.linear.explain(named, 0, 3).map((c) => c.feature));
    expect(cw.explain(text, 'en', 3)).toHaveLength(3);
  });
});
