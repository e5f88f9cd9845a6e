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
