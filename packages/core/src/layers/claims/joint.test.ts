import { describe, expect, it } from 'vitest';
import { JointScorer } from './joint.js';
import { shippedSentenceModels } from './models.js';
import { SentenceModel } from './sentence-model.js';

const checkworthyModel = shippedSentenceModels().get('claims/checkworthy', 'en')!;
const subjectivityModel = shippedSentenceModels().get('subjectivity/subjectivity', 'en')!;

// The joint scorer must decide exactly as the two models do one by one.
describe('JointScorer', () => {
  const joint = new JointScorer(checkworthyModel, subjectivityModel);
  it.each([
    'The council approved a $4.2 billion budget for 2024 on Tuesday.',
    'This is a truly shameful plan!',
    'Analysts expect that the deficit will widen next year.',
  ])('%s', (text) => {
    expect(joint.compatible()).toBe(true);
    const p = joint.scores(text, 'en');
    expect(p.checkworthy).toBeCloseTo(checkworthyModel.probability(text, 'en'), 5);
    expect(p.subjective).toBeCloseTo(subjectivityModel.probability(text, 'en'), 5);
  });
});

describe('SentenceModel.calibrate', () => {
  it('returns the probability as it is without a calibration, calibrated with one', () => {
    const linear = subjectivityModel.linear;
    // The shipped model has an (isotonic) calibration: a copy without one, and one with Platt's.
    const without = Object.create(linear) as typeof linear;
    Object.defineProperty(without, 'meta', { value: { ...linear.meta, calibration: undefined } });
    const plain = SentenceModel.of(without);
    expect(plain.calibrate(0.3)).toBe(0.3);
    expect(SentenceModel.of(linear).calibrate(0.3)).not.toBe(0.3);
    const withCal = Object.create(linear) as typeof linear;
    Object.defineProperty(withCal, 'meta', { value: { ...linear.meta, calibration: { a: [2], b: [-1] } } });
    const scaled = SentenceModel.of(withCal);
    expect(scaled.calibrate(0.5)).toBeCloseTo(1 / (1 + Math.exp(1)));
    expect(scaled.calibrate(0.8)).toBeCloseTo(1 / (1 + Math.exp(-(2 * Math.log(4) - 1))));
  });
});

describe('JointScorer.compatible', () => {
  /** The shipped model with its feature settings changed (bits too, when given). */
  const variant = (features: Record<string, boolean>, bits?: number) => {
    const linear = checkworthyModel.linear;
    const copy = Object.create(linear) as typeof linear;
    Object.defineProperty(copy, 'meta', {
      value: { ...linear.meta, features: { ...(linear.meta.features as object), ...features } },
    });
    if (bits !== undefined) Object.defineProperty(copy, 'bits', { value: bits });
    return SentenceModel.of(copy);
  };
  const base = checkworthyModel.settings;

  it('needs the same bits, character and suffix groups, and no cue groups in the first model', () => {
    expect(new JointScorer(variant({}), variant({})).compatible()).toBe(true);
    // The second model may add cue features of its own.
    expect(new JointScorer(variant({}), variant({ cues: true, stems: true })).compatible()).toBe(true);
    expect(new JointScorer(variant({}, base.bits + 1), variant({})).compatible()).toBe(false);
    expect(new JointScorer(variant({}), variant({ chars: !base.chars })).compatible()).toBe(false);
    expect(new JointScorer(variant({}), variant({ suffixes: !base.suffixes })).compatible()).toBe(false);
    expect(new JointScorer(variant({ cues: true }), variant({ cues: true })).compatible()).toBe(false);
    expect(new JointScorer(variant({ stems: true }), variant({ stems: true })).compatible()).toBe(false);
  });
});

describe('JointScorer with one model reading pronouns neutral', () => {
  // The shipped models with `neutral` set on one of them (the weights stay; the features change).
  const neutral = (m: SentenceModel, on: boolean) => {
    const copy = Object.create(m.linear) as typeof m.linear;
    const features = { ...(m.linear.meta.features as object), neutral: on };
    Object.defineProperty(copy, 'meta', { value: { ...m.linear.meta, features } });
    return SentenceModel.of(copy);
  };
  it.each([
    [true, false],
    [false, true],
  ])('first model neutral %s, second %s: each scores as it does alone', (a, b) => {
    const first = neutral(checkworthyModel, a);
    const second = neutral(subjectivityModel, b);
    const joint = new JointScorer(first, second);
    expect(joint.compatible()).toBe(true);
    for (const text of [
      'She cut the police budget by 20 percent last year.',
      'Her plan is a disgrace!',
      'The senator cut the police budget by 20 percent last year.',
    ]) {
      const p = joint.scores(text, 'en');
      expect(p.checkworthy).toBeCloseTo(first.probability(text, 'en'), 5);
      expect(p.subjective).toBeCloseTo(second.probability(text, 'en'), 5);
    }
    // The setting is read: the pronoun's sentence scores otherwise than without it.
    const text = 'She cut the police budget by 20 percent last year.';
    const plain = neutral(a ? checkworthyModel : subjectivityModel, false).probability(text, 'en');
    expect((a ? first : second).probability(text, 'en')).not.toBeCloseTo(plain, 5);
  });
});

describe('JointScorer cache', () => {
  it('answers a sentence again from its cache, which it empties when 400 sentences are in it', () => {
    const joint = new JointScorer(checkworthyModel, subjectivityModel);
    const first = joint.scores('The ministry said the bridge would reopen on Monday.', 'en');
    expect(joint.scores('The ministry said the bridge would reopen on Monday.', 'en')).toBe(first);
    // 399 more fill the cache to 400 entries: the first is still there.
    for (let k = 1; k < 400; k++) joint.scores(`Sentence number ${k} of the article.`, 'en');
    expect(joint.scores('The ministry said the bridge would reopen on Monday.', 'en')).toBe(first);
    // The 401st sentence empties it first: the first is scored anew (the same values).
    joint.scores('One sentence too many for the cache.', 'en');
    const again = joint.scores('The ministry said the bridge would reopen on Monday.', 'en');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
