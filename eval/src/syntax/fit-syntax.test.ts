import { describe, expect, it } from 'vitest';
import { type FitSettings, fitSyntax } from './fit-syntax.js';
import type { UdSentence } from './ud.js';

/** Short gold sentences written for this test (form/UPOS). */
const GOLD = [
  'The/DET cat/NOUN sleeps/VERB ./PUNCT',
  'A/DET dog/NOUN runs/VERB fast/ADV ./PUNCT',
  'Dogs/NOUN bark/VERB loudly/ADV ./PUNCT',
  'The/DET old/ADJ man/NOUN walks/VERB home/ADV ./PUNCT',
  'She/PRON reads/VERB a/DET book/NOUN ./PUNCT',
  'They/PRON sing/VERB and/CCONJ dance/VERB ./PUNCT',
].map((line, i): UdSentence => {
  const pairs = line.split(' ').map((t) => t.split('/') as [string, string]);
  return {
    doc: `d${i}`,
    forms: pairs.map(([f]) => f),
    upos: pairs.map(([, u]) => u),
    lemmas: pairs.map(([f]) => f.toLowerCase()),
    feats: pairs.map(() => '_'),
  };
});

const settings = (seed: number, bag: number): FitSettings => ({
  epochs: 3,
  bits: 10,
  prune: 0,
  morph: false,
  seed,
  bag,
  unk: 0,
  rareCount: 1,
});

/** The float weights of a shipped (int8) file, every bucket kept (prune 0). */
const weights = (seed: number, bag: number) => {
  const { file } = fitSyntax('en', GOLD, settings(seed, bag));
  const q = new Int8Array(Buffer.from(file.weights, 'base64'));
  return { w: Array.from(q, (x) => x * file.scale), scale: file.scale, meta: file.meta };
};

describe('fitSyntax bag', () => {
  it('ships the mean of the averaged weights of runs in different epoch orders', () => {
    const a = weights(7, 1);
    const b = weights(8, 1);
    const both = weights(7, 2);
    expect(both.meta.bag).toBe(2);
    expect(a.meta.bag).toBeUndefined();
    // Int8 quantisation: each file is within half a step of its float weights.
    const tolerance = (a.scale + b.scale + both.scale) / 2 + 1e-9;
    let differs = 0;
    for (let i = 0; i < both.w.length; i++) {
      expect(Math.abs(both.w[i]! - (a.w[i]! + b.w[i]!) / 2)).toBeLessThanOrEqual(tolerance);
      if (Math.abs(a.w[i]! - b.w[i]!) > 2 * tolerance) differs++;
    }
    // The two orders did learn different weights, so the mean is not either run.
    expect(differs).toBeGreaterThan(0);
  });
});
