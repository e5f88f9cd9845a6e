import { describe, expect, it } from 'vitest';
import { createModelStore } from '../../models/registry.js';
import { createPipeline } from '../../pipeline.js';
import { knownNames } from './outlets.js';

describe('known names (outlets and places of the shipped gazetteer)', () => {
  it('names outlets canonically and tells places by kind', () => {
    const k = knownNames();
    expect(k.outlet('ТАСС')).toBe('TASS');
    expect(k.outlet('РИА «Новости»')).toBe(k.outlet('RIA Novosti'));
    expect(k.outlet('Example Daily Planet')).toBeUndefined();
    expect(k.placeKind('Beijing')).toBe('capital');
    expect(k.placeKind('Robert Spencer')).toBeUndefined();
  });

  it('are built once per model store, at set-up, with the files they read in producers', async () => {
    const models = createModelStore();
    const text =
      'Министры обсудили зерновой коридор\n\nМОСКВА, 8 июл - РИА Новости. Песков заявил о переговорах.\n\nПереговоры продолжатся в пятницу.';
    const a = await createPipeline({ layers: ['paragraphs', 'quotes'], models });
    const built = models.keys.filter((k) => k.startsWith('known-names#'));
    expect(built).toHaveLength(1);
    await createPipeline({ layers: ['paragraphs'], models });
    expect(models.keys.filter((k) => k.startsWith('known-names#'))).toEqual(built);
    const doc = a.run({ id: 'a', text });
    expect(doc.meta.outlet).toBe('RIA Novosti');
    for (const layer of ['paragraphs', 'quotes'] as const)
      expect(Object.keys(doc.producers[layer]!.models ?? {})).toEqual(
        expect.arrayContaining(['layers/entities/countries.json', 'layers/entities/world.en.json']),
      );
  });
});
