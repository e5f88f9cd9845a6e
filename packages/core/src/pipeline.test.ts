import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineAnalyzer } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { createModelStore } from './models/registry.js';
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
        version: 5,
        models: {
          'layers/paragraphs/layout.json': expect.any(String),
          'layers/paragraphs/datelines.en.json': expect.any(String),
          'layers/paragraphs/datelines.ru.json': expect.any(String),
          'layers/entities/gazetteer.json': expect.any(String),
          'layers/entities/first-names.en.json': expect.any(String),
          'layers/entities/countries.json': expect.any(String),
          'layers/entities/world.en.json': expect.any(String),
        },
      },
      sentences: { name: 'sentences', version: 3, models: expect.any(Object) },
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

describe('pipeline set-up and runs, with analyzers of the test', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const MiB = 1048576;
  const paras = defineAnalyzer({
    name: 'paras',
    version: 3,
    requires: [],
    produces: 'paragraphs',
    defaults: { min: 1 },
    rules: { min: { valid: (v: unknown) => typeof v === 'number', expects: 'a number' } },
    setup: () => 'ready',
    run: (doc, ctx) => {
      ctx.report({ code: 'W_TEST', severity: 'warning', message: 'a warning of the test' });
      return [{ start: 0, end: doc.text.length, role: 'body' as const }];
    },
  });
  const lang = defineAnalyzer({
    name: 'lang',
    version: 2,
    requires: ['paragraphs'],
    produces: 'language',
    defaults: {},
    run: () => ({ code: 'en', confidence: 1, script: 'Latn', method: 'declared' as const }),
  });

  it('records set-up time and heap per analyzer, to a tenth', async () => {
    // Clock and heap as each set-up sees them: before and after `paras`, then `lang`.
    const clock = [100, 112.345, 200, 200.04];
    vi.spyOn(performance, 'now').mockImplementation(() => clock.shift() ?? 0);
    const heap = [
      [10, 2],
      [13.26, 2.5],
      [20, 1],
      [19, 1],
    ];
    vi.spyOn(process, 'memoryUsage').mockImplementation(() => {
      const [h, a] = heap.shift() ?? [0, 0];
      return { heapUsed: h! * MiB, arrayBuffers: a! * MiB, rss: 0, heapTotal: 0, external: 0 };
    });
    const p = await createPipeline({ analyzers: [lang, paras] });
    expect(p.order).toEqual(['paras', 'lang']);
    expect(p.setup).toEqual([
      { analyzer: 'paras', ms: 12.3, heapMiB: 3.8 },
      { analyzer: 'lang', ms: 0, heapMiB: -1 },
    ]);
  });

  it('lists layers, producers and inputs in run order', async () => {
    const p = await createPipeline({ analyzers: [lang, paras], options: { paras: { min: 2 } } });
    expect(p.layers).toEqual(['paragraphs', 'language']);
    expect(p.producers).toEqual({
      paragraphs: { name: 'paras', version: 3, options: { min: 2 } },
      language: { name: 'lang', version: 2 },
    });
    expect(p.inputs).toEqual({ paragraphs: [], language: ['paragraphs'] });
    const only = await createPipeline({ analyzers: [lang, paras], layers: ['paragraphs'] });
    expect(only.order).toEqual(['paras']);
  });

  it('keeps the input’s diagnostics and metadata without changing the input', async () => {
    const p = await createPipeline({ analyzers: [lang, paras] });
    const input = {
      id: 'a',
      text: 'Hello.',
      meta: { title: 'Hi' },
      diagnostics: [{ code: 'W_READ', severity: 'warning' as const, message: 'read with a warning' }],
    };
    const d = p.run(input);
    expect(d).toMatchObject({ id: 'a', text: 'Hello.', meta: { title: 'Hi' } });
    expect(d.meta).not.toBe(input.meta);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['W_READ', 'W_TEST']);
    expect(input.diagnostics).toHaveLength(1);
    expect(Object.keys(d.producers)).toEqual(['paragraphs', 'language']);
    expect(p.run({ id: 'b', text: 'x' }).diagnostics.map((x) => x.code)).toEqual(['W_TEST']);
  });

  it('reports each analyzer’s time on run and on extend', async () => {
    const seen: string[] = [];
    const p = await createPipeline({
      analyzers: [lang, paras],
      onTiming: (a, ms) => seen.push(`${a}:${typeof ms === 'number' && ms >= 0}`),
    });
    const d = p.run({ id: 'a', text: 'Hello.' });
    expect(seen.splice(0)).toEqual(['paras:true', 'lang:true']);
    const { language: _, ...without } = d;
    const again = p.extend({ ...without, producers: { paragraphs: d.producers.paragraphs! } });
    expect(seen).toEqual(['lang:true']);
    expect(again.language?.code).toBe('en');
    // All layers by default; a fresh document is left as it is.
    expect(p.extend(d)).toEqual(d);
  });

  it('loads models into the store it is given, once for several pipelines', async () => {
    const models = createModelStore();
    const a = await createPipeline({ layers: ['frames'], models });
    const keys = models.keys;
    expect(keys.some((k) => k.startsWith('frames'))).toBe(true);
    const b = await createPipeline({ layers: ['frames'], models });
    expect(models.keys).toEqual(keys);
    expect(b.producers.frames).toEqual(a.producers.frames);
    // Without a store of its own, a pipeline loads into a fresh one.
    await createPipeline({ layers: ['genre'] });
    expect(models.keys).toEqual(keys);
  });

  it('names the known analyzers when options name another', async () => {
    await expect(createPipeline({ analyzers: [lang, paras], options: { parsa: {} } })).rejects.toThrow(
      expect.objectContaining({
        code: 'E_UNKNOWN_ANALYZER',
        message: 'no analyzer named "parsa"; known: lang, paras',
      }),
    );
    // Options of an analyzer outside the pipeline are checked too.
    await expect(
      createPipeline({ analyzers: [lang, paras], layers: ['paragraphs'], options: { paras: { min: 'x' } } }),
    ).rejects.toThrow(expect.objectContaining({ code: 'E_OPTION_TYPE' }));
  });
});
