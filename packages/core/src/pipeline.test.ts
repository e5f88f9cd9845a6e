import { describe, expect, it } from 'vitest';
import { defineAnalyzer } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { createPipeline, resolveAnalyzers } from './pipeline.js';
import { SCHEMA } from './schema.js';

describe('pipeline', () => {
  it('keeps analyzer names and versions from changing silently', () => {
    expect(
      builtinAnalyzers.map((a) => `${a.name}@${a.version} -> ${a.produces} [${a.requires.join(',')}]`),
    ).toMatchSnapshot();
  });

  it('orders analyzers by their requirements and records producers', () => {
    const p = createPipeline({ layers: ['sentences'] });
    expect(p.order).toEqual(['paragraphs', 'language', 'sentences']);
    const d = p.run({ id: 'a', text: 'Talks Resume\n\nThe talks resumed. Both sides attended.' });
    expect(d.schema).toBe(SCHEMA);
    expect(d.producers).toEqual({
      paragraphs: 'paragraphs@2',
      language: 'language@1',
      sentences: 'sentences@1',
    });
    expect(d.sentences!.map((s) => d.text.slice(s.start, s.end))).toEqual([
      'Talks Resume',
      'The talks resumed.',
      'Both sides attended.',
    ]);
  });

  it('fails fast on an unknown layer, option or analyzer', () => {
    expect(() => createPipeline({ layers: ['nope'] })).toThrow(
      /E_UNKNOWN_LAYER|no analyzer produces layer "nope"/,
    );
    expect(() => createPipeline({ options: { language: { bogus: 1 } } })).toThrow(/has no option "bogus"/);
    expect(() => createPipeline({ options: { nobody: {} } })).toThrow(/no analyzer named "nobody"/);
  });

  it('reports a missing requirement by name', () => {
    const orphan = defineAnalyzer({
      name: 'orphan',
      version: 1,
      requires: ['tokens'],
      produces: 'sentences',
      defaults: {},
      run: () => [],
    });
    expect(() => resolveAnalyzers([orphan], ['sentences'])).toThrow(/"tokens" \(required by orphan\)/);
  });

  it('uses declared language and turns empty text into a diagnostic, not a crash', () => {
    const p = createPipeline({ layers: ['tokens'] });
    const d = p.run({ id: 'e', text: '   ', meta: { lang: 'ru' } });
    expect(d.language).toMatchObject({ code: 'ru', method: 'declared' });
    expect(d.tokens).toEqual([]);
    expect(d.diagnostics.map((x) => x.code)).toContain('W_EMPTY_TEXT');
  });

  it('detects English and Russian and falls back to und on too little text', () => {
    const p = createPipeline({ layers: ['language'] });
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
});
