import { describe, expect, it } from 'vitest';
import { fallbackCheckworthiness, fallbackSubjectivity } from './fallback.js';
import { SentenceModels, shippedSentenceModels } from './models.js';
import { checkworthiness, subjectivity } from './score.js';
import type { SentenceModel } from './sentence-model.js';

const squash = (z: number) => 1 / (1 + Math.exp(-z));

/** A stand-in model: a fixed probability and threshold, recording the languages it was asked for. */
function fakeModel(probability: number, threshold: number) {
  const langs: string[] = [];
  const model = {
    threshold,
    // Uncalibrated, as the shipped models: the score shown is the probability.
    calibrate: (p: number) => p,
    probability: (_text: string, lang: string) => {
      langs.push(lang);
      return probability;
    },
  } as unknown as SentenceModel;
  return { model, langs };
}

/** Models for English only, with the check-worthiness model alone (so no joint scorer). */
const onlyCheckworthy = (m: SentenceModel) =>
  new SentenceModels(new Map([['claims/checkworthy', new Map([['en', m]])]]));

describe('cue fallback scores (Russian lexicon, hand-set weights)', () => {
  it('starts check-worthiness at squash(-1) and adds figures, currency signs and word classes', () => {
    expect(fallbackCheckworthiness('Заседание прошло в зале.', 'ru')).toBeCloseTo(squash(-1), 6);
    expect(fallbackCheckworthiness('Заседание прошло 5 раз.', 'ru')).toBeCloseTo(squash(0.2), 6);
    expect(fallbackCheckworthiness('Рост 5 %.', 'ru')).toBeCloseTo(squash(1), 6);
    expect(fallbackCheckworthiness('Рост на $5.', 'ru')).toBeCloseTo(squash(1), 6);
    // процент (quantity 1), больше (compar 0.6), сказал (report 0.4), марта (date 0.6), поэтому (causal 0.4).
    expect(fallbackCheckworthiness('процент', 'ru')).toBeCloseTo(squash(0), 6);
    expect(fallbackCheckworthiness('больше', 'ru')).toBeCloseTo(squash(-0.4), 6);
    expect(fallbackCheckworthiness('сказал', 'ru')).toBeCloseTo(squash(-0.6), 6);
    expect(fallbackCheckworthiness('марта поэтому', 'ru')).toBeCloseTo(squash(0), 6);
    // A word of another class (belief) adds nothing here.
    expect(fallbackCheckworthiness('думаю', 'ru')).toBeCloseTo(squash(-1), 6);
    // Words given by the caller replace the tokenizer's.
    expect(fallbackCheckworthiness('Заседание', 'ru', ['процент'])).toBeCloseTo(squash(0), 6);
  });

  it('starts subjectivity at squash(-1), adds evaluative words and !/?, and subtracts figures', () => {
    expect(fallbackSubjectivity('Заседание прошло в зале.', 'ru')).toBeCloseTo(squash(-1), 6);
    expect(fallbackSubjectivity('Заседание прошло!', 'ru')).toBeCloseTo(squash(-0.2), 6);
    expect(fallbackSubjectivity('Заседание прошло?', 'ru')).toBeCloseTo(squash(-0.2), 6);
    expect(fallbackSubjectivity('Заседание прошло 5 раз.', 'ru')).toBeCloseTo(squash(-1.5), 6);
    expect(fallbackSubjectivity('ужасный', 'ru')).toBeCloseTo(squash(0), 6);
    expect(fallbackSubjectivity('думаю', 'ru')).toBeCloseTo(squash(-0.2), 6);
    expect(fallbackSubjectivity('очень', 'ru')).toBeCloseTo(squash(-0.4), 6);
    expect(fallbackSubjectivity('должен', 'ru')).toBeCloseTo(squash(-0.4), 6);
    expect(fallbackSubjectivity('я', 'ru')).toBeCloseTo(squash(-0.4), 6);
    expect(fallbackSubjectivity('мы', 'ru')).toBeCloseTo(squash(-0.5), 6);
    expect(fallbackSubjectivity('вы', 'ru')).toBeCloseTo(squash(-0.5), 6);
    expect(fallbackSubjectivity('может', 'ru')).toBeCloseTo(squash(-0.7), 6);
    expect(fallbackSubjectivity('процент', 'ru')).toBeCloseTo(squash(-1), 6);
  });
});

describe('checkworthiness and subjectivity decisions', () => {
  it('decides with the language model: positive at or above its threshold', () => {
    const above = fakeModel(0.4, 0.3);
    expect(checkworthiness('x', 'en', undefined, onlyCheckworthy(above.model))).toEqual({
      score: 0.4,
      raw: 0.4,
      positive: true,
      threshold: 0.3,
      method: 'model',
    });
    const at = fakeModel(0.3, 0.3);
    expect(checkworthiness('x', 'en', undefined, onlyCheckworthy(at.model)).positive).toBe(true);
    const below = fakeModel(0.29, 0.3);
    expect(checkworthiness('x', 'en', undefined, onlyCheckworthy(below.model))).toEqual({
      score: 0.29,
      raw: 0.29,
      positive: false,
      threshold: 0.3,
      method: 'model',
    });
  });

  it('scores `und` text with the English model', () => {
    const m = fakeModel(0.9, 0.5);
    expect(checkworthiness('x', 'und', undefined, onlyCheckworthy(m.model)).method).toBe('model');
    expect(m.langs).toEqual(['en']);
  });

  it('falls back to the cues at 0.5 for a language without a model', () => {
    const m = fakeModel(0.9, 0.1);
    const text = 'Рост 5 %.';
    expect(checkworthiness(text, 'ru', undefined, onlyCheckworthy(m.model))).toEqual({
      score: fallbackCheckworthiness(text, 'ru'),
      raw: fallbackCheckworthiness(text, 'ru'),
      positive: true,
      threshold: 0.5,
      method: 'cues',
    });
    expect(m.langs).toEqual([]);
    const plain = checkworthiness('Заседание прошло в зале.', 'ru', undefined, onlyCheckworthy(m.model));
    expect(plain).toMatchObject({ positive: false, threshold: 0.5, method: 'cues' });
    // A quantity word alone scores exactly 0.5: the decision point counts as positive.
    expect(checkworthiness('процент', 'ru', undefined, onlyCheckworthy(m.model))).toMatchObject({
      score: 0.5,
      positive: true,
    });
    // Subjectivity has no model in this set, not even for English: the cues decide.
    const subj = subjectivity('ужасный!', 'en', undefined, onlyCheckworthy(m.model));
    expect(subj).toEqual({
      score: fallbackSubjectivity('ужасный!', 'en'),
      raw: fallbackSubjectivity('ужасный!', 'en'),
      positive: subj.score >= 0.5,
      threshold: 0.5,
      method: 'cues',
    });
  });

  it("uses the user's own subjectivity model for every language, `und` as English", () => {
    const own = fakeModel(0.6, 0.7);
    const none = new SentenceModels(new Map());
    expect(subjectivity('x', 'ru', undefined, none, own.model)).toEqual({
      score: 0.6,
      raw: 0.6,
      positive: false,
      threshold: 0.7,
      method: 'model',
    });
    const atOwn = fakeModel(0.7, 0.7);
    expect(subjectivity('x', 'und', undefined, none, atOwn.model).positive).toBe(true);
    expect(own.langs).toEqual(['ru']);
    expect(atOwn.langs).toEqual(['en']);
  });
});

describe('decisions with the shipped English pair (joint scorer)', () => {
  const models = shippedSentenceModels();
  const text = 'Frankly, I think unemployment fell to 3.5 percent last year!';

  it('takes each score from its own model of the pair, deciding at that model’s threshold', () => {
    const pair = models.joint('en')!;
    expect(pair).toBeDefined();
    const p = pair.scores(text, 'en');
    const cw = checkworthiness(text, 'en', undefined, models);
    const subj = subjectivity(text, 'en', undefined, models);
    expect(p.checkworthy).not.toBeCloseTo(p.subjective, 3);
    const cwModel = models.get('claims/checkworthy', 'en')!;
    const subjModel = models.get('subjectivity/subjectivity', 'en')!;
    expect(cw).toEqual({
      score: cwModel.calibrate(p.checkworthy),
      raw: p.checkworthy,
      positive: p.checkworthy >= cwModel.threshold,
      threshold: cwModel.threshold,
      method: 'model',
    });
    expect(subj).toEqual({
      score: subjModel.calibrate(p.subjective),
      raw: p.subjective,
      positive: p.subjective >= subjModel.threshold,
      threshold: subjModel.threshold,
      method: 'model',
    });
    // One sentence on each side of the check-worthiness threshold.
    expect(
      checkworthiness('Unemployment fell to 3.5 percent in 2023.', 'en', undefined, models).positive,
    ).toBe(true);
    expect(checkworthiness('What a lovely day!', 'en', undefined, models).positive).toBe(false);
  });
});
