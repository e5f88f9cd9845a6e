import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelUrl } from '../../models/dir.js';
import { type LinearModel, parseLinearModel, withLabels } from '../../models/linear.js';
import type { ModelRegistry } from '../../models/registry.js';
import { loadWordClusters, type WordClusters } from '../../models/word-clusters.js';
import type { LearnedCues } from './learned.js';
import { loadVerbClasses, type VerbClasses } from './wordnet.js';

/** Where the shipped learned-cue models are: `models/quotes/cues.<lang>.json`. */
const SHIPPED = /^cues\.([a-z]{2,3})\.json$/;

/** The learned-cue models of a pipeline by language, and the verb classes they read. */
export interface LearnedCueModels {
  byLang: ReadonlyMap<string, LinearModel>;
  /** A user's model for every language. */
  own?: LinearModel;
  verbs: VerbClasses;
  /** The word clusters of each model trained with them (`meta.clusters`, `train quotes-learned`). */
  clusters: ReadonlyMap<LinearModel, WordClusters>;
}

/**
 * The word clusters a learned-cue model was trained with (`meta.clusters`, checked against
 * `meta.clustersChecksum`), or none for a model without cluster features.
 */
function clustersOf(registry: ModelRegistry, model: LinearModel, into: Map<LinearModel, WordClusters>): void {
  const wc = model.meta.clusters;
  if (typeof wc === 'string') into.set(model, loadWordClusters(registry, wc, model.meta.clustersChecksum));
}

/**
 * Loads the learned-cue models for the option `learned`: `''` = every shipped
 * `models/quotes/cues.<lang>.json`, a model file's path = that model for every language, `off`
 * = none (the rules alone). Returns null for `off`.
 */
export function loadLearnedCues(registry: ModelRegistry, learned: string): LearnedCueModels | null {
  if (learned === 'off') return null;
  const verbs = loadVerbClasses(registry);
  const parse =
    (what: string) =>
    ([b]: Buffer[]) =>
      withLabels(parseLinearModel(b!.toString('utf8'), what), ['cue'], what, 'learned-cue');
  if (learned) {
    const own = registry.load(
      'quotes/user',
      learned,
      parse(learned),
      'make one with newsprism train quotes-learned',
    );
    const clusters = new Map<LinearModel, WordClusters>();
    clustersOf(registry, own, clusters);
    return { byLang: new Map(), own, verbs, clusters };
  }
  const dir = fileURLToPath(modelUrl('quotes/'));
  const byLang = new Map<string, LinearModel>();
  for (const f of registry.exists(dir) ? readdirSync(dir).sort() : []) {
    const lang = SHIPPED.exec(f)?.[1];
    if (lang)
      byLang.set(
        lang,
        registry.load(
          `quotes/${f}`,
          join(dir, f),
          parse(`quotes/${f}`),
          'train it with newsprism train quotes-learned --data ../shared/data/polnear',
        ),
      );
  }
  const clusters = new Map<LinearModel, WordClusters>();
  for (const m of byLang.values()) clustersOf(registry, m, clusters);
  return { byLang, verbs, clusters };
}

/** The learned-cue settings of one document's language, or undefined for none. */
export function learnedFor(models: LearnedCueModels | null, lang: string): LearnedCues | undefined {
  if (!models) return undefined;
  const model = models.own ?? models.byLang.get(lang);
  return model ? { model, verbs: models.verbs, clusters: models.clusters.get(model) } : undefined;
}
