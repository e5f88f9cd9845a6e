import { fileURLToPath } from 'node:url';
import { type LinearModel, loadLinearModel } from './linear.js';

const cache = new Map<string, LinearModel>();

/**
 * Loads a shipped model once per process (`name` is the folder under `models/`), or a user's
 * model file when `path` is given. The path is relative to this source file, which sits at the
 * same depth in `src/` and `dist/`.
 */
export function shippedModel(name: string, path?: string): LinearModel {
  const where = path ?? fileURLToPath(new URL(`../../../../models/${name}/model.json`, import.meta.url));
  let m = cache.get(where);
  if (!m) {
    m = loadLinearModel(where, `npx newsprism train ${name} --data ../shared/data/semeval2023-task3`);
    cache.set(where, m);
  }
  return m;
}

/** The languages a model was trained on (`meta.langThresholds` keys), for support checks. */
export function modelLanguages(m: LinearModel): string[] {
  return Object.keys((m.meta.langThresholds as Record<string, unknown> | undefined) ?? {});
}

/** Turns a feature name into words a reader can follow: `en:fake_news` → `"fake news"`. */
export function readableFeature(f: string): string {
  const ngram = /^[a-z]{2,3}:(.+)$/.exec(f);
  if (ngram) return `"${ngram[1]!.replace(/_/g, ' ')}"`;
  const prefix = /^[a-z]{2,3}~(.+)$/.exec(f);
  if (prefix) return `"${prefix[1]}…"`;
  return f;
}
