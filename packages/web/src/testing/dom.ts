import { render } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { builtinEnvironments } from 'vitest/environments';

/**
 * Vitest's own jsdom environment, set up on the test thread's globals for the calling file
 * (`beforeAll`) and taken down after it (`afterAll`). A file marked `@vitest-environment jsdom`
 * instead made Vitest wait for every Node file to finish and start fresh worker threads for it
 * (environments do not share a thread when `isolate` is off): the last second of `npm test`.
 */
export function useJsdom(): void {
  let teardown: ((global: typeof globalThis) => unknown) | undefined;
  beforeAll(async () => {
    teardown = (await builtinEnvironments.jsdom.setup(globalThis, {})).teardown;
  });
  afterAll(async () => {
    await teardown?.(globalThis);
  });
}

/**
 * A fresh element in the document for each test to render into (`beforeEach`), unmounted and
 * removed after it (`afterEach`); read it through the returned getter.
 */
export function useRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
  });
  return () => root!;
}
