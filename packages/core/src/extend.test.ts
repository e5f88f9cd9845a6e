import { describe, expect, it } from 'vitest';
import type { Analyzer } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { keepLayers } from './io/serialize.js';
import { createModelStore } from './models/registry.js';
import { parseDocument } from './parse-document.js';
import { createPipeline } from './pipeline.js';
import { staleLayers } from './provenance.js';
import { ENGLISH_ARTICLE } from './testing/articles.js';

const models = createModelStore();

/** The built-in analyzers, each counting its runs. */
function counting(): { analyzers: Analyzer[]; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const analyzers = builtinAnalyzers.map((a) => ({
    ...a,
    run: (...args: Parameters<Analyzer['run']>) => {
      runs.set(a.name, (runs.get(a.name) ?? 0) + 1);
      return a.run(...args);
    },
  }));
  return { analyzers, runs };
}

const roundTrip = (doc: unknown) => parseDocument(JSON.stringify(doc));

describe('pipeline.extend', () => {
  it('adds missing layers and reuses the fresh ones', async () => {
    const stored = roundTrip(
      (await createPipeline({ layers: ['sentences'], models })).run({ id: 'a', text: ENGLISH_ARTICLE }),
    );
    const { analyzers, runs } = counting();
    const p = await createPipeline({ analyzers, layers: ['sentences', 'tokens', 'frames'], models });
    const doc = p.extend(stored, ['frames']);
    expect([...runs.keys()]).toEqual(['frames']);
    expect(doc.sentences).toEqual(stored.sentences);
    expect(doc.tokens).toBeUndefined();
    expect(Object.keys(doc.producers)).toEqual(['language', 'paragraphs', 'sentences', 'frames']);
    // The first pipeline of the file imports the language detector and loads the models.
  }, 30_000);

  it('gives what a fresh run gives, byte for byte, when a new layer feeds an old one', async () => {
    const stored = roundTrip(
      (await createPipeline({ layers: ['quotes'], models })).run({ id: 'a', text: ENGLISH_ARTICLE }),
    );
    const { analyzers, runs } = counting();
    const p = await createPipeline({ analyzers, layers: ['quotes', 'entities'], models });
    expect(staleLayers(stored, p)).toEqual(['entities', 'quotes']);
    const extended = p.extend(stored);
    // quotes read entities (optional): it runs again to link speakers; the base layers do not.
    expect([...runs.keys()].sort()).toEqual(['entities', 'quotes']);
    const fresh = (await createPipeline({ layers: ['entities', 'quotes'], models })).run({
      id: 'a',
      text: ENGLISH_ARTICLE,
    });
    expect(JSON.stringify(extended)).toBe(JSON.stringify(fresh));
  });

  it('redoes a layer made with other options, and what reads it', async () => {
    const old = await createPipeline({
      layers: ['claims', 'sources'],
      options: { claims: { minScore: 0.5 } },
      models,
    });
    const stored = roundTrip(old.run({ id: 'a', text: ENGLISH_ARTICLE }));
    const { analyzers, runs } = counting();
    const p = await createPipeline({ analyzers, layers: ['claims', 'sources'], models });
    expect(staleLayers(stored, p)).toEqual(['claims']);
    const doc = p.extend(stored);
    expect([...runs.keys()]).toEqual(['claims']);
    expect(doc.producers.claims!.options).toStrictEqual({ minScore: 0.1, clauses: true });
    expect(doc.claims!.length).toBeGreaterThanOrEqual(stored.claims!.length);
  });

  it('redoes layers whose model changed, with everything downstream', async () => {
    const p = await createPipeline({ layers: ['claims', 'naming'], models });
    const stored = roundTrip(p.run({ id: 'a', text: ENGLISH_ARTICLE }));
    stored.producers.entities!.models!['ner-en/ner-en.json'] = '000000000000';
    expect(staleLayers(stored, p)).toEqual(['entities', 'quotes', 'claims', 'naming']);
    const fresh = p.run({ id: 'a', text: ENGLISH_ARTICLE });
    expect(JSON.stringify(p.extend(stored))).toBe(JSON.stringify(fresh));
    expect(staleLayers(p.extend(stored), p)).toEqual([]);
  });

  it('makes a requirement the document was written without for a new layer, not its other readers', async () => {
    const p0 = await createPipeline({ layers: ['entities'], models });
    // As `analyze` writes it and `ingest` stores it: without the tokens entities were made from.
    const kept = new Set(p0.layers.filter((l) => l !== 'tokens'));
    const stored = roundTrip(keepLayers(p0.run({ id: 'a', text: ENGLISH_ARTICLE }), kept));
    expect(stored.tokens).toBeUndefined();
    const { analyzers, runs } = counting();
    const p = await createPipeline({ analyzers, layers: ['entities', 'naming'], models });
    const doc = p.extend(stored, ['naming']);
    // naming reads tokens, made again; entities, made from the same tokens, are not.
    expect([...runs.keys()].sort()).toEqual(['naming', 'tokens']);
    expect(doc.naming).toBeDefined();
    expect(doc.entities).toEqual(stored.entities);
  });

  it('keeps the diagnostics of layers it does not redo and refuses a layer it cannot make', async () => {
    const p = await createPipeline({ layers: ['sentences'], models });
    const stored = p.run({
      id: 'a',
      text: 'Hi',
      meta: { lang: 'und' },
      diagnostics: [{ code: 'W_X', severity: 'warning', message: 'input' }],
    });
    const again = p.extend(stored);
    expect(again.diagnostics).toEqual(stored.diagnostics);
    expect(() => p.extend(stored, ['claims'])).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_LAYER' }));
  });
});
