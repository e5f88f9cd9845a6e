import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelUrl } from '../../models/dir.js';
import { parseLinearModel } from '../../models/linear.js';
import { createModelStore, type ModelRegistry } from '../../models/registry.js';
import { JointScorer } from './joint.js';
import { SentenceModel } from './sentence-model.js';

/** The shipped sentence models: `models/<name>.<lang>.json`. */
const NAMES = ['claims/checkworthy', 'subjectivity/subjectivity'] as const;
/** A shipped sentence model's name. */
export type SentenceModelName = (typeof NAMES)[number];

const HINTS: Record<SentenceModelName, string> = {
  'claims/checkworthy':
    'train it with newsprism train claims --data ../shared/data/checkthat2024-checkworthy',
  'subjectivity/subjectivity':
    'train it with newsprism train subjectivity --data ../shared/data/checkthat-subjectivity',
};

/**
 * The sentence models a pipeline loaded: each shipped name's model per language, and the
 * joint scorer of a language whose two models share features.
 */
export class SentenceModels {
  private readonly joints = new Map<string, JointScorer | null>();

  constructor(private readonly byName: ReadonlyMap<string, ReadonlyMap<string, SentenceModel>>) {}

  /** The model `name` for `lang`, or undefined when none was trained for it. */
  get(name: SentenceModelName, lang: string): SentenceModel | undefined {
    return this.byName.get(name)?.get(lang);
  }

  /** The joint scorer of `lang` when both of its models exist and share features. */
  joint(lang: string): JointScorer | undefined {
    let j = this.joints.get(lang);
    if (j === undefined) {
      const a = this.get('claims/checkworthy', lang);
      const b = this.get('subjectivity/subjectivity', lang);
      const candidate = a && b ? new JointScorer(a, b) : undefined;
      j = candidate?.compatible() ? candidate : null;
      this.joints.set(lang, j);
    }
    return j ?? undefined;
  }
}

/** The languages of the shipped files `<dir>/<base>.<lang>.json`. */
function shippedLanguages(name: string): string[] {
  const [dir, base] = name.split('/') as [string, string];
  let files: string[];
  try {
    files = readdirSync(fileURLToPath(modelUrl(`${dir}/`)));
  } catch {
    return [];
  }
  const re = new RegExp(`^${base}\\.([a-z]{2,3})\\.json$`);
  return files.flatMap((f) => re.exec(f)?.[1] ?? []).sort();
}

/**
 * Loads every shipped check-worthiness and subjectivity model (English ships; a model trained
 * for another language is picked up by dropping it next to the English one).
 */
export function loadSentenceModels(registry: ModelRegistry): SentenceModels {
  const byName = new Map<string, Map<string, SentenceModel>>();
  for (const name of NAMES) {
    const langs = new Map<string, SentenceModel>();
    for (const lang of shippedLanguages(name)) {
      const file = modelUrl(`${name}.${lang}.json`);
      const what = `${name}.${lang}.json`;
      langs.set(
        lang,
        registry.load(
          what,
          file,
          ([b]) => SentenceModel.of(parseLinearModel(b!.toString('utf8'), what)),
          HINTS[name],
        ),
      );
    }
    byName.set(name, langs);
  }
  // One instance per set of files, so claims and subjectivity share its joint scorers (and
  // the second finds the first one's scores in their cache).
  const key = Object.entries(registry.loaded)
    .filter(([id]) => NAMES.some((n) => id.startsWith(n)))
    .map(([id, sum]) => `${id}=${sum}`)
    .join(',');
  return registry.derive(`sentence-models#${key}`, () => new SentenceModels(byName));
}

let shipped: SentenceModels | undefined;
/**
 * The shipped sentence models for the scoring helpers used outside a pipeline (evaluation,
 * research formats), loaded on first use. Pipelines load their own in set-up.
 */
export function shippedSentenceModels(): SentenceModels {
  shipped ??= loadSentenceModels(createModelStore().scope());
  return shipped;
}
