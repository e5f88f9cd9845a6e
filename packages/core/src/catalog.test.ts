import { describe, expect, it } from 'vitest';
import { builtinAnalyzers } from './analyzers.js';
import { builtinCatalog } from './catalog.js';

const declaration = (a: {
  name: string;
  produces: string;
  requires: readonly string[];
  optional?: readonly string[];
}) => ({
  name: a.name,
  produces: a.produces,
  requires: [...a.requires],
  optional: [...(a.optional ?? [])],
});

describe('builtinCatalog', () => {
  it('declares every built-in analyzer as its module does, in the same order', () => {
    expect(builtinCatalog.map(declaration)).toEqual(builtinAnalyzers.map(declaration));
  });

  it('loads the very analyzer objects of the static list', async () => {
    const loaded = await Promise.all(builtinCatalog.map((e) => e.load()));
    expect(loaded.every((a, i) => a === builtinAnalyzers[i])).toBe(true);
  });
});
