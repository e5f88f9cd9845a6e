import { describe, expect, it } from 'vitest';
import { defineAnalyzer } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { createPipeline, resolveAnalyzers } from './pipeline.js';
import { SCHEMA } from './schema.js';

describe('pipeline', () => {
  it('keeps analyzer names, versions and inputs from changing silently', () => {
    expect(
      builtinAnalyzers.map(
        (a) =>
          `${a.name}@${a.version} -> ${a.produces} [${a.requires.join(',')}]${a.optional ? ` optional [${a.optional.join(',')}]` : ''}`,
      ),
    ).toMatchSnapshot();
  });

  it('orders analyzers by their inputs and records producers', async () => {
    const p = await createPipeline({ layers: ['sentences'] });
    expect(p.order).toEqual(['language', 'paragraphs', 'sentences']);
    const d = p.run({ id: 'a', text: 'Talks Resume\n\nThe talks resumed. Both sides attended.' });
    expect(d.schema).toBe(SCHEMA);
    expect(d.producers).toEqual({
      language: { name: 'language', version: 1, options: { sample: 1000, minConfidence: 0.05 } },
      paragraphs: {
        name: 'paragraphs',
        version: 3,
        models: {
          'layers/paragraphs/layout.json': expect.any(String),
          'layers/paragraphs/datelines.en.json': expect.any(String),
          'layers/paragraphs/datelines.ru.json': expect.any(String),
          'layers/entities/gazetteer.json': expect.any(String),
          'layers/entities/first-names.en.json': expect.any(String),
        },
      },
      sentences: { name: 'sentences', version: 1, models: expect.any(Object) },
    });
    expect(d.sentences!.map((s) => d.text.slice(s.start, s.end))).toEqual([
      'Talks Resume',
      'The talks resumed.',
      'Both sides attended.',
    ]);
  });

  it('runs an optional input first when it is in the pipeline, and never pulls it in', async () => {
    const both = await createPipeline({ layers: ['quotes', 'entities'] });
    expect(both.order.indexOf('entities')).toBeLessThan(both.order.indexOf('quotes'));
    expect(both.inputs.quotes).toContain('entities');
    const alone = await createPipeline({ layers: ['quotes'] });
    expect(alone.order).not.toContain('entities');
    expect(alone.producers.quotes!.optional).toBeUndefined();
    expect(both.producers.quotes!.optional).toEqual(['entities']);
  });

  it('orders the same whatever order the layers are asked in', async () => {
    const a = await createPipeline({ layers: ['sources', 'naming', 'genre'] });
    const b = await createPipeline({ layers: ['genre', 'naming', 'sources'] });
    expect(a.order).toEqual(b.order);
  });

  it('reports a missing requirement by name and a cycle of inputs', () => {
    const orphan = defineAnalyzer({
      name: 'orphan',
      version: 1,
      requires: ['tokens'],
      produces: 'sentences',
      defaults: {},
      run: () => [],
    });
    expect(() => resolveAnalyzers([orphan], ['sentences'])).toThrow(/"tokens" \(required by orphan\)/);
    const a = defineAnalyzer({
      name: 'a',
      version: 1,
      requires: [],
      optional: ['tokens'],
      produces: 'sentences',
      defaults: {},
      run: () => [],
    });
    const b = defineAnalyzer({
      name: 'b',
      version: 1,
      requires: ['sentences'],
      produces: 'tokens',
      defaults: {},
      run: () => [],
    });
    expect(() => resolveAnalyzers([a, b], ['tokens'])).toThrow(
      expect.objectContaining({ code: 'E_PIPELINE_CYCLE' }),
    );
  });

  it('uses declared language and turns empty text into a diagnostic, not a crash', async () => {
    const p = await createPipeline({ layers: ['tokens'] });
    const d = p.run({ id: 'e', text: '   ', meta: { lang: 'ru' } });
    expect(d.language).toMatchObject({ code: 'ru', method: 'declared' });
    expect(d.tokens).toEqual([]);
    expect(d.diagnostics.map((x) => x.code)).toContain('W_EMPTY_TEXT');
  });

  it('detects English and Russian and falls back to und on too little text', async () => {
    const p = await createPipeline({ layers: ['language'] });
    expect(
      p.run({
        id: 'en',
        text: 'The ministers met in Brussels on Monday to discuss the new sanctions package.',
      }).language!.code,
    ).toBe('en');
    expect(
      p.run({
        id: 'ru',
        text: 'Министры встретились в Брюсселе в понедельник, чтобы обсудить новый пакет санкций.',
      }).language!.code,
    ).toBe('ru');
    const und = p.run({ id: 'u', text: '12 34 !!' });
    expect(und.language!.code).toBe('und');
    expect(und.diagnostics[0]!.code).toBe('W_LANGUAGE_UNKNOWN');
  });

  it('reports set-up cost per analyzer', async () => {
    const p = await createPipeline({ layers: ['techniques'] });
    expect(p.setup.map((s) => s.analyzer)).toEqual(p.order);
    for (const s of p.setup) expect(s.ms).toBeGreaterThanOrEqual(0);
  });
});
