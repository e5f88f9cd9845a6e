import { NewsprismError } from '../../errors.js';
import { modelUrl } from '../../models/dir.js';
import { parseLinearModel } from '../../models/linear.js';
import type { ModelRegistry } from '../../models/registry.js';
import { loadWordClusters, type WordClusters } from '../../models/word-clusters.js';
import { shippedDepsParser } from '../syntax/deps-model.js';
import { loadShippedSyntaxModel, type SyntaxModel } from '../syntax/model.js';
import type { DependencyParser } from '../syntax/parser.js';
import { clusterFeatures, mainClauseNames, parseClause, scaledNames } from './main-clause.js';
import { SentenceModel } from './sentence-model.js';

/** The feature groups beyond `sentenceVector` a `deps` model was trained with (`meta.features`). */
interface DepsFeatures {
  deps?: number;
  depsMax?: number;
  wc?: number;
  wcLevels?: number;
  wcBigrams?: boolean;
}

/**
 * The English check-worthiness model of the `claims` option `deps: true`
 * (`models/claims/checkworthy-deps.en.json`): the shipped model's features, plus the main
 * clause of each clause from the shipped tagger and dependency parser and the word clusters
 * (`main-clause.ts`), at the weights recorded in the model file.
 */
export class DepsScorer {
  private readonly f: DepsFeatures;

  constructor(
    readonly model: SentenceModel,
    private readonly tagger: SyntaxModel,
    private readonly parser: DependencyParser,
    private readonly clusters: WordClusters | null,
  ) {
    this.f = (model.linear.meta.features ?? {}) as DepsFeatures;
  }

  /** Probability of `Yes` for one English sentence or clause (`words`: its `sentenceWords`). */
  probability(text: string, lang: string, words?: readonly string[]): number {
    const bits = this.model.linear.bits;
    const v = this.model.vector(text, lang, false, words);
    const w = this.model.linear.weights;
    let z = this.model.linear.bias[0]!;
    for (let i = 0; i < v.idx.length; i++) z += v.val[i]! * w[v.idx[i]!]!;
    const add = (u: { idx: number[]; val: number[] }) => {
      for (let i = 0; i < u.idx.length; i++) z += u.val[i]! * w[u.idx[i]!]!;
    };
    if (this.f.deps) {
      const p = parseClause(text, this.tagger, this.parser, this.f.depsMax ?? 80);
      add(scaledNames(p ? mainClauseNames(p) : [], bits, this.f.deps));
    }
    if (this.f.wc && this.clusters)
      add(clusterFeatures(text, this.clusters, bits, this.f.wc, this.f.wcLevels ?? 7, !!this.f.wcBigrams));
    return 1 / (1 + Math.exp(-z));
  }
}

const FILE = 'claims/checkworthy-deps.en.json';
const OFF = 'or run without --set claims.deps=true';

/**
 * Loads the `deps: true` scorer through the registry: its model, the English tagger and parser,
 * and the word clusters it was trained with. A missing file throws `E_MODEL_MISSING` saying
 * which and how to make it (the option never falls back to the default model unasked); a model
 * trained with clusters that does not name its file, `E_MODEL_INVALID`.
 */
export function loadDepsScorer(registry: ModelRegistry): DepsScorer {
  const model = registry.load(
    FILE,
    modelUrl(FILE),
    ([b]) => SentenceModel.of(parseLinearModel(b!.toString('utf8'), FILE)),
    `the claims option deps needs it: train it with newsprism train claims --data ../shared/data/checkthat2024-checkworthy --set fit=blocks --set deps=0.25 --set wc=0.25 --set wcLevels=1 --out models/claims/checkworthy-deps.en.json, ${OFF}`,
  );
  const tagger = loadShippedSyntaxModel(
    registry,
    'en',
    `the claims option deps needs the English tagger: train it with npx newsprism train syntax --data ../shared/data/ud --lang en, ${OFF}`,
  );
  const parser = shippedDepsParser(
    registry,
    'en',
    `the claims option deps needs the English parser: train it with npx newsprism train syntax --data ../shared/data/ud --lang en --set parse=1, ${OFF}`,
  );
  const meta = model.linear.meta as {
    features?: DepsFeatures;
    clusters?: unknown;
    clustersChecksum?: unknown;
  };
  if (meta.features?.wc && typeof meta.clusters !== 'string')
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${FILE}: the model was trained with word clusters (wc) but does not name their file (meta.clusters); retrain it (its card has the command)`,
    );
  const clusters =
    typeof meta.clusters === 'string'
      ? loadWordClusters(registry, meta.clusters, meta.clustersChecksum)
      : null;
  return new DepsScorer(model, tagger, parser, clusters);
}
