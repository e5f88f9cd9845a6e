import type { LayerPlan } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { staleLayers } from './stale.js';

// A plan as a pipeline describes itself: quotes reads entities, frames stands alone.
const plan: LayerPlan = {
  layers: ['entities', 'quotes', 'frames'],
  producers: {
    entities: { name: 'entities', version: 4, models: { 'ner-en/ner-en.json': 'ab12' } },
    quotes: { name: 'quotes', version: 8, options: { learned: '' }, optional: ['entities'] },
    frames: { name: 'frames', version: 1, options: { why: 4 }, models: { 'frames/model.json': 'cd34' } },
  },
  inputs: { entities: [], quotes: ['entities'], frames: [] },
};
const same = structuredClone(plan.producers) as Record<string, unknown>;

describe('staleLayers (from stored producer entries)', () => {
  it.each([
    ['nothing when every entry is the same', same, undefined, []],
    [
      'a layer of an older version',
      { ...same, frames: { ...(same.frames as object), version: 0 } },
      undefined,
      ['frames'],
    ],
    [
      'a layer whose model changed, and what reads it',
      { ...same, entities: { name: 'entities', version: 4, models: { 'ner-en/ner-en.json': 'ffff' } } },
      undefined,
      ['entities', 'quotes'],
    ],
    [
      'the same entry written with another key order',
      {
        ...same,
        frames: { models: { 'frames/model.json': 'cd34' }, options: { why: 4 }, version: 1, name: 'frames' },
      },
      undefined,
      [],
    ],
    ['a layer the document lacks', { entities: same.entities, quotes: same.quotes }, undefined, ['frames']],
    ['only the layers asked for', { entities: same.entities }, ['quotes'], ['quotes']],
    // Stored without a requirement of its layers (as `ingest` stores tokens): not stale for it.
    ['nothing for a requirement not kept', { quotes: same.quotes, frames: same.frames }, undefined, []],
    ['a requirement not kept, when asked for', { quotes: same.quotes }, ['entities'], ['entities']],
  ])('finds %s', (_name, producers, only, expected) => {
    expect(staleLayers(producers as Record<string, unknown>, plan, only as string[] | undefined)).toEqual(
      expected,
    );
  });
});
