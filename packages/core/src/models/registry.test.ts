import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModelStore, threadModelStore } from './registry.js';

function modelFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'np-registry-')), 'm.json');
  writeFileSync(file, text);
  return file;
}

describe('model stores', () => {
  it('parse a file once per store and again in another store', () => {
    const file = modelFile('{"w": [1, 2]}');
    let parsed = 0;
    const parse = ([b]: Buffer[]) => {
      parsed++;
      return JSON.parse(b!.toString('utf8')) as { w: number[] };
    };
    const a = createModelStore();
    const first = a.scope().load('m', file, parse);
    expect(a.scope().load('m', file, parse)).toBe(first);
    expect(parsed).toBe(1);
    expect(createModelStore().scope().load('m', file, parse)).not.toBe(first);
    expect(parsed).toBe(2);
  });

  it('the thread store gives a held model to the next pipeline, and parses a changed file afresh', () => {
    const file = modelFile('{"w": [3]}');
    let parsed = 0;
    const parse = ([b]: Buffer[]) => {
      parsed++;
      return JSON.parse(b!.toString('utf8')) as { w: number[] };
    };
    const held = threadModelStore().scope().load('thread-test', file, parse);
    expect(threadModelStore()).toBe(threadModelStore());
    const view = threadModelStore().scope();
    expect(view.load('thread-test', file, parse)).toBe(held);
    expect(parsed).toBe(1);
    // The checksum is recorded for the view that found it in the store, too.
    expect(view.loaded['thread-test']).toMatch(/^[0-9a-f]{12}$/);
    writeFileSync(file, '{"w": [4]}');
    expect(threadModelStore().scope().load('thread-test', file, parse)).toEqual({ w: [4] });
    expect(parsed).toBe(2);
    // Derived values too, under their key.
    const built = threadModelStore()
      .scope()
      .derive('thread-test-derived', () => ({ n: 1 }));
    expect(
      threadModelStore()
        .scope()
        .derive('thread-test-derived', () => ({ n: 2 })),
    ).toBe(built);
  });
});
