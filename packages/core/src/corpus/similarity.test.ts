import { describe, expect, it } from 'vitest';
import { loadSimilarityModel } from './similarity-model.js';
import { scorePairs } from './similarity-pairs.js';
import { REWRITE, TRANSLATION, UNRELATED, WIRE } from './testing/fixtures.js';

const model = loadSimilarityModel();
const [same, translated, unrelated] = scorePairs(
  [
    { pair_id: 'same', text1: WIRE, text2: REWRITE },
    { pair_id: 'translated', text1: WIRE, text2: TRANSLATION, lang1: 'en', lang2: 'ru' },
    { pair_id: 'unrelated', text1: WIRE, text2: UNRELATED[1]! },
  ],
  model,
);

describe('scorePairs', () => {
  it('scores every dimension on the 1–4 scale', () => {
    for (const s of [same!, translated!, unrelated!])
      for (const d of [s.overall, s.geography, s.entities, s.time, s.narrative]) {
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(4);
      }
  });
  it('puts the same story (reworded or translated) closer than an unrelated one', () => {
    expect(same!.overall).toBeLessThan(unrelated!.overall - 1);
    expect(translated!.overall).toBeLessThan(unrelated!.overall);
    expect(same!.narrative).toBeLessThan(unrelated!.narrative);
  });
  it('says why: the places, entities and words both share', () => {
    expect(same!.why).toMatch(/^places: odesa/);
    expect(translated!.why).toMatch(/places: odesa/);
    expect(unrelated!.why).toMatch(/^places: none shared/);
  });
});

describe('loadSimilarityModel', () => {
  it('rejects a file that is not a similarity model', () => {
    expect(() => loadSimilarityModel(new URL(import.meta.url).pathname)).toThrow(
      /E_BAD_MODEL|cannot read similarity model/,
    );
  });
});
