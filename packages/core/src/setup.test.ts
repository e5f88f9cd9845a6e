import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineAnalyzer } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { modelUrl } from './models/dir.js';
import { createModelStore } from './models/registry.js';
import { createPipeline } from './pipeline.js';
import { ENGLISH_ARTICLE } from './testing/articles.js';

const dir = mkdtempSync(join(tmpdir(), 'np-setup-'));
const garbage = join(dir, 'garbage.json');
writeFileSync(garbage, '{"format": "something else"}');
const notJson = join(dir, 'not-json.json');
writeFileSync(notJson, 'weights: 1 2 3');

const code = (c: string, message?: RegExp) =>
  expect.objectContaining({ code: c, ...(message ? { message: expect.stringMatching(message) } : {}) });

describe('run and extend refuse what is not a document', () => {
  it.each([
    [null, 'got null'],
    ['Council approves budget', 'got string'],
    [{ id: 'a1' }, 'its text is missing'],
    [{ id: 'a1', text: 42 }, 'its text is a number'],
    [{ text: 'The council met on Monday.' }, 'its id is missing'],
    [{ id: 'a1', text: null }, 'its text is null'],
    [{ id: ['a1'], text: 'The council met.' }, 'its id is an array'],
    // Spread into the document, a string would give {0: "O", 1: "n", …} and a string of
    // diagnostics one per character.
    [{ id: 'a1', text: 'The council met.', meta: 'Online' }, 'its meta is a string, not an object'],
    [{ id: 'a1', text: 'The council met.', meta: [] }, 'its meta is an array, not an object'],
    [
      { id: 'a1', text: 'The council met.', diagnostics: 'none' },
      'its diagnostics are a string, not an array',
    ],
  ])('%j → E_BAD_INPUT', async (input, what) => {
    const p = await createPipeline({ layers: ['sentences'] });
    const want = code(
      'E_BAD_INPUT',
      new RegExp(`^run\\(\\) takes a document like \\{id: "a1", text: "…"\\}: ${what}$`),
    );
    expect(() => p.run(input as never)).toThrow(want);
    expect(() => p.extend(input as never)).toThrow(code('E_BAD_INPUT', /^extend\(\) takes/));
  });
});

describe('createPipeline validates options before any document', () => {
  it.each([
    [{ layers: ['nope'] }, 'E_UNKNOWN_LAYER', /known layers: language, paragraphs/],
    [{ options: { nobody: {} } }, 'E_UNKNOWN_ANALYZER', /known: language, /],
    [{ options: { language: { bogus: 1 } } }, 'E_UNKNOWN_OPTION', /its options: sample, minConfidence/],
    [{ options: { claims: { minScore: '0.5' } } }, 'E_OPTION_TYPE', /must be a number, got string "0.5"/],
    [{ options: { claims: { clauses: 1 } } }, 'E_OPTION_TYPE', /must be a boolean/],
    [{ options: { entities: { gazetteers: 'a.json' } } }, 'E_OPTION_TYPE', /must be an array/],
    [{ options: { claims: { minScore: 2 } } }, 'E_OPTION_VALUE', /from 0 to 1, got 2/],
    [{ options: { techniques: { why: -1 } } }, 'E_OPTION_VALUE', /whole number ≥ 0/],
    [{ options: { language: { sample: Number.NaN } } }, 'E_OPTION_TYPE', /must be a number, got NaN/],
    [{ options: { entities: { gazetteers: [''] } } }, 'E_OPTION_VALUE', /list of file paths/],
    // A caller without type checking: a misspelt key would otherwise give every layer.
    [
      { layer: ['quotes'] },
      'E_UNKNOWN_OPTION',
      /^createPipeline has no option "layer"; options: layers, options,/,
    ],
    [{ layers: 'quotes' }, 'E_OPTION_TYPE', /"layers" must be an array of layer names/],
    [{ options: [] }, 'E_OPTION_TYPE', /"options" must be an object keyed by analyzer name/],
    [{ models: '/models' }, 'E_OPTION_TYPE', /"models" must be a model store made by createModelStore\(\)/],
    [{ onTiming: true }, 'E_OPTION_TYPE', /"onTiming" must be a function/],
    // Not a TypeError from the planner ("a.requires is not iterable").
    [
      { analyzers: [1] },
      'E_OPTION_TYPE',
      /"analyzers" must be an array of analyzers made by defineAnalyzer\(\)/,
    ],
  ])('%j → %s', async (opts, c, message) => {
    await expect(createPipeline(opts as never)).rejects.toThrow(code(c, message));
  });

  it.each([
    ['techniques', { model: '/nope/model.json' }],
    ['frames', { model: '/nope/model.json' }],
    ['genre', { model: '/nope/model.json' }],
    ['entities', { model: '/nope/ner.json' }],
    ['entities', { gazetteers: ['/nope/gazetteer.json'] }],
    ['quotes', { learned: '/nope/cues.json' }],
    ['subjectivity', { model: '/nope/subjectivity.json' }],
  ])('%s %j: a missing file is E_MODEL_MISSING at set-up', async (analyzer, options) => {
    await expect(createPipeline({ layers: [analyzer], options: { [analyzer]: options } })).rejects.toThrow(
      code('E_MODEL_MISSING', /not found/),
    );
  });

  it.each([
    ['techniques', 'model', garbage],
    ['techniques', 'model', notJson],
    ['entities', 'model', garbage],
    ['quotes', 'learned', notJson],
    ['subjectivity', 'model', garbage],
  ])('%s.%s = %s: an invalid model is E_MODEL_INVALID at set-up', async (analyzer, key, file) => {
    await expect(
      createPipeline({ layers: [analyzer], options: { [analyzer]: { [key]: file } } }),
    ).rejects.toThrow(code('E_MODEL_INVALID', new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))));
  });

  it('says what is wrong with a gazetteer', async () => {
    await expect(
      createPipeline({ layers: ['entities'], options: { entities: { gazetteers: [garbage] } } }),
    ).rejects.toThrow(code('E_GAZETTEER'));
  });
});

describe('set up once, then run', () => {
  it('calls each analyzer’s setup once and hands its result to every run', async () => {
    let setups = 0;
    const runs: number[] = [];
    const counted = defineAnalyzer({
      name: 'counted',
      version: 1,
      requires: [],
      produces: 'language',
      defaults: { code: 'en' },
      setup: (options) => {
        setups++;
        return { code: options.code, loadedAt: setups };
      },
      run: (_doc, _ctx, _options, r) => {
        runs.push(r.loadedAt);
        return { code: r.code, confidence: 1, script: 'Latn', method: 'declared' };
      },
    });
    const p = await createPipeline({ analyzers: [counted], options: { counted: { code: 'ru' } } });
    for (const id of ['a', 'b', 'c']) expect(p.run({ id, text: 'x' }).language!.code).toBe('ru');
    expect(setups).toBe(1);
    expect(runs).toEqual([1, 1, 1]);
  });

  it('keeps analyzers without setup working', async () => {
    const plain = defineAnalyzer({
      name: 'plain',
      version: 1,
      requires: [],
      produces: 'paragraphs',
      defaults: {},
      run: (doc) => [{ start: 0, end: doc.text.length, role: 'body' as const }],
    });
    const p = await createPipeline({ analyzers: [plain] });
    expect(p.run({ id: 'a', text: 'Hello.' }).paragraphs).toEqual([{ start: 0, end: 6, role: 'body' }]);
    expect(p.producers.paragraphs).toEqual({ name: 'plain', version: 1 });
  });

  it('reads a user model at set-up only: the file may go away before the run', async () => {
    const own = join(mkdtempSync(join(tmpdir(), 'np-own-')), 'techniques.json');
    copyFileSync(fileURLToPath(modelUrl('techniques/model.json')), own);
    const p = await createPipeline({ layers: ['techniques'], options: { techniques: { model: own } } });
    rmSync(own);
    const doc = p.run({ id: 'a', text: ENGLISH_ARTICLE });
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.techniques).toBeDefined();
  });

  it('shares loaded models between pipelines built with one store', async () => {
    const models = createModelStore();
    await createPipeline({ layers: ['entities', 'naming'], models });
    const before = models.keys.length;
    await createPipeline({ layers: ['naming'], models });
    expect(models.keys.length).toBe(before);
    expect(models.keys.some((k) => k.startsWith('ner-en/ner-en.json#'))).toBe(true);
  });
});

describe('provenance', () => {
  it('records options that change output and checksums of model and data files', async () => {
    const p = await createPipeline({ layers: ['techniques', 'quotes'], options: { techniques: { why: 2 } } });
    const doc = p.run({ id: 'a', text: ENGLISH_ARTICLE });
    const t = doc.producers.techniques!;
    expect(t).toMatchObject({ name: 'techniques', version: 10, options: { why: 2 } });
    // The file option is left out: its checksum stands for it.
    expect(t.options).not.toHaveProperty('model');
    expect(Object.keys(t.models!)).toEqual(
      expect.arrayContaining([
        'techniques/model.json',
        'techniques/model.en.json',
        'layers/techniques/cues.en.json',
      ]),
    );
    for (const sum of Object.values(t.models!)) expect(sum).toMatch(/^[0-9a-f]{12}$/);
    expect(Object.keys(doc.producers.quotes!.models!)).toEqual(
      expect.arrayContaining([
        'wordnet/verb',
        'quotes/cues.en.json',
        'layers/quotes/cues.en.json',
        'layers/quotes/cues.ru.json',
      ]),
    );
  });

  it('gives a user model of the same bytes the same checksum as the shipped one', async () => {
    const own = join(mkdtempSync(join(tmpdir(), 'np-own-')), 'frames.json');
    copyFileSync(fileURLToPath(modelUrl('frames/model.json')), own);
    const shipped = await createPipeline({ layers: ['frames'] });
    const mine = await createPipeline({ layers: ['frames'], options: { frames: { model: own } } });
    expect(mine.producers.frames!.models!['frames/user']).toBe(
      shipped.producers.frames!.models!['frames/model.json'],
    );
  });

  it('every built-in analyzer that loads a file records its checksum', async () => {
    const p = await createPipeline();
    for (const a of builtinAnalyzers)
      if (a.setup && !['language'].includes(a.name))
        expect(p.producers[a.produces]!.models, a.name).toBeDefined();
  });

  it('syntax loads its models at set-up and records their checksums', async () => {
    const p = await createPipeline({ layers: ['syntax'] });
    expect(Object.keys(p.producers.syntax!.models!).sort()).toEqual([
      'syntax/syntax-en.json',
      'syntax/syntax-ru.json',
    ]);
    await expect(
      createPipeline({ layers: ['syntax'], options: { syntax: { model: '/nope/syntax.json' } } }),
    ).rejects.toEqual(code('E_MODEL_MISSING', /syntax\/user/));
  });
});
