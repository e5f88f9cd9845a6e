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

  it('a lazy model is checksummed at once and parsed at its first use, once, or taken from the store', () => {
    const file = modelFile('{"w": [5]}');
    let parsed = 0;
    const parse = ([b]: Buffer[]) => {
      parsed++;
      return JSON.parse(b!.toString('utf8')) as { w: number[] };
    };
    const store = createModelStore();
    const view = store.scope();
    const get = view.lazy('lazy-test', file, parse);
    expect(view.loaded['lazy-test']).toMatch(/^[0-9a-f]{12}$/);
    expect(parsed).toBe(0);
    expect(store.keys).toEqual([]);
    const first = get();
    expect(first).toEqual({ w: [5] });
    expect(get()).toBe(first);
    expect(parsed).toBe(1);
    // The same bytes loaded by another analyzer are the lazy one's, and the other way round.
    expect(store.scope().load('lazy-test', file, parse)).toBe(first);
    const other = createModelStore();
    const loadedFirst = other.scope().load('lazy-test', file, parse);
    expect(other.scope().lazy('lazy-test', file, parse)()).toBe(loadedFirst);
    expect(parsed).toBe(2);
  });

  it('a lazy model changed on disk before its first use is an error that says so; a missing one fails at once', () => {
    const file = modelFile('{"w": [6]}');
    const get = createModelStore()
      .scope()
      .lazy('lazy-changed', file, ([b]) => JSON.parse(b!.toString('utf8')));
    writeFileSync(file, '{"w": [7]}');
    expect(get).toThrow(expect.objectContaining({ code: 'E_MODEL_CHANGED' }));
    expect(() =>
      createModelStore()
        .scope()
        .lazy('lazy-missing', join(tmpdir(), 'np-no-such-model.json'), () => 1),
    ).toThrow(expect.objectContaining({ code: 'E_MODEL_MISSING' }));
  });
});
