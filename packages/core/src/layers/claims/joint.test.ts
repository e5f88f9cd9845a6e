import { describe, expect, it } from 'vitest';
import { JointScorer } from './joint.js';
import { shippedSentenceModels } from './models.js';

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
