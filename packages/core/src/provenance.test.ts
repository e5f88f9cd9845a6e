import { describe, expect, it } from 'vitest';
import { type LayerPlan, producerLabel, sameProducer, staleLayers } from './provenance.js';
import type { NewsDocument } from './schema.js';

// A plan as a store might keep it: no pipeline, no models loaded.
const plan: LayerPlan = {
  layers: ['language', 'entities', 'quotes'],
  producers: {
    language: { name: 'language', version: 1 },
    entities: { name: 'entities', version: 2, models: { 'ner-en/ner-en.json': 'aaaaaaaaaaaa' } },
    quotes: { name: 'quotes', version: 7, options: { minCueReliability: 0.3 }, optional: ['entities'] },
  },
  inputs: { language: [], entities: ['language'], quotes: ['language', 'entities'] },
};

const stored = (producers: NewsDocument['producers']): NewsDocument => ({
  schema: 'newsprism/2',
  id: 'a',
  text: 'x',
  meta: {},
  diagnostics: [],
  producers,
  language: { code: 'en', confidence: 1, script: 'Latn', method: 'declared' },
  entities: [],
  quotes: [],
});

describe('staleLayers and sameProducer', () => {
  it('finds nothing stale when every entry matches, whatever the key order', () => {
    const doc = stored({
      quotes: { optional: ['entities'], options: { minCueReliability: 0.3 }, version: 7, name: 'quotes' },
      entities: { models: { 'ner-en/ner-en.json': 'aaaaaaaaaaaa' }, version: 2, name: 'entities' },
      language: { version: 1, name: 'language' },
    });
    expect(staleLayers(doc, plan)).toEqual([]);
  });

  it.each([
    ['a model checksum', { 'ner-en/ner-en.json': 'bbbbbbbbbbbb' }, ['entities', 'quotes']],
    ['a model more', { 'ner-en/ner-en.json': 'aaaaaaaaaaaa', 'x/y.json': 'c' }, ['entities', 'quotes']],
  ])('a different %s makes the layer and its readers stale', (_what, models, want) => {
    const doc = stored({ ...plan.producers, entities: { name: 'entities', version: 2, models } });
    expect(staleLayers(doc, plan)).toEqual(want);
  });

  it('calls a layer made without an optional input stale, and a missing layer', () => {
    const { optional: _, ...without } = plan.producers.quotes!;
    expect(staleLayers(stored({ ...plan.producers, quotes: without }), plan)).toEqual(['quotes']);
    const doc = stored(plan.producers);
    delete doc.entities;
    expect(staleLayers(doc, plan)).toEqual(['entities', 'quotes']);
  });

  it('compares entries and labels them', () => {
    expect(sameProducer({ name: 'a', version: 1 }, { name: 'a', version: 2 })).toBe(false);
    expect(sameProducer({ name: 'a', version: 1, options: { k: 1 } }, { name: 'a', version: 1 })).toBe(false);
    expect(sameProducer(undefined, { name: 'a', version: 1 })).toBe(false);
    expect(producerLabel({ name: 'quotes', version: 7 })).toBe('quotes@7');
  });
});
