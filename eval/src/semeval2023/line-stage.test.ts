import { articleScores, gatedThresholds, lineDecide, prng } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import { fitArticleGate } from './article-gate.js';
import { decisionLanguages, fitLineStage, logisticNewton, type StageArticle } from './line-stage.js';

const row = (...p: number[]) => Float64Array.from(p);

describe('logisticNewton', () => {
  it('recovers the sign and size of a clean one-input relation', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = (i % 20) / 2 - 5;
      xs.push([x, 1]);
      ys.push(x > 0.2 ? 1 : 0);
    }
    const w = logisticNewton(xs, ys, 1e-2);
    expect(w[0]).toBeGreaterThan(1);
    expect(Math.abs(w[1]!)).toBeLessThan(w[0]!);
  });
});

describe('fitLineStage', () => {
  it('learns a length rule the sentence probabilities do not show; rare labels keep the sentence rule', () => {
    // Label 0: gold on lines of 30+ words, whatever its (uninformative) probabilities.
    // Label 1: two gold lines only.
    const rand = prng(3);
    const articles: StageArticle[] = [];
    for (let a = 0; a < 30; a++) {
      const probs = Array.from({ length: 6 }, () => row(0.3 + 0.2 * rand(), 0.1));
      const lines = [0, 1, 2].map((i) => {
        const words = 10 + Math.floor(40 * rand());
        const gold = words >= 30 ? [0] : [];
        if (a < 2 && i === 0) gold.push(1);
        return { gold, members: [2 * i, 2 * i + 1], words };
      });
      articles.push({ probs, lines });
    }
    const stage = fitLineStage(articles, [0.5, 0.05], 2, { minSupport: 5 });
    expect(stage.weights[0]![3]).toBeGreaterThan(0);
    expect(stage.weights[1]).toEqual([]);
    expect(stage.thresholds[1]).toBe(0.05);
    const members = [row(0.4, 0.1), row(0.4, 0.1)];
    const scores = articleScores(members, 2);
    expect(lineDecide(stage, members, scores, 45)).toContain(0);
    expect(lineDecide(stage, members, scores, 12)).not.toContain(0);
  });
});

describe('fitLineStage crossFit', () => {
  it('keeps the weights and chooses thresholds on line scores of regressions fitted without the article', () => {
    // Label 0 is noise: gold on a random half of the lines, probabilities unrelated. Scored by
    // the regression fitted on every line, the threshold fits that noise; cross-fitted, it
    // sees scores the regression was not fitted on, and moves.
    const rand = prng(5);
    const articles: StageArticle[] = [];
    for (let a = 0; a < 40; a++) {
      const probs = Array.from({ length: 4 }, () => row(0.2 + 0.4 * rand()));
      const lines = [0, 1].map((i) => ({
        gold: rand() < 0.5 ? [0] : [],
        members: [2 * i, 2 * i + 1],
        words: 5 + Math.floor(40 * rand()),
      }));
      articles.push({ probs, lines });
    }
    const plain = fitLineStage(articles, [0.5], 1, { minSupport: 5 });
    const crossed = fitLineStage(articles, [0.5], 1, { minSupport: 5, crossFit: 5 });
    expect(crossed.weights).toEqual(plain.weights);
    expect(crossed.thresholds[0]).not.toBe(plain.thresholds[0]);
    expect(fitLineStage(articles, [0.5], 1, { minSupport: 5, crossFit: 1 })).toEqual(plain);
  });
});

describe('fitArticleGate', () => {
  it('keeps a label to the articles whose mean probability is high', () => {
    // Label 0 is on every line of the articles with a higher mean probability, on none of the others.
    const articles = Array.from({ length: 20 }, (_, a) => {
      const high = a % 2 === 0;
      const probs = Array.from({ length: 4 }, (_, j) => row((high ? 0.4 : 0.2) + 0.05 * (j % 2)));
      const lines = [0, 1].map((i) => ({ gold: high ? [0] : [], members: [2 * i, 2 * i + 1] }));
      return { probs, lines };
    });
    const gate = fitArticleGate(articles, [0.5], 1, { minSupport: 5 });
    for (const a of articles) {
      const t = gatedThresholds(gate, articleScores(a.probs, 1));
      const decided = a.lines.map((l) => l.members.some((j) => a.probs[j]![0]! >= t[0]!));
      expect(decided).toEqual(a.lines.map((l) => l.gold.length > 0));
    }
  });
});

describe('decisionLanguages', () => {
  it('reads the languages of --set gate and --set lineStage, and refuses both for one language', () => {
    expect(decisionLanguages({})).toEqual({ gate: [], stage: [] });
    expect(decisionLanguages({ gate: '1', lineStage: '0' })).toEqual({ gate: ['ru'], stage: [] });
    expect(decisionLanguages({ gate: 'de,pl', lineStage: 'ru' })).toEqual({
      gate: ['de', 'pl'],
      stage: ['ru'],
    });
    // The analyzer decides a language with a stage by the stage alone: a gate beside it would
    // only change the calibration fitted.
    expect(() => decisionLanguages({ gate: 'ru', lineStage: '1' })).toThrow(
      expect.objectContaining({ code: 'E_OPTION_VALUE' }),
    );
  });

  it.each([[{ gate: 'ru,xx' }], [{ lineStage: 'russian' }], [{ gate: 'ge' }]])(
    'refuses a language the data set does not have: %j',
    (extra) => {
      expect(() => decisionLanguages(extra)).toThrow(
        expect.objectContaining({
          code: 'E_OPTION_VALUE',
          message: expect.stringMatching(/is not a language/),
        }),
      );
    },
  );
});
