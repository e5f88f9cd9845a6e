import { existsSync } from 'node:fs';

/**
 * Where the shipped models are. In the repository they live in `models/` at its root, with their
 * cards; a published `@newsprism/core` carries a copy in its own `models/` (made by `npm pack`'s
 * `prepack` script, `scripts/pack-models.mjs`), which wins when present. From `src/models/` and
 * `dist/models/` alike the package root is two levels up and the repository root four.
 */
let root: URL | undefined;
export function modelsRoot(): URL {
  if (!root) {
    const packaged = new URL('../../models/', import.meta.url);
    root = existsSync(packaged) ? packaged : new URL('../../../../models/', import.meta.url);
  }
  return root;
}

/** The URL of a shipped model file, `rel` relative to the models directory (`quotes/cues.en.json`). */
export const modelUrl = (rel: string): URL => new URL(rel, modelsRoot());
