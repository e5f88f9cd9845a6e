import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelUrl } from '../models/dir.js';
import { createModelStore } from '../models/registry.js';
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
  it('loads through a registry: checksummed, and one copy of the same bytes per store', () => {
    const store = createModelStore();
    const registry = store.scope();
    const shipped = loadSimilarityModel(undefined, registry);
    const own = join(mkdtempSync(join(tmpdir(), 'np-sim-')), 'mine.json');
    copyFileSync(fileURLToPath(modelUrl('similarity/similarity.json')), own);
    const mine = loadSimilarityModel(own, registry);
    expect(registry.loaded['similarity/similarity.json']).toMatch(/^[0-9a-f]{12}$/);
    expect(registry.loaded['similarity/user']).toBe(registry.loaded['similarity/similarity.json']);
    expect(mine).toEqual(shipped);
    expect([...store.keys].sort()).toEqual([
      `similarity/similarity.json#${registry.loaded['similarity/similarity.json']}`,
      `similarity/user#${registry.loaded['similarity/user']}`,
    ]);
  });

  it('says E_MODEL_MISSING for a missing file', () => {
    expect(() => loadSimilarityModel('/nope/similarity.json')).toThrow(
      expect.objectContaining({ code: 'E_MODEL_MISSING' }),
    );
  });

  it('rejects a file that is not a similarity model', () => {
    expect(() => loadSimilarityModel(new URL(import.meta.url).pathname)).toThrow(
      expect.objectContaining({ code: 'E_MODEL_INVALID' }),
    );
  });
});
