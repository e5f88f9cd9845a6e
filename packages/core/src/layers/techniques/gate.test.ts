import { describe, expect, it } from 'vitest';
import { articleScores, gatedThresholds } from './gate.js';
import {
  LINE_WIDTH_ARTICLE,
  lineDecide,
  lineInputs,
  lineReason,
  lineStageProblem,
  wordCount,
} from './line-stage.js';

const row = (...p: number[]) => Float64Array.from(p);

describe('article gate', () => {
  it('scores an article by its sentences’ mean and leaves no threshold where the score is short', () => {
    const probs = [row(0.2, 0.9), row(0.4, 0.1)];
    const s = articleScores(probs, 2);
    expect(s[0]).toBeCloseTo(0.3, 9);
    expect(s[1]).toBeCloseTo(0.5, 9);
    expect([...articleScores([], 2)]).toEqual([0, 0]);
    const t = gatedThresholds({ article: [0.35, 0.5], sentence: [0.1, 0.6] }, s);
    expect(t[0]).toBe(Number.POSITIVE_INFINITY);
    expect(t[1]).toBe(0.6);
  });
});

describe('line stage', () => {
  it('counts whitespace-separated words of a range', () => {
    expect(wordCount('  one two\tthree\n four ', 0, 22)).toBe(4);
    expect(wordCount('one two three', 4, 7)).toBe(1);
    expect(wordCount('', 0, 0)).toBe(0);
  });

  it('decides a label by its regression where it has weights, by the sentence rule where not', () => {
    const members = [row(0.9, 0.2), row(0.1, 0.7)];
    const article = row(0.5, 0.45);
    const x = lineInputs(members, article, 20, 0);
    expect(x[0]).toBeCloseTo(Math.log(0.9 / 0.1), 6);
    expect(x[1]).toBeCloseTo(Math.log(0.91 / 0.09), 6);
    expect(x[2]).toBeCloseTo(0, 6);
    expect(x[3]).toBeCloseTo(Math.log(21), 9);
    expect(x[4]).toBe(1);
    // Label 0 by length alone (weight on log words), label 1 by the sentence rule at 0.6.
    const stage = { weights: [[0, 0, 0, 1, -3], []], thresholds: [0.5, 0.6] };
    expect(lineDecide(stage, members, article, 20)).toEqual([0, 1]);
    expect(lineDecide(stage, members, article, 10)).toEqual([1]);
    expect(lineDecide({ ...stage, thresholds: [0.5, 0.8] }, members, article, 10)).toEqual([]);
    expect(lineDecide(stage, [], article, 20)).toEqual([]);
  });

  it('takes the article density (summed mean probabilities) as an input in a stage of six weights', () => {
    const members = [row(0.9, 0.2)];
    const article = row(0.5, 0.25);
    const x = lineInputs(members, article, 20, 0, LINE_WIDTH_ARTICLE);
    expect(x).toHaveLength(6);
    expect(x[4]).toBeCloseTo(Math.log(0.75 + 1e-4), 9);
    expect(x[5]).toBe(1);
    // Label 0 only in an article that looks dense.
    const stage = { weights: [[0, 0, 0, 0, 4, 0], []], thresholds: [0.5, 2] };
    expect(lineStageProblem(stage, 2)).toBeUndefined();
    expect(lineDecide(stage, members, article, 20)).toEqual([]);
    expect(lineDecide(stage, members, row(0.9, 0.6), 20)).toEqual([0]);
    expect(lineStageProblem({ weights: [[0, 0, 0, 0], []], thresholds: [0.5, 2] }, 2)).toMatch(/5 or 6/);
  });
});

describe('the line stage reason', () => {
  const stage = { weights: [[0, 0, 0, 0, 0]], thresholds: [0.5] };
  const why = (score: number) => lineReason(stage, [row(0.4)], row(0.1), 10, 0, score).split(':')[0];

  it('shows the score and threshold with two decimals, or as many more as tell them apart', () => {
    expect(why(0.31)).toBe('paragraph stage 0.31 < 0.50');
    expect(why(0.4996)).toBe('paragraph stage 0.4996 < 0.5000');
    expect(why(0.502)).toBe('paragraph stage 0.502 ≥ 0.500');
    expect(why(0.5)).toBe('paragraph stage 0.50 ≥ 0.50');
  });
});
