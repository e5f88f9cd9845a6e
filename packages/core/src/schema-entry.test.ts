import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { builtinAnalyzers } from './analyzers.js';
import { LAYER_INFO, layerInfo } from './layer-info.js';

describe('@newsprism/core/schema', () => {
  it('bundles for the browser: no Node built-in anywhere in its imports', async () => {
    const out = await build({
      entryPoints: [new URL('./schema-entry.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(out.errors).toEqual([]);
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || i.includes('node_modules'))).toEqual([]);
    // The pure helpers and labels are there; the analyzers and models are not.
    const code = out.outputFiles[0]!.text;
    expect(code).toContain('E_SCHEMA_NEWER');
    expect(code).toContain('Loaded_Language');
    expect(inputs.some((i) => i.includes('pipeline') || i.includes('models/'))).toBe(false);
  });

  it('describes every built-in layer, with its labels', () => {
    expect(LAYER_INFO.map((l) => l.layer).sort()).toEqual(builtinAnalyzers.map((a) => a.produces).sort());
    for (const l of LAYER_INFO) expect(l.level === 'span').toBe(l.spans !== undefined);
    expect(layerInfo('techniques')!.labels[0]!.values).toHaveLength(23);
    expect(layerInfo('frames')).toMatchObject({ level: 'document', labels: [{ field: 'frame' }] });
    expect(layerInfo('quotes')!.labels.find((x) => x.field === 'speaker.type')!.values).toContain(
      'anonymous',
    );
    expect(layerInfo('nope')).toBeUndefined();
  });
});
