import { TECHNIQUES } from '@newsprism/core';
import { plattIn, prng, reliability } from '@newsprism/core/train';
import { describe, expect, it } from 'vitest';
import {
  fitParagraphCalibration,
  type ParagraphOutcome,
  paragraphOutcomes,
} from './paragraph-calibration.js';

const L = TECHNIQUES.length;
const LOADED = TECHNIQUES.indexOf('Loaded_Language');
const DOUBT = TECHNIQUES.indexOf('Doubt');

/** A probability row with the given labels set. */
function row(set: Record<number, number>): Float64Array {
  const p = new Float64Array(L);
  for (const [l, v] of Object.entries(set)) p[Number(l)] = v;
  return p;
}

describe('paragraphOutcomes', () => {
  it('lists a line’s technique when one sentence reaches the threshold, scored by the noisy-or of all its sentences', () => {
    // Two articles: 3 sentences (lines [0, 1] and [2]) and 1 sentence.
    const oof = [
      row({ [LOADED]: 0.6 }),
      row({ [LOADED]: 0.2 }),
      row({ [DOUBT]: 0.3 }),
      row({ [LOADED]: 0.9 }),
    ];
    const lines = [
      [
        { gold: ['Loaded_Language'], members: [0, 1] },
        { gold: [], members: [2] },
      ],
      [{ gold: [], members: [0] }],
    ];
    const half = { a: Array(L).fill(1), b: Array(L).fill(0) };
    const out = paragraphOutcomes(
      [{ lang: 'en' }, { lang: 'ru' }],
      [3, 1],
      (ai) => lines[ai]!,
      oof,
      () => Array(L).fill(0.5),
      (ai) => ai,
      () => half,
    );
    // Doubt at 0.3 is below its threshold: not presented.
    expect(out.map((o) => [o.lang, o.fold, o.y])).toEqual([
      ['en', 0, true],
      ['ru', 1, false],
    ]);
    expect(out[0]!.p).toBeCloseTo(1 - 0.4 * 0.8, 10);
    expect(out[1]!.p).toBeCloseTo(0.9, 10);
  });
});

describe('fitParagraphCalibration', () => {
  // Language `a`: the noisy-or overstates (truth = half the score); language `b`: calibrated.
  function outcomes(n: number): ParagraphOutcome[] {
    const r = prng(3);
    const out: ParagraphOutcome[] = [];
    for (let i = 0; i < n; i++) {
      const p = 0.2 + 0.7 * r();
      out.push({ p, y: r() < p / 2, lang: 'a', fold: i % 3 });
      const q = 0.1 + 0.8 * r();
      out.push({ p: q, y: r() < q, lang: 'b', fold: i % 3 });
    }
    return out;
  }

  it('gives the overconfident language its own map and lowers its held-out error', () => {
    const r = fitParagraphCalibration(outcomes(3000));
    expect(r.chosen.a).toBe('own');
    expect(r.ece.a!.own).toBeLessThan(0.03);
    expect(r.ece.a!.none).toBeGreaterThan(0.15);
    // Applied: language a's scores come down to about half.
    expect(plattIn(r.map, 'a', 0.8)).toBeLessThan(0.5);
    // Every language's chosen outcomes are the held-out ones, all of them.
    expect(r.mapped.a!.length).toBe(3000);
    expect(reliability(r.mapped.all!).ece).toBeLessThan(0.04);
  });

  it('does not map a language whose outcomes are too few for its own fit with its own', () => {
    const r = fitParagraphCalibration(outcomes(30));
    expect(r.chosen.a).not.toBe('own');
    expect(r.chosen.b).not.toBe('own');
  });
});
