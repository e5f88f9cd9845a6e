import { describe, expect, it } from 'vitest';
import type { Analyzer } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { createPipeline } from './pipeline.js';
import { ENGLISH_ARTICLE, RUSSIAN_ARTICLE } from './testing/articles.js';

const BASE = new Set(['schema', 'id', 'text', 'meta', 'producers', 'diagnostics']);

describe('analyzers read only the layers they declare', () => {
  it('in the full pipeline, on English and Russian articles', async () => {
    const read = new Map<string, Set<string>>();
    // Each analyzer sees the document through a proxy that notes which layers it touches.
    const watched: Analyzer[] = builtinAnalyzers.map((a) => ({
      ...a,
      run: (doc, ctx, options, resources) => {
        const seen = read.get(a.name) ?? new Set<string>();
        read.set(a.name, seen);
        const view = new Proxy(doc, {
          get(target, key, receiver) {
            if (typeof key === 'string' && !BASE.has(key)) seen.add(key);
            return Reflect.get(target, key, receiver);
          },
        });
        return a.run(view, ctx, options, resources);
      },
    }));
    const p = await createPipeline({ analyzers: watched });
    for (const text of [ENGLISH_ARTICLE, RUSSIAN_ARTICLE]) p.run({ id: 'a', text });
    for (const a of builtinAnalyzers) {
      const declared = new Set([...a.requires, ...(a.optional ?? [])]);
      expect(
        [...(read.get(a.name) ?? [])].filter((l) => !declared.has(l as never)),
        a.name,
      ).toEqual([]);
    }
    // The check sees reads: quotes reads entities.
    expect(read.get('quotes')).toContain('entities');
  });
});
