import { describe, expect, it } from 'vitest';
import type { Analyzer } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { createPipeline } from './pipeline.js';
import { ENGLISH_ARTICLE } from './testing/articles.js';

/** The built-in analyzers with `name` replaced by one whose run throws. */
const withBroken = (name: string): Analyzer[] =>
  builtinAnalyzers.map((a) =>
    a.name === name
      ? {
          ...a,
          run: () => {
            throw new TypeError('boom');
          },
        }
      : a,
  );

describe('failure isolation', () => {
  it('keeps the layers that succeeded, names the analyzer that threw and skips its dependents', async () => {
    const p = await createPipeline({
      analyzers: withBroken('entities'),
      layers: ['quotes', 'naming', 'claims', 'sources', 'techniques'],
    });
    const doc = p.run({ id: 'a', text: ENGLISH_ARTICLE });
    expect(doc.entities).toBeUndefined();
    expect(doc.producers.entities).toBeUndefined();
    // Dependents: skipped, with a diagnostic each.
    expect(doc.naming).toBeUndefined();
    expect(doc.claims).toBeUndefined();
    const errors = doc.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.source])).toEqual([
      ['E_ANALYZER_FAILED', 'entities'],
      ['E_LAYER_SKIPPED', 'claims'],
      ['E_LAYER_SKIPPED', 'naming'],
    ]);
    expect(errors[0]!.message).toBe('analyzer "entities" failed: boom');
    expect(errors[1]!.message).toMatch(/layer "entities" it requires is missing/);
    // Optional readers run without it and say so in their producer entry.
    expect(doc.quotes!.length).toBeGreaterThan(0);
    expect(doc.quotes!.every((q) => !q.speaker?.entity)).toBe(true);
    expect(doc.producers.quotes!.optional).toBeUndefined();
    expect(p.producers.quotes!.optional).toEqual(['entities']);
    expect(doc.sources).toBeDefined();
    expect(doc.techniques).toBeDefined();
  });

  it('isolates a failure in the first analyzer too', async () => {
    const p = await createPipeline({ analyzers: withBroken('language'), layers: ['tokens'] });
    const doc = p.run({ id: 'a', text: ENGLISH_ARTICLE });
    expect(doc.paragraphs!.length).toBeGreaterThan(0);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['E_ANALYZER_FAILED', 'E_LAYER_SKIPPED']);
  });
});
